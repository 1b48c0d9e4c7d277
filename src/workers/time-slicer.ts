/**
 * A `Tick` for the browser's main thread: it asks the reduction to yield to the event loop once
 * `budgetMs` have passed since the last yield, so no task runs much past 50 ms while a run's
 * results are being reduced. MessageChannel resumes sooner than setTimeout (no 4 ms clamp).
 */
import type { Tick } from "../sim/montecarlo/tick.ts";

export function createTimeSlicer(budgetMs = 8, now: () => number = () => performance.now()): Tick {
  let last = now();
  const channel = typeof MessageChannel === "function" ? new MessageChannel() : null;
  const waiting: (() => void)[] = [];
  if (channel) channel.port1.onmessage = () => waiting.shift()?.();
  const pause = () => new Promise<void>((resolve) => {
    if (channel) { waiting.push(resolve); channel.port2.postMessage(0); } else setTimeout(resolve, 0);
  }).then(() => { last = now(); });
  return () => (now() - last >= budgetMs ? pause() : undefined);
}
