/**
 * Aborts its `signal` once `stallMs` pass with no call to `alive()`. Time is counted in timer
 * ticks, not by the clock, so a computer that slept (or a hidden tab, whose timers are throttled)
 * never counts as a stall. The Monte Carlo core (src/sim/montecarlo/collect.ts) takes it as a
 * parameter: it needs a timer, which the pure layer never starts.
 */
import type { WatchdogFactory } from "../sim/montecarlo/collect.ts";

export const stallWatchdog: WatchdogFactory = (stallMs, user) => {
  // Silence of stallMs to stallMs + period counts as a stall.
  const ctl = new AbortController(), period = Math.min(1000, Math.max(1, stallMs / 10));
  let idle = 0;
  const timer = setInterval(() => { if (++idle * period > stallMs) ctl.abort(); }, period);
  return {
    signal: user ? AbortSignal.any([user, ctl.signal]) : ctl.signal,
    get stalled() { return ctl.signal.aborted && !user?.aborted; },
    alive() { idle = 0; },
    stop() { clearInterval(timer); },
  };
};
