/**
 * Step 6 for recipes (kernel/assembly.ts): the day's assembly flows summed over the measured days,
 * per item, and the starved days and units per node, per product and for the network (a day counts
 * once per scope, however many assemblies there were short). engine/kpis.ts reads them.
 */
import type { CompiledNetwork } from "./network.ts";
import type { NetworkState } from "./state.ts";
import { ASSEMBLY_DAY } from "./state.ts";

const { assembled: ASSEMBLED, consumed: CONSUMED, starved: STARVED, stride: AS } = ASSEMBLY_DAY;

/**
 * Offsets into AssemblySums.sums: per item [item + i * ITEM_FIELDS + field], then per node, per
 * product and for the network [scope + k * SCOPE_FIELDS + field].
 */
export const ASSEMBLY_SUM = {
  /** Per item: component units consumed, units whose assembly started, days it was starved (made item: short; component: limiting), starved units. */
  consumed: 0, assembled: 1, starvedDays: 2, starvedUnits: 3,
  itemFields: 4,
  /** Per node, product and network: days with a starved assembly, starved units (node, network: made items' shortfalls; product: as a limiting component). */
  scopeDays: 0, scopeUnits: 1,
  scopeFields: 2,
} as const;
const { consumed: SUM_CONSUMED, assembled: SUM_ASSEMBLED, starvedDays: SUM_DAYS, starvedUnits: SUM_UNITS, itemFields: IF, scopeDays: S_DAYS, scopeUnits: S_UNITS, scopeFields: SF } = ASSEMBLY_SUM;

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
  const day = st.assemblyDay, a = acc.sums, made = net.assembly.made, component = net.assembly.component;
  let anyToday = 0, netUnits = 0;
  for (let i = 0; i < net.items; i++) {
    const d = i * AS, short = day[d + STARVED];
    if (measure) {
      const b = i * IF;
      a[b + SUM_CONSUMED] += day[d + CONSUMED];
      a[b + SUM_ASSEMBLED] += day[d + ASSEMBLED];
      if (short > 0) {
        a[b + SUM_DAYS]++; a[b + SUM_UNITS] += short;
        if (made[i] === 1) {
          const n = acc.nodeAt + net.itemNode[i] * SF;
          a[n + S_UNITS] += short; acc.nodeToday[net.itemNode[i]] = 1;
          netUnits += short; anyToday = 1;
        }
        if (component[i] === 1) {
          a[acc.productAt + net.itemProduct[i] * SF + S_UNITS] += short;
          acc.productToday[net.itemProduct[i]] = 1;
        }
      }
    }
    day[d + CONSUMED] = 0; day[d + ASSEMBLED] = 0; day[d + STARVED] = 0;
  }
  if (!measure) return;
  for (let n = 0; n < acc.nodeToday.length; n++) if (acc.nodeToday[n] === 1) { a[acc.nodeAt + n * SF + S_DAYS]++; acc.nodeToday[n] = 0; }
  for (let p = 0; p < acc.productToday.length; p++) if (acc.productToday[p] === 1) { a[acc.productAt + p * SF + S_DAYS]++; acc.productToday[p] = 0; }
  a[acc.networkAt + S_DAYS] += anyToday; a[acc.networkAt + S_UNITS] += netUnits;
}
