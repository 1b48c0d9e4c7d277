// Small scenarios for the engine's tests, built in code so each test states what it varies.
import { expect } from "vitest";
import type { Distribution, Lane, NodeSpec, Scenario } from "../../../src/sim/model/index.ts";
import { kpiColumns, runBatch, traceReplication } from "../../../src/sim/engine/index.ts";
import { compile } from "../../../src/sim/engine/compile.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";

export const constant = (value: number): Distribution => ({ type: "constant", value });
/** One unit, every time. */
export const one: Distribution = constant(1);

/** `s`, after checking that validation accepts it (the engine assumes it does). */
export function valid(s: Scenario): Scenario {
  const r = validateScenario(s);
  expect(r.ok ? [] : r.errors).toEqual([]);
  return s;
}

/** Compiles a scenario that validation accepts (compile assumes one). */
export const build = (s: Scenario) => compile(valid(s));

/** Units that departed on each lane (index), day by day over the horizon, in replication 0. */
export function perDay(s: Scenario): number[][] {
  const tr = traceReplication(s, 0), out = s.lanes.map(() => new Array<number>(s.horizon).fill(0));
  for (let j = 0; j < tr.shipmentLane.length; j++) {
    const l = tr.shipmentLane[j];
    if (l >= 0) out[l][tr.shipmentDepart[j]] += tr.shipmentQuantity[j];
  }
  return out;
}

export function scenario(parts: Partial<Scenario> & Pick<Scenario, "nodes" | "lanes" | "demand">): Scenario {
  return {
    format: "echelon-scenario@1", name: "test", horizon: 30, warmup: 0, replications: 1, seed: 7,
    unmetDemand: "backorder", allocation: "fifo", ...parts,
  };
}

export const supplier: NodeSpec = { id: "supplier", kind: "supplier" };
export const stock = (id: string, level: number, extra: Partial<NodeSpec> = {}): NodeSpec =>
  ({ id, kind: "store", policy: { type: "base-stock", level }, ...extra });
export const lane = (from: string, to: string, lead: number | Distribution, extra: Partial<Lane> = {}): Lane =>
  ({ from, to, leadTime: typeof lead === "number" ? constant(lead) : lead, ...extra });

/** Single node: supplier → store, constant demand, constant lead time. */
export function singleNode(level: number, demand: number, lead: number | Distribution, extra: Partial<Scenario> = {}): Scenario {
  return scenario({
    nodes: [supplier, stock("store", level, { holdingCost: 1 })],
    lanes: [lane("supplier", "store", lead, { costPerUnit: 0.5 })],
    demand: [{ node: "store", dist: constant(demand) }],
    ...extra,
  });
}

/** KPI values of replications from … to − 1 as objects keyed "scope:id:key". */
export function kpis(s: Scenario, from = 0, to = 1): Record<string, number>[] {
  const cols = kpiColumns(s), r = runBatch(s, { from, to });
  return Array.from({ length: to - from }, (_, k) =>
    Object.fromEntries(cols.map((c, j) => [c.scope === "network" ? `network:${c.key}` : `${c.scope}:${c.id}:${c.key}`, r.values[k * r.columns + j]])));
}
