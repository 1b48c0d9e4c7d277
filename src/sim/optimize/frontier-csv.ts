/**
 * The trade-off curve as CSV (`echelon frontier --format csv`, and the app's "Data (CSV)"): one
 * row per simulated point, the current scenario first, then each curve in order; each KPI's mean
 * and 95% interval. The headline is not in the CSV (it is in the JSON, and on the app's chart).
 */
import type { FrontierPoint, FrontierResult } from "./frontier.ts";

export const FRONTIER_CSV_HEADER = ["curve", "service_level", "target_fill", ...["fill_rate", "on_hand_value", "holding_cost", "inventory_turns", "on_hand"].flatMap((k) => [k, `${k}_lo`, `${k}_hi`]), "evaluations"] as const;

/** An empty cell for a figure that is absent or not finite (e.g. a fill rate with no demand). */
const num = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? "" : String(x));

function row(curve: string, p: FrontierPoint): string {
  return [curve, num(p.serviceLevel), num(p.targetFill),
    ...[p.fillRate, p.onHandValue, p.holdingCost, p.inventoryTurns, p.onHand].flatMap((e) => [num(e.mean), num(e.ci95[0]), num(e.ci95[1])]), num(p.evaluations)].join(",");
}

export function frontierToCsv(r: FrontierResult): string {
  const rows = [FRONTIER_CSV_HEADER.join(","), row("current", r.current)];
  for (const [curve, points] of Object.entries(r.curves)) for (const p of points) rows.push(row(curve, p));
  return `${rows.join("\n")}\n`;
}
