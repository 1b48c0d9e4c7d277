/**
 * Step 6 for recipes (kernel/assembly.ts): the day's assembly flows summed over the measured days,
 * per item, and the starved days and units per node, per product and for the network (a day counts
 * once per scope, however many assemblies there were short). engine/kpis.ts reads them.
 */
import type { CompiledNetwork } from "./network.ts";
import type { NetworkState } from "./state.ts";
import { ASSEMBLY_DAY } from "./state.ts";

const { assembled: ASSEMBLED, consumed: CONSUMED, starved: STARVED, limiting: LIMITING, stride: AS } = ASSEMBLY_DAY;

/**
 * Offsets into AssemblySums.sums: per item [item + i * ITEM_FIELDS + field], then per node, per
 * product and for the network [scope + k * SCOPE_FIELDS + field].
 */
export const ASSEMBLY_SUM = {
  /** Per item: component units consumed, units whose assembly started (the KPIs' totals per node and product). */
  consumed: 0, assembled: 1,
  itemFields: 2,
  /** Per node, product and network: days with a starved assembly, starved units (node, network: made items' shortfalls; product: as a limiting component). */
  scopeDays: 0, scopeUnits: 1,
  scopeFields: 2,
} as const;
const {
  consumed: SUM_CONSUMED, assembled: SUM_ASSEMBLED, itemFields: IF, scopeDays: S_DAYS, scopeUnits: S_UNITS, scopeFields: SF,
} = ASSEMBLY_SUM;

export interface AssemblySums {
  readonly sums: Float64Array;
  /** Where the node, product and network records start in `sums`. */
  readonly nodeAt: number;
  readonly productAt: number;
  readonly networkAt: number;
  /** Today's scratch: whether a node or product was starved (cleared as it is read). */
  readonly nodeToday: Uint8Array;
  readonly productToday: Uint8Array;
}

export function createAssemblySums(net: CompiledNetwork): AssemblySums {
  const I = net.items, N = net.nodeIds.length, P = net.productIds.length;
  const nodeAt = I * IF, productAt = nodeAt + N * SF, networkAt = productAt + P * SF;
  return { sums: new Float64Array(networkAt + SF), nodeAt, productAt, networkAt, nodeToday: new Uint8Array(N), productToday: new Uint8Array(P) };
}

export function accountAssembly(net: CompiledNetwork, st: NetworkState, acc: AssemblySums, measure: boolean): void {
  const day = st.assemblyDay, a = acc.sums;
  let anyToday = 0, netUnits = 0;
  for (let i = 0; i < net.items; i++) {
    const d = i * AS, short = day[d + STARVED], limited = day[d + LIMITING];
    if (measure) {
      const b = i * IF;
      a[b + SUM_CONSUMED] += day[d + CONSUMED];
      a[b + SUM_ASSEMBLED] += day[d + ASSEMBLED];
      if (short > 0) {   // a made item short of components: its node's and the network's shortfall
        const n = net.itemNode[i];
        a[acc.nodeAt + n * SF + S_UNITS] += short; acc.nodeToday[n] = 1;
        netUnits += short; anyToday = 1;
      }
      if (limited > 0) {   // a component that limited an assembly: its product's
        const p = net.itemProduct[i];
        a[acc.productAt + p * SF + S_UNITS] += limited; acc.productToday[p] = 1;
      }
    }
    day[d + CONSUMED] = 0; day[d + ASSEMBLED] = 0; day[d + STARVED] = 0; day[d + LIMITING] = 0;
  }
  if (!measure) return;
  for (let n = 0; n < acc.nodeToday.length; n++) if (acc.nodeToday[n] === 1) { a[acc.nodeAt + n * SF + S_DAYS]++; acc.nodeToday[n] = 0; }
  for (let p = 0; p < acc.productToday.length; p++) if (acc.productToday[p] === 1) { a[acc.productAt + p * SF + S_DAYS]++; acc.productToday[p] = 0; }
  a[acc.networkAt + S_DAYS] += anyToday; a[acc.networkAt + S_UNITS] += netUnits;
}
