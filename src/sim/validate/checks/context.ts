/**
 * What the cross-reference checks share: defensive readers for a document that may be only
 * partly well-formed (a check reads a field only if it has the right type, so it never repeats a
 * structural error nor trips over one), the id indexes, and the issue list.
 */
import { formatPath, quote, type PathSegment, type ValidationIssue } from "../issue.ts";

/** User input quoted in a message, shortened when long (issue.ts). */
export { quote };

export type Json = Readonly<Record<string, unknown>>;

export const obj = (v: unknown): Json | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
export const arr = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
export const count = (n: number) => n.toLocaleString("en-US");

/**
 * A node's `policy` read as a per-product map, or undefined when it is a single policy (or
 * something malformed that the schema already reports): a map has no "type" and only objects as values.
 */
export function policyMap(raw: unknown): Json | undefined {
  const o = obj(raw);
  return o !== undefined && !("type" in o) && Object.values(o).every((v) => obj(v) !== undefined) ? o : undefined;
}

export interface NodeInfo {
  readonly index: number;
  readonly id: string;
  readonly kind: string | undefined;
  /** Products the node stocks: from its policy (a map lists them, a single policy means all); empty for suppliers. */
  readonly stocks: ReadonlySet<string>;
}

export interface Context {
  readonly doc: Json;
  readonly issues: ValidationIssue[];
  /** Product ids as declared, or ["default"] when `products` is absent. */
  readonly products: readonly string[];
  readonly productSet: ReadonlySet<string>;
  /** Nodes by id (first occurrence of a duplicated id). */
  readonly nodes: ReadonlyMap<string, NodeInfo>;
  readonly horizon: number | undefined;
}

export function addIssue(ctx: Context, path: readonly PathSegment[], message: string): void {
  ctx.issues.push({ path: formatPath(path), message });
}

export const isStocking = (n: NodeInfo | undefined) => n !== undefined && n.kind !== undefined && n.kind !== "supplier";

/** The key of the item (node, product) in maps over items. */
export const itemKey = (node: string, product: string) => `${node}\u0000${product}`;

/** A cycle of more than this many nodes (or products) is shortened in messages (docs/scenario-format.md). */
const CYCLE_SHOWN_WHOLE = 10;

/** `a → b → a` (the first id again at the end), each id shortened; a cycle of more than 10 keeps its first 5 and last 3 ids and says how many `noun` it has. */
export function cyclePath(ids: readonly string[], noun = "nodes"): string {
  const names = ids.map((id) => quote(id, ""));
  if (names.length - 1 <= CYCLE_SHOWN_WHOLE) return names.join(" → ");
  return `${names.slice(0, 5).join(" → ")} → … → ${names.slice(-3).join(" → ")} (${names.length - 1} ${noun})`;
}
