/**
 * Releases chunks in replication order although they arrive in any order: a chunk waits until
 * every replication before it has been released. Reductions whose rounding depends on order (the
 * per-day series) run on the released sequence, so results are bit-identical for any worker count
 * and chunk size. At most (workers − 1) chunks wait at a time when chunks are dealt in order.
 */
export interface Ranged {
  readonly from: number;
  readonly to: number;
}

export function createInOrder<T extends Ranged>(start: number, release: (item: T) => void): (item: T) => void {
  const waiting = new Map<number, T>();
  let next = start;
  return (item) => {
    waiting.set(item.from, item);
    for (let it = waiting.get(next); it !== undefined; it = waiting.get(next)) {
      waiting.delete(next);
      next = it.to;
      release(it);
    }
  };
}
