/**
 * How long a run will take on this device, before it starts, and the cluster commands to offer when
 * that is too long for a browser (docs/scale-out.md "From the workbench"). The estimate is the
 * run's node-days (stocking nodes × products × horizon × replications, the engine's unit of work)
 * over a speed: the one this device measured on its last run, else a cautious assumption.
 */
import type { Scenario } from "../../sim/model/scenario.ts";
import type { ParsedRunOptions } from "./run-options.ts";

/** Above this estimate the Run panel says so and offers a cluster instead (issue 13). */
export const CLUSTER_OFFER_MS = 10 * 60 * 1000;

/**
 * Node-days a second one worker is assumed to simulate until the device has measured its own: the
 * low end of a browser worker on the retail network (docs/benchmarks.md measures 8–19 M in Node).
 */
export const ASSUMED_NODE_DAYS_PER_WORKER = 5e6;

/** A run must last this long before its speed is trusted for later estimates (start-up dominates shorter ones). */
const MIN_MEASURED_MS = 1000;

/** How many minutes of simulation each shard is planned to take on a machine like this one. */
const SHARD_MS = 5 * 60 * 1000;

/** The run's node-days: what a replication simulates, times the replications. */
export function runNodeDays(s: Scenario, o: Pick<ParsedRunOptions, "replications" | "horizon">): number {
  const stocking = s.nodes.filter((n) => n.kind !== "supplier").length;
  return o.replications * stocking * Math.max(1, s.products?.length ?? 1) * o.horizon;
}

export interface Speed {
  readonly nodeDaysPerSecond: number;
  /** Measured on this device (else assumed). */
  readonly measured: boolean;
}

let measured: Speed | undefined;

/** This device's speed: the last measured one, else ASSUMED_NODE_DAYS_PER_WORKER per worker. */
export function deviceSpeed(workers: number): Speed {
  return measured ?? { nodeDaysPerSecond: ASSUMED_NODE_DAYS_PER_WORKER * workers, measured: false };
}

/** Remembers a finished run's speed (runs shorter than a second say more about start-up than speed). */
export function recordSpeed(nodeDays: number, elapsedMs: number): void {
  if (elapsedMs >= MIN_MEASURED_MS && nodeDays > 0) measured = { nodeDaysPerSecond: nodeDays / (elapsedMs / 1000), measured: true };
}

/** Forgets the measured speed (tests). */
export function resetSpeed(): void {
  measured = undefined;
}

export interface RunEstimate {
  readonly nodeDays: number;
  readonly ms: number;
  readonly speed: Speed;
}

/** "about 1 h 20 min", "about 25 min": the estimate rounded as far as it deserves. */
export function roughDuration(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 60) return `about ${Math.max(1, min)} min`;
  const h = Math.floor(min / 60), rest = min % 60;
  return h >= 48 ? `about ${Math.round(h / 24)} days` : `about ${h} h${rest ? ` ${rest} min` : ""}`;
}

export const estimateRun = (s: Scenario, o: Pick<ParsedRunOptions, "replications" | "horizon">, speed: Speed): RunEstimate => {
  const nodeDays = runNodeDays(s, o);
  return { nodeDays, ms: (1000 * nodeDays) / speed.nodeDaysPerSecond, speed };
};

/** Shards so each takes about SHARD_MS on a machine like this one: at least 2, at most one per replication. */
export const shardsFor = (e: RunEstimate, replications: number): number =>
  Math.max(2, Math.min(replications, Math.ceil(e.ms / SHARD_MS)));

/** The CLI commands that run the same thing on a cluster, for the scenario saved as `file`: lines of a shell session. */
export function clusterCommands(file: string, o: ParsedRunOptions, shards: number): string[] {
  const quote = (t: string) => (/^[\w.,/@%+=:-]+$/.test(t) ? t : `'${t.replace(/'/g, `'\\''`)}'`);
  const options = `--replications ${o.replications} --seed ${quote(String(o.seed))} --horizon ${o.horizon} --warmup ${o.warmup}${o.series ? " --series" : ""}`;
  return [
    `echelon plan slurm ${quote(file)} --shards ${shards} \\`, `    ${options} > run.sh`, "bash run.sh",
    "# or, on Kubernetes:",
    `echelon plan kubernetes ${quote(file)} --shards ${shards} \\`, `    ${options} | kubectl apply -f -`,
  ];
}
