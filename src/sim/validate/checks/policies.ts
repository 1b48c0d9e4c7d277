/**
 * Nodes and their policies: a stocking node has a policy, a supplier has none; per-product maps
 * name known products; within a policy S >= s and 0 <= offset < review.
 */
import { addIssue, arr, num, obj, policyMap, quote, type Context, type Json } from "./context.ts";
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
    checkProductKeys(ctx, obj(node.holdingCost), ["nodes", index, "holdingCost"]);
    checkProductKeys(ctx, obj(node.initialInventory), ["nodes", index, "initialInventory"]);
    const map = policyMap(node.policy);
    checkProductKeys(ctx, map, ["nodes", index, "policy"]);
    if (map === undefined) checkPolicy(ctx, obj(node.policy), ["nodes", index, "policy"]);
    else for (const [p, inner] of Object.entries(map)) checkPolicy(ctx, obj(inner), ["nodes", index, "policy", p]);
  });
}

/** Keys of a per-product map are product ids. */
function checkProductKeys(ctx: Context, map: Json | undefined, path: readonly (string | number)[]): void {
  if (map === undefined) return;
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
