// Runs the `echelon` command line for the CLI tests: as a user does (bin/echelon.mjs in a child
// Node process), or through src/cli/main.ts's `main` in this process where the test is about what
// the command prints, not about the process (each child costs about a second of start-up: Node,
// then tsx compiling the CLI's modules).
import { execFile } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "../..");
/** Large enough for a full result with series on stdout. */
const MAX_OUTPUT = 64 << 20;

export interface EchelonRun { readonly code: number; readonly stdout: string; readonly stderr: string }

/** `echelon ...args` from the repository root, with `env` added to the environment; its exit code and output. */
export function runEchelon(args: readonly string[], env: Record<string, string> = {}): Promise<EchelonRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, "bin/echelon.mjs"), ...args], { cwd: root, maxBuffer: MAX_OUTPUT, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === "number" ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

let running = 0, withEnv = false;

/**
 * `echelon ...args` in this process: main's exit status and what it wrote (standard output also as
 * bytes, for a part written there). Calls
 * may overlap (their simulations run in worker threads), except one with `env`: the CLI reads the
 * variables from process.env, so such a call must run alone or another call would see them too.
 */
export async function runEchelonHere(args: readonly string[], env: Record<string, string> = {}): Promise<EchelonRun & { readonly bytes: Buffer }> {
  // Loaded on first use: the tests that only start processes need not compile the CLI.
  const { main } = await import("../../src/cli/main.ts");
  const hasEnv = Object.keys(env).length > 0;
  if (withEnv || (hasEnv && running > 0)) throw new Error("runEchelonHere: a call with environment variables must not overlap another call; await one before starting the other");
  const saved = Object.entries(env).map(([k]) => [k, process.env[k]] as const);
  Object.assign(process.env, env);
  running++;
  withEnv = hasEnv;
  const out: Buffer[] = [], err: Buffer[] = [];
  const sink = (to: Buffer[]) => ({ write: (s: string | Uint8Array) => { to.push(Buffer.from(s)); return true; } });
  try {
    const code = await main(args, { stdout: sink(out), stderr: sink(err) });
    const bytes = Buffer.concat(out);
    return { code, bytes, stdout: bytes.toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
  } finally {
    running--;
    withEnv = false;
    for (const [k, v] of saved) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
  }
}
