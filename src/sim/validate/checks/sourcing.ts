/**
 * Several sources (extension, docs/scenario-format.md "Several sources"): a stocking node may have
 * more than one inbound lane for a product only when every one of them has a `sourcing` rule of
 * one kind — split fractions summing to 1, or one primary and the others backups. A rule on a
 * product's only inbound lane, and echelon-base-stock policies next to a rule, are refused.
 */
import { addIssue, arr, obj, policyMap, quote, type Context, type NodeInfo } from "./context.ts";

/** A lane's `sourcing` as read (the schema reports a malformed one). */
export type SourcingInfo = { readonly split: number } | { readonly role: "primary" | "backup" } | undefined;

export interface LaneInfo {
  readonly index: number;
  readonly from: NodeInfo;
  readonly to: NodeInfo;
  /** Products carried, or undefined for all. */
  readonly products: readonly string[] | undefined;
  readonly sourcing: SourcingInfo;
}

/** How far split fractions may sum from 1 (rounding of decimal fractions such as 0.7 + 0.2 + 0.1). */
const SPLIT_SUM_TOLERANCE = 1e-9;

const HOW_TO = 'give each of them "sourcing": {"split": <fraction>} (fractions summing to 1), or {"role": "primary"} on one and {"role": "backup"} on the others';

export function readSourcing(raw: unknown): SourcingInfo {
  const o = obj(raw);
  if (o === undefined) return undefined;
  if (typeof o.split === "number" && Number.isFinite(o.split)) return { split: o.split };
  if (o.role === "primary" || o.role === "backup") return { role: o.role };
  return undefined;
}

/** A lane as a planner reads it, with its index for those editing the JSON: the lane from "sea" (lanes[0]). */
const named = (l: LaneInfo) => `the lane from ${quote(l.from.id)} (lanes[${l.index}])`;

const kindOf = (s: SourcingInfo) => (s === undefined ? "none" : "split" in s ? "split" : "role");

/** Checks every (node, product) group of inbound lanes, and every lane whose rule has no group of two. */
export function checkSourcing(ctx: Context, lanes: readonly LaneInfo[], inbound: ReadonlyMap<string, readonly LaneInfo[]>): void {
  const inGroup = new Set<number>();
  for (const [key, group] of inbound) {
    if (group.length < 2) continue;
    const [node, product] = key.split("\u0000");
    const what = `of ${quote(node)} for product ${quote(product)}`;
    for (const lane of group) inGroup.add(lane.index);
    checkGroup(ctx, group, what);
  }
  for (const lane of lanes) {
    if (raw(ctx, lane.index) === undefined || inGroup.has(lane.index)) continue;
    addIssue(ctx, ["lanes", lane.index, "sourcing"], `is a sourcing rule, but this is the only inbound lane of ${quote(lane.to.id)} for every product it carries; a rule needs two or more inbound lanes for a product (remove "sourcing", or add another lane with "to": ${quote(lane.to.id)})`);
  }
  if (lanes.some((l) => raw(ctx, l.index) !== undefined)) checkEchelon(ctx);
}

const raw = (ctx: Context, index: number): unknown => obj(arr(ctx.doc.lanes)[index])?.sourcing;

function checkGroup(ctx: Context, group: readonly LaneInfo[], what: string): void {
  const first = group[0];
  const without = group.filter((l) => l.sourcing === undefined && raw(ctx, l.index) === undefined);
  if (without.length === group.length) {
    for (const lane of group.slice(1)) {
      addIssue(ctx, ["lanes", lane.index], `is a second inbound lane ${what} (${named(first)} is the first); several inbound lanes need a sourcing rule: ${HOW_TO} (docs/scenario-format.md, "Several sources")`);
    }
    return;
  }
  const ruled = group.find((l) => l.sourcing !== undefined);
  for (const lane of without) {
    addIssue(ctx, ["lanes", lane.index], `has no "sourcing", but it is one of ${group.length} inbound lanes ${what}${ruled ? ` and ${named(ruled)} has a rule` : ""}; every one of them needs one: ${HOW_TO}`);
  }
  if (group.some((l) => l.sourcing === undefined)) return;   // the schema or the lines above report it
  const kinds = new Set(group.map((l) => kindOf(l.sourcing)));
  if (kinds.size > 1) {
    const splitLane = group.find((l) => kindOf(l.sourcing) === "split")!, roleLane = group.find((l) => kindOf(l.sourcing) === "role")!;
    addIssue(ctx, ["lanes", roleLane.index, "sourcing"], `mixes rules: ${named(splitLane)} splits and ${named(roleLane)} has a role among the inbound lanes ${what}; use one kind for all of them`);
    return;
  }
  if (kinds.has("split")) {
    const parts = group.map((l) => (l.sourcing as { split: number }).split);
    const sum = parts.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > SPLIT_SUM_TOLERANCE) {
      const listed = group.map((l, k) => `${named(l)} ${parts[k]}`).join(", ");
      addIssue(ctx, ["lanes", first.index, "sourcing", "split"], `the split fractions of the inbound lanes ${what} sum to ${Number(sum.toPrecision(12))} (${listed}); they must sum to 1`);
    }
    return;
  }
  const primaries = group.filter((l) => (l.sourcing as { role: string }).role === "primary");
  if (primaries.length === 0) {
    addIssue(ctx, ["lanes", first.index, "sourcing", "role"], `is a backup, but none of the inbound lanes ${what} is the primary; mark one of them {"role": "primary"}`);
  }
  for (const lane of primaries.slice(1)) {
    addIssue(ctx, ["lanes", lane.index, "sourcing", "role"], `is a second primary among the inbound lanes ${what} (${named(primaries[0])} is the first); one lane is the primary, the others are backups`);
  }
}

/** Echelon positions assume one supplier per item (a tree): refused in a scenario with a sourcing rule. */
function checkEchelon(ctx: Context): void {
  arr(ctx.doc.nodes).forEach((rawNode, index) => {
    const policy = obj(rawNode)?.policy;
    const map = policyMap(policy);
    const policies = map === undefined ? [policy] : Object.values(map);
    if (policies.some((p) => obj(p)?.type === "echelon-base-stock")) {
      addIssue(ctx, ["nodes", index, "policy"], `is "echelon-base-stock", which needs one supplier per product (a tree), but the scenario has a sourcing rule; use "base-stock", "sS" or "sQ" here`);
    }
  });
}
