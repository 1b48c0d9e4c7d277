/**
 * The run as a whole: the warmup leaves days to measure, the total work
 * replications × horizon × (stocking node, product) pairs stays within LIMITS.nodeDays, and the
 * per-replication KPI values replications × KPI columns within LIMITS.kpiValues (memory: a file
 * with 1,000 stores, horizon 1 and 1,000,000 replications would otherwise need 224 GB).
 */
import { KPI_DEFINITIONS } from "../../model/kpis.ts";
import { LIMITS } from "../limits.ts";
import { addIssue, arr, count, isStocking, num, obj, type Context } from "./context.ts";
import { overLimit } from "./over-limit.ts";

export function checkRunSize(ctx: Context): void {
  const horizon = ctx.horizon, warmup = num(ctx.doc.warmup), replications = num(ctx.doc.replications);
  if (horizon !== undefined && warmup !== undefined && warmup >= horizon) {
    addIssue(ctx, ["warmup"], `must be less than the horizon (${horizon}), got ${warmup}; no day would be measured`);
  }
  let pairs = 0;
  for (const node of ctx.nodes.values()) pairs += node.stocks.size;
  if (horizon === undefined || replications === undefined || replications < 1 || pairs === 0) return;
  checkKpiValues(ctx, replications);
  const work = replications * horizon * pairs;
  if (work <= LIMITS.nodeDays) return;
  const most = Math.max(1, Math.floor(LIMITS.nodeDays / (horizon * pairs)));
  const shown = overLimit(work, LIMITS.nodeDays, 2);
  addIssue(ctx, ["replications"],
    `asks for too much work: replications × horizon × stocked (node, product) pairs = ${count(replications)} × ${count(horizon)} × ${count(pairs)} = ${shown.value} node-days, over the limit of ${shown.limit}; ` +
    `use at most ${count(most)} replications with this horizon and network, or shorten the horizon`);
}

/** KPI columns per scope; the assembly KPIs only in a scenario with a bill of materials (engine/columns.ts). */
const keys = (scope: "network" | "node" | "product", assembly: boolean) =>
  KPI_DEFINITIONS.filter((d) => d.scopes.includes(scope) && (assembly || d.assemblyOnly !== true)).length;

/** KPI columns as the engine lays them out (engine/columns.ts): the network's, each stocking node's, each product's. */
function checkKpiValues(ctx: Context, replications: number): void {
  let stocking = 0;
  for (const node of ctx.nodes.values()) if (isStocking(node)) stocking++;
  const assembly = arr(ctx.doc.nodes).some((raw) => arr(obj(raw)?.bom).length > 0);
  const network = keys("network", assembly), perNode = keys("node", assembly), perProduct = keys("product", assembly), products = ctx.products.length;
  const columns = network + stocking * perNode + products * perProduct;
  const values = replications * columns;
  if (values <= LIMITS.kpiValues) return;
  const most = Math.max(1, Math.floor(LIMITS.kpiValues / columns));
  const shown = overLimit(values, LIMITS.kpiValues, 2);
  addIssue(ctx, ["replications"],
    `keeps too many per-replication KPI values: replications × KPI columns = ${count(replications)} × ${count(columns)} ` +
    `(${network} for the network + ${count(stocking)} stocking node${stocking === 1 ? "" : "s"} × ${perNode} + ${count(products)} product${products === 1 ? "" : "s"} × ${perProduct}) = ${shown.value}, ` +
    `over the limit of ${shown.limit} (8 bytes each, kept for exact percentiles); ` +
    `use at most ${count(most)} replications with this network, or split the run into smaller ones`);
}
