/**
 * The policy family, compiled: each stocking item carries a numeric policy code and two
 * parameters (CompiledNetwork.itemLevel, itemUpToOrBatch), so the kernel's review loop dispatches
 * with a switch on an Int8Array instead of on objects.
 */
import type { Policy } from "../../model/index.ts";
import { baseStockOrder } from "./base-stock.ts";
import { echelonBaseStockOrder } from "./echelon-base-stock.ts";
import { sSOrder } from "./s-S.ts";
import { sQOrder } from "./s-Q.ts";

export { baseStockOrder, echelonBaseStockOrder, sSOrder, sQOrder };

// Module-private copies for the switch below (docs/engine.md, "Why the hot loops look the way they do").
const BASE_STOCK = 0, ECHELON_BASE_STOCK = 1, S_S = 2, S_Q = 3;
export const POLICY_CODE = { "base-stock": BASE_STOCK, "echelon-base-stock": ECHELON_BASE_STOCK, sS: S_S, sQ: S_Q } as const;
export type PolicyCode = (typeof POLICY_CODE)[keyof typeof POLICY_CODE];

/** The compiled [itemLevel, itemUpToOrBatch]: base-stock kinds (level, 0), sS (s, S), sQ (s, Q). */
export function policyParams(p: Policy): [number, number] {
  switch (p.type) {
    case "base-stock":
    case "echelon-base-stock":
      return [p.level, 0];
    case "sS":
      return [p.s, p.S];
    case "sQ":
      return [p.s, p.Q];
  }
}

/**
 * Order quantity at a review. `position` is the installation position for every code except
 * echelon-base-stock, which receives the echelon position.
 */
export function orderQuantity(code: number, position: number, level: number, upToOrBatch: number): number {
  switch (code) {
    // Stryker disable next-line ConditionalExpression: falling through to echelon-base-stock computes the same max(0, level − position)
    case BASE_STOCK: return baseStockOrder(position, level);
    case ECHELON_BASE_STOCK: return echelonBaseStockOrder(position, level);
    case S_S: return sSOrder(position, level, upToOrBatch);
    default: return sQOrder(position, level, upToOrBatch);
  }
}

/** True for the policies with a reorder point `s` (sS and sQ). */
export const hasReorderPoint = (code: number): boolean => code === S_S || code === S_Q;
