/**
 * `echelon merge PARTS…`: checks that partial results (partial.ts) belong to one run and cover it
 * exactly once, then reduces them with the code a single machine uses (a KPI table, in memory or
 * spilled, then buildRunResult), so the echelon-result@1 is bit-identical to `echelon run`.
 */
import type { RunResult } from "../sim/model/result.ts";
import type { Scenario } from "../sim/model/scenario.ts";
import { createKpiTable, type KpiTable } from "../sim/montecarlo/kpi-table.ts";
import { kpiTableBytes } from "../sim/montecarlo/run-memory.ts";
import { buildRunResult } from "../sim/montecarlo/run-result.ts";
import { createSpilledKpiTable } from "../sim/montecarlo/spilled-kpi-table.ts";
import { noTick } from "../sim/montecarlo/tick.ts";
import { createSeriesReducer } from "../sim/montecarlo/series-reducer.ts";
import { decodeRows, decodeSeriesRows, PARTIAL_FORMAT, ROW_ENCODING, SERIES_ENCODING, type Partial } from "./partial.ts";
import { spillOption } from "./value-file.ts";

/** Parts that cannot be merged: `lines` name the problem and the files. */
export class MergeError extends Error {
  constructor(readonly lines: string[]) { super(lines.join("\n")); this.name = "MergeError"; }
}

export interface NamedPartial { readonly file: string; readonly part: Partial }

/** Parses one part's text, or throws a MergeError naming the file. */
export function parsePartial(file: string, text: string): Partial {
  let p: Partial;
  try { p = JSON.parse(text); } catch (e) { throw new MergeError([`${file}: not JSON (${(e as Error).message})`]); }
  if (p?.format !== PARTIAL_FORMAT) throw new MergeError([`${file}: not an ${PARTIAL_FORMAT} document (format is ${JSON.stringify(p?.format)}); make parts with echelon run FILE --shard K/N`]);
  if (p.series && p.series.encoding !== SERIES_ENCODING) throw new MergeError([`${file}: series rows are encoded as ${JSON.stringify(p.series.encoding)}, expected ${SERIES_ENCODING}`]);
  if (p.rows?.encoding !== ROW_ENCODING) throw new MergeError([`${file}: rows are encoded as ${JSON.stringify(p.rows?.encoding)}, expected ${ROW_ENCODING}`]);
  return p;
}

/** Every reason the parts are not exactly one run, each naming the files concerned. */
export function checkParts(parts: readonly NamedPartial[]): string[] {
  if (parts.length === 0) return ["no parts to merge"];
  const first = parts[0], m0 = first.part.manifest, problems: string[] = [];
  const same = (key: "scenarioHash" | "seed" | "replications" | "engineVersion", what: string) => {
    const odd = parts.filter((p) => p.part.manifest[key] !== m0[key]);
    if (odd.length) problems.push(`${what} differs: ${first.file} has ${JSON.stringify(m0[key])}, ${odd.map((p) => `${p.file} has ${JSON.stringify(p.part.manifest[key])}`).join(", ")}`);
  };
  same("scenarioHash", "the scenario (its hash, overrides included)");
  same("seed", "the seed");
  same("replications", "the total of replications");
  same("engineVersion", "the engine version");
  const cols = JSON.stringify(first.part.columns);
  for (const p of parts.slice(1)) if (JSON.stringify(p.part.columns) !== cols) problems.push(`the KPI columns differ: ${first.file} and ${p.file}`);
  const layout = (p: NamedPartial) => JSON.stringify(p.part.series?.layout ?? null);
  const oddSeries = parts.filter((p) => layout(p) !== layout(first));
  if (oddSeries.length) problems.push(`some parts have --series and some not, or different series: ${[first, ...oddSeries].map((p) => `${p.file} (${p.part.series ? "series" : "no series"})`).join(", ")}`);
  if (problems.length) return problems;
  const sorted = [...parts].sort((a, b) => a.part.manifest.from - b.part.manifest.from);
  let next = 0;
  for (let i = 0; i < sorted.length; i++) {
    const { file, part: { manifest: m } } = sorted[i];
    if (m.from > next) problems.push(`replications ${next}–${m.from - 1} are missing (no part covers them; the next part is ${file})`);
    if (m.from < next) problems.push(`replications ${m.from}–${Math.min(next, m.to) - 1} are in more than one part: ${sorted.filter((q, j) => j < i && q.part.manifest.to > m.from).map((q) => q.file).join(", ")} and ${file}`);
    next = Math.max(next, m.to);
  }
  if (next < m0.replications) problems.push(`replications ${next}–${m0.replications - 1} of ${m0.replications} are missing (no part covers them)`);
  return problems;
}

function tableFor(total: number, columns: number): KpiTable {
  const spill = spillOption();
  return kpiTableBytes(total, columns) > spill.thresholdBytes ? createSpilledKpiTable(total, columns, spill.store()) : createKpiTable(total, columns);
}

/**
 * The echelon-result@1 of the run the parts make up; `workers` and `elapsedMs` are the parts' sums.
 * `rowsOf` gives a part's encoded rows (and series rows): the CLI reads them again file by file, so
 * only one part's rows are in memory at a time, besides the KPI table (spilled to a file when large).
 */
export async function mergeParts(parts: readonly NamedPartial[], rowsOf: (p: NamedPartial) => Pick<Partial, "rows" | "series"> = (p) => p.part): Promise<RunResult> {
  const problems = checkParts(parts);
  if (problems.length) throw new MergeError(problems.map((p) => `echelon merge: ${p}`));
  const m0 = parts[0].part.manifest, columns = parts[0].part.columns;
  const table = tableFor(m0.replications, columns.length);
  const layout = parts[0].part.series?.layout, reducer = layout ? createSeriesReducer(layout, m0.replications) : null;
  try {
    // In replication order: the series reducer takes rows in that order, as in a single run.
    for (const p of [...parts].sort((a, b) => a.part.manifest.from - b.part.manifest.from)) {
      const { file, part: { manifest: m } } = p, loaded = rowsOf(p), values = decodeRows(loaded.rows.data), n = m.to - m.from;
      if (values.length !== n * columns.length) throw new MergeError([`${file}: ${values.length} values, expected ${n * columns.length} (${n} replications × ${columns.length} columns)`]);
      table.add({ from: m.from, to: m.to, columns: columns.length, values });
      if (!reducer) continue;
      const series = decodeSeriesRows(loaded.series?.data ?? "");
      if (series.length !== n * layout!.cells) throw new MergeError([`${file}: ${series.length} series values, expected ${n * layout!.cells} (${n} replications × ${layout!.cells} cells)`]);
      if (n > 0) await reducer.add(series, n, noTick);
    }
    const series = reducer ? await reducer.finish(noTick) : undefined;
    // buildRunResult reads only these fields of the scenario.
    const s = { name: m0.scenario, seed: m0.seed, replications: m0.replications, horizon: m0.horizon, warmup: m0.warmup } as Scenario;
    const sum = (k: "workers" | "elapsedMs") => parts.reduce((a, p) => a + p.part.manifest[k], 0);
    return await buildRunResult({ scenario: s, columns, table, series, workers: sum("workers"), elapsedMs: sum("elapsedMs") }, noTick);
  } finally {
    table.dispose();
  }
}
