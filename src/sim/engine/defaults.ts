/**
 * The spec's defaults (scenario.md), applied once at compile time: validated scenarios keep
 * optional fields optional, and every reader of a field goes through these helpers.
 */
import { own, type Distribution, type PerProduct, type Policy, type Product, type Scenario } from "../model/index.ts";

export const DEFAULT_PRODUCT: Product = { id: "default", unitCost: 1 };

export const productsOf = (s: Scenario): readonly Product[] =>
  s.products && s.products.length > 0 ? s.products : [DEFAULT_PRODUCT];

/** True for a per-product map (as opposed to one value for every product). */
function isMap<T>(v: PerProduct<T>, single: (x: unknown) => boolean): v is { readonly [id: string]: T } {
  return v !== null && typeof v === "object" && !single(v);
}
const isPolicy = (x: unknown) => typeof x === "object" && x !== null && "type" in x;
const isNumber = (x: unknown) => typeof x === "number";

/** The policy a node runs for a product, or undefined when it does not stock it. */
export function policyFor(v: PerProduct<Policy> | undefined, product: string): Policy | undefined {
  if (v === undefined) return undefined;
  return isMap(v, isPolicy) ? own(v, product) : (v as Policy);
}

/** A per-product number with a fallback. */
export function numberFor(v: PerProduct<number> | undefined, product: string, fallback: number): number {
  if (v === undefined) return fallback;
  if (isMap(v, isNumber)) return own(v, product) ?? fallback;
  return v as number;
}

/**
 * Largest whole-day value a lead-time distribution can give, or Infinity when unbounded
 * (normal, poisson, gamma, negbin). Sizes the arrival ring.
 */
export function maxLeadTime(d: Distribution): number {
  switch (d.type) {
    case "constant": return Math.max(0, Math.round(d.value));
    case "uniform": return Math.max(0, Math.ceil(d.max));
    case "discrete":
    case "empirical": return Math.max(0, Math.round(Math.max(...d.values)));
    case "intermittent": return maxLeadTime(d.size);
    default: return Infinity;
  }
}
