import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createValueFile, SPILL_THRESHOLD_BYTES, spillOption } from "../../src/cli/value-file.ts";
import { runEchelonHere } from "../helpers/echelon-cli.ts";

const root = join(import.meta.dirname, "../..");
const retail = join(root, "scenarios/retail-3-echelon.json");

// echelon in this process (main.test.ts runs bin/echelon.mjs): no second of process start-up per run.
const echelon = (env: Record<string, string>, ...args: string[]) => runEchelonHere(args, env);
const withoutTime = (text: string) => text.replace(/"elapsedMs": \d+/, "");

describe("value-file", () => {
  it("createValueFile stores values in a temporary file that is gone from its folder, and reads them back at any position", () => {
    const dir = mkdtempSync(join(tmpdir(), "echelon-value-file-"));
    const store = createValueFile(dir);
    expect(readdirSync(dir)).toEqual([]);   // deleted once open (Linux, macOS): nothing is left behind
    store.append(Float64Array.from([1, 2, 3]));
    store.append(Float64Array.from([NaN, -0.5, 1e300]).subarray(0, 3));
    const out = new Float64Array(4);
    store.read(1, out);
    expect([...out]).toEqual([2, 3, NaN, -0.5]);
    expect(() => store.read(5, new Float64Array(2))).toThrow(/goes past the end of the file \(6 values\)/);
    store.dispose();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("spillOption reads its threshold from ECHELON_SPILL_BYTES, 128 MiB by default", () => {
    expect(spillOption({}).thresholdBytes).toBe(SPILL_THRESHOLD_BYTES);
    expect(spillOption({ ECHELON_SPILL_BYTES: "0" }).thresholdBytes).toBe(0);
    expect(spillOption({ ECHELON_SPILL_BYTES: "lots" }).thresholdBytes).toBe(SPILL_THRESHOLD_BYTES);
  });

  it("echelon run prints the same document, byte for byte, whether its KPI rows spill to a file or stay in memory", async () => {
    const args = ["run", retail, "--replications", "150", "--workers", "2", "--series", "--replication-values"];
    // One after the other: the variable is set in this process and would reach a run beside it.
    const memory = await echelon({}, ...args), spilled = await echelon({ ECHELON_SPILL_BYTES: "0" }, ...args);
    expect([memory.code, spilled.code]).toEqual([0, 0]);
    expect(JSON.parse(spilled.stdout).replicationValues.network.totalCost).toHaveLength(150);
    expect(withoutTime(spilled.stdout)).toBe(withoutTime(memory.stdout));
  });
});

describe("value-file on a full disk", () => {
  it("a write that fails is a SpillError naming the folder and what to do, found by spillFailure through the pool's wrapping", async () => {
    vi.resetModules();
    vi.doMock("node:fs", async (orig) => {
      const fs = await orig<typeof import("node:fs")>();
      const full = () => { throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }); };
      return { ...fs, writeSync: full, default: { ...fs, writeSync: full } };
    });
    const { createValueFile: create, spillFailure } = await import("../../src/cli/value-file.ts");
    const dir = mkdtempSync(join(tmpdir(), "echelon-value-file-"));
    const store = create(dir);
    let thrown: unknown;
    try { store.append(Float64Array.from([1, 2])); } catch (e) { thrown = e; }
    store.dispose();
    vi.doUnmock("node:fs");
    const wrapped = new Error("Worker 1 failed: …", { cause: thrown });
    expect(spillFailure(wrapped)?.message).toBe(`cannot write the temporary file of per-replication KPI values in ${dir} after 0.00 GB ` +
      "(ENOSPC: no space left on device, write); free disk space there, point TMPDIR at a larger disk, or run fewer replications");
    expect(spillFailure(new Error("something else"))).toBeUndefined();
  });
});
