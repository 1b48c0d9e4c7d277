/**
 * `echelon optimize … --verify`: simulates the optimised scenario on the worker pool and adds the
 * promise-vs-reality block (src/sim/optimize/verify.ts) to the document, with a table of it on
 * standard error.
 */
import type { Scenario } from "../sim/model/scenario.ts";
import { verifyPlacement, type NodePromise, type OptimizationResult, type RunSpec, type Verification } from "../sim/optimize/index.ts";
import type { Estimate } from "../sim/optimize/types.ts";
import { runMonteCarlo } from "../workers/monte-carlo.ts";
import type { Pool } from "../workers/pool.ts";
import { spillOption } from "./value-file.ts";

interface Io { readonly stderr: { write(s: string): unknown } }

export async function verifyOnPool(pool: Pool, input: Scenario, result: OptimizationResult, run: RunSpec, leadTimeVariance: boolean, io: Io): Promise<OptimizationResult> {
  const simulated = await runMonteCarlo(pool, result.scenario, { replications: run.replications, seed: run.seed, spill: spillOption() });
  const verification = verifyPlacement(input, result, simulated, { leadTimeVariance });
  io.stderr.write(verificationTable(verification));
  const { scenario, ...rest } = result;
  return { ...rest, verification, scenario };
}

const f4 = (x: number) => x.toFixed(4);
const ci = (e: Estimate | undefined) => (e ? `${f4(e.mean)} [${f4(e.ci95[0])}, ${f4(e.ci95[1])}]` : "–");

/** The block as a table: one row per node, then the network line. */
export function verificationTable(v: Verification): string {
  const rows = Object.entries(v.nodes).map(([id, n]) => {
    const p = ("serviceTime" in n.promise ? n.promise : Object.values(n.promise)[0]) as NodePromise;
    return [id, String(p.serviceTime), p.safetyStock.toFixed(1), f4(p.cycleServiceLevel), ci(n.simulated.cycleServiceLevel), ci(n.simulated.fillRate), ci(n.simulated.internalFillRate), n.optimistic ? "optimistic" : ""];
  });
  const head = ["node", "S", "safety stock", "promised CSL", "simulated CSL", "fill rate", "internal fill rate", ""];
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (r: string[]) => `  ${r.map((c, j) => (j === 1 || j === 2 ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join("  ").trimEnd()}\n`;
  const { promised, delivered, optimistic } = v.network;
  const promise = [promised.cycleServiceLevel !== undefined ? `cycle service level ${promised.cycleServiceLevel}` : "", promised.fillRate !== undefined ? `fill rate ${promised.fillRate}` : ""].filter(Boolean).join(", ") || "nothing (total-cost objective)";
  return `echelon optimize: promise vs reality on ${v.replications} replications (seed ${v.seed}); CSL = cycle service level\n` +
    line(head) + rows.map(line).join("") +
    `  network: promised ${promise}; delivered fill rate ${ci(delivered.fillRate)}, cycle service level ${ci(delivered.cycleServiceLevel)}` +
    `${optimistic ? " — the promise is NOT kept (optimistic)" : optimistic === false ? " — the promise is kept within the interval" : ""}\n`;
}
