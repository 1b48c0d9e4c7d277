/**
 * `echelon merge PARTS…`: checks that partial results (partial.ts) belong to one run, comparison
 * or impact report and cover it exactly once, then reduces them with the code a single machine
 * uses (buildRunResult, buildComparison or buildImpact, over a KPI table that reads the parts'
 * columns from their files: part-table.ts), so the document is bit-identical to the one
 * `echelon run`, `compare` or `impact` prints. Nothing is held but the columns being summarised.
 * A trade-off curve's parts are merged by computing the curve again from their simulations
 * (frontier-part.ts).
 */
import type { ComparisonResult, ImpactResult, RunResult } from "../sim/model/result.ts";
import type { Scenario } from "../sim/model/scenario.ts";
import type { FrontierPoint, FrontierResult } from "../sim/optimize/frontier.ts";
import { buildImpact } from "../sim/montecarlo/impact.ts";
import { SERIES_CHUNK_BYTES } from "../sim/montecarlo/run-memory.ts";
import { buildComparison, buildRunResult } from "../sim/montecarlo/run-result.ts";
import { noTick } from "../sim/montecarlo/tick.ts";
import { createSeriesReducer } from "../sim/montecarlo/series-reducer.ts";
import { openPart, rangeProblem, type PartialHeader, type PartReader } from "./partial.ts";
import { createPartsTable, sortedPartsStat } from "./part-table.ts";
import { FrontierMergeError, frontierProblems, mergeFrontier } from "./frontier-part.ts";

/** Parts that cannot be merged: `lines` name the problem and the files. */
export class MergeError extends Error {
  constructor(readonly lines: string[]) { super(lines.join("\n")); this.name = "MergeError"; }
}

export interface NamedHeader { readonly file: string; readonly header: PartialHeader }
export interface NamedPart extends NamedHeader { readonly reader: PartReader }

/** Opens every part (its header only), or throws a MergeError naming each file that is not one. */
export function openParts(files: readonly string[]): NamedPart[] {
  const parts: NamedPart[] = [], problems: string[] = [];
  for (const file of files) {
    try {
      const reader = openPart(file);
      parts.push({ file, header: reader.header, reader });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      problems.push(`${file}: ${err.code ? `cannot read the file (${err.message})` : err.message}`);
    }
  }
  if (problems.length) {
    for (const p of parts) p.reader.close();
    throw new MergeError(problems);
  }
  return parts;
}

const WHAT: { readonly [k in PartialHeader["kind"]]: string } = { run: "echelon run", compare: "echelon compare", impact: "echelon impact", frontier: "echelon frontier" };

/** Every reason the parts are not exactly one run, each naming the files concerned. */
export function checkParts(parts: readonly NamedHeader[]): string[] {
  if (parts.length === 0) return ["no parts to merge"];
  const ranges = parts.flatMap((p) => { const why = rangeProblem(p.header.manifest); return why ? [`${p.file}: ${why}`] : []; });
  if (ranges.length) return ranges;
  const first = parts[0], m0 = first.header.manifest, problems: string[] = [];
  const odd = (f: (h: PartialHeader) => unknown) => parts.filter((p) => JSON.stringify(f(p.header)) !== JSON.stringify(f(first.header)));
  const kinds = odd((h) => h.kind);
  if (kinds.length) return [`the parts come from different commands: ${[first, ...kinds].map((p) => `${p.file} from ${WHAT[p.header.kind]}`).join(", ")}`];
  const same = (key: "scenarioHash" | "seed" | "replications" | "engineVersion", what: string) => {
    const others = odd((h) => h.manifest[key]);
    if (others.length) problems.push(`${what} differs: ${first.file} has ${JSON.stringify(m0[key])}, ${others.map((p) => `${p.file} has ${JSON.stringify(p.header.manifest[key])}`).join(", ")}`);
  };
  same("scenarioHash", first.header.kind === "frontier" ? "the scenario or the curve's options (their hash, overrides included)" : "the scenario (its hash, overrides included)");
  same("seed", "the seed");
  same("replications", "the total of replications");
  same("engineVersion", "the engine version");
  // A frontier part holds whole simulations of some units of work, not a block of replications.
  if (first.header.kind === "frontier") return problems.length ? problems : frontierProblems(parts);
  for (const p of odd((h) => h.runs.map((r) => [r.name, r.columns]))) problems.push(`the KPI columns differ: ${first.file} and ${p.file}`);
  const oddSeries = odd((h) => h.runs.map((r) => r.series?.layout ?? null));
  if (oddSeries.length) problems.push(`some parts have --series and some not, or different series: ${[first, ...oddSeries].map((p) => `${p.file} (${p.header.runs[0].series ? "series" : "no series"})`).join(", ")}`);
  if (problems.length) return problems;
  const sorted = [...parts].sort((a, b) => a.header.manifest.from - b.header.manifest.from);
  let next = 0;
  for (let i = 0; i < sorted.length; i++) {
    const { file, header: { manifest: m } } = sorted[i];
    if (m.from > next) problems.push(`replications ${next}–${m.from - 1} are missing (no part covers them; the next part is ${file})`);
    if (m.from < next) problems.push(`replications ${m.from}–${Math.min(next, m.to) - 1} are in more than one part: ${sorted.filter((q, j) => j < i && q.header.manifest.to > m.from).map((q) => q.file).join(", ")} and ${file}`);
    next = Math.max(next, m.to);
  }
  if (next < m0.replications) problems.push(`replications ${next}–${m0.replications - 1} of ${m0.replications} are missing (no part covers them)`);
  return problems;
}

