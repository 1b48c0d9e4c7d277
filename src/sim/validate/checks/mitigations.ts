/** Mitigations: lateral transfers among distinct stocking nodes; expedite routes between known nodes. */
import { addIssue, arr, isStocking, obj, quote, str, type Context } from "./context.ts";
import { checkDistribution } from "./distributions.ts";
import { resolveNode } from "./network.ts";

export function checkMitigations(ctx: Context): void {
  const m = obj(ctx.doc.mitigations);
  const lateral = obj(m?.lateralTransfers);
  const seen = new Set<string>();
  arr(lateral?.among).forEach((raw, k) => {
    const path = ["mitigations", "lateralTransfers", "among", k];
    const node = resolveNode(ctx, path, str(raw));
    if (node === undefined) return;
    if (seen.has(node.id)) addIssue(ctx, path, `${quote(node.id)} is listed twice`);
    else if (!isStocking(node)) addIssue(ctx, path, `${quote(node.id)} is a supplier; only stocking nodes transfer stock`);
    seen.add(node.id);
  });
  if (lateral !== undefined) checkDistribution(ctx, lateral.leadTime, ["mitigations", "lateralTransfers", "leadTime"]);
  arr(m?.expedite).forEach((raw, k) => {
    const e = obj(raw);
    if (e === undefined) return;
    const path = ["mitigations", "expedite", k];
    resolveNode(ctx, [...path, "from"], str(e.from));
    const to = resolveNode(ctx, [...path, "to"], str(e.to));
    if (to?.kind === "supplier") addIssue(ctx, [...path, "to"], `${quote(to.id)} is a supplier; suppliers are never expedited to`);
    checkDistribution(ctx, e.leadTime, [...path, "leadTime"]);
  });
}
