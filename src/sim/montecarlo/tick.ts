/**
 * A cooperative pause point for long reductions. The caller (a worker client on a browser's main
 * thread) passes a function that returns a promise when it is time to yield to the event loop, and
 * nothing otherwise; the pure code here never reads a clock. `noTick` never pauses.
 */
export type Tick = () => void | Promise<void>;

export const noTick: Tick = () => undefined;
