/**
 * Input that is well-formed but would silently do nothing, refused with the fix (issue 10):
 * - a `capacity-cut` on a node without a throughput capacity, or on a lane without a capacity: a
 *   cut multiplies a capacity, and unlimited stays unlimited, so even factor 0 changes nothing
 *   (a planner's "DC closed" would show no effect); the message points to a node or lane outage;
 * - an `initialInventory` above the node's storage capacity (all products together), which on
 *   hand can never hold.
 * References that do not resolve are reported elsewhere (disruptions.ts, policies.ts).
 */
import { addIssue, arr, count, num, obj, quote, str, type Context, type Json } from "./context.ts";

export function checkNoEffect(ctx: Context): void {
  const nodes = arr(ctx.doc.nodes).map(obj);
  const nodeById = new Map<string, { node: Json; index: number }>();
  nodes.forEach((n, index) => { const id = str(n?.id); if (n && id !== undefined && !nodeById.has(id)) nodeById.set(id, { node: n, index }); });
  arr(ctx.doc.disruptions).forEach((raw, index) => {
    const d = obj(raw);
    if (d?.type === "capacity-cut") checkCut(ctx, d, ["disruptions", index], nodeById);
  });
  nodes.forEach((n, index) => { if (n) checkInitialInventory(ctx, n, index); });
}

function checkCut(ctx: Context, d: Json, path: readonly (string | number)[], nodeById: Map<string, { node: Json; index: number }>): void {
  const window = `"start": ${num(d.start) ?? "…"}, "end": ${num(d.end) ?? "…"}`;
  const nodeId = str(d.node);
  if (nodeId !== undefined && d.from === undefined && d.to === undefined) {
    const hit = nodeById.get(nodeId);
    if (!hit || num(obj(hit.node.capacity)?.throughput) !== undefined) return;
    addIssue(ctx, [...path, "node"], `${quote(nodeId)} has no capacity.throughput, so a capacity-cut on it changes nothing (unlimited stays unlimited). ` +
      `To close the node use {"type": "node-outage", "node": ${quote(nodeId)}, ${window}}, or give nodes[${hit.index}].capacity a throughput to cut`);
    return;
  }
  const from = str(d.from), to = str(d.to);
  if (from === undefined || to === undefined || d.node !== undefined) return;
  const k = arr(ctx.doc.lanes).findIndex((l) => str(obj(l)?.from) === from && str(obj(l)?.to) === to);
  if (k < 0 || num(obj(arr(ctx.doc.lanes)[k])?.capacity) !== undefined) return;
  addIssue(ctx, path, `the lane from ${quote(from)} to ${quote(to)} has no capacity, so a capacity-cut on it changes nothing (unlimited stays unlimited). ` +
    `To stop the lane use {"type": "lane-outage", "from": ${quote(from)}, "to": ${quote(to)}, ${window}}, or give lanes[${k}] a capacity to cut`);
}

function checkInitialInventory(ctx: Context, n: Json, index: number): void {
  const storage = num(obj(n.capacity)?.storage), init = n.initialInventory;
  if (storage === undefined || init === undefined) return;
  const id = str(n.id), stocks = id === undefined ? undefined : ctx.nodes.get(id)?.stocks;
  const total = typeof init === "number" ? init * Math.max(1, stocks?.size ?? 1)
    : Object.values(obj(init) ?? {}).reduce<number>((sum, v) => sum + (num(v) ?? 0), 0);
  if (!(total > storage)) return;
  const each = typeof init === "number" && (stocks?.size ?? 1) > 1 ? ` (${count(init)} for each of its ${stocks!.size} products)` : "";
  addIssue(ctx, ["nodes", index, "initialInventory"], `totals ${count(total)} units${each}, above the node's storage capacity (capacity.storage ${count(storage)}): ` +
    `on hand can never hold it. Lower initialInventory to at most ${count(storage)} in all, or raise capacity.storage`);
}
