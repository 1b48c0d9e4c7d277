import { svg } from "lit";
import type { Scenario } from "../../sim/model/scenario.ts";

/** A disruption's window on a time chart: days `start` (inclusive) to `end` (exclusive). */
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
  /** What happens in it, for the tooltip: "lane-delay supplier → plant". */
  readonly label: string;
}

/**
 * The windows of a scenario's windowed disruptions, in the order written. A random outage has no
 * window of its own (it strikes at random days), so it draws none.
 */
export function disruptionWindows(scenario: Scenario | undefined): TimeWindow[] {
  const out: TimeWindow[] = [];
  for (const d of scenario?.disruptions ?? []) {
    if (d.type === "random-outage") continue;
    const where = "node" in d && d.node ? d.node : "from" in d && d.from ? `${d.from} → ${d.to}` : "";
    out.push({ start: d.start, end: d.end, label: `${d.type}${where ? ` ${where}` : ""}, days ${d.start}–${d.end - 1}` });
  }
  return out;
}

/** Whether the scenario has any disruption at all (windowed or random). */
export const hasDisruptions = (scenario: Scenario | undefined): boolean => (scenario?.disruptions?.length ?? 0) > 0;

/**
 * Grey bands over the windows, from a window's first day to its last day's end, clipped to the
 * days the x scale shows; each carries its label as a tooltip.
 */
export function renderWindows(windows: readonly TimeWindow[], x: { (day: number): number; domain(): number[] }, height: number) {
  const [d0, d1] = x.domain();
  return windows.filter((w) => w.end > d0 && w.start <= d1).map((w) => {
    const a = x(Math.max(w.start, d0)), b = x(Math.min(w.end, d1));
    return svg`<rect class="window" x=${a} y="0" width=${Math.max(b - a, 1)} height=${height} fill="#888" fill-opacity="0.18"><title>Disruption: ${w.label}</title></rect>`;
  });
}
