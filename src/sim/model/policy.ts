/**
 * Inventory policies (shared/spec/scenario.md "Policies", timeline.md "Policies").
 *
 * A node reviews on the days t with `t % review == offset` (defaults review 1, offset 0). At a
 * review with inventory position P:
 * - `base-stock` level S orders max(0, S − P) (installation position);
 * - `echelon-base-stock` level S orders max(0, S − echelon P);
 * - `sS` orders S − P when P <= s, else nothing;
 * - `sQ` orders n·Q with the smallest n such that P + n·Q > s, when P <= s.
 */
export type Policy = BaseStockPolicy | EchelonBaseStockPolicy | SSPolicy | SQPolicy;

interface Review {
  /** Days between reviews, >= 1. Default 1 (daily review). */
  readonly review?: number;
  /** Review days are those with t % review == offset; 0 <= offset < review. Default 0. */
  readonly offset?: number;
}
/** Order up to `level` on installation inventory position. */
export interface BaseStockPolicy extends Review { readonly type: "base-stock"; readonly level: number }
/** Order up to `level` on echelon inventory position (Clark–Scarf). */
export interface EchelonBaseStockPolicy extends Review { readonly type: "echelon-base-stock"; readonly level: number }
/** Min/max: when position <= s, order up to S (s <= S). */
export interface SSPolicy extends Review { readonly type: "sS"; readonly s: number; readonly S: number }
/** Reorder point s with batch Q > 0: order the smallest multiple of Q that lifts position above s. */
export interface SQPolicy extends Review { readonly type: "sQ"; readonly s: number; readonly Q: number }

export type PolicyType = Policy["type"];
export const POLICY_TYPES = ["base-stock", "echelon-base-stock", "sS", "sQ"] as const satisfies readonly PolicyType[];

/** The order-up-to level a policy restores: S for base-stock kinds and sS, s + Q for sQ. */
export function orderUpToLevel(p: Policy): number {
  switch (p.type) {
    case "base-stock":
    case "echelon-base-stock":
      return p.level;
    case "sS":
      return p.S;
    case "sQ":
      return p.s + p.Q;
  }
}
