/**
 * Disruptions → flat arrays. Each disruption has a kind (what it changes), a target (a lane or
 * a node) and a value; demand shocks list the demand sources they multiply. Random outages keep
 * their mean up and down times and a stream key; their windows are drawn per replication.
 */
import type { Scenario } from "../model/index.ts";
import { hashKey } from "../random/index.ts";
import { DISRUPTION } from "../kernel/network.ts";
import type { CompiledDisruptions } from "../kernel/network.ts";

export function compileDisruptions(
  s: Scenario, nodeIndex: ReadonlyMap<string, number>, productIds: readonly string[],
  demandItem: Int32Array, itemProduct: Int32Array,
): CompiledDisruptions {
  const list = s.disruptions ?? [];
  const n = list.length;
  const kind = new Int8Array(n), target = new Int32Array(n), value = new Float64Array(n);
  const start = new Int32Array(n).fill(-1), end = new Int32Array(n).fill(-1), random = new Uint8Array(n);
  const mtbf = new Float64Array(n), mttr = new Float64Array(n), key = new Uint32Array(n);
  const srcStart = new Int32Array(n + 1), srcs: number[] = [];
  const lane = (from: string, to: string) => s.lanes.findIndex((l) => l.from === from && l.to === to);
  let firstWindowStart = -1;
  list.forEach((d, i) => {
    switch (d.type) {
      case "lane-delay": kind[i] = DISRUPTION.laneDelay; target[i] = lane(d.from, d.to); value[i] = d.extraDays; break;
      case "lane-outage": kind[i] = DISRUPTION.laneOutage; target[i] = lane(d.from, d.to); break;
      case "node-outage": kind[i] = DISRUPTION.nodeOutage; target[i] = nodeIndex.get(d.node)!; break;
      case "demand-shock":
        kind[i] = DISRUPTION.demandShock; value[i] = d.multiplier;
        s.demand.forEach((dm, k) => {
          const p = demandItem[k] >= 0 ? productIds[itemProduct[demandItem[k]]] : dm.product;
          if ((d.node === "*" || dm.node === d.node) && (d.product === undefined || d.product === p)) srcs.push(k);
        });
        break;
      case "capacity-cut":
        value[i] = d.factor;
        if (d.node !== undefined) { kind[i] = DISRUPTION.nodeCut; target[i] = nodeIndex.get(d.node)!; }
        else { kind[i] = DISRUPTION.laneCut; target[i] = lane(d.from!, d.to!); }
        break;
      case "random-outage":
        random[i] = 1; mtbf[i] = d.mtbf; mttr[i] = d.mttr;
        if (d.node !== undefined) { kind[i] = DISRUPTION.nodeOutage; target[i] = nodeIndex.get(d.node)!; }
        else { kind[i] = DISRUPTION.laneOutage; target[i] = lane(d.from!, d.to!); }
        key[i] = hashKey(`outage:${d.node ?? `${d.from}>${d.to}`}:${i}`);
        break;
    }
    if (d.type !== "random-outage") {
      start[i] = d.start; end[i] = d.end;
      if (firstWindowStart < 0 || d.start < firstWindowStart) firstWindowStart = d.start;
    }
    srcStart[i + 1] = srcs.length;
  });
  const kinds = kind.reduce((bits, k) => bits | (1 << k), 0);
  return { count: n, kind, target, value, start, end, random, mtbf, mttr, key, srcStart, srcList: Int32Array.from(srcs), firstWindowStart, kinds };
}
