/**
 * `echelon run FILE --shard K/N` (and `compare A B --shard`, `impact FILE --shard`): one of N equal
 * blocks of the replications, written as an `echelon-partial@1` (partial.ts) for `echelon merge`. Replications are seeded from (seed,
 * replication, source), so a block simulated alone gives the very rows the whole run would.
 */
import type { Scenario } from "../sim/model/scenario.ts";
import type { BatchResult } from "../sim/model/batch.ts";
import { acceptChunk } from "../sim/montecarlo/kpi-table.ts";
import type { ScenarioInfo } from "../sim/montecarlo/replication-pool.ts";
import { nodeDays } from "../workers/monte-carlo.ts";
import { SERIES_CHUNK_BYTES } from "../sim/montecarlo/run-memory.ts";
import { chunkSizeFor, type Pool, type RunProgress } from "../workers/pool.ts";
import { UsageError } from "./args.ts";
import { createPartWriter, PARTIAL_FORMAT, ROW_ENCODING, scenarioHash, SERIES_ENCODING, type PartialHeader, type PartialManifest, type PartKind, type PartRun } from "./partial.ts";

export interface Shard { readonly index: number; readonly count: number }

/** The variables read by `--shard-from-env`, in this order: the first one set wins. */
export const SHARD_ENV = ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX"] as const;

function checkShard(index: number, count: number, what: string): Shard {
  if (!Number.isSafeInteger(count) || count < 1) throw new UsageError(`${what}: the number of shards must be a whole number >= 1, got ${count}`);
  if (!Number.isSafeInteger(index) || index < 0 || index >= count) throw new UsageError(`${what}: the shard index must be a whole number from 0 to ${count - 1}, got ${index}`);
  return { index, count };
}

/** `--shard K/N`, K counted from 0 as job arrays count (0 ≤ K < N). */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new UsageError(`--shard must be K/N, e.g. 0/4 (K from 0 to N - 1), got "${text}"`);
  return checkShard(Number(m[1]), Number(m[2]), `--shard ${text}`);
}

/** `--shard-from-env N`: the index from the first of SHARD_ENV that is set. */
export function shardFromEnv(count: number, env: Readonly<Record<string, string | undefined>> = process.env): Shard {
  const name = SHARD_ENV.find((v) => env[v] !== undefined && env[v] !== "");
  if (!name) throw new UsageError(`--shard-from-env: none of ${SHARD_ENV.join(", ")} is set; run it as a job array task, or use --shard K/N`);
  const raw = env[name]!;
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--shard-from-env: ${name} must be a whole number, got "${raw}"`);
  return checkShard(Number(raw), count, `--shard-from-env ${count} (${name}=${raw})`);
}

/** The two limits of validate/checks/run-size.ts that bound what one machine simulates and holds for a whole run. */
export const isRunSizeIssue = (i: { path: string; message: string }) =>
  i.path === "replications" && /^(asks for too much work|keeps too many per-replication KPI values)/.test(i.message);

/** Replications from … to − 1 of shard `index` of `count` over `total`: blocks differ by at most one. */
export const shardRange = (total: number, { index, count }: Shard) =>
  ({ from: Math.floor((index * total) / count), to: Math.floor(((index + 1) * total) / count) });

/** Bytes of KPI rows (or series rows) a chunk may carry: what a shard holds per chunk in flight. */
export const SHARD_CHUNK_BYTES = SERIES_CHUNK_BYTES;

/** What is sharded: the runs, prepared (overrides applied), on the same seed and replications. */
export interface ShardJob {
  readonly kind: PartKind;
  readonly runs: readonly { readonly name: string; readonly scenario: Scenario }[];
  /** The scenario the manifest names (an impact report's as written; a comparison's A). */
  readonly main: Scenario;
  readonly impact?: PartialHeader["impact"];
}

export interface ShardOptions {
  /** Also write every replication's series row (`--series`; runs only). */
  readonly series?: boolean;
  readonly onProgress?: (p: RunProgress) => void;
  readonly engineVersion: string;
}

/** The hash the merge checks: a run's scenario, or the kind and every run of a comparison or impact report. */
export const jobHash = (job: ShardJob) =>
  scenarioHash(job.kind === "run" ? job.runs[0].scenario : { kind: job.kind, runs: job.runs.map((r) => r.scenario) });

/**
 * Simulates one shard on `pool`, writing its part to `path` as chunks come back (partial.ts): the
 * shard holds the chunks in flight, never its rows, so its memory does not grow with its
 * replications or its catalogue's columns beyond one chunk a worker. Returns the part's manifest.
 */
export async function runShard(pool: Pool, job: ShardJob, shard: Shard, opts: ShardOptions, path: string, now: () => number = () => performance.now()): Promise<PartialManifest> {
  const t0 = now(), s = job.main;
  const { from, to } = shardRange(s.replications, shard), n = to - from;
  const infos: ScenarioInfo[] = [];
  for (const r of job.runs) infos.push(await pool.describe(r.scenario));
  const runs: PartRun[] = job.runs.map((r, i) => ({
    name: r.name, columns: infos[i].columns,
    ...(opts.series && job.kind === "run" ? { series: { encoding: SERIES_ENCODING, layout: infos[i].layout } } : {}),
  }));
  const manifest: PartialManifest = {
    scenarioHash: jobHash(job), scenario: s.name, seed: s.seed, replications: s.replications, horizon: s.horizon, warmup: s.warmup,
    from, to, shard, engineVersion: opts.engineVersion, workers: pool.size, elapsedMs: 0,
  };
  const writer = createPartWriter(path, { format: PARTIAL_FORMAT, kind: job.kind, manifest, rows: ROW_ENCODING, runs, ...(job.impact ? { impact: job.impact } : {}) });
  try {
    for (const [i, r] of job.runs.entries()) {
      const columns = runs[i].columns.length, cells = runs[i].series?.layout.cells ?? 0, seen = new Uint8Array(n);
      let received = 0;
      await pool.run({
        scenario: r.scenario, from, to, series: cells > 0,
        onProgress: opts.onProgress && ((p) => opts.onProgress!({ ...p, done: i * n + p.done, total: job.runs.length * n })),
        chunkSize: Math.min(
          Math.max(1, Math.floor(SHARD_CHUNK_BYTES / (4 * Math.max(1, cells)))),
          Math.max(1, Math.floor(SHARD_CHUNK_BYTES / (8 * columns))),
          chunkSizeFor(n, pool.size, nodeDays(r.scenario))),
        onChunk: (chunk) => {
          const b = chunk as BatchResult;
          received += acceptChunk(b, columns, from, seen);
          writer.writeRows(i, b.from, b.values);
          if (!cells) return;
          if (b.series?.length !== (b.to - b.from) * cells) throw new Error(`chunk ${b.from}–${b.to - 1} came back without its series`);
          writer.writeSeries(i, b.from, b.series);
        },
      });
      if (received !== n) throw new Error(`only ${received} of ${n} replications of ${r.name} came back`);
    }
    const done = { ...manifest, elapsedMs: Math.round(now() - t0) };
    writer.finish(done);
    return done;
  } finally {
    writer.close();
  }
}
