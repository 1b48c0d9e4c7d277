/** traceReplication: one replication day by day, with every shipment, for the Watch view. */
import type { Scenario, Trace } from "../model/index.ts";
import { createDayRecord } from "../kernel/index.ts";
import { createSimulation } from "./simulation.ts";

export function traceReplication(scenario: Scenario, replication: number): Trace {
  const sim = createSimulation(scenario, replication), net = sim.network;
  const rec = createDayRecord(net);
  sim.accumulators.record = rec;
  sim.state.log = [];
  sim.run();
  const log = sim.state.log, n = log.length / 6, H = net.horizon;
  const col = (k: number) => Array.from({ length: n }, (_, j) => log[j * 6 + k]);
  const fillRate = new Float64Array(H);
  for (let t = 0; t < H; t++) {
    const d = sim.accumulators.netDayDemand[t];
    fillRate[t] = d > 0 ? sim.accumulators.netDayServed[t] / d : NaN;
  }
  return {
    replication, horizon: H, nodes: net.nodeIds,
    lanes: scenario.lanes.map((l) => ({ from: l.from, to: l.to })),
    onHand: rec.onHand, backorders: rec.owed, inTransit: rec.inTransit, demand: rec.demand, fillRate,
    shipmentLane: Int32Array.from(col(0)), shipmentFrom: Int32Array.from(col(1)), shipmentTo: Int32Array.from(col(2)),
    shipmentDepart: Int32Array.from(col(3)), shipmentArrive: Int32Array.from(col(4)), shipmentQuantity: Float64Array.from(col(5)),
  };
}
