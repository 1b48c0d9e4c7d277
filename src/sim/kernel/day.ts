/**
 * One simulated day, its phases in the fixed order of timeline.md:
 * disruptions → arrivals → customer demand → review & order → shipping → accounting.
 * (Lateral transfers run in the evening, just before the reviews.)
 */
import type { Accumulators } from "./accounting.ts";
import { account } from "./accounting.ts";
import { customerDemand } from "./customer-demand.ts";
import { applyDisruptions } from "./disruptions.ts";
import { lateralTransfers } from "./mitigations.ts";
import type { CompiledNetwork } from "./network.ts";
import { receiveArrivals } from "./receive.ts";
import { reviewAndOrder } from "./review.ts";
import { shipOrders } from "./shipping.ts";
import type { NetworkState } from "./state.ts";

export function simulateDay(net: CompiledNetwork, st: NetworkState, acc: Accumulators): void {
  const t = st.day;
  applyDisruptions(net, st, t);
  receiveArrivals(net, st, t);
  customerDemand(net, st, t);
  lateralTransfers(net, st, t);
  reviewAndOrder(net, st, t);
  shipOrders(net, st, t);
  account(net, st, acc, t);
  st.day = t + 1;
}
