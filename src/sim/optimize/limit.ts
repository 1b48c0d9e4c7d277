/**
 * At most `limit` calls of `f` in flight; the others wait, in call order. The optimisers issue
 * many evaluations at once (a search step tries every coordinate together, the trade-off curve
 * every point), and each evaluation loads its scenario on every worker of the pool, which keeps
 * only SCENARIO_CACHE_SIZE (8) scenarios per worker: more in flight than that, and a worker
 * evicts a scenario before its batches run ("scenario s71 is not loaded in this worker").
 */
export const MAX_EVALUATIONS_IN_FLIGHT = 4;

export function limitConcurrency<A extends unknown[], R>(f: (...args: A) => Promise<R>, limit = MAX_EVALUATIONS_IN_FLIGHT): (...args: A) => Promise<R> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (...args: A): Promise<R> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await f(...args);
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
