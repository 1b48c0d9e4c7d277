// The KPI writer's row width (engine/kpis.ts createKpiWriter): it writes exactly its `columns`
// cells of a replication's row, no more and no fewer.
import { describe, expect, it } from "vitest";
import { compiled, kpiColumns } from "../../../src/sim/engine/index.ts";
import { createKpiWriter } from "../../../src/sim/engine/kpis.ts";
import { startReplication } from "../../../src/sim/engine/simulation.ts";
import { createAccumulators, createState, simulateDay } from "../../../src/sim/kernel/index.ts";
import { lane, scenario, supplier, valid } from "./fixtures.ts";

describe("the KPI writer", () => {
  it("writes exactly `columns` cells of a replication's row (two products: the product block ends the row)", () => {
    const s = valid(scenario({
      horizon: 10, warmup: 2,
      products: [{ id: "p", unitCost: 1 }, { id: "q", unitCost: 2 }],
      nodes: [supplier, { id: "store", kind: "store", policy: { type: "base-stock", level: 20 } }],
      lanes: [lane("supplier", "store", 1)],
      demand: [{ node: "store", product: "p", dist: { type: "constant", value: 5 } }, { node: "store", product: "q", dist: { type: "constant", value: 3 } }],
    }));
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
