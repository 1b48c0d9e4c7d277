/**
 * The Guaranteed-Service Model (Graves & Willems 2000; Snyder & Shen, Fundamentals of Supply
 * Chain Theory, ch. 6) on a distribution tree, solved exactly by dynamic programming over
 * integer service times.
 *
 * Stage i receives from its parent within the parent's service time SI_i (a root: within its
 * supplier's promise), needs T_i days to turn it round, and promises its own children (or
 * customers) S_i days. It must cover τ_i = SI_i + T_i − S_i days of demand, with safety stock
 * z·σ_i·√τ_i. A demand node promises at most its customers' service time. The DP computes, for
 * every stage and every inbound service time it could be given, the least holding cost of its
 * subtree:  f_i(SI) = min over S in 0..min(⌊SI + T_i⌋, Smax_i) of h_i·z·σ_i·√τ_i(SI, S) + Σ_children f_j(S).
 */
import type { Stage } from "./network.ts";

export interface StagePlan {
  readonly inboundServiceTime: number;
  readonly serviceTime: number;
  /** Days of demand the stage's base stock protects (see `protectedDays`). */
  readonly netReplenishmentTime: number;
}

/**
 * The days a base-stock level must cover, in Echelon's timeline (timeline.md): τ = SI + T − S,
 * except that a demand node promising its customers 0 days covers at least one day, because a
 * day's customers are served before that evening's replenishment can arrive.
 */
export function protectedDays(stage: Stage, inbound: number, service: number): number {
  const tau = Math.max(0, inbound + stage.processingTime - service);
  return stage.isDemandNode && service === 0 ? Math.max(tau, 1) : tau;
}

/**
 * Standard deviation of the demand a stage's base stock must absorb over τ days: σ·√τ (the
 * textbook GSM), or √(σ²·τ + μ²·Var L) when the inbound lead time L varies and that is counted —
 * the usual first-order term for a random lead time, held even at τ = 0 so that the stage can
 * keep its promise when its lane runs late.
 */
export const exposureSd = (stage: Stage, tau: number) =>
  Math.sqrt(stage.sdDemand * stage.sdDemand * tau + stage.meanDemand * stage.meanDemand * stage.leadTimeVariance);

export const stageCost = (stage: Stage, z: number, tau: number) => stage.holdingCost * z * exposureSd(stage, tau);

/** Guards ⌊SI + T⌋ against T such as 2.9999999999999996 from a mean. */
const floorDays = (x: number) => Math.floor(x + 1e-9);

export function solveGsm(stages: readonly Stage[], z: number): StagePlan[] {
  const n = stages.length;
  const children: number[][] = stages.map(() => []);
  stages.forEach((s, i) => { if (s.parent >= 0) children[s.parent].push(i); });
  // The largest inbound and outbound service times each stage can see (parents come first).
  const maxIn = new Array<number>(n), maxOut = new Array<number>(n);
  stages.forEach((s, i) => {
    maxIn[i] = s.parent < 0 ? s.externalInbound : maxOut[s.parent];
    maxOut[i] = Math.min(floorDays(maxIn[i] + s.processingTime), s.maxServiceTime);
  });
  // best[i][SI] = least subtree cost; choice[i][SI] = the S achieving it. A root sees only its
  // supplier's promise (stored at index 0).
  const best: number[][] = new Array(n), choice: number[][] = new Array(n);
  const inboundValue = (i: number, k: number) => (stages[i].parent < 0 ? stages[i].externalInbound : k);
  for (let i = n - 1; i >= 0; i--) {
    const s = stages[i], slots = s.parent < 0 ? 1 : maxIn[i] + 1;
    best[i] = new Array(slots); choice[i] = new Array(slots);
    for (let k = 0; k < slots; k++) {
      const si = inboundValue(i, k);
      let bestCost = Infinity, bestS = 0;
      for (let S = 0; S <= Math.min(floorDays(si + s.processingTime), s.maxServiceTime); S++) {
        let c = stageCost(s, z, protectedDays(s, si, S));
        for (const j of children[i]) c += best[j][S];
        // Ties keep the smaller S (stock held further upstream).
        if (S === 0 || c < bestCost - 1e-12 * Math.max(1, bestCost)) { bestCost = c; bestS = S; }
      }
      best[i][k] = bestCost; choice[i][k] = bestS;
    }
  }
  const plans = new Array<StagePlan>(n);
  stages.forEach((s, i) => {
    const si = s.parent < 0 ? s.externalInbound : plans[s.parent].serviceTime;
    const S = choice[i][s.parent < 0 ? 0 : si];
    plans[i] = { inboundServiceTime: si, serviceTime: S, netReplenishmentTime: protectedDays(s, si, S) };
  });
  return plans;
}

/** The node-by-node baseline: every stage promises 0 and assumes its supplier does too, so τ = T. */
export function singleEchelon(stages: readonly Stage[]): StagePlan[] {
  return stages.map((s) => ({ inboundServiceTime: 0, serviceTime: 0, netReplenishmentTime: protectedDays(s, 0, 0) }));
}
