/**
 * The run as a whole: the warmup leaves days to measure, and the total work
 * replications × horizon × (stocking node, product) pairs stays within LIMITS.nodeDays.
 */
import { LIMITS } from "../limits.ts";
import { addIssue, count, num, type Context } from "./context.ts";

export function checkRunSize(ctx: Context): void {
  const horizon = ctx.horizon, warmup = num(ctx.doc.warmup), replications = num(ctx.doc.replications);
  if (horizon !== undefined && warmup !== undefined && warmup >= horizon) {
    addIssue(ctx, ["warmup"], `must be less than the horizon (${horizon}), got ${warmup}; no day would be measured`);
  }
  let pairs = 0;
  for (const node of ctx.nodes.values()) pairs += node.stocks.size;
  if (horizon === undefined || replications === undefined || replications < 1 || pairs === 0) return;
  const work = replications * horizon * pairs;
  if (work <= LIMITS.nodeDays) return;
  const most = Math.max(1, Math.floor(LIMITS.nodeDays / (horizon * pairs)));
  addIssue(ctx, ["replications"],
    `asks for too much work: replications × horizon × stocked (node, product) pairs = ${count(replications)} × ${count(horizon)} × ${count(pairs)} = ${work.toExponential(2)} node-days, over the limit of ${LIMITS.nodeDays.toExponential(0)}; ` +
    `use at most ${count(most)} replications with this horizon and network, or shorten the horizon`);
}
