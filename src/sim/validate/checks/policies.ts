/**
 * Nodes and their policies: a stocking node has a policy, a supplier has none; per-product maps
 * name known products; within a policy S >= s and 0 <= offset < review.
 */
import { addIssue, arr, num, obj, quote, type Context, type Json } from "./context.ts";
import { resolveProduct } from "./network.ts";

export function checkPolicies(ctx: Context): void {
  arr(ctx.doc.nodes).forEach((raw, index) => {
    const node = obj(raw);
    if (node === undefined) return;
    const kind = node.kind;
    if (kind === "supplier") {
      for (const key of ["policy", "initialInventory"] as const) {
        if (node[key] !== undefined) addIssue(ctx, ["nodes", index, key], `a supplier holds no inventory, so it takes no ${key}; remove it or make the node a "plant" or "dc"`);
      }
    } else if (typeof kind === "string" && node.policy === undefined) {
      addIssue(ctx, ["nodes", index, "policy"], `is required: a stocking node (kind ${quote(kind)}) needs an inventory policy`);
    }
    for (const key of ["holdingCost", "policy", "initialInventory"] as const) checkProductKeys(ctx, node[key], ["nodes", index, key]);
    const policy = obj(node.policy);
    if (policy === undefined) return;
    if ("type" in policy) checkPolicy(ctx, policy, ["nodes", index, "policy"]);
    else for (const [p, inner] of Object.entries(policy)) checkPolicy(ctx, obj(inner), ["nodes", index, "policy", p]);
  });
}

/** Keys of a per-product map are product ids (a plain value or a policy object is not a map). */
function checkProductKeys(ctx: Context, raw: unknown, path: readonly (string | number)[]): void {
  const map = obj(raw);
  if (map === undefined || "type" in map) return;
  for (const p of Object.keys(map)) resolveProduct(ctx, [...path, p], p);
}

function checkPolicy(ctx: Context, policy: Json | undefined, path: readonly (string | number)[]): void {
  if (policy === undefined) return;
  const s = num(policy.s), S = num(policy.S);
  if (policy.type === "sS" && s !== undefined && S !== undefined && S < s) addIssue(ctx, [...path, "S"], `must be >= s (${s}), got ${S}`);
  const review = num(policy.review) ?? 1, offset = num(policy.offset);
  if (offset !== undefined && review >= 1 && offset >= review) {
    addIssue(ctx, [...path, "offset"], `must be less than review (${review}), got ${offset}; reviews fall on days t with t % review == offset`);
  }
}
