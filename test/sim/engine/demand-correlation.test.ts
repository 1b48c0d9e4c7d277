// Correlated customer demand, checked statistically over 4,000 days (apart from demand.test.ts,
// whose fast tests the kernel's mutation run uses: scripts/mutate/folders.ts).
import { describe, expect, it } from "vitest";
import { traceReplication } from "../../../src/sim/engine/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { lane, scenario, stock, supplier } from "./fixtures.ts";

const Z999 = 3.2905;   // two-sided 99.9% normal quantile: every interval below is mean ± Z999 · standard error

function stores(n: number, extra: Partial<Scenario>): Scenario {
  const ids = Array.from({ length: n }, (_, k) => `s${k}`);
  return scenario({
    horizon: 4000,
    nodes: [supplier, ...ids.map((id) => stock(id, 400))],
    lanes: ids.map((id) => lane("supplier", id, 1)),
    demand: ids.map((node) => ({ node, dist: { type: "normal", mean: 100, sd: 10 } })),
    ...extra,
  });
}

const moments = (x: number[]) => {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  return { mean: m, variance: x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1) };
};

describe("correlated customer demand", () => {
  it("demandCorrelation keeps each store's marginal and makes the sum's variance n·σ²·(1 + (n − 1)ρ)", () => {
    const n = 4, rho = 0.5, sigma = 10, tr = traceReplication(stores(n, { demandCorrelation: { rho } }), 0);
    const N = tr.nodes.length, days = tr.horizon;
    const series = (k: number) => Array.from({ length: days }, (_, t) => tr.demand[t * N + tr.nodes.indexOf(`s${k}`)]);
    for (let k = 0; k < n; k++) {
      const { mean, variance } = moments(series(k));
      expect(Math.abs(mean - 100)).toBeLessThan(Z999 * sigma / Math.sqrt(days));
      expect(Math.abs(Math.sqrt(variance) - sigma)).toBeLessThan(Z999 * sigma / Math.sqrt(2 * days));
    }
    const sum = Array.from({ length: days }, (_, t) => series(0)[t] + series(1)[t] + series(2)[t] + series(3)[t]);
    const expected = n * sigma ** 2 * (1 + (n - 1) * rho);          // 1000; independent stores would give 400
    expect(Math.abs(moments(sum).variance - expected)).toBeLessThan(Z999 * expected * Math.sqrt(2 / (days - 1)));
  });
});
