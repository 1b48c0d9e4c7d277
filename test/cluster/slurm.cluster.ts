/**
 * A real Slurm job array (docs/scale-out.md): a single-node cluster from Debian's slurm-wlm and
 * munge, started in a temporary folder with its own ports, runs the script of `echelon plan
 * slurm` — a 4-task array of `echelon run --shard-from-env 4`, then the merge with
 * --dependency=afterok — and the merged result must equal `echelon run` on one machine, bit for
 * bit; and so must a planned grid of replication × product shards. Installs the packages with apt-get when missing; needs root (slurmd runs jobs as root here).
 * Its daemons are stopped by pid. Run with `npx vitest run --project cluster`.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { hostname, tmpdir, availableParallelism } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPart } from "../../src/cli/partial.ts";
import { openProductPart } from "../../src/cli/product-part.ts";
import { runEchelonHere } from "../helpers/echelon-cli.ts";

const root = join(import.meta.dirname, "../..");
const retail = join(root, "scenarios/retail-3-echelon.json");
const DAEMONS = ["/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/bin/sbatch"];

/** Why this machine cannot run the test, or null. */
function cannotRun(): string | null {
  if (process.platform !== "linux") return "the Slurm cluster test runs on Linux only";
  if (process.getuid?.() !== 0) return "the Slurm cluster test needs root (it installs slurm-wlm and munge and runs slurmd); skipped";
  if (!DAEMONS.every(existsSync) && !existsSync("/usr/bin/apt-get")) return "slurm-wlm and munge are not installed and there is no apt-get to install them; skipped";
  return null;
}
const reason = cannotRun();
if (reason) console.warn(`test/cluster/slurm.cluster.ts: ${reason}`);

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd = root) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(cmd, args, { cwd, env, maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === "number" ? err.code : -1) : 0, stdout, stderr }));
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    }).on("error", reject);
  });
}

/** Polls `probe` every 250 ms until it returns a value, for at most `ms`. */
async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  for (const end = performance.now() + ms; performance.now() < end; await sleep(250)) {
    const v = await probe();
    if (v !== undefined) return v;
  }
  throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
}

/** Each test's timeout: the cluster project's testTimeout (vite.config.ts). */
const TEST_MS = 90_000;
/**
 * How long a test waits for its merge job: the test's timeout less a margin for the plan and
 * submission before and the checks after. The jobs took 30–38 s on their own; vitest now runs
 * this file beside the unit files on a loaded 2-core machine, where a fixed 50 s left little margin.
 */
const MERGE_WAIT_MS = TEST_MS - 15_000;

const stable = (text: string) => {
  const { workers: _w, elapsedMs: _e, ...rest } = JSON.parse(text);
  return JSON.stringify(rest);
};

