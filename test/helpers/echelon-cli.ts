// Runs the `echelon` command line as a user does (bin/echelon.mjs in a child Node process), for the CLI tests.
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
