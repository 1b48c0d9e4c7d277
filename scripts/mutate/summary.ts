/**
 * The score per folder, read from the incremental reports that `npm run mutate` keeps
 * (mutation-testing-report-schema JSON). Score = (killed + timeout) / (killed + timeout + survived
 * + no coverage), as Stryker counts it; ignored mutants (disable comments, static code) and
 * compile errors are left out of both.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { FOLDERS, folderSources, incrementalFile, partFiles, partsDirectory } from "./folders.ts";

export interface Report {
  readonly files: Record<string, { readonly mutants: readonly { readonly status: string }[] }>;
  /** When the run that wrote it finished (ISO 8601); absent in reports older than parts. */
  readonly measuredAt?: string;
}

export interface FolderScore {
  readonly folder: string;
  readonly target: number;
  readonly counts: Readonly<Record<string, number>> | undefined;
  readonly score: number | undefined;
  /** Source files of the folder that some report measured, and how many it has. */
  readonly measured: number;
  readonly files: number;
}

/**
 * A folder's score from its whole-folder report and its parts' reports (folders.ts partFile),
 * oldest first by the time each run finished (`measuredAt`, written by compact-report.ts; a report
 * without it counts as older than any with it, the whole-folder report first among those): a
 * newer report's result for a source file replaces an older one's. Only mutants of the folder's
 * current source files count. The folder is measured in full when the whole-folder report exists
 * or the parts name every source file.
 */
export function mergeScore(folder: string, target: number, sources: readonly string[], whole: Report | undefined, parts: readonly (readonly [name: string, report: Report])[]): FolderScore {
  const mutants = new Map<string, readonly { readonly status: string }[]>(), measured = new Set<string>();
  const prefix = `src/sim/${folder}/`;
  const relative = (path: string) => (path.startsWith(prefix) ? path.slice(prefix.length) : path);
  const reports: { report: Report; files: readonly string[]; order: number }[] = [];
  if (whole) reports.push({ report: whole, files: sources, order: -1 });
  // A file with no mutants is not in a part's report; the part's name says it was mutated.
  for (const [name, report] of [...parts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) reports.push({ report, files: partFiles(name), order: reports.length });
  const time = (r: Report) => (r.measuredAt === undefined ? -Infinity : Date.parse(r.measuredAt));
  reports.sort((x, y) => time(x.report) - time(y.report) || x.order - y.order);
  for (const { report, files } of reports) {
    for (const [path, { mutants: list }] of Object.entries(report.files)) {
      if (!sources.includes(relative(path))) continue;   // a file since deleted or renamed
      mutants.set(path, list);
      measured.add(relative(path));
    }
    for (const f of files) if (sources.includes(f)) measured.add(f);
  }
  const files = sources.length;
  if (measured.size === 0) return { folder, target, counts: undefined, score: undefined, measured: 0, files };
  const counts: Record<string, number> = {};
  for (const list of mutants.values()) for (const m of list) counts[m.status] = (counts[m.status] ?? 0) + 1;
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const valid = detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  return { folder, target, counts, score: valid === 0 ? undefined : (100 * detected) / valid, measured: measured.size, files };
}

/** The folder's score from the reports under reports/stryker-incremental/. */
export function folderScore(folder: string, target: number): FolderScore {
  const read = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Report;
  const whole = existsSync(incrementalFile(folder)) ? read(incrementalFile(folder)) : undefined;
  const dir = partsDirectory(folder);
  const parts = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => [f.slice(0, -".json".length), read(`${dir}/${f}`)] as const) : [];
  return mergeScore(folder, target, folderSources(folder), whole, parts);
}

export function formatScores(scores: readonly FolderScore[]): string {
  const head = "folder       target  killed  timeout  survived  no-cov  ignored  score";
  const rows = scores.map(({ folder, target, counts, score, measured, files }) => {
    const name = `src/sim/${folder}`.padEnd(21).slice(0, 21);
    if (!counts) return `${name}${`${target}%`.padStart(6)}  not run yet`;
    const n = (k: string) => String(counts[k] ?? 0);
    const partial = measured < files;
    const verdict = score === undefined ? "" : partial ? `  partial: ${measured} of ${files} files` : score >= target ? "  meets target" : "  below target";
    return `${name}${`${target}%`.padStart(6)}${n("Killed").padStart(8)}${n("Timeout").padStart(9)}${n("Survived").padStart(10)}${n("NoCoverage").padStart(8)}${n("Ignored").padStart(9)}${(score === undefined ? "-" : `${score.toFixed(1)}%`).padStart(7)}${verdict}`;
  });
  return [head.replace("folder      ", "folder".padEnd(21)), ...rows].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatScores(FOLDERS.map(({ name, target }) => folderScore(name, target))));
}
