import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compiled, createSimulation, traceReplication } from "../../../src/sim/engine/index.ts";
import { createKpiWriter } from "../../../src/sim/engine/kpis.ts";
import { startReplication } from "../../../src/sim/engine/simulation.ts";
import type { CompiledNetwork } from "../../../src/sim/kernel/index.ts";
import { createAccumulators, createState, simulateDay } from "../../../src/sim/kernel/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { singleNode, stock, supplier } from "../engine/fixtures.ts";

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

describe("periodic review (scenario.md: a node reviews on days t with t % review == offset)", () => {
  // supplier → store, base-stock 100, demand 10 a day, lead time 2, 21 days
  const weekly = (offset?: number) => singleNode(100, 10, 2, {
    horizon: 21, nodes: [supplier, stock("store", 100, { policy: { type: "base-stock", level: 100, review: 7, ...(offset === undefined ? {} : { offset }) } })],
  });
  const run = (s: Scenario) => {
    const sim = createSimulation(s, 0), onHand: number[] = [];
    while (!sim.done()) { sim.step(); onHand.push(sim.onHand("store")); }
    const tr = traceReplication(s, 0);   // the supplier ships every order in full the day it is placed
    return { onHand, orders: Array.from(tr.shipmentDepart, (d, j) => [d, tr.shipmentQuantity[j]]) };
  };

  it("review 7 orders only on days 0, 7 and 14, up to the level", () => {
    // d0: 100 − 10 = 90, order 10 (due d2). d1 80; d2 80 + 10 − 10 = 80; then −10 a day to 30 on d7,
    // order 70 (due d9); d8 20; d9 20 + 70 − 10 = 80; … d14 30, order 70 (due d16); d16 80; d20 40.
    const { onHand, orders } = run(weekly());
    expect(orders).toEqual([[0, 10], [7, 70], [14, 70]]);
    expect(onHand).toEqual([90, 80, 80, 70, 60, 50, 40, 30, 20, 80, 70, 60, 50, 40, 30, 20, 80, 70, 60, 50, 40]);
  });

  it("review 7 with offset 3 orders only on days 3, 10 and 17", () => {
    // d0–d3: 90, 80, 70, 60, order 40 on d3 (due d5). d4 50; d5 50 + 40 − 10 = 80; … d10 30, order 70
    // (due d12); d11 20; d12 80; … d17 30, order 70 (due d19); d18 20; d19 80; d20 70.
    const { onHand, orders } = run(weekly(3));
    expect(orders).toEqual([[3, 40], [10, 70], [17, 70]]);
    expect(onHand).toEqual([90, 80, 70, 60, 50, 80, 70, 60, 50, 40, 30, 20, 80, 70, 60, 50, 40, 30, 20, 80, 70]);
  });
});
