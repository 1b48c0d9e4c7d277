import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compiled } from "../../../src/sim/engine/index.ts";
import { createKpiWriter } from "../../../src/sim/engine/kpis.ts";
import { startReplication } from "../../../src/sim/engine/simulation.ts";
import type { CompiledNetwork } from "../../../src/sim/kernel/index.ts";
import { createAccumulators, createState, simulateDay } from "../../../src/sim/kernel/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";

const retail = JSON.parse(readFileSync(new URL("../../../scenarios/retail-3-echelon.json", import.meta.url), "utf8")) as Scenario;

function kpiRows(net: CompiledNetwork, n: number): number[] {
  const st = createState(net), acc = createAccumulators(net), writer = createKpiWriter(net);
  const rows = new Float64Array(n * writer.columns);
  for (let r = 0; r < n; r++) {
    startReplication(net, st, acc, r);
    for (let t = 0; t < net.horizon; t++) simulateDay(net, st, acc);
    writer.write(acc, rows, r * writer.columns);
  }
  return Array.from(rows);
}

describe("reviewAndOrder's loop for daily base-stock networks", () => {
  it("is taken only when every item that reviews is a daily base-stock item with a supplier and no expedite lane", () => {
    expect(compiled(retail).reviewDaily).toBe(true);
    const weekly = { ...retail, nodes: retail.nodes.map((n) => (n.id === "store-north-1" ? { ...n, policy: { type: "base-stock" as const, level: 77, review: 7 } } : n)) };
    expect(compiled(weekly).reviewDaily).toBe(false);
    const sS = { ...retail, nodes: retail.nodes.map((n) => (n.id === "dc-north" ? { ...n, policy: { type: "sS" as const, s: 300, S: 450 } } : n)) };
    expect(compiled(sS).reviewDaily).toBe(false);
  });

  it("orders what the general loop orders: every KPI of every replication identical, to the bit", () => {
    const net = compiled({ ...retail, horizon: 120, warmup: 10 });
    expect(kpiRows(net, 30)).toEqual(kpiRows({ ...net, reviewDaily: false }, 30));
  });
});