describe.skipIf(reason !== null)("echelon plan slurm on a real single-node Slurm cluster", () => {
  const dir = mkdtempSync(join(tmpdir(), "echelon-slurm-"));
  const daemons: ChildProcess[] = [];
  let env: NodeJS.ProcessEnv = process.env;

  const log = (name: string) => { try { return readFileSync(join(dir, name), "utf8").slice(-3000); } catch { return "(none)"; } };
  const start = (cmd: string, args: string[], out: string) => {
    const p = spawn(cmd, args, { env, stdio: ["ignore", "ignore", "ignore"] });
    p.on("error", (e) => writeFileSync(join(dir, out), String(e), { flag: "a" }));
    daemons.push(p);
  };

  beforeAll(async () => {
    if (!DAEMONS.every(existsSync)) {
      execFileSync("apt-get", ["install", "-y", "-q", "--no-install-recommends", "slurmctld", "slurmd", "slurm-client", "munge"],
        { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }, stdio: "ignore", timeout: 170_000 });
    }
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, "munge"), { mode: 0o700 });
    for (const d of ["state", "spool", "parts"]) mkdirSync(join(dir, d));
    const key = join(dir, "munge/key"), sock = join(dir, "munge/sock");
    writeFileSync(key, randomBytes(1024), { mode: 0o600 });
    const [ctldPort, dPort] = [await freePort(), await freePort()];
    const host = hostname();
    writeFileSync(join(dir, "slurm.conf"), [
      "ClusterName=echelontest", `SlurmctldHost=${host}(127.0.0.1)`, `SlurmctldPort=${ctldPort}`, `SlurmdPort=${dPort}`,
      "AuthType=auth/munge", `AuthInfo=socket=${sock}`, "CredType=cred/munge",
      "ProctrackType=proctrack/linuxproc", "TaskPlugin=task/none", "SchedulerType=sched/builtin",
      "SelectType=select/cons_tres", "SelectTypeParameters=CR_CPU", "MpiDefault=none", "ReturnToService=2",
      "SlurmUser=root", "SlurmdUser=root", "JobCompType=jobcomp/none", "JobAcctGatherType=jobacct_gather/none", "AccountingStorageType=accounting_storage/none",
      `StateSaveLocation=${dir}/state`, `SlurmdSpoolDir=${dir}/spool`,
      `SlurmctldPidFile=${dir}/slurmctld.pid`, `SlurmdPidFile=${dir}/slurmd.pid`,
      `SlurmctldLogFile=${dir}/slurmctld.log`, `SlurmdLogFile=${dir}/slurmd.log`,
      `NodeName=${host} NodeAddr=127.0.0.1 CPUs=${availableParallelism()} State=UNKNOWN`,
      `PartitionName=echelon Nodes=${host} Default=YES MaxTime=INFINITE State=UP`, "",
    ].join("\n"));
    env = { ...process.env, SLURM_CONF: join(dir, "slurm.conf") };
    start("/usr/sbin/munged", ["-F", "-f", `--socket=${sock}`, `--key-file=${key}`, `--log-file=${dir}/munged.log`, `--pid-file=${dir}/munged.pid`, `--seed-file=${dir}/munge/seed`], "munged.log");
    await until("munged's socket", 10_000, async () => (existsSync(sock) ? true : undefined));
    start("/usr/sbin/slurmctld", ["-D", "-i", "-f", join(dir, "slurm.conf")], "slurmctld.log");
    start("/usr/sbin/slurmd", ["-D", "-f", join(dir, "slurm.conf")], "slurmd.log");
    await until(`the node to be idle (slurmctld.log:\n${log("slurmctld.log")})`, 20_000, async () => {
      const r = await run("sinfo", ["-h", "-o", "%t"], env);
      return r.stdout.trim() === "idle" ? true : undefined;
    });
  }, 200_000);

  afterAll(async () => {
    for (const p of daemons.reverse()) {
      if (p.exitCode !== null || p.signalCode !== null) continue;
      const exited = new Promise((r) => p.once("exit", r));
      p.kill("SIGTERM");
      await Promise.race([exited, sleep(5000)]);
      if (p.exitCode === null && p.signalCode === null) p.kill("SIGKILL");
    }
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it("the planned job array and its afterok merge give the echelon-result@1 of one machine, bit for bit", async () => {
    const options = ["--replications", "20", "--seed", "5", "--workers", "1"];
    // The plan and the run on one machine through main in this process (no process start-up to wait
    // for); the one-machine run goes on while Slurm runs the array.
    const planned = await runEchelonHere(["plan", "slurm", retail, "--shards", "4", ...options]);
    expect(planned.code).toBe(0);
    writeFileSync(join(dir, "run.sh"), planned.stdout);
    const submitted = await run("bash", [join(dir, "run.sh")], { ...env, PARTS: join(dir, "parts") }, dir);
    expect(submitted.stderr).toBe("");
    const merge = /merge as job (\d+)/.exec(submitted.stdout)?.[1];
    expect(merge).toBeDefined();
    const oneMachine = runEchelonHere(["run", retail, ...options]);
    // Waited for in any case: a check that fails first must not leave it running (with its worker)
    // into the next test, nor its rejection unhandled.
    const settled = oneMachine.then(() => undefined, () => undefined);
    try {
      const state = await until("the merge job", MERGE_WAIT_MS, async () => {
        const job = (await run("scontrol", ["show", "job", merge!, "-o"], env)).stdout;
        if (job.includes("Reason=DependencyNeverSatisfied")) return "DependencyNeverSatisfied (a shard failed)";
        const s = /JobState=(\w+)/.exec(job)?.[1];
        return s && !["PENDING", "RUNNING", "CONFIGURING", "COMPLETING"].includes(s) ? s : undefined;
      });
      expect(state, `merge.log: ${log("parts/merge.log")}\nshard-0.log: ${log("parts/shard-0.log")}`).toBe("COMPLETED");
      expect(readdirSync(join(dir, "parts")).filter((f) => f.startsWith("part-")).sort()).toEqual(["part-0.part", "part-1.part", "part-2.part", "part-3.part"]);
      const shards = [0, 1, 2, 3].map((k) => { const p = openPart(join(dir, `parts/part-${k}.part`)); p.close(); return p.header.manifest.shard.index; });
      expect(shards).toEqual([0, 1, 2, 3]); // each task took its index from SLURM_ARRAY_TASK_ID
      const whole = await oneMachine;
      expect(whole.code).toBe(0);
      expect(stable(readFileSync(join(dir, "parts/result.json"), "utf8"))).toBe(stable(whole.stdout));
    } finally {
      await settled;
    }
  }, TEST_MS);

  it("a planned grid of 2 replication × 2 product shards merges to the echelon-result@1 of one machine, bit for bit", async () => {
    // The multi-product example in whole units, with lanes that let shipments overtake: products that split (docs/scale-out.md).
    const s = JSON.parse(readFileSync(join(root, "scenarios/multi-product-network.json"), "utf8"));
    s.allocation = "fifo";
    for (const d of s.demand) if (d.dist.type === "normal") d.dist = { type: "poisson", mean: d.dist.mean };
    for (const l of s.lanes) if (l.leadTime.type !== "constant") l.overtaking = true;
    const file = join(dir, "products.json"), parts = join(dir, "product-parts");
    writeFileSync(file, JSON.stringify(s));
    const options = ["--replications", "12", "--seed", "9", "--horizon", "200"];
    const planned = await runEchelonHere(["plan", "slurm", file, "--shards", "4", "--product-shards", "2", ...options]);
    expect(planned.code).toBe(0);
    writeFileSync(join(dir, "grid.sh"), planned.stdout);
    const submitted = await run("bash", [join(dir, "grid.sh")], { ...env, PARTS: parts }, dir);
    expect(submitted.stderr).toBe("");
    const merge = /merge as job (\d+)/.exec(submitted.stdout)?.[1];
    const oneMachine = runEchelonHere(["run", file, ...options, "--workers", "1"]);
    const settled = oneMachine.then(() => undefined, () => undefined); // as in the test above
    try {
      const state = await until("the merge job", MERGE_WAIT_MS, async () => {
        const job = (await run("scontrol", ["show", "job", merge!, "-o"], env)).stdout;
        if (job.includes("Reason=DependencyNeverSatisfied")) return "DependencyNeverSatisfied (a shard failed)";
        const st = /JobState=(\w+)/.exec(job)?.[1];
        return st && !["PENDING", "RUNNING", "CONFIGURING", "COMPLETING"].includes(st) ? st : undefined;
      });
      expect(state, `merge.log: ${log("product-parts/merge.log")}\nshard-0.log: ${log("product-parts/shard-0.log")}`).toBe("COMPLETED");
      const blocks = [0, 1, 2, 3].map((k) => { const p = openProductPart(join(parts, `part-${k}.part`)); p.close(); return [p.header.manifest.shard.index, p.header.products.shard?.index]; });
      expect(blocks).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]); // task k: product block k mod 2 of replication block floor(k / 2)
      const whole = await oneMachine;
      expect(whole.code).toBe(0);
      expect(stable(readFileSync(join(parts, "result.json"), "utf8"))).toBe(stable(whole.stdout));
    } finally {
      await settled;
    }
  }, TEST_MS);
});