/** The merged document, by the command the parts came from. */
export type Merged =
  | { readonly kind: "run"; readonly result: RunResult }
  | { readonly kind: "compare"; readonly comparison: ComparisonResult }
  | { readonly kind: "impact"; readonly impact: ImpactResult }
  | { readonly kind: "frontier"; readonly frontier: FrontierResult };

export interface MergeOptions {
  /** Bytes of series rows read from a part at a time (default SERIES_CHUNK_BYTES). */
  readonly blockBytes?: number;
  /** A trade-off curve: hears each point as the curve is computed again (the CLI's progress). */
  readonly onPoint?: (curve: string, p: FrontierPoint) => void;
}

/** The document of the run the parts make up; `workers` and `elapsedMs` are the parts' sums. */
export async function mergeParts(parts: readonly NamedPart[], options: MergeOptions = {}): Promise<Merged> {
  const problems = checkParts(parts);
  if (problems.length) throw new MergeError(problems.map((p) => `echelon merge: ${p}`));
  const h0 = parts[0].header, m0 = h0.manifest, block = options.blockBytes ?? SERIES_CHUNK_BYTES;
  if (h0.kind === "frontier") {
    try {
      return { kind: "frontier", frontier: await mergeFrontier(parts, options.onPoint) };
    } catch (e) {
      if (e instanceof FrontierMergeError) throw new MergeError([`echelon merge: ${e.message}`]);
      throw e;
    }
  }
  const ordered = [...parts].sort((a, b) => a.header.manifest.from - b.header.manifest.from).map((p) => p.reader);
  const tables = h0.runs.map((r, i) => createPartsTable(ordered, i, m0.replications, r.columns.length));
  const layout = h0.runs[0].series?.layout, reducer = layout ? createSeriesReducer(layout, m0.replications) : null;
  try {
    // In replication order: the series reducer takes rows in that order, as in a single run.
    const step = layout ? Math.max(1, Math.floor(block / (4 * layout.cells))) : 0;
    for (const reader of reducer ? ordered : []) {
      const n = reader.header.manifest.to - reader.header.manifest.from;
      for (let at = 0; at < n; at += step) {
        const count = Math.min(step, n - at);
        await reducer!.add(reader.readSeries(0, at, count), count, noTick);
      }
    }
    // The builders read only these fields of a scenario.
    const stub = (name: string) => ({ name, seed: m0.seed, replications: m0.replications, horizon: m0.horizon, warmup: m0.warmup }) as Scenario;
    const sum = (k: "workers" | "elapsedMs") => parts.reduce((a, p) => a + p.header.manifest[k], 0);
    const side = (i: number) => ({ scenario: stub(h0.runs[i].name), columns: h0.runs[i].columns, table: tables[i] });
    if (h0.kind === "compare") return { kind: "compare", comparison: await buildComparison(side(0), side(1), noTick) };
    if (h0.kind === "impact") {
      const r = await buildImpact({ scenario: stub(m0.scenario), baseline: side(0), disrupted: side(1), ...(h0.runs[2] ? { unmitigated: side(2) } : {}), workers: sum("workers"), elapsedMs: sum("elapsedMs") }, noTick);
      // Assigning keys already present keeps their place, so the JSON keeps the single run's key order.
      return { kind: "impact", impact: { ...r, disruptions: h0.impact?.disruptions ?? 0, mitigations: [...(h0.impact?.mitigations ?? [])] } };
    }
    const series = reducer ? await reducer.finish(noTick) : undefined;
    return { kind: "run", result: await buildRunResult({ scenario: stub(m0.scenario), columns: h0.runs[0].columns, table: tables[0], series, workers: sum("workers"), elapsedMs: sum("elapsedMs"), stat: sortedPartsStat(ordered, 0) }, noTick) };
  } finally {
    for (const t of tables) t.dispose();
  }
}
