import { describe, expect, it } from "vitest";
import { clampDay, fillRateSeries, watchFrame } from "../../../src/ui/watch/watch-frame.ts";
import { trace } from "../fixtures.ts";

describe("watchFrame", () => {
  it("reads each node's end-of-day stock", () => {
    const f = watchFrame(trace(), 2);
    expect([...f.nodeValues]).toEqual([["dc", { onHand: 90, backorders: 0 }], ["s1", { onHand: 0, backorders: 4 }]]);
    expect(f.fillRate).toBe(0.5);
  });
  it("puts a shipment departed on day d, arriving on day a, at progress (t − d)/(a − d)", () => {
    expect(watchFrame(trace(), 0).flows).toEqual([]);
    expect(watchFrame(trace(), 1).flows).toEqual([{ from: "dc", to: "s1", progress: 0, quantity: 10 }]);
    expect(watchFrame(trace(), 2).flows).toEqual([{ from: "dc", to: "s1", progress: 0.5, quantity: 10 }]);
    expect(watchFrame(trace(), 3).flows).toEqual([]);
  });
  it("clamps the day into the horizon", () => {
    expect([clampDay(trace(), -3), clampDay(trace(), 9), watchFrame(trace(), 9).day]).toEqual([0, 3, 3]);
  });
  it("fillRateSeries keeps NaN for days without demand", () => {
    expect(fillRateSeries(trace())).toEqual([1, 1, 0.5, NaN]);
  });
});
