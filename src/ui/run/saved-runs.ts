/**
 * Each library scenario's last run: kept in memory while the page lives and in IndexedDB (key
 * `run:<entry id>`) so it survives a reload. A run carries the scenario it was computed for, the
 * scenario's name and when it ran, so the run view can name it and mark it stale after an edit.
 */
import type { KpiStats, ReplicationValues, RunResult } from "../../sim/model/result.ts";
import type { Scenario } from "../../sim/model/scenario.ts";
import type { KeyValueStore } from "../storage/store.ts";
import type { RunFields } from "./run-options.ts";

export interface SavedRun {
  /** The library entry the run belongs to. */
  readonly entryId: string;
  readonly result: RunResult;
  /** The scenario as it was run. */
  readonly scenario: Scenario;
  readonly fields: RunFields;
  /** Milliseconds since the epoch, when the results arrived. */
  readonly ranAt: number;
  /**
   * The run of the same entry before this one, a baseline of the KPI cards: its network KPIs, and
   * its seed and per-replication values so a run on common random numbers is compared paired.
   */
  readonly previous?: {
    readonly ranAt: number; readonly replications: number; readonly network: KpiStats;
    readonly seed?: number | string; readonly values?: ReplicationValues["network"];
  };
}

/** The run with the entry's run before it attached as `previous` (its network KPIs only). */
export function withPrevious(run: SavedRun, before: SavedRun | undefined): SavedRun {
  if (!before || before.entryId !== run.entryId) return run;
  const r = before.result;
  return { ...run, previous: { ranAt: before.ranAt, replications: r.replications, network: r.network, seed: r.seed, values: r.replicationValues?.network } };
}

const memory = new Map<string, SavedRun>();
const key = (entryId: string) => `run:${entryId}`;

/** The entry's last run held in memory, if any. */
export function recallRun(entryId: string): SavedRun | undefined {
  return memory.get(entryId);
}

/** Keeps the run in memory and, given a store, on disk (a failed write only loses it on reload). */
export async function saveRun(run: SavedRun, store: KeyValueStore | undefined): Promise<void> {
  memory.set(run.entryId, run);
  await store?.set(key(run.entryId), run).catch(() => undefined);
}

/** The entry's last run from memory, else from the store. */
export async function loadRun(entryId: string, store: KeyValueStore | undefined): Promise<SavedRun | undefined> {
  const held = memory.get(entryId);
  if (held || !store) return held;
  const stored = await store.get<SavedRun>(key(entryId)).catch(() => undefined);
  if (stored && stored.entryId === entryId) memory.set(entryId, stored);
  return stored;
}

/** Forgets every run held in memory (for tests; the store keeps its copies). */
export function forgetRuns(): void {
  memory.clear();
}

/**
 * Removes the saved runs and comparisons (`run:<id>`, `compare:<id>`) of library entries that no
 * longer exist. Called when the library loads, not on Delete, so that Undo finds them still there.
 */
export async function pruneSavedResults(store: KeyValueStore, entryIds: Iterable<string>): Promise<void> {
  const live = new Set(entryIds);
  for (const k of await store.keys()) {
    const m = /^(run|compare):(.*)$/.exec(k);
    if (m && !live.has(m[2])) await store.del(k);
  }
}
