/**
 * A `Tick` for the browser's main thread: it asks the reduction to yield to the event loop once
 * `budgetMs` have passed since the last yield, so no task runs much past 50 ms while a run's
 * results are being reduced. MessageChannel resumes sooner than setTimeout (no 4 ms clamp);
 * where setImmediate exists (Node) it is used instead, since an open MessagePort would keep a
 * Node process alive after the run.
 */
import type { Tick } from "../sim/montecarlo/tick.ts";

/** One MessageChannel for every slicer of the page (ports are not closed per run). */
let shared: { port: MessagePort; waiting: (() => void)[] } | null = null;
function viaChannel(resolve: () => void) {
  if (!shared) {
    const channel = new MessageChannel(), waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    shared = { port: channel.port2, waiting };
  }
  shared.waiting.push(resolve);
  shared.port.postMessage(0);
}

export function createTimeSlicer(budgetMs = 8, now: () => number = () => performance.now()): Tick {
  let last = now();
  const immediate = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate;
  const resume = immediate ? (f: () => void) => void immediate(f) : typeof MessageChannel === "function" ? viaChannel : (f: () => void) => void setTimeout(f, 0);
  const pause = () => new Promise<void>(resume).then(() => { last = now(); });
  return () => (now() - last >= budgetMs ? pause() : undefined);
}
