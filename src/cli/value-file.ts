/**
 * The CLI's ValueStore (src/sim/montecarlo/spilled-kpi-table.ts): per-replication KPI values in a
 * temporary file, so `echelon run` at a million replications keeps its memory flat. The file is
 * created in the OS temporary folder (TMPDIR) readable only by the user, and deleted as soon as it
 * is open where the system allows it (Linux, macOS), so not even a killed process leaves it
 * behind; elsewhere it is deleted when the run ends.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ValueStore } from "../sim/montecarlo/spilled-kpi-table.ts";

/** The temporary file could not be written (a full disk, a quota): a limit of the machine, not a bug. */
export class SpillError extends Error {
  override readonly name = "SpillError";
}

/** The SpillError in `e` or its `cause` chain (the pool wraps a chunk's error in its own), if any. */
export function spillFailure(e: unknown): SpillError | undefined {
  for (let x = e, depth = 0; x && typeof x === "object" && depth < 8; x = (x as { cause?: unknown }).cause, depth++) {
    if (x instanceof SpillError) return x;
  }
  return undefined;
}

/** The folder a store goes in (default: the OS temporary folder). */
export function createValueFile(dir: string = tmpdir()): ValueStore {
  const folder = mkdtempSync(join(dir, "echelon-kpi-"));
  const path = join(folder, "values.f64");
  const fd = openSync(path, "w+", 0o600);
  let removed = false, end = 0;
  try { rmSync(folder, { recursive: true }); removed = true; } catch { /* deleted in dispose */ }
  const bytes = (v: Float64Array) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return {
    append(values) {
      const b = bytes(values);
      try {
        for (let o = 0; o < b.length;) o += writeSync(fd, b, o, b.length - o, end * 8 + o);
      } catch (e) {
        throw new SpillError(`cannot write the temporary file of per-replication KPI values in ${dir} after ${(end * 8 / 1e9).toFixed(2)} GB ` +
          `(${(e as Error).message}); free disk space there, point TMPDIR at a larger disk, or run fewer replications`, { cause: e });
      }
      end += values.length;
    },
    read(at, out) {
      const b = bytes(out);
      for (let o = 0; o < b.length;) {
        const n = readSync(fd, b, o, b.length - o, at * 8 + o);
        if (n === 0) throw new RangeError(`read of ${out.length} values at ${at} goes past the end of the file (${end} values)`);
        o += n;
      }
    },
    dispose() {
      closeSync(fd);
      if (!removed) rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** KPI tables over this many bytes go to a temporary file (128 MiB: about 21,000 retail replications). */
export const SPILL_THRESHOLD_BYTES = 128 * 1024 * 1024;

/**
 * The CLI's `spill` option for runMonteCarlo. `ECHELON_SPILL_BYTES` sets the threshold (0: every
 * run spills, as the tests do to check that both paths give the same numbers).
 */
export function spillOption(env: Readonly<Record<string, string | undefined>> = process.env) {
  const raw = env.ECHELON_SPILL_BYTES, set = raw === undefined || raw === "" ? NaN : Number(raw);
  const thresholdBytes = Number.isFinite(set) && set >= 0 ? set : SPILL_THRESHOLD_BYTES;
  return { store: () => createValueFile(), thresholdBytes };
}
