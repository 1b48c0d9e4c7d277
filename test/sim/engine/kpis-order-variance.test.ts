// orderVarianceRatio at its edges (docs/kpis.md: sample variance of the node's daily orders ÷
// sample variance of the daily demand it sees, over the measured days; NaN if that demand has no
// variance), and the KPI writer's row width.
import { describe, expect, it } from "vitest";
import { compiled, kpiColumns } from "../../../src/sim/engine/index.ts";
import { createKpiWriter } from "../../../src/sim/engine/kpis.ts";
import { startReplication } from "../../../src/sim/engine/simulation.ts";
import { createAccumulators, createState, simulateDay } from "../../../src/sim/kernel/index.ts";
import { kpis, lane, scenario, singleNode, stock, supplier } from "./fixtures.ts";

describe("orderVarianceRatio", () => {
  it("is defined from two measured days: demand 10 then 20 (a shock ×2 on day 1), base-stock orders the same, ratio 1", () => {
    // S 30, L 1: day 0 sells 10 and orders 10; day 1 receives them, sells 20, orders 20.
    // Orders and demand are both (10, 20): sample variance 50 each.
    const s = scenario({
      horizon: 2, warmup: 0,
      nodes: [supplier, stock("store", 30)],
      lanes: [lane("supplier", "store", 1)],
      demand: [{ node: "store", dist: { type: "constant", value: 10 } }],
      disruptions: [{ type: "demand-shock", node: "store", multiplier: 2, start: 1, end: 2 }],
    });
    const k = kpis(s)[0];
    expect([k["network:demand"], k["network:orders"]]).toEqual([15, 1]);
    expect(k["node:store:orderVarianceRatio"]).toBe(1);
  });

  it("is NaN when the demand seen has no variance, even if the orders vary (sS batches against constant demand)", () => {
    // s 10, S 40, L 1, demand 10: an order of 30 every third day, constant demand 10
    const s = scenario({
      horizon: 30, warmup: 0,
      nodes: [supplier, stock("store", 0, { policy: { type: "sS", s: 10, S: 40 } })],
      lanes: [lane("supplier", "store", 1)],
      demand: [{ node: "store", dist: { type: "constant", value: 10 } }],
    });
    const k = kpis(s)[0];
    expect(k["network:orders"]).toBeGreaterThan(0.3);   // orders on some days, not all: their variance is > 0
    expect(k["network:orders"]).toBeLessThan(0.4);
    expect(k["node:store:orderVarianceRatio"]).toBeNaN();
  });

  it("is NaN for constant fractional demand: the rounding left in Σx² − (Σx)²/n is not variance", () => {
    // 0.1 a day for 1,000 days: Σx and Σx² are rounded sums, so their difference is ~1e-13, not 0;
    // divided by n − 1 it is ~1e-16, below the 1e-12 under which the engine calls a variance 0.
    const k = kpis(singleNode(5, 0.1, 1, { horizon: 1000, warmup: 0 }))[0];
    expect(k["network:demand"]).toBeCloseTo(0.1, 12);
    expect(k["node:store:orderVarianceRatio"]).toBeNaN();
  });
});

describe("the KPI writer", () => {
  it("writes exactly `columns` cells of a replication's row (two products: the product block ends the row)", () => {
    const s = scenario({
      horizon: 10, warmup: 2,
      products: [{ id: "p", unitCost: 1 }, { id: "q", unitCost: 2 }],
      nodes: [supplier, { id: "store", kind: "store", policy: { type: "base-stock", level: 20 } }],
      lanes: [lane("supplier", "store", 1)],
      demand: [{ node: "store", product: "p", dist: { type: "constant", value: 5 } }, { node: "store", product: "q", dist: { type: "constant", value: 3 } }],
    });
    const net = compiled(s), st = createState(net), acc = createAccumulators(net), writer = createKpiWriter(net);
    expect(writer.columns).toBe(kpiColumns(s).length);
    startReplication(net, st, acc, 0);
    for (let t = 0; t < net.horizon; t++) simulateDay(net, st, acc);
    const out = new Float64Array(writer.columns + 4).fill(-7);
    writer.write(acc, out, 2);
    expect([out[0], out[1], out[writer.columns + 2], out[writer.columns + 3]]).toEqual([-7, -7, -7, -7]);
    expect(out[writer.columns + 1]).not.toBe(-7);   // the row's last cell is written
  });
});
