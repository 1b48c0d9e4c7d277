/**
 * The lane graph: lanes join known nodes, never feed a supplier, form no cycle, and give every
 * stocking node an inbound lane for each product it stocks, from a node that has it — exactly one,
 * or several with a sourcing rule (extension, checks/sourcing.ts).
 */
import { didYouMean } from "../suggest.ts";
import type { BomInfo } from "./bom.ts";
import { addIssue, arr, cyclePath, isStocking, itemKey, obj, quote, str, type Context, type NodeInfo } from "./context.ts";
import { checkSourcing, readSourcing, type LaneInfo } from "./sourcing.ts";

/** A reference to a node id at `path`: the node, or an issue naming the nearest id. */
export function resolveNode(ctx: Context, path: readonly (string | number)[], id: string | undefined): NodeInfo | undefined {
  if (id === undefined) return undefined;
  const node = ctx.nodes.get(id);
  if (node === undefined) addIssue(ctx, path, `unknown node ${quote(id)}${didYouMean(id, ctx.nodes.keys())}`);
  return node;
}

/** A reference to a product id at `path`; reports an unknown one. */
export function resolveProduct(ctx: Context, path: readonly (string | number)[], id: string | undefined): boolean {
  if (id === undefined || ctx.productSet.has(id)) return id !== undefined;
  addIssue(ctx, path, `unknown product ${quote(id)}${didYouMean(id, ctx.products)}`);
  return false;
}

/** The lane checks; returns the lanes as read, for the checks of bills of materials (bom.ts). */
export function checkNetwork(ctx: Context, bom: BomInfo): LaneInfo[] {
  const lanes = readLanes(ctx);
  checkCycles(ctx, lanes);
  checkSuppliers(ctx, lanes, bom);
  return lanes;
}

function readLanes(ctx: Context): LaneInfo[] {
  const lanes: LaneInfo[] = [];
  arr(ctx.doc.lanes).forEach((raw, index) => {
    const lane = obj(raw);
    if (lane === undefined) return;
    const from = resolveNode(ctx, ["lanes", index, "from"], str(lane.from));
    const to = resolveNode(ctx, ["lanes", index, "to"], str(lane.to));
    const products = Array.isArray(lane.products) ? lane.products.filter((p, k): p is string =>
      resolveProduct(ctx, ["lanes", index, "products", k], str(p))) : undefined;
    if (to?.kind === "supplier") addIssue(ctx, ["lanes", index, "to"], `${quote(to.id)} is a supplier, and suppliers have no inbound lanes`);
    if (from !== undefined && to !== undefined) lanes.push({ index, from, to, products, sourcing: readSourcing(lane.sourcing) });
  });
  return lanes;
}

/** Depth-first search; each back edge closes a cycle, reported at that lane with the nodes on it. */
function checkCycles(ctx: Context, lanes: readonly LaneInfo[]): void {
  const out = new Map<string, LaneInfo[]>();
  for (const l of lanes) {
    const list = out.get(l.from.id);
    if (list === undefined) out.set(l.from.id, [l]);
    else list.push(l);
  }
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, "open");
    stack.push(id);
    for (const lane of out.get(id) ?? []) {
      const next = lane.to.id;
      if (state.get(next) === "open") {
        const cycle = cyclePath([...stack.slice(stack.lastIndexOf(next)), next]);
        addIssue(ctx, ["lanes", lane.index], `closes a cycle: ${cycle}; lanes must not form a cycle`);
      } else if (state.get(next) === undefined) visit(next);
    }
    stack.pop();
    state.set(id, "done");
  };
  for (const id of ctx.nodes.keys()) if (state.get(id) === undefined) visit(id);
}

/**
 * An inbound lane per stocked product, from a supplier or a node that stocks it (several only with
 * a sourcing rule). Items of a bill of materials are bom.ts's to judge: a made product has no
 * inbound lane, and a component may be made at its node instead of brought.
 */
function checkSuppliers(ctx: Context, lanes: readonly LaneInfo[], bom: BomInfo): void {
  const inbound = new Map<string, LaneInfo[]>();
  for (const lane of lanes) {
    for (const p of lane.to.stocks) {
      if (lane.products !== undefined && !lane.products.includes(p)) continue;
      const key = itemKey(lane.to.id, p);
      if (bom.made.has(key)) continue;
      const group = inbound.get(key);
      if (group === undefined) inbound.set(key, [lane]); else group.push(lane);
      if (isStocking(lane.from) && !lane.from.stocks.has(p) && obj(arr(ctx.doc.nodes)[lane.from.index])?.policy !== undefined) {
        addIssue(ctx, ["lanes", lane.index], `${quote(lane.from.id)} does not stock product ${quote(p)}, so it cannot supply ${quote(lane.to.id)} with it`);
      }
    }
  }
  for (const node of ctx.nodes.values()) {
    if (bom.unsure.has(node.id)) continue;
    for (const p of node.stocks) {
      const key = itemKey(node.id, p);
      if (!inbound.has(key) && !bom.made.has(key) && !bom.components.has(key)) addIssue(ctx, ["nodes", node.index], `${quote(node.id)} stocks product ${quote(p)} but no lane brings it; add a lane with "to": ${quote(node.id)}`);
    }
  }
  checkSourcing(ctx, lanes, inbound);
}
