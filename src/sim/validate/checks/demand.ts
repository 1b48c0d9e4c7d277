/**
 * Demand entries and their correlation: each names a stocking node that stocks the product,
 * names the product when there are several, and has a well-formed distribution.
 */
import { addIssue, arr, count, num, obj, quote, str, type Context } from "./context.ts";
import { checkDistribution } from "./distributions.ts";
import { resolveNode, resolveProduct } from "./network.ts";

export function checkDemand(ctx: Context): void {
  arr(ctx.doc.demand).forEach((raw, index) => {
    const d = obj(raw);
    if (d === undefined) return;
    const path = ["demand", index];
    const node = resolveNode(ctx, [...path, "node"], str(d.node));
    const product = demandProduct(ctx, d.product, path);
    if (node?.kind === "supplier") addIssue(ctx, [...path, "node"], `${quote(node.id)} is a supplier; demand belongs on a stocking node`);
    else if (node !== undefined && product !== undefined && node.kind !== undefined && !node.stocks.has(product) && obj(arr(ctx.doc.nodes)[node.index])?.policy !== undefined) {
      addIssue(ctx, [...path, "product"], `${quote(node.id)} does not stock product ${quote(product)}; add it to the node's policy`);
    }
    checkDistribution(ctx, d.dist, [...path, "dist"]);
    checkSeasonality(ctx, obj(d.seasonality), [...path, "seasonality"]);
  });
  checkCorrelation(ctx);
}

function demandProduct(ctx: Context, raw: unknown, path: readonly (string | number)[]): string | undefined {
  if (raw === undefined) {
    if (ctx.products.length > 1) addIssue(ctx, [...path, "product"], `is required when there are several products: one of ${ctx.products.slice(0, 5).map((p) => quote(p)).join(", ")}${ctx.products.length > 5 ? ", …" : ""}`);
    return ctx.products.length === 1 ? ctx.products[0] : undefined;
  }
  const id = str(raw);
  return resolveProduct(ctx, [...path, "product"], id) ? id : undefined;
}

function checkSeasonality(ctx: Context, s: ReturnType<typeof obj>, path: readonly (string | number)[]): void {
  const cycle = num(s?.cycle), factors = s?.factors;
  if (cycle !== undefined && Array.isArray(factors) && factors.length > cycle) {
    addIssue(ctx, [...path, "factors"], `has ${count(factors.length)} factors for a cycle of ${count(cycle)} days; some would never be used`);
  }
}

function checkCorrelation(ctx: Context): void {
  const groups = arr(obj(ctx.doc.demandCorrelation)?.groups);
  const seen = new Map<string, number>();
  groups.forEach((g, gi) => {
    arr(obj(g)?.nodes).forEach((raw, k) => {
      const path = ["demandCorrelation", "groups", gi, "nodes", k];
      const node = resolveNode(ctx, path, str(raw));
      if (node === undefined) return;
      const first = seen.get(node.id);
      if (first !== undefined) addIssue(ctx, path, `${quote(node.id)} is already in groups[${first}]; a node belongs to at most one group`);
      else seen.set(node.id, gi);
    });
  });
}
