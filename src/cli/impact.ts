/**
 * `echelon impact FILE [--replications N] [--seed S] [--horizon H] [--warmup W] [--workers K] [--format json|csv] [--out FILE]`
 * (docs/cli.md): prints `echelon-impact@1` (JSON, or CSV) on standard output and a few plain lines on standard
 * error — the cost of the disruption and what the response saved, with their 95% intervals.
 */
import type { ImpactCost, ImpactResult } from "../sim/model/result.ts";
import type { Scenario } from "../sim/model/scenario.ts";
import { impactToCsv } from "../sim/stats/impact-csv.ts";
import { formatRelative } from "../sim/stats/verdict.ts";
import { formatIssue } from "../sim/validate/index.ts";
import { impactMonteCarlo } from "../workers/monte-carlo.ts";
import { createNodePool } from "../workers/node-worker.ts";
import type { Parsed } from "./args.ts";
import { createProgressBar } from "./progress.ts";
import { spillOption } from "./value-file.ts";

/** A scenario without disruptions has nothing to price: the message names the field (exit 1). */
export function impactIssue(s: Scenario): { path: string; message: string } | null {
  if (s.disruptions?.length) return null;
  return { path: "disruptions", message: "the scenario has no disruptions, so there is nothing to price; add one (docs/scenario-format.md), or use `echelon run`" };
}

/** Money with 2 decimals and thousands separators, signed. */
const money = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : ""}${Math.abs(x).toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const plain = (x: number) => money(x).replace(/^\+/, "");

function costLine(label: string, c: ImpactCost, days: number): string {
  if (!Number.isFinite(c.perDay.mean)) return `${label}: not defined`;
  const sig = c.significant ? "" : " (not significant: the interval holds 0)";
  return `${label}: ${money(c.perDay.mean)} per day [${plain(c.perDay.ci95[0])}, ${plain(c.perDay.ci95[1])}], ` +
    `${money(c.total.mean)} over the ${days} measured days [${plain(c.total.ci95[0])}, ${plain(c.total.ci95[1])}]${sig}`;
}

/** The summary written to standard error after the document. */
export function impactSummary(r: ImpactResult): string {
  const lines = [costLine("Cost of the disruption", r.cost, r.measuredDays)];
  const tc = r.network.totalCost?.disruptedVsBaseline;
  if (tc && tc.relative !== null) lines[0] += `; total cost ${formatRelative(tc.relative)} against the baseline`;
  if (r.costUnmitigated) lines.push(costLine("Without the response", r.costUnmitigated, r.measuredDays));
  if (r.saved) {
    const more = r.saved.significant && r.saved.perDay.mean < 0 ? "; the response cost more than it saved" : "";
    lines.push(costLine(`What the response (${r.mitigations.join(", ")}) saved`, r.saved, r.measuredDays) + more);
  }
  const fill = r.network.fillRate?.disruptedVsBaseline;
  if (fill) lines.push(`Fill rate: ${fill.verdict === "undefined" ? "not defined" : `${formatRelative(fill.relative)} against the baseline (${fill.verdict === "none" ? "no significant difference" : fill.verdict})`}`);
  lines.push(`echelon: ${r.replications} replications × ${r.mitigations.length ? 3 : 2} runs of "${r.scenario}" in ${(r.elapsedMs / 1000).toFixed(2)} s on ${r.workers} worker${r.workers > 1 ? "s" : ""}`);
  return `${lines.join("\n")}\n`;
}

export interface ImpactCommandIo {
  readonly stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
}

/**
 * Runs the command: `load` reads and validates the file (InputError on failure), `output` writes
 * the document (stdout or --out). Returns the exit status.
 */
export async function impact(p: Parsed, io: ImpactCommandIo, load: () => Scenario, output: (text: string) => void, workers: number,
  invalid: (lines: string[]) => Error): Promise<number> {
  const scenario = load();
  const issue = impactIssue(scenario);
  if (issue) throw invalid([`${p.files[0]}: ${formatIssue(issue)}`]);
  const pool = createNodePool(workers);
  const bar = createProgressBar(io.stderr, "impact");
  try {
    const o = p.options;
    const r = await impactMonteCarlo(pool, scenario, {
      replications: o.replications as number | undefined, seed: o.seed as number | string | undefined,
      horizon: o.horizon as number | undefined, warmup: o.warmup as number | undefined,
      spill: spillOption(), onProgress: (x) => bar.update(x),
    });
    bar.clear();
    output(o.format === "csv" ? impactToCsv(r) : `${JSON.stringify(r, null, 2)}\n`);
    io.stderr.write(impactSummary(r));
    return 0;
  } finally {
    bar.clear();
    pool.dispose();
  }
}
