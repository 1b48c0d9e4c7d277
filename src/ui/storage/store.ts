/**
 * Where the workbench keeps its data: a small key-value interface, backed by IndexedDB
 * (idb-keyval) in the browser and by a Map in tests.
 */
import { createStore, del, get, keys, set } from "idb-keyval";

export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

/** IndexedDB database "echelon", object store "workbench". */
export function createIdbStore(): KeyValueStore {
  const store = createStore("echelon", "workbench");
  return {
    get: <T>(key: string) => get<T>(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    keys: async () => (await keys(store)).map(String),
  };
}

/** An in-memory store with the same behaviour (values are structured-cloned, as IndexedDB does). */
export function createMemoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { readonly data: Map<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    data,
    get: async <T>(key: string) => (data.has(key) ? (structuredClone(data.get(key)) as T) : undefined),
    set: async (key, value) => { data.set(key, structuredClone(value)); },
    del: async (key) => { data.delete(key); },
    keys: async () => [...data.keys()],
  };
}
