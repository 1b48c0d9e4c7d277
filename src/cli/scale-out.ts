/**
 * The CLI side of running beyond one machine (docs/scale-out.md): `echelon run --shard`,
 * `echelon merge` and `echelon plan`. The work is in shard.ts, merge.ts and plan.ts.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import type { Scenario } from "../sim/model/scenario.ts";
import { createNodePool } from "../workers/node-worker.ts";
import { UsageError, type Parsed } from "./args.ts";
import { resultToCsv } from "./csv.ts";
import { MergeError, mergeParts, parsePartial } from "./merge.ts";
import { localEchelon, plan } from "./plan.ts";
import { createProgressBar } from "./progress.ts";
import { parseShard, runShard, shardFromEnv } from "./shard.ts";

interface Context {
  readonly io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number } };
  readonly load: () => Scenario;
  readonly output: (text: string) => void;
  readonly workers: number;
  readonly inputError: (lines: string[]) => Error;
  readonly version: string;
}

/** Whether `echelon run` was asked for a shard. */
export const isShardRun = (p: Parsed) => p.options.shard !== undefined || p.options["shard-from-env"] !== undefined;

/** `echelon run FILE --shard K/N | --shard-from-env N`: writes an echelon-partial@1. */
export async function runShardCommand(p: Parsed, c: Context): Promise<number> {
  const o = p.options;
  if (o.shard !== undefined && o["shard-from-env"] !== undefined) throw new UsageError("--shard and --shard-from-env cannot be used together");
  if (o.format === "csv" || o["replication-values"]) throw new UsageError("a shard writes an echelon-partial@1; give --format and --replication-values to echelon merge");
  const shard = o.shard !== undefined ? parseShard(String(o.shard)) : shardFromEnv(o["shard-from-env"] as number);
  const scenario = c.load();
  const pool = createNodePool(c.workers);
  const bar = createProgressBar(c.io.stderr, `shard ${shard.index}/${shard.count}`);
  try {
    const part = await runShard(pool, scenario, shard, {
      replications: o.replications as number | undefined, seed: o.seed as number | string | undefined, horizon: o.horizon as number | undefined,
      warmup: o.warmup as number | undefined, series: o.series === true, engineVersion: c.version, onProgress: (x) => bar.update(x),
    });
    bar.clear();
    writeWhole(o.out as string | undefined, `${JSON.stringify(part)}\n`, c);
    const m = part.manifest;
    c.io.stderr.write(`echelon: shard ${shard.index}/${shard.count}: replications ${m.from}–${m.to - 1} of ${m.replications} of "${m.scenario}" in ${(m.elapsedMs / 1000).toFixed(2)} s\n`);
    return 0;
  } finally {
    bar.clear();
    pool.dispose();
  }
}

/** Writes a part under a temporary name, then renames it: a reader never sees half a part. */
function writeWhole(out: string | undefined, text: string, c: Context) {
  if (out === undefined) { c.io.stdout.write(text); return; }
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw c.inputError([`--out ${out}: cannot write the file (${(e as Error).message})`]);
  }
}

/** `echelon merge PARTS… [--out FILE]`: the echelon-result@1 of the whole run. */
export async function mergeCommand(p: Parsed, c: Context): Promise<number> {
  try {
    const read = (file: string) => {
      let text: string;
      try { text = readFileSync(file, "utf8"); } catch (e) { throw new MergeError([`${file}: cannot read the file (${(e as Error).message})`]); }
      return parsePartial(file, text);
    };
    // Manifests first, rows dropped; each part's rows are read again when its turn comes.
    const parts = p.files.map((file) => {
      const part = read(file);
      return { file, part: { ...part, rows: { ...part.rows, data: "" }, ...(part.series ? { series: { ...part.series, data: "" } } : {}) } };
    });
    const result = await mergeParts(parts, (x) => read(x.file));
    if (p.options.format === "csv") {
      if (result.series) c.io.stderr.write("echelon: --series is not written in CSV format; use --format json for the series\n");
      c.output(resultToCsv(result));
    }
    else {
      const { replicationValues: _values, ...summary } = result;
      c.output(`${JSON.stringify(p.options["replication-values"] ? result : summary, null, 2)}\n`);
    }
    c.io.stderr.write(`echelon: merged ${parts.length} part${parts.length > 1 ? "s" : ""}: ${result.replications} replications of "${result.scenario}"\n`);
    return 0;
  } catch (e) {
    if (e instanceof MergeError) throw c.inputError(e.lines);
    throw e;
  }
}

/** `echelon plan slurm|kubernetes FILE --shards N`. */
export function planCommand(p: Parsed, c: Context): number {
  const o = p.options;
  if (o.shards === undefined) throw new UsageError("--shards N is required: the number of shards");
  c.load(); // a plan for a file that does not validate would only fail on the cluster
  const runArgs = [
    ...(["replications", "seed", "horizon", "warmup", "workers"] as const).flatMap((k) => (o[k] === undefined ? [] : [`--${k}`, String(o[k])])),
    ...(o.series ? ["--series"] : []),
  ];
  c.output(plan(p.files[0], {
    file: p.files[1], shards: o.shards as number, runArgs, partsDir: (o["parts-dir"] as string | undefined) ?? "echelon-parts",
    image: (o.image as string | undefined) ?? "echelon:latest", echelon: localEchelon(),
  }));
  return 0;
}
