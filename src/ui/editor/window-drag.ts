/**
 * The maths of dragging a disruption's window on the timeline: pixels to whole days, and a window
 * moved or resized by some days, kept inside the horizon and at least one day long. Pure, so the
 * timeline element only turns pointer and key events into calls here.
 *
 * A window is `[start, end)` in days, as in the scenario format: `end` is the first day after it.
 */

export interface DayWindow { readonly start: number; readonly end: number }

/** What a drag grabs: the whole bar, or one of its ends. */
export type DragMode = "move" | "start" | "end";

/** The shortest window: a window of zero days would not be a window (the validator refuses end <= start). */
export const MIN_WINDOW_DAYS = 1;

/** The days a move with the arrow keys covers; with PageUp/PageDown a week. */
export const KEY_STEP_DAYS = 1;
export const PAGE_STEP_DAYS = 7;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A pointer's travel of `dx` pixels as whole days, at `pxPerDay` (0 when the track has no width). */
export function daysOfPixels(dx: number, pxPerDay: number): number {
  if (!(pxPerDay > 0) || !Number.isFinite(dx)) return 0;
  return Math.round(dx / pxPerDay) || 0;
}

/** Day `day` as a percentage of a horizon's width, clipped to the track. */
export function dayPercent(day: number, horizon: number): number {
  return horizon > 0 ? clamp((day / horizon) * 100, 0, 100) : 0;
}

/** Whether `start`/`end` from a draft form a window the timeline can draw and drag. */
export function isDayWindow(start: unknown, end: unknown): boolean {
  return typeof start === "number" && typeof end === "number" && Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start;
}

/** The window moved by `days`, its length kept (cut to the horizon), stopped at day 0 and at the horizon. */
export function moveWindow(w: DayWindow, days: number, horizon: number): DayWindow {
  const length = clamp(w.end - w.start, MIN_WINDOW_DAYS, Math.max(MIN_WINDOW_DAYS, horizon));
  const start = clamp(w.start + days, 0, Math.max(0, horizon - length));
  return { start, end: start + length };
}

/** The window with one end moved by `days`: never past the other end less a day, never outside the horizon. */
export function resizeWindow(w: DayWindow, edge: "start" | "end", days: number, horizon: number): DayWindow {
  const inside = fitWindow(w, horizon);
  if (edge === "start") return { start: clamp(inside.start + days, 0, inside.end - MIN_WINDOW_DAYS), end: inside.end };
  return { start: inside.start, end: clamp(inside.end + days, inside.start + MIN_WINDOW_DAYS, Math.max(horizon, MIN_WINDOW_DAYS)) };
}

/** A drag of `days` in `mode`. */
export function dragWindow(w: DayWindow, mode: DragMode, days: number, horizon: number): DayWindow {
  return mode === "move" ? moveWindow(w, days, horizon) : resizeWindow(w, mode, days, horizon);
}

/**
 * The window after a key press on its bar, or undefined for a key it does not use: ←/→ move it a
 * day, PageUp/PageDown a week, Home/End to the start or the end of the horizon; with Shift, ←/→
 * make it a day shorter or longer (its last day moves).
 */
export function keyWindow(w: DayWindow, key: string, shift: boolean, horizon: number): DayWindow | undefined {
  const step = key === "ArrowLeft" || key === "ArrowDown" ? -KEY_STEP_DAYS : key === "ArrowRight" || key === "ArrowUp" ? KEY_STEP_DAYS : 0;
  if (step !== 0) return shift ? resizeWindow(w, "end", step, horizon) : moveWindow(w, step, horizon);
  if (key === "PageUp" || key === "PageDown") return moveWindow(w, key === "PageUp" ? PAGE_STEP_DAYS : -PAGE_STEP_DAYS, horizon);
  if (key === "Home") return moveWindow(w, -w.start, horizon);
  if (key === "End") return moveWindow(w, horizon - w.end, horizon);
  return undefined;
}

/** A window cut to the horizon (a draft may hold one past it), still at least a day long. */
function fitWindow(w: DayWindow, horizon: number): DayWindow {
  const end = clamp(w.end, MIN_WINDOW_DAYS, Math.max(MIN_WINDOW_DAYS, horizon));
  return { start: clamp(w.start, 0, end - MIN_WINDOW_DAYS), end };
}
