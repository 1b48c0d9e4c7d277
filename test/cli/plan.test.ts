import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kubernetesObjects, plan, toYaml, type PlanOptions } from "../../src/cli/plan.ts";
import { main } from "../../src/cli/main.ts";

const root = join(import.meta.dirname, "../..");
const retail = join(root, "scenarios/retail-3-echelon.json");
const options: PlanOptions = { file: retail, shards: 4, runArgs: ["--replications", "400"], partsDir: "echelon-parts", image: "echelon:1", echelon: "echelon" };

async function cli(...args: string[]) {
  let stdout = "", stderr = "";
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

/** A YAML parser independent of ours: PyYAML, where python3 has it. */
const pyYaml = (() => { try { execFileSync("python3", ["-c", "import yaml"], { stdio: "ignore" }); return true; } catch { return false; } })();
if (!pyYaml) console.warn("test/cli/plan.test.ts: python3 with PyYAML not found; the manifest is not parsed by a second YAML parser");

type Job = { kind: string; metadata: { name: string }; spec: { completions?: number; parallelism?: number; completionMode?: string; template: { spec: { containers: { command: string[]; image: string }[] } } } };

describe("echelon plan", () => {
  it("plan slurm prints a bash script: an N-task sbatch array of --shard-from-env N, and the merge after it with afterok", async () => {
    const { code, stdout } = await cli("plan", "slurm", retail, "--shards", "4", "--replications", "400");
    expect(code).toBe(0);
    expect(stdout).toContain("--array=0-3");
    expect(stdout).toContain(`run ${retail} --shard-from-env 4 --replications 400 --out "$PARTS/part-\\$SLURM_ARRAY_TASK_ID.part"`);
    expect(stdout).toContain("--dependency=afterok:$array");
    expect(stdout).toContain(`merge "$PARTS"/part-*.part --out "$PARTS/result.json"`);
    execFileSync("bash", ["-n"], { input: stdout }); // parses as bash
    const all = await cli("plan", "slurm", retail, "--shards", "2", "--seed", "my seed", "--horizon", "90", "--warmup", "10", "--workers", "2", "--series");
    expect(all.stdout).toContain(`run ${retail} --shard-from-env 2 --seed 'my seed' --horizon 90 --warmup 10 --workers 2 --series --out`);
  });

  it("plan kubernetes wires an Indexed Job of N shards to JOB_COMPLETION_INDEX, and a merge Job that waits for N parts", () => {
    const [shards, merge] = kubernetesObjects(options) as Job[];
    expect([shards.kind, shards.metadata.name, shards.spec.completions, shards.spec.parallelism, shards.spec.completionMode]).toEqual(["Job", "echelon-shards", 4, 4, "Indexed"]);
    const c = shards.spec.template.spec.containers[0];
    expect(c.image).toBe("echelon:1");
    expect(c.command).toEqual(["sh", "-c", "mkdir -p /data/echelon-parts && exec echelon run /data/retail-3-echelon.json --shard-from-env 4 --replications 400 --out /data/echelon-parts/part-$JOB_COMPLETION_INDEX.part"]);
    expect(merge.spec.template.spec.containers[0].command[2]).toMatch(/-ge 4 \]; do sleep 10; done; exec echelon merge \/data\/echelon-parts\/part-\*\.part --out \/data\/echelon-parts\/result\.json$/);
    const yaml = plan("kubernetes", options);
    expect(yaml.split("\n---\n")).toHaveLength(3);
    expect(yaml).toContain('  completionMode: "Indexed"\n');
  });

  it.skipIf(!pyYaml)("plan kubernetes prints YAML that PyYAML reads back as the same two Jobs", () => {
    const script = "import sys, yaml, json; print(json.dumps([d for d in yaml.safe_load_all(sys.stdin) if d is not None]))";
    const docs = JSON.parse(execFileSync("python3", ["-c", script], { input: plan("kubernetes", options), encoding: "utf8" }));
    expect(docs).toEqual(kubernetesObjects(options));
  });

  it("toYaml writes nested objects and arrays in block style", () => {
    expect(toYaml({ a: 1, b: { c: "x" }, d: [{ e: 2, f: ["g"] }] })).toBe('a: 1\nb:\n  c: "x"\nd:\n  - e: 2\n    f:\n      - "g"');
  });

  it("plan --frontier shards echelon frontier with its options, on Slurm and Kubernetes, and refuses options of the other command", async () => {
    const slurm = await cli("plan", "slurm", retail, "--shards", "5", "--frontier", "--points", "4", "--targets", "0.9,0.95", "--replications", "100", "--textbook");
    expect(slurm.code, slurm.stderr).toBe(0);
    expect(slurm.stdout).toContain(`exec $ECHELON frontier ${retail} --shard-from-env 5 --replications 100 --points 4 --targets 0.9,0.95 --textbook --out "$PARTS/part-\\$SLURM_ARRAY_TASK_ID.part"`);
    expect(slurm.stdout).toContain(`merge "$PARTS"/part-*.part --out "$PARTS/result.json"`);
    execFileSync("bash", ["-n"], { input: slurm.stdout });
    const [shards] = kubernetesObjects({ ...options, command: "frontier", runArgs: ["--points", "4"] }) as Job[];
    expect(shards.spec.template.spec.containers[0].command[2]).toContain("exec echelon frontier /data/retail-3-echelon.json --shard-from-env 4 --points 4 --out");
    expect((await cli("plan", "slurm", retail, "--shards", "2", "--points", "4")).stderr).toContain("--points is an option of the trade-off curve: add --frontier");
    expect((await cli("plan", "slurm", retail, "--shards", "2", "--frontier", "--series")).stderr).toContain("--series is not an option of echelon frontier");
    expect((await cli("plan", "slurm", retail, "--shards", "2", "--frontier", "--points", "99")).stderr).toContain("--points must be between 2 and 50, got 99");
  });

  it("plan refuses an unknown target and a missing --shards", async () => {
    expect((await cli("plan", "nomad", retail, "--shards", "2")).stderr).toContain('unknown plan target "nomad": expected slurm or kubernetes');
    expect((await cli("plan", "slurm", retail)).stderr).toContain("--shards N is required");
  });
});
