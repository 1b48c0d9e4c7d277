/**
 * The trade-off chart's data, as pure functions: each curve of an `echelon-frontier@1` result as
 * points in chart coordinates (x the simulated network fill rate, y the inventory value or the
 * inventory turns, each with its 95% interval), the current scenario as one more point, and the
 * extents the axes must cover so that no interval is clipped.
 */
import { FRONTIER_CURVES, type Estimate, type FrontierCurve, type FrontierPoint, type FrontierResult } from "../../sim/optimize/index.ts";
import { PALETTE } from "../charts/palette.ts";
import { percentLabel } from "../optimize/optimize-rows.ts";

/** The chart's two views: inventory value against fill rate, or inventory turns against fill rate. */
export const FRONTIER_VIEWS = ["value", "turns"] as const;
export type FrontierView = (typeof FRONTIER_VIEWS)[number];

export const VIEW_LABELS: { readonly [v in FrontierView]: string } = { value: "Inventory value", turns: "Inventory turns" };
export const CURVE_LABELS: { readonly [c in FrontierCurve]: string } = {
  "single-echelon": "Node by node", gsm: "GSM", simulation: "Network optimiser",
};
export const CURVE_COLORS: { readonly [c in FrontierCurve]: string } = {
  "single-echelon": PALETTE[2], gsm: PALETTE[1], simulation: PALETTE[0],
};
export const CURRENT_LABEL = "Current scenario";
export const CURRENT_COLOR = "#333333";

/** Where a point sits on the chart, with its intervals, and which plan it is. */
export interface ChartPoint {
  /** "current", or "<curve>:<index in the curve>". */
  readonly key: string;
  /** What a reader calls it: "Network optimiser, target fill 95%". */
  readonly label: string;
  readonly x: number;
  readonly xInterval: readonly [number, number];
  readonly y: number;
  readonly yInterval: readonly [number, number];
}

export interface ChartCurve {
  readonly curve: FrontierCurve;
  readonly label: string;
  readonly color: string;
  /** Every point has the same levels as node by node's (GSM on the retail network): drawn dashed over it. */
  readonly sameAsNodeByNode: boolean;
  readonly points: readonly ChartPoint[];
}

export interface ChartData {
  readonly curves: readonly ChartCurve[];
  readonly current: ChartPoint;
  /** Fill-rate and y extents over every point's interval. */
  readonly xExtent: readonly [number, number];
  readonly yExtent: readonly [number, number];
}

const yOf = (p: FrontierPoint, view: FrontierView): Estimate => (view === "value" ? p.onHandValue : p.inventoryTurns);

/** "target fill 95%" or "service level 91.2%": what the point was asked for. */
export function pointParameter(p: FrontierPoint): string {
  if (p.targetFill !== undefined) return `target fill ${percentLabel(p.targetFill)}`;
  return p.serviceLevel !== undefined ? `service level ${percentLabel(p.serviceLevel)}` : "";
}

function chartPoint(key: string, label: string, p: FrontierPoint, view: FrontierView): ChartPoint {
  const y = yOf(p, view);
  return { key, label, x: p.fillRate.mean, xInterval: p.fillRate.ci95, y: y.mean, yInterval: y.ci95 };
}

/** The chart's curves in FRONTIER_CURVES order, each in the order it was asked for (service level or target), without points that are not finite. */
export function frontierChartData(r: FrontierResult, view: FrontierView): ChartData {
  const curves = FRONTIER_CURVES.map((curve): ChartCurve => {
    const points = r.curves[curve]
      .map((p, i) => chartPoint(`${curve}:${i}`, `${CURVE_LABELS[curve]}, ${pointParameter(p)}`, p, view))
      .filter(isFinitePoint);
    const all = r.curves[curve];
    return { curve, label: CURVE_LABELS[curve], color: CURVE_COLORS[curve], sameAsNodeByNode: all.length > 0 && all.every((p) => p.sameAs === "single-echelon"), points };
  });
  const current = chartPoint("current", CURRENT_LABEL, r.current, view);
  const shown = [...curves.flatMap((c) => c.points), ...(isFinitePoint(current) ? [current] : [])];
  return { curves, current, xExtent: extent(shown.flatMap((p) => [p.x, ...p.xInterval])), yExtent: extent(shown.flatMap((p) => [p.y, ...p.yInterval])) };
}

function isFinitePoint(p: ChartPoint): boolean {
  return [p.x, p.y].every(Number.isFinite);
}

function extent(values: readonly number[]): readonly [number, number] {
  const v = values.filter(Number.isFinite);
  return v.length ? [Math.min(...v), Math.max(...v)] : [0, 1];
}

/** The point of `r` a chart key names (undefined for "current", or a key that is not there). */
export function pointOf(r: FrontierResult, key: string): { readonly curve: FrontierCurve; readonly point: FrontierPoint } | undefined {
  const [curve, index] = key.split(":");
  if (!(FRONTIER_CURVES as readonly string[]).includes(curve)) return undefined;
  const point = r.curves[curve as FrontierCurve][Number(index)];
  return point && { curve: curve as FrontierCurve, point };
}
