/**
 * Disruptions: windows inside the horizon, references to known nodes, lanes and products, and
 * exactly one target (a node, or a lane as from + to) where either is allowed.
 */
import { addIssue, arr, num, obj, quote, str, type Context, type Json } from "./context.ts";
import { resolveNode, resolveProduct } from "./network.ts";

type Path = readonly (string | number)[];

export function checkDisruptions(ctx: Context): void {
  const lanes = new Set(arr(ctx.doc.lanes).map((l) => `${str(obj(l)?.from)}\u0000${str(obj(l)?.to)}`));
  arr(ctx.doc.disruptions).forEach((raw, index) => {
    const d = obj(raw);
    if (d === undefined) return;
    const path = ["disruptions", index];
    if (d.type !== "random-outage") checkWindow(ctx, d, path);
    switch (d.type) {
      case "lane-delay":
      case "lane-outage":
        return checkLane(ctx, d, path, lanes);
      case "node-outage":
        return void resolveNode(ctx, [...path, "node"], str(d.node));
      case "demand-shock":
        if (d.node !== "*") resolveNode(ctx, [...path, "node"], str(d.node));
        if (d.product !== undefined) resolveProduct(ctx, [...path, "product"], str(d.product));
        return;
      case "capacity-cut":
      case "random-outage":
        return checkTarget(ctx, d, path, lanes);
    }
  });
}

function checkWindow(ctx: Context, d: Json, path: Path): void {
  const start = num(d.start), end = num(d.end);
  if (start !== undefined && end !== undefined && end <= start) addIssue(ctx, [...path, "end"], `must be after start (${start}), got ${end}; the window is days start..end-1`);
  if (ctx.horizon === undefined) return;
  if (start !== undefined && start >= ctx.horizon) addIssue(ctx, [...path, "start"], `must be before the horizon (${ctx.horizon}), got ${start}`);
  if (end !== undefined && end > ctx.horizon) addIssue(ctx, [...path, "end"], `must be at most the horizon (${ctx.horizon}), got ${end}`);
}

function checkLane(ctx: Context, d: Json, path: Path, lanes: ReadonlySet<string>): void {
  const from = resolveNode(ctx, [...path, "from"], str(d.from));
  const to = resolveNode(ctx, [...path, "to"], str(d.to));
  if (from !== undefined && to !== undefined && !lanes.has(`${from.id}\u0000${to.id}`)) {
    addIssue(ctx, path, `no lane from ${quote(from.id)} to ${quote(to.id)}`);
  }
}

/** `node`, or `from` + `to` naming a lane: exactly one of the two. */
function checkTarget(ctx: Context, d: Json, path: Path, lanes: ReadonlySet<string>): void {
  const hasNode = d.node !== undefined, hasLane = d.from !== undefined || d.to !== undefined;
  if (hasNode && hasLane) addIssue(ctx, path, `names both a node and a lane; give either "node" or "from" and "to"`);
  else if (!hasNode && !hasLane) addIssue(ctx, path, `names no target; give either "node" or "from" and "to"`);
  else if (hasNode) resolveNode(ctx, [...path, "node"], str(d.node));
  else if (d.from === undefined || d.to === undefined) addIssue(ctx, [...path, d.from === undefined ? "from" : "to"], `is required with ${d.from === undefined ? '"to"' : '"from"'}: a lane is named by both ends`);
  else checkLane(ctx, d, path, lanes);
}
