// A large document through the real process's standard output into a pipe, as with
// `echelon run … | jq`: the in-process CLI tests (runEchelonHere) write to a sink that takes
// everything at once, so they would not see output lost at exit (a pipe holds 64 KiB; what is
// still queued is dropped if the process exits before it drains) nor a copy to stdout that waits
// for "drain" wrongly (copy-to-stdout.ts).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runEchelonHere } from "../helpers/echelon-cli.ts";

const root = join(import.meta.dirname, "../..");
const retail = join(root, "scenarios/retail-3-echelon.json");
const tmp = mkdtempSync(join(tmpdir(), "echelon-stdout-pipe-"));
/** What a Linux pipe holds before a writer must wait for the reader. */
const PIPE_BYTES = 64 * 1024;

/** A child that hangs (a "drain" that never comes) is killed before the unit project's 60 s testTimeout and reported (status 124). */
const CHILD_SECONDS = 45;

/**
 * bin/echelon.mjs with its standard output into a pipe (`| cat`): execFile's own stdout is a
 * socket pair, which takes about 200 KB before a write must wait, where a pipe takes 64 KiB. Its
 * exit status (pipefail) and standard output as bytes (a part is binary).
 */
function piped(args: readonly string[]): Promise<{ code: number; bytes: Buffer; stderr: string }> {
  const script = `timeout ${CHILD_SECONDS} "$0" bin/echelon.mjs "$@" | cat`;
  return new Promise((resolve) => {
    execFile("bash", ["-o", "pipefail", "-c", script, process.execPath, ...args], { cwd: root, encoding: "buffer", maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === "number" ? err.code : -1) : 0, bytes: stdout, stderr: stderr.toString("utf8") });
    });
  });
}

/**
 * The bytes with the one figure that differs between two runs, elapsedMs, set to 0; in a part's
 * header line also the padding after it, whose length follows elapsedMs's digits. latin1 keeps
 * every byte of the part's binary rows as they are.
 */
const withoutElapsed = (b: Buffer) => Buffer.from(b.toString("latin1").replace(/("elapsedMs": ?)\d+([^\n]*?) *\n/, "$10$2\n"), "latin1");

describe("echelon through a pipe", () => {
  it("a run's 3.5 MB JSON and a frontier shard's part on stdout arrive whole, byte for byte as main writes them", async () => {
    // The retail network over 60 days: a shard of its trade-off curve, computed in a couple of
    // seconds, whose part (about 100 KB with 60 replications) overfills the pipe, so that the
    // copy to stdout must wait for "drain".
    const short = join(tmp, "retail-60.json");
    writeFileSync(short, JSON.stringify({ ...JSON.parse(readFileSync(retail, "utf8")), horizon: 60, warmup: 10 }));
    const run = ["run", retail, "--replications", "8", "--series", "--workers", "1"];
    const shard = ["frontier", short, "--points", "3", "--targets", "0.95,0.98", "--replications", "60", "--seed", "5", "--search-replications", "8", "--max-evaluations", "10", "--workers", "1", "--shard", "1/3"];
    const [runPiped, shardPiped, runHere, shardHere] = await Promise.all([piped(run), piped(shard), runEchelonHere(run), runEchelonHere(shard)]);
    expect([runPiped.code, shardPiped.code, runHere.code, shardHere.code], runPiped.stderr + shardPiped.stderr).toEqual([0, 0, 0, 0]);
    expect(runHere.bytes.length).toBeGreaterThan(PIPE_BYTES);
    expect(shardHere.bytes.length).toBeGreaterThan(PIPE_BYTES);
    expect(shardHere.bytes.subarray(0, 40).toString("latin1")).toBe('{"format":"echelon-partial@1","kind":"fr');
    for (const [out, here] of [[runPiped.bytes, runHere.bytes], [shardPiped.bytes, shardHere.bytes]].map((p) => p.map(withoutElapsed))) {
      // The lengths first: a megabyte-long diff would tell nothing more.
      expect(out.length).toBe(here.length);
      expect(out.equals(here)).toBe(true);
    }
  });
});
