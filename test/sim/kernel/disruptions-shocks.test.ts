// Demand shocks (kernel/disruptions.ts recomputeEffects): each multiplies the demand of its own
// sources in its window, and only theirs, when several shocks target different nodes.
import { describe, expect, it } from "vitest";
import { traceReplication } from "../../../src/sim/engine/index.ts";
import { constant, lane, scenario, stock, supplier } from "../engine/fixtures.ts";

describe("two demand shocks on different stores", () => {
  it("each multiplies its own store's demand in its own window", () => {
    // a sells 10 a day, b 4: a × 2 on days 2 … 4, b × 3 on days 3 … 5.
    const s = scenario({
      horizon: 8,
      nodes: [supplier, stock("a", 100), stock("b", 100)],
      lanes: [lane("supplier", "a", 1), lane("supplier", "b", 1)],
      demand: [{ node: "a", dist: constant(10) }, { node: "b", dist: constant(4) }],
      disruptions: [{ type: "demand-shock", node: "a", multiplier: 2, start: 2, end: 5 }, { type: "demand-shock", node: "b", multiplier: 3, start: 3, end: 6 }],
    });
    const tr = traceReplication(s, 0), N = tr.nodes.length, of = (id: string) => Array.from({ length: 8 }, (_, t) => tr.demand[t * N + tr.nodes.indexOf(id)]);
    expect([of("a"), of("b")]).toEqual([[10, 10, 20, 20, 20, 10, 10, 10], [4, 4, 4, 12, 12, 12, 4, 4]]);
  });

  it("multiplies a seasonal source's demand as well: factor × shock", () => {
    // 10 a day × the season's factor (1 on even days, 3 on odd: cycle 2, factors [1, 3]) × 2 on days 2 … 4
    const s = scenario({
      horizon: 8,
      nodes: [supplier, stock("a", 100)],
      lanes: [lane("supplier", "a", 1)],
      demand: [{ node: "a", dist: constant(10), seasonality: { cycle: 2, factors: [1, 3] } }],
      disruptions: [{ type: "demand-shock", node: "a", multiplier: 2, start: 2, end: 5 }],
    });
    const tr = traceReplication(s, 0), N = tr.nodes.length;
    expect(Array.from({ length: 8 }, (_, t) => tr.demand[t * N + tr.nodes.indexOf("a")])).toEqual([10, 30, 20, 60, 20, 30, 10, 30]);
  });
});

