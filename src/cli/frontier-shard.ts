/**
 * `echelon frontier FILE --shard K/N | --shard-from-env N`: computes the K-th shard's units of
 * the trade-off curve (frontier-part.ts) on the worker pool and writes them as an
 * `echelon-partial@1` of kind "frontier" for `echelon merge`.
 */
import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createNodePool } from "../workers/node-worker.ts";
import { UsageError, type Parsed } from "./args.ts";
import { frontierJob, frontierOptions, planLine, pointLine } from "./frontier.ts";
import { computeUnits, FRONTIER_COLUMNS, frontierHash, frontierUnits, rowsOf, shardUnits, unitName, type FrontierJobOptions, type Simulated } from "./frontier-part.ts";
import { poolReplications } from "../workers/frontier-evaluator.ts";
import { createPartWriter, PARTIAL_FORMAT, ROW_ENCODING, type PartialHeader, type PartialManifest } from "./partial.ts";
import { copyToStdout } from "./copy-to-stdout.ts";
import type { Context } from "./scale-out.ts";
import { parseShard, shardFromEnv } from "./shard.ts";
import type { Scenario } from "../sim/model/scenario.ts";

export async function frontierShardCommand(p: Parsed, c: Context): Promise<number> {
  const o = p.options;
  if (o.shard !== undefined && o["shard-from-env"] !== undefined) throw new UsageError("--shard and --shard-from-env cannot be used together");
  if (o.format === "csv") throw new UsageError("a shard writes an echelon-partial@1; give --format to echelon merge");
  const cmd = frontierOptions(o);
  const shard = o.shard !== undefined ? parseShard(String(o.shard)) : shardFromEnv(o["shard-from-env"] as number);
  const scenario = c.load(), job = frontierJob(cmd, scenario);
  const units = frontierUnits(job), computed = shardUnits(units.length, shard);
  const say = (s: string) => c.io.stderr.write(`echelon frontier: ${s}\n`);
  const out = o.out as string | undefined;
  // Written under a temporary name and renamed (a reader never sees half a part); to standard output, copied from a temporary file.
  const tmp = out === undefined ? join(mkdtempSync(join(tmpdir(), "echelon-part-")), "part") : `${out}.${process.pid}.tmp`;
  const pool = createNodePool(c.workers);
  try {
    const t0 = performance.now();
    say(`shard ${shard.index}/${shard.count}: ${computed.length} of the curve's ${units.length} units: ${computed.map((i) => unitName(units[i])).join("; ") || "none (more shards than units)"}`);
    say(planLine(job, pool.size));
    const simulated = await computeUnits(scenario, job, computed, poolReplications(pool), (curve, point) => say(pointLine(curve, point)));
    const manifest: PartialManifest = {
      scenarioHash: frontierHash(scenario, job), scenario: scenario.name, seed: job.run.seed, replications: job.run.replications,
      horizon: scenario.horizon, warmup: scenario.warmup, from: 0, to: job.run.replications, shard,
      engineVersion: c.version, workers: pool.size, elapsedMs: Math.round(performance.now() - t0),
    };
    try {
      writeFrontierPart(tmp, { scenario, job, computed, units: units.length, manifest }, simulated);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code && out !== undefined) throw c.inputError([`--out ${out}: cannot write the file (${(e as Error).message})`]);
      throw e;
    }
    if (out === undefined) await copyToStdout(tmp, c.io);
    else {
      try { renameSync(tmp, out); } catch (e) { throw c.inputError([`--out ${out}: cannot write the file (${(e as Error).message})`]); }
    }
    c.io.stderr.write(`echelon: shard ${shard.index}/${shard.count}: ${computed.length} of ${units.length} units of the trade-off curve of "${scenario.name}" (${simulated.size} simulations) in ${(manifest.elapsedMs / 1000).toFixed(2)} s\n`);
    return 0;
  } finally {
    pool.dispose();
    rmSync(out === undefined ? dirname(tmp) : tmp, { recursive: true, force: true });
  }
}

interface FrontierPartSpec {
  readonly scenario: Scenario;
  readonly job: FrontierJobOptions;
  readonly computed: readonly number[];
  readonly units: number;
  readonly manifest: PartialManifest;
}

/** The part: one run per simulation, named by its key, with its own replications. */
export function writeFrontierPart(path: string, spec: FrontierPartSpec, simulated: ReadonlyMap<string, Simulated>): void {
  const sims = [...simulated];
  const header: PartialHeader = {
    format: PARTIAL_FORMAT, kind: "frontier", manifest: spec.manifest, rows: ROW_ENCODING,
    runs: sims.map(([name, s]) => ({ name, columns: FRONTIER_COLUMNS, replications: s.replications })),
    frontier: { scenario: spec.scenario, options: spec.job, units: spec.units, computed: spec.computed },
  };
  const writer = createPartWriter(path, header);
  try {
    sims.forEach(([, s], i) => writer.writeRows(i, 0, rowsOf(s.values)));
    writer.finish(spec.manifest);
  } finally {
    writer.close();
  }
}
