/**
 * What the Optimise dialog shows of the network optimiser and of promise vs reality, as pure
 * functions: the target fill field, the variant's name, the final check in words, and one row per
 * node of a verification (src/sim/optimize/verify.ts) with the optimistic ones marked.
 */
import type { Scenario } from "../../sim/model/scenario.ts";
import type { Estimate, NetworkObjective, NodePromise, OptimizationResult, Verification } from "../../sim/optimize/index.ts";
import { percentLabel } from "./optimize-rows.ts";

/** The target fill rate field: a number from 0.5 to 0.9999, or the message to show at the field. */
export function parseTargetFill(text: string): { readonly value: number } | { readonly error: string } {
  const value = text.trim() === "" ? NaN : Number(text);
  if (Number.isFinite(value) && value >= 0.5 && value <= 0.9999) return { value };
  const got = text.trim() === "" ? "nothing" : `“${text.trim()}”`;
  return { error: `Target fill rate must be a number from 0.5 to 0.9999 (e.g. 0.97 for 97%), got ${got}` };
}

/** "<name> (network, fill 97%)" or "<name> (network, least cost)". */
export function networkVariantName(name: string, objective: NetworkObjective, targetFill: number | undefined): string {
  return `${name} (network, ${objective === "total-cost" || targetFill === undefined ? "least cost" : `fill ${percentLabel(targetFill)}`})`;
}

/** 0.97123 → "97.12%". */
export const pct = (v: number): string => (Number.isFinite(v) ? `${(v * 100).toFixed(2)}%` : "–");
/** An estimate as a percentage with its 95% interval: "97.12% [96.80, 97.44]". */
export const pctInterval = (e: Estimate | undefined): string =>
  e && Number.isFinite(e.mean) ? `${pct(e.mean)} [${(e.ci95[0] * 100).toFixed(2)}, ${(e.ci95[1] * 100).toFixed(2)}]` : "–";
const money = (e: Estimate) => `${e.mean.toFixed(2)} [${e.ci95[0].toFixed(2)}, ${e.ci95[1].toFixed(2)}]`;

/** The final check in words: what it measured, and a plain warning when the target is not met at the lower bound. */
export function checkSummary(result: OptimizationResult): { readonly text: string; readonly warning: string | undefined } {
  const sim = result.simulation, check = sim?.check;
  if (!sim || !check) return { text: "No final check was run.", warning: undefined };
  const text = `Final check on ${check.replications} fresh replications (seed ${check.seed}): fill rate ${pctInterval(check.fillRate)}, ` +
    `holding cost ${money(check.holdingCost)} per day, total cost ${money(check.totalCost)} per day.`;
  const warning = sim.targetFill !== undefined && check.targetMet === false
    ? `The target fill rate ${percentLabel(sim.targetFill)} is NOT met at the lower bound of the check's 95% interval (${(check.fillRate.ci95[0] * 100).toFixed(3)}%).`
    : undefined;
  return { text, warning };
}

export interface PromiseRow {
  readonly id: string;
  readonly name: string;
  /** The promise of the node's first product (the dialog shows one; the CLI's --verify lists all). */
  readonly promise: NodePromise;
  readonly cycleServiceLevel: string;
  readonly fillRate: string;
  readonly internalFillRate: string;
  readonly optimistic: boolean | null;
}

/** One row per verified node, in the scenario's node order. */
export function promiseRows(scenario: Scenario, v: Verification): PromiseRow[] {
  return scenario.nodes.flatMap((n) => {
    const x = Object.hasOwn(v.nodes, n.id) ? v.nodes[n.id] : undefined;
    if (!x) return [];
    const promise = ("serviceTime" in x.promise ? x.promise : Object.values(x.promise)[0]) as NodePromise;
    return [{
      id: n.id, name: n.name ?? n.id, promise, optimistic: x.optimistic,
      cycleServiceLevel: pctInterval(x.simulated.cycleServiceLevel), fillRate: pctInterval(x.simulated.fillRate), internalFillRate: pctInterval(x.simulated.internalFillRate),
    }];
  });
}

/** The network line: promised vs delivered customer service, and whether the promise is kept. */
export function networkLine(v: Verification): string {
  const { promised, delivered, optimistic } = v.network;
  const promise = promised.fillRate !== undefined ? `a fill rate of ${pct(promised.fillRate)}`
    : promised.cycleServiceLevel !== undefined ? `a cycle service level of ${pct(promised.cycleServiceLevel)}` : "no service level (least total cost)";
  const verdict = optimistic ? "The promise is NOT kept: the model is optimistic." : optimistic === false ? "The promise is kept within the interval." : "";
  return `Network: promised ${promise}; delivered fill rate ${pctInterval(delivered.fillRate)}, cycle service level ${pctInterval(delivered.cycleServiceLevel)}. ${verdict}`.trim();
}
