/**
 * Step 1: disruption windows that start on day t take effect, those that end on day t stop.
 * Each replication lists its events once (windowed ones from the scenario, random outages drawn
 * from their own streams: up-times ~ exponential(mtbf), down-times ~ exponential(mttr), rounded
 * to whole days); on a day with events the derived effects are recomputed from the active set.
 */
import { DISRUPTION } from "./network.ts";
import type { CompiledNetwork } from "./network.ts";
import type { NetworkState } from "./state.ts";

export function scheduleDisruptions(net: CompiledNetwork, st: NetworkState): void {
  const D = net.disruptions, H = net.horizon;
  if (D.count === 0) { st.evCount = 0; st.evNext = 0; return; }   // nothing to list (and no closures to create per replication)
  const days: number[] = [], idx: number[] = [], sign: number[] = [];
  const push = (day: number, i: number, s: number) => { if (day < H) { days.push(day); idx.push(i); sign.push(s); } };
  for (let i = 0; i < D.count; i++) {
    if (!D.random[i]) { if (D.end[i] > D.start[i]) { push(D.start[i], i, 1); push(D.end[i], i, -1); } continue; }
    const r = st.outageStream;
    r.reseed(net.seedKey, st.replication, D.key[i]);
    for (let t = 0; t < H; ) {
      const up = Math.round(-D.mtbf[i] * Math.log(1 - r.uniform()));
      const down = Math.round(-D.mttr[i] * Math.log(1 - r.uniform()));
      const start = t + up;
      if (down > 0) { push(start, i, 1); push(start + down, i, -1); }
      t = Math.max(t + 1, start + down);
    }
  }
  const order = days.map((_, k) => k).sort((a, b) => days[a] - days[b] || a - b);
  st.evDay = Int32Array.from(order, (k) => days[k]);
  st.evIndex = Int32Array.from(order, (k) => idx[k]);
  st.evSign = Int8Array.from(order, (k) => sign[k]);
  st.evCount = order.length;
  st.evNext = 0;
}

export function applyDisruptions(net: CompiledNetwork, st: NetworkState, t: number): void {
  if (st.evNext >= st.evCount || st.evDay[st.evNext] !== t) return;
  while (st.evNext < st.evCount && st.evDay[st.evNext] === t) {
    st.active[st.evIndex[st.evNext]] += st.evSign[st.evNext];
    st.evNext++;
  }
  recomputeEffects(net, st);
}

function recomputeEffects(net: CompiledNetwork, st: NetworkState): void {
  const D = net.disruptions;
  st.laneDelay.fill(0); st.laneOut.fill(0); st.laneCapFactor.fill(1);
  st.nodeOut.fill(0); st.nodeCapFactor.fill(1); st.shock.fill(1);
  for (let i = 0; i < D.count; i++) {
    if (st.active[i] === 0) continue;
    const g = D.target[i], v = D.value[i];
    switch (D.kind[i]) {
      case DISRUPTION.laneDelay: st.laneDelay[g] += v; break;
      case DISRUPTION.laneOutage: st.laneOut[g]++; break;
      case DISRUPTION.nodeOutage: st.nodeOut[g]++; break;
      case DISRUPTION.demandShock:
        for (let k = D.srcStart[i]; k < D.srcStart[i + 1]; k++) st.shock[D.srcList[k]] *= v;
        break;
      case DISRUPTION.nodeCut: st.nodeCapFactor[g] *= v; break;
      case DISRUPTION.laneCut: st.laneCapFactor[g] *= v; break;
    }
  }
}
