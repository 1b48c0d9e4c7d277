import { describe, expect, it } from "vitest";
import { movingFillTrough } from "../../../src/sim/engine/moving-fill.ts";

describe("moving-fill", () => {
  it("movingFillTrough is exactly 0 for a week with nothing served, though running sums would leave −2.6e-16", () => {
    const dem = new Float64Array(30), srv = new Float64Array(30);
    for (let d = 0; d < 30; d++) { dem[d] = 0.1 * ((d % 7) + 1) + 0.01 * d; srv[d] = d >= 12 && d < 19 ? 0 : dem[d]; }
    expect(Object.is(movingFillTrough(dem, srv, 0, 30), 0)).toBe(true);
  });

  it("movingFillTrough is the lowest Σ served ÷ Σ demand over 7 measured days", () => {
    const dem = new Float64Array(20).fill(10), srv = new Float64Array(20).fill(10);
    srv[9] = 3; srv[10] = 0;
    expect(movingFillTrough(dem, srv, 2, 20)).toBe(53 / 70);
  });
});
