/**
 * What the workbench needs from the worker client (src/workers/client.ts, `createSimClient`).
 * Declared here structurally so the views type-check against the contract; the real client
 * satisfies it.
 */
import type { ComparisonResult, RunResult } from "../../sim/model/result.ts";
import type { Trace } from "../../sim/model/batch.ts";
import type { Scenario } from "../../sim/model/scenario.ts";
import { isOutOfMemory, outOfMemoryMessage } from "../../workers/client.ts";

export interface RunProgress {
  /** Replications finished so far. */
  readonly done: number;
  readonly total: number;
  /** Replications finished by each worker. */
  readonly perWorker: readonly number[];
  readonly elapsedMs: number;
  /** Estimated time left; null until the client can estimate it. */
  readonly etaMs: number | null;
}

export interface RunOptions {
  readonly replications?: number;
  readonly seed?: number | string;
  readonly horizon?: number;
  readonly warmup?: number;
  readonly series?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: RunProgress) => void;
}

export interface SimClientLike {
  run(scenario: Scenario, options: RunOptions): Promise<RunResult>;
  compare(a: Scenario, b: Scenario, options: RunOptions): Promise<{ comparison: ComparisonResult; a: RunResult; b: RunResult }>;
  trace(scenario: Scenario, replication: number): Promise<Trace>;
}

/** Cancellation rejects with an error named "AbortError". */
export function isAbortError(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { name?: unknown }).name === "AbortError";
}

/** A readable message for any failure (worker crash, out of memory, scenario error, thrown value). */
export function errorMessage(e: unknown): string {
  if (isOutOfMemory(e)) return outOfMemoryMessage(e);
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === "string") return e;
  if (typeof e === "object" && e !== null && typeof (e as { message?: unknown }).message === "string") return (e as { message: string }).message;
  return "Unknown error";
}
