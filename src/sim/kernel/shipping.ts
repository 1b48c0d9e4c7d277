/**
 * Step 5, upstream to downstream: every lane draws the day's lead time (one draw per lane and
 * day, whether or not anything departs), then each item serves the open orders of its
 * downstream items from on hand by the scenario's allocation rule, within its node's
 * throughput; a node in an outage ships nothing.
 */
import { allocateFifo, allocatePriority, allocateProportional } from "../inventory/allocation/index.ts";
import type { CompiledNetwork } from "./network.ts";
import type { NetworkState } from "./state.ts";

export function drawLeadTimes(net: CompiledNetwork, st: NetworkState): void {
  for (let l = 0; l < net.laneLead.length; l++) {
    const x = Math.round(net.laneLead[l].sample(st.laneStream[l], 1));
    st.laneLeadToday[l] = x > 0 ? x : 0;
  }
}

export function shipOrders(net: CompiledNetwork, st: NetworkState, t: number): void {
  drawLeadTimes(net, st);
  const cs = net.childStart, rule = net.allocation;
  for (let u = 0; u < net.items; u++) {
    const a = cs[u], b = cs[u + 1];
    if (a === b || st.owedDown[u] <= 0) continue;
    const node = net.itemNode[u];
    if (st.nodeOut[node] > 0) continue;
    let avail = st.onHand[u];
    const cap = net.nodeThroughput[node];
    if (cap !== Infinity) {
      const room = cap * st.nodeCapFactor[node] - st.nodeShipped[node];
      if (room < avail) avail = room;
    }
    if (avail <= 0) continue;
    if (rule === 1) allocateProportional(net, st, u, a, b, avail, t);
    else if (rule === 2) allocatePriority(net, st, u, a, b, avail, t);
    else allocateFifo(net, st, u, a, b, avail, t);
  }
}
