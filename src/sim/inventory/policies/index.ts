/**
 * The policy family, compiled: each stocking item carries a numeric policy code and up to
 * three parameters (a, b) so the kernel's review loop dispatches with a switch on an Int8Array
 * instead of on objects.
 */
import type { Policy } from "../../model/index.ts";
import { baseStockOrder } from "./base-stock.ts";
import { echelonBaseStockOrder } from "./echelon-base-stock.ts";
import { sSOrder } from "./s-S.ts";
import { sQOrder } from "./s-Q.ts";

export { baseStockOrder, echelonBaseStockOrder, sSOrder, sQOrder };

export const POLICY_CODE = { "base-stock": 0, "echelon-base-stock": 1, sS: 2, sQ: 3 } as const;
export type PolicyCode = (typeof POLICY_CODE)[keyof typeof POLICY_CODE];

/** Parameters in the compiled layout: base-stock kinds (level, 0), sS (s, S), sQ (s, Q). */
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
export function orderQuantity(code: number, position: number, a: number, b: number): number {
  switch (code) {
    case 0: return baseStockOrder(position, a);
    case 1: return echelonBaseStockOrder(position, a);
    case 2: return sSOrder(position, a, b);
    default: return sQOrder(position, a, b);
  }
}
