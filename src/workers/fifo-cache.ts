/**
 * A map that keeps its last `capacity` insertions. The worker caches loaded scenarios in one and
 * the pool mirrors it per worker with the same capacity, so the pool knows, without asking,
 * which scenarios a worker still holds (only `load` inserts, and calls to a worker run in order).
 */
export interface FifoCache<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
  set(key: string, value: V): void;
  delete(key: string): void;
}

export const SCENARIO_CACHE_SIZE = 8;

export function createFifoCache<V>(capacity = SCENARIO_CACHE_SIZE): FifoCache<V> {
  const map = new Map<string, V>();
  return {
    get: (k) => map.get(k),
    has: (k) => map.has(k),
    delete: (k) => { map.delete(k); },
    set(k, v) {
      map.delete(k);
      map.set(k, v);
      while (map.size > capacity) map.delete(map.keys().next().value as string);
    },
  };
}
