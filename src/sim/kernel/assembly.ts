/**
 * Bills of materials (network.ts CompiledAssembly; docs/scenario-format.md, "Bills of
 * materials"). A made item's policy orders production (step 4): the order becomes production
 * owed to the item, and each component owes its share of it. The assembly (step 5, when the
 * shipping walk reaches the made item, after its components and before it ships) starts what
 * the scarcest component allows, consumes the components in the recipe's ratio, and puts the
 * units in transit to the made item for the assembly time (0 days: on hand at once).
 * The review loop of scenarios with a recipe or a sourcing rule is kernel/review-extensions.ts;
 * only those scenarios come here, so the loops of every other scenario stay as they were.
 */
import { orderQuantity } from "../inventory/policies/index.ts";
import type { CompiledNetwork } from "./network.ts";
import { DISRUPTION } from "./network.ts";
import type { NetworkState } from "./state.ts";
import { ASSEMBLY_DAY, ITEM } from "./state.ts";
import { send } from "./shipment.ts";

const { onHand: ON_HAND, owedToMe: OWED_TO_ME, owedDown: OWED_DOWN, ordered: ORDERED, stride: IS } = ITEM;
const { assembled: ASSEMBLED, consumed: CONSUMED, starved: STARVED, limiting: LIMITING, stride: AS } = ASSEMBLY_DAY;
const NODE_OUTAGE = 1 << DISRUPTION.nodeOutage;
/** Below this, what is still owed is rounding of sums, not units (as in shipment.ts). */
const ROUNDING = 1e-9;

/**
 * A made item's review at `position` (on hand + in assembly, i.e. in transit, + production owed −
 * backorders − owed downstream, or its echelon position): the order becomes production owed, and
 * each component owes its share of it.
 */
export function orderProduction(net: CompiledNetwork, st: NetworkState, f: number, position: number): void {
  const q = orderQuantity(net.itemPolicy[f], position, net.itemLevel[f], net.itemUpToOrBatch[f]);
  if (!(q > 0)) return;
  const s = st.item, A = net.assembly;
  s[f * IS + OWED_TO_ME] += q;
  s[f * IS + ORDERED] = q;
  for (let k = A.compStart[f]; k < A.compStart[f + 1]; k++) s[A.compList[k] * IS + OWED_DOWN] += A.compQty[k] * q;
}

/**
 * Step 5 for made item f: starts what the components on hand allow of the production owed. Short
 * of a component, the shortfall is recorded on f and on each component that limited it (the
 * accounting's starvedDays and starvedUnits); a node in an outage assembles nothing.
 */
export function assemble(net: CompiledNetwork, st: NetworkState, f: number, t: number): void {
  const s = st.item, A = net.assembly, day = st.assemblyDay, owed = s[f * IS + OWED_TO_ME];
  if (!(owed > 0)) return;
  const node = net.itemNode[f];
  if ((net.disruptions.kinds & NODE_OUTAGE) !== 0 && st.nodeOut[node] > 0) return;
  const a = A.compStart[f], b = A.compStart[f + 1], list = A.compList, qty = A.compQty;
  let x = owed;
  for (let k = a; k < b; k++) {
    const can = s[list[k] * IS + ON_HAND] / qty[k];
    if (can < x) x = can;
  }
  if (!(x > 0)) x = 0;
  const short = owed - x;
  if (short > ROUNDING) {
    day[f * AS + STARVED] += short;
    for (let k = a; k < b; k++) if (s[list[k] * IS + ON_HAND] / qty[k] <= x) day[list[k] * AS + LIMITING] += short;
  }
  if (x === 0) return;
  let consumed = 0;
  for (let k = a; k < b; k++) {
    const c = list[k] * IS, onHand = s[c + ON_HAND];
    // The limiting component is used up exactly (its x·qty may round an ulp past what is there).
    const use = onHand / qty[k] <= x ? onHand : qty[k] * x;
    s[c + ON_HAND] = onHand - use;
    const owes = s[c + OWED_DOWN] - use;
    s[c + OWED_DOWN] = owes < ROUNDING ? 0 : owes;
    day[list[k] * AS + CONSUMED] += use;
    consumed += use;
  }
  s[f * IS + OWED_TO_ME] = short > ROUNDING ? short : 0;
  day[f * AS + ASSEMBLED] += x;
  if (net.anyStorage) st.nodeStock[node] -= consumed;
  send(net, st, f, x, t, t + A.time[f]);
}
