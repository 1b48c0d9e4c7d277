import { describe, expect, it } from "vitest";
import { stackStock, stockBars, stockExtent } from "../../../src/ui/results/stock-stack.ts";
import { parts, stockPlan } from "./stock-fixture.ts";

describe("stock-stack", () => {
  it("stackStock stacks positive parts up from 0 in component order and leaves out parts of 0", () => {
    expect(stackStock(parts(30, 20, 40, 0))).toEqual([
      { key: "pipeline", value: 30, y0: 0, y1: 30 },
      { key: "cycle", value: 20, y0: 30, y1: 50 },
      { key: "safety", value: 40, y0: 50, y1: 90 },
    ]);
  });

  it("stackStock draws a negative part down from 0, so the bar still spans the parts' sum", () => {
    expect(stackStock(parts(10, 20, -5, 0))).toEqual([
      { key: "pipeline", value: 10, y0: 0, y1: 10 },
      { key: "cycle", value: 20, y0: 10, y1: 30 },
      { key: "safety", value: -5, y0: -5, y1: 0 },
    ]);
    expect(stockExtent([{ group: "g", plan: "A", segments: stackStock(parts(10, 20, -5, 0)), total: parts(10, 20, -5, 0).total }])).toEqual([-5, 30]);
  });

  it("stockBars groups by echelon, upstream first, one bar per plan; a level only one plan has keeps its group", () => {
    const b = stockPlan(2);
    const extra = { ...b, echelons: [...b.echelons, { level: 3, label: "Kiosks", nodes: [], stock: parts(1, 0, 1, 0) }] };
    const bars = stockBars([{ label: "A", breakdown: stockPlan() }, { label: "B", breakdown: extra }]);
    expect(bars.map((x) => `${x.group}/${x.plan}`)).toEqual(["Central DC/A", "Central DC/B", "Stores/A", "Stores/B", "Kiosks/B"]);
    expect(bars[1].segments.map((s) => [s.key, s.value])).toEqual([["pipeline", 200], ["heldForDownstream", 400]]);
  });
});
