/**
 * Step 3: each demand source draws its day-t demand — exactly one draw per (node, product,
 * day) from its own stream, whatever happens, so common random numbers hold — and serves it
 * from on hand; the rest is backordered or lost. Plain sources (normal, independent, unseasonal)
 * have their draws made DRAW_BLOCK days ahead (state.ts): the same draws.
 *
 * Correlated sources (Gaussian copula, one common factor F per group and day):
 * z = √ρ·F + √(1−ρ)·ε, u = Φ(z), demand = quantile(u, scale): the marginals are unchanged.
 */
import { normalCdf } from "../math/index.ts";
import { fillNormals } from "../random/index.ts";
import type { CompiledNetwork } from "./network.ts";
import { DISRUPTION } from "./network.ts";
import type { NetworkState } from "./state.ts";
import { DRAW_BLOCK, ITEM } from "./state.ts";

const BLOCK = DRAW_BLOCK, BM = DRAW_BLOCK - 1;
const { onHand: ON_HAND, backorders: BACKORDERS, demand: DEMAND, served: SERVED, lost: LOST, delivered: DELIVERED, stride: IS } = ITEM;

export function drawDemand(net: CompiledNetwork, st: NetworkState, d: number, t: number): number {
  const at = net.seasonalAt[d];
  const scale = at < 0 ? st.shock[d] : net.seasonal[at + t] * st.shock[d];
  const g = net.demandGroup[d];
  if (g < 0) {
    if (net.demandNormal[d] === 0) return net.demandSampler[d].sample(st.demandStream[d], scale);
    const x = scale * (net.demandMean[d] + net.demandSd[d] * st.demandStream[d].normal());
    return x > 0 ? x : 0;
  }
  const rho = net.demandRho[d];
  const z = Math.sqrt(rho) * st.groupFactor[g] + Math.sqrt(1 - rho) * st.demandStream[d].normal();
  return net.demandSampler[d].quantile(normalCdf(z), scale);
}

/** Each plain demand source's normals for the next DRAW_BLOCK days (state.ts). */
function drawAhead(net: CompiledNetwork, st: NetworkState): void {
  const plain = net.demandPlain;
  for (let d = 0; d < plain.length; d++) if (plain[d] === 1) fillNormals(st.demandPool, d, st.demandDraws, d * BLOCK, BLOCK);
}

export function customerDemand(net: CompiledNetwork, st: NetworkState, t: number): void {
  for (let g = 0; g < st.groupStream.length; g++) st.groupFactor[g] = st.groupStream[g].normal();
  const D = net.demandItem.length, lost = net.lost, demandItem = net.demandItem, itemNode = net.itemNode, storage = net.anyStorage;
  const plain = net.demandPlain, mean = net.demandMean, sd = net.demandSd;
  const shocks = (net.disruptions.kinds & (1 << DISRUPTION.demandShock)) !== 0;
  const shock = st.shock, s = st.item, nodeStock = st.nodeStock, draws = st.demandDraws, slot = t & BM;
  if (slot === 0) drawAhead(net, st);
  // The other sources draw first, each from its own stream, so that the loop below holds no call
  // (docs/engine.md, "Why the hot loops look the way they do").
  const other = st.demandOther;
  if (net.demandAllPlain === false) for (let d = 0; d < D; d++) if (plain[d] === 0) other[d] = drawDemand(net, st, d, t);
  for (let d = 0; d < D; d++) {
    let x: number;
    if (plain[d] === 1) {   // drawDemand's inlined normal case, the same operations
      const z = draws[d * BLOCK + slot];   // = st.demandStream[d].normal(), drawn ahead
      const y = shocks ? shock[d] * (mean[d] + sd[d] * z) : mean[d] + sd[d] * z;   // without demand shocks shock is 1: 1·v = v
      x = y > 0 ? y : 0;
    } else x = other[d];
    const i = demandItem[d];
    if (i < 0) continue;
    const b = i * IS, oh = s[b + ON_HAND], served = oh < x ? oh : x;
    s[b + ON_HAND] = oh - served;
    if (storage) nodeStock[itemNode[i]] -= served;
    s[b + DEMAND] += x;
    s[b + SERVED] += served;
    s[b + DELIVERED] += served;
    const unmet = x - served;
    if (unmet > 0) { if (lost) s[b + LOST] += unmet; else s[b + BACKORDERS] += unmet; }
  }
}
