import { describe, expect, it } from "vitest";
import { createTimeSlicer } from "../../src/workers/time-slicer.ts";

describe("time-slicer", () => {
  it("createTimeSlicer asks to yield only once the budget has passed, then restarts it", async () => {
    let t = 0;
    const tick = createTimeSlicer(8, () => t);
    expect(tick()).toBeUndefined();
    t = 7.9;
    expect(tick()).toBeUndefined();
    t = 8;
    const p = tick();
    expect(p).toBeInstanceOf(Promise);
    await p;
    t = 10;
    expect(tick()).toBeUndefined();
  });
});
