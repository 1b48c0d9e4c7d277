/**
 * `echelon plan slurm|kubernetes FILE --shards N`: prints what runs FILE as N shards on an
 * existing cluster and merges them (docs/scale-out.md). Nothing is submitted: the output is a
 * script or manifest to read, adapt and run.
 */
import { basename, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "./args.ts";

export interface PlanOptions {
  readonly file: string;
  /** What every shard runs: `echelon run` (default) or `echelon frontier`. */
  readonly command?: "run" | "frontier";
  readonly shards: number;
  /** Options passed on to every shard (--replications, --seed, --workers). */
  readonly runArgs: readonly string[];
  /** Where parts and the result go (default: "echelon-parts"). */
  readonly partsDir: string;
  /** Kubernetes: the container image with echelon installed. */
  readonly image: string;
  /** Slurm: the command that starts echelon on a cluster node. */
  readonly echelon: string;
}

/** Quotes a word for sh. */
export const sh = (w: string) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replaceAll("'", `'\\''`)}'`);

/** This installation's echelon, as a command for a node that sees the same file system. */
export const localEchelon = () => `${sh(process.execPath)} ${sh(fileURLToPath(new URL("../../bin/echelon.mjs", import.meta.url)))}`;

/**
 * A bash script that submits an N-task job array of shards, then the merge with
 * --dependency=afterok on the array (the merge starts only if every shard succeeded).
 */
export function slurmScript(o: PlanOptions): string {
  const run = [sh(resolve(o.file)), "--shard-from-env", String(o.shards), ...o.runArgs.map(sh)].join(" ");
  return `#!/bin/bash
# Runs ${o.file} as ${o.shards} shards in a Slurm job array, then merges them in a job that waits for
# all of them (--dependency=afterok). Run it where sbatch works, in a folder every node sees:
#   bash this-script        (ECHELON, PARTS and SBATCH_OPTS may be set to override the defaults)
set -euo pipefail
ECHELON=\${ECHELON:-${sh(o.echelon)}}
PARTS=\${PARTS:-${sh(o.partsDir)}}
mkdir -p "$PARTS"
PARTS=$(cd "$PARTS" && pwd)
array=$(sbatch --parsable \${SBATCH_OPTS:-} --job-name=echelon-shards --array=0-${o.shards - 1} --output="$PARTS/shard-%a.log" <<EOF
#!/bin/bash
exec $ECHELON ${o.command ?? "run"} ${run} --out "$PARTS/part-\\$SLURM_ARRAY_TASK_ID.part"
EOF
)
array=\${array%%;*}
merge=$(sbatch --parsable \${SBATCH_OPTS:-} --job-name=echelon-merge --dependency=afterok:$array --output="$PARTS/merge.log" <<EOF
#!/bin/bash
exec $ECHELON merge "$PARTS"/part-*.part --out "$PARTS/result.json"
EOF
)
echo "submitted the shards as job $array and the merge as job \${merge%%;*}; the result goes to $PARTS/result.json"
`;
}

/** The Kubernetes objects: an Indexed Job of the shards and a Job that merges once all parts exist. */
export function kubernetesObjects(o: PlanOptions): object[] {
  const volume = { name: "data", persistentVolumeClaim: { claimName: "echelon-data" } };
  const mount = [{ name: "data", mountPath: "/data" }];
  const parts = `/data/${o.partsDir}`;
  const run = ["echelon", o.command ?? "run", `/data/${basename(o.file)}`, "--shard-from-env", String(o.shards), ...o.runArgs].map(sh).join(" ");
  const job = (name: string, spec: object, script: string) => ({
    apiVersion: "batch/v1", kind: "Job", metadata: { name },
    spec: { ...spec, template: { spec: { restartPolicy: "Never", volumes: [volume], containers: [{ name, image: o.image, command: ["sh", "-c", script], volumeMounts: mount }] } } },
  });
  return [
    job("echelon-shards", { completions: o.shards, parallelism: o.shards, completionMode: "Indexed", backoffLimitPerIndex: 2 },
      `mkdir -p ${parts} && exec ${run} --out ${parts}/part-$JOB_COMPLETION_INDEX.part`),
    // Jobs have no dependencies: the merge waits for the N parts (each is renamed into place whole).
    job("echelon-merge", { backoffLimit: 2 },
      `until [ "$(ls ${parts}/part-*.part 2>/dev/null | wc -l)" -ge ${o.shards} ]; do sleep 10; done; exec echelon merge ${parts}/part-*.part --out ${parts}/result.json`),
  ];
}

/** Block-style YAML for plain objects, arrays, strings and numbers (strings double-quoted, as JSON). */
export function toYaml(v: unknown, indent = ""): string {
  if (Array.isArray(v)) return v.map((x) => `${indent}- ${toYaml(x, `${indent}  `).trimStart()}`).join("\n");
  if (v && typeof v === "object") {
    return Object.entries(v).map(([k, x]) => (x && typeof x === "object" ? `${indent}${k}:\n${toYaml(x, `${indent}  `)}` : `${indent}${k}: ${toYaml(x)}`)).join("\n");
  }
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

export function kubernetesManifest(o: PlanOptions): string {
  const name = basename(o.file);
  return `# Runs ${o.file} as ${o.shards} shards in an Indexed Job, then merges them (docs/scale-out.md).
# Needs a ReadWriteMany PersistentVolumeClaim "echelon-data" holding the scenario at /data/${name},
# and an image with echelon on its PATH; parts and result.json go to /data/${o.partsDir}.
# Apply with: kubectl apply -f this-file
${kubernetesObjects(o).map((x) => `---\n${toYaml(x)}\n`).join("")}`;
}

export function plan(target: string, o: PlanOptions): string {
  if (!Number.isSafeInteger(o.shards) || o.shards < 1) throw new UsageError(`--shards must be a whole number >= 1, got ${o.shards}`);
  if (target === "slurm") return slurmScript(o);
  if (target === "kubernetes") return kubernetesManifest(o);
  throw new UsageError(`unknown plan target "${target}": expected slurm or kubernetes`);
}
