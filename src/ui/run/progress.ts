import type { RunProgress } from "./sim-client.ts";

/** "1 min 05 s", "12 s", "< 1 s". */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return "< 1 s";
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

/** One line for screen readers and the page: "340 of 1,000 replications (34%), about 12 s left". */
export function progressText(p: RunProgress): string {
  const pct = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 0;
  const left = p.done >= p.total ? "finishing" : p.done === 0 ? "starting" : p.etaMs === null || !Number.isFinite(p.etaMs) ? "estimating the time left" : `about ${formatDuration(p.etaMs)} left`;
  return `${p.done.toLocaleString("en")} of ${p.total.toLocaleString("en")} replications (${pct}%), ${left}`;
}

/**
 * Calls `render` with the latest value at most once per `intervalMs` (trailing edge included), so a
 * run reporting progress thousands of times re-renders ~10 times a second.
 */
export function throttleLatest<T>(render: (value: T) => void, intervalMs = 100, now: () => number = () => performance.now()) {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: T | undefined;
  let has = false;
  const flush = () => {
    timer = undefined;
    if (!has) return;
    has = false;
    last = now();
    render(latest as T);
  };
  const push = (value: T) => {
    latest = value;
    has = true;
    const wait = last + intervalMs - now();
    if (wait <= 0) { clearTimeout(timer); flush(); }
    else timer ??= setTimeout(flush, wait);
  };
  push.cancel = () => { clearTimeout(timer); timer = undefined; has = false; };
  return push;
}
