/** Node and product ids: duplicates, and the indexes every other check resolves names through. */
import { addIssue, arr, obj, policyMap, quote, str, type Context, type Json, type NodeInfo } from "./context.ts";

/** Build the check context, reporting duplicate product and node ids. */
export function createContext(doc: Json, issues: Context["issues"]): Context {
  const products = declaredProducts(doc, issues);
  const productSet = new Set(products);
  const ctx: Context = { doc, issues, products, productSet, nodes: new Map(), horizon: undefined };
  const nodes = ctx.nodes as Map<string, NodeInfo>;
  arr(doc.nodes).forEach((raw, index) => {
    const node = obj(raw);
    const id = str(node?.id);
    if (node === undefined || id === undefined) return;
    const first = nodes.get(id);
    if (first !== undefined) addIssue(ctx, ["nodes", index, "id"], `duplicate node id ${quote(id)} (nodes[${first.index}] has it too)`);
    else nodes.set(id, { index, id, kind: str(node.kind), stocks: stockedProducts(node, products, productSet) });
  });
  const horizon = doc.horizon;
  return { ...ctx, horizon: typeof horizon === "number" && Number.isInteger(horizon) && horizon >= 1 ? horizon : undefined };
}

function declaredProducts(doc: Json, issues: Context["issues"]): string[] {
  if (!Array.isArray(doc.products)) return ["default"];
  const seen = new Map<string, number>();
  doc.products.forEach((raw, index) => {
    const id = str(obj(raw)?.id);
    if (id === undefined) return;
    const first = seen.get(id);
    if (first !== undefined) issues.push({ path: `products[${index}].id`, message: `duplicate product id ${quote(id)} (products[${first}] has it too)` });
    else seen.set(id, index);
  });
  return [...seen.keys()];
}

function stockedProducts(node: Json, products: readonly string[], productSet: ReadonlySet<string>): ReadonlySet<string> {
  if (node.kind === "supplier") return new Set();
  if (node.policy === undefined) return new Set();
  // A malformed policy (reported by the schema) counts as stocking everything, so it causes no second-hand errors.
  const map = policyMap(node.policy);
  return new Set(map === undefined ? products : Object.keys(map).filter((p) => productSet.has(p)));
}
