/**
 * One replication as a steppable object (SimPy's Environment, d3-force's simulation): `step()`
 * runs one day, `run()` loops over `step()` to the horizon. State is exposed read-only for tests
 * and the Watch view.
 */
import type { Scenario } from "../model/index.ts";
import type { Accumulators, CompiledNetwork, NetworkState } from "../kernel/index.ts";
import { ITEM, createAccumulators, createState, resetAccumulators, resetState, scheduleDisruptions, simulateDay } from "../kernel/index.ts";
import { compiled } from "./compiled.ts";
import { createKpiWriter } from "./kpis.ts";

export interface Simulation {
  /** The next day to simulate (0 before the first step; horizon when done). */
  readonly day: number;
  readonly network: CompiledNetwork;
  readonly state: NetworkState;
  readonly accumulators: Accumulators;
  step(): void;
  run(): void;
  done(): boolean;
  /**
   * End-of-day figures of a node (all products), in the KPIs' words: on hand, customer backorders,
   * and units owed to downstream stocking nodes.
   */
  onHand(node: string): number;
  backorders(node: string): number;
  owedDownstream(node: string): number;
  inTransit(node: string): number;
  /** The KPI row (kpiColumns order), as runBatch gives it; meaningful once done() (daily means divide by all measured days). */
  kpis(): Float64Array;
}

/** Prepares a replication in existing state (used by batches, which reuse their arrays). */
export function startReplication(net: CompiledNetwork, st: NetworkState, acc: Accumulators, replication: number): void {
  resetState(net, st, replication);
  resetAccumulators(acc);
  if (acc.record) for (const a of Object.values(acc.record)) (a as Float64Array).fill(0);
  scheduleDisruptions(net, st);
}

export function createSimulation(scenario: Scenario, replication: number): Simulation {
  const net = compiled(scenario), st = createState(net), acc = createAccumulators(net);
  startReplication(net, st, acc, replication);
  const nodeIndex = (id: string) => {
    const n = net.nodeIds.indexOf(id);
    if (n < 0) throw new RangeError(`node: unknown node id ${JSON.stringify(id)}`);
    return n;
  };
  const sumItems = (id: string, f: (i: number) => number) => {
    const n = nodeIndex(id);
    let s = 0;
    for (let i = 0; i < net.items; i++) if (net.itemNode[i] === n && !net.itemSource[i]) s += f(i);
    return s;
  };
  const sim: Simulation = {
    get day() { return st.day; },
    network: net, state: st, accumulators: acc,
    step() { if (st.day < net.horizon) simulateDay(net, st, acc); },
    run() { while (st.day < net.horizon) sim.step(); },
    done: () => st.day >= net.horizon,
    onHand: (id) => sumItems(id, (i) => st.item[i * ITEM.stride + ITEM.onHand]),
    backorders: (id) => sumItems(id, (i) => st.item[i * ITEM.stride + ITEM.backorders]),
    owedDownstream: (id) => sumItems(id, (i) => st.item[i * ITEM.stride + ITEM.owedDown]),
    inTransit: (id) => sumItems(id, (i) => st.item[i * ITEM.stride + ITEM.inTransit]),
    kpis() {
      const w = createKpiWriter(net), out = new Float64Array(w.columns);
      w.write(acc, out, 0);
      return out;
    },
  };
  return sim;
}
