/**
 * `echelon run FILE --shard K/N`: one of N equal blocks of a run's replications, written as an
 * `echelon-partial@1` (partial.ts) for `echelon merge`. Replications are seeded from (seed,
 * replication, source), so a block simulated alone gives the very rows the whole run would.
 */
import type { Scenario } from "../sim/model/scenario.ts";
import type { RunOverrides } from "../sim/montecarlo/overrides.ts";
import { nodeDays, prepareScenario } from "../workers/monte-carlo.ts";
import { SERIES_CHUNK_BYTES } from "../sim/montecarlo/run-memory.ts";
import { chunkSizeFor, type Pool, type RunProgress } from "../workers/pool.ts";
import { UsageError } from "./args.ts";
import { encodeRows, encodeSeriesRows, PARTIAL_FORMAT, ROW_ENCODING, scenarioHash, SERIES_ENCODING, type Partial } from "./partial.ts";

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

/** Replications from … to − 1 of shard `index` of `count` over `total`: blocks differ by at most one. */
export const shardRange = (total: number, { index, count }: Shard) =>
  ({ from: Math.floor((index * total) / count), to: Math.floor(((index + 1) * total) / count) });

/** The most KPI rows one part holds (its base64 text is 4/3 of it): a shard then peaks well under 1 GB. */
export const MAX_PART_BYTES = 256 * 1024 * 1024;

/** Refuses a shard whose part would pass MAX_PART_BYTES, saying how many shards would do. */
export function checkPartSize(replications: number, columns: number, total: number, seriesCells = 0) {
  const perReplication = columns * 8 + seriesCells * 4, bytes = replications * perReplication;
  if (bytes <= MAX_PART_BYTES) return;
  const perShard = Math.max(1, Math.floor(MAX_PART_BYTES / perReplication));
  const what = seriesCells ? `${columns} KPI columns and ${seriesCells} series cells` : `${columns} KPI columns`;
  throw new UsageError(`this shard would hold ${replications.toLocaleString("en")} replications × ${what} = ${(bytes / 2 ** 20).toFixed(0)} MiB of KPI rows, ` +
    `over the ${MAX_PART_BYTES / 2 ** 20} MiB a part may hold; use at least ${Math.ceil(total / perShard)} shards (at most ${perShard.toLocaleString("en")} replications each)`);
}

export interface ShardOptions extends RunOverrides {
  /** Also keep every replication's series row (`--series`). */
  readonly series?: boolean;
  readonly onProgress?: (p: RunProgress) => void;
  readonly engineVersion: string;
}

/** Simulates one shard on `pool` and returns its partial result. */
export async function runShard(pool: Pool, scenario: Scenario, shard: Shard, opts: ShardOptions, now: () => number = () => performance.now()): Promise<Partial> {
  const t0 = now();
  const s = prepareScenario(scenario, opts);
  const { from, to } = shardRange(s.replications, shard);
  const info = await pool.describe(s);
  const columns = info.columns.length;
  const cells = opts.series ? info.layout.cells : 0;
  checkPartSize(to - from, columns, s.replications, cells);
  const values = new Float64Array((to - from) * columns), series = new Float32Array((to - from) * cells);
  await pool.run({
    scenario: s, from, to, series: cells > 0, onProgress: opts.onProgress,
    // With series, a chunk carries cells × 4 bytes per replication: at most SERIES_CHUNK_BYTES, as in a whole run.
    chunkSize: Math.min(cells ? Math.max(1, Math.floor(SERIES_CHUNK_BYTES / (4 * cells))) : Infinity, chunkSizeFor(to - from, pool.size, nodeDays(s))),
    onChunk: (b) => {
      if (b.columns !== columns || b.values.length !== (b.to - b.from) * columns) throw new Error(`chunk ${b.from}–${b.to - 1} does not have ${columns} KPI columns`);
      values.set(b.values, (b.from - from) * columns);
      if (!cells) return;
      if (b.series?.length !== (b.to - b.from) * cells) throw new Error(`chunk ${b.from}–${b.to - 1} came back without its series`);
      series.set(b.series, (b.from - from) * cells);
    },
  });
  return {
    format: PARTIAL_FORMAT,
    manifest: {
      scenarioHash: scenarioHash(s), scenario: s.name, seed: s.seed, replications: s.replications, horizon: s.horizon, warmup: s.warmup,
      from, to, shard, engineVersion: opts.engineVersion, workers: pool.size, elapsedMs: Math.round(now() - t0),
    },
    columns: info.columns,
    rows: { encoding: ROW_ENCODING, data: encodeRows(values) },
    ...(cells ? { series: { encoding: SERIES_ENCODING, layout: info.layout, data: encodeSeriesRows(series) } } : {}),
  };
}
