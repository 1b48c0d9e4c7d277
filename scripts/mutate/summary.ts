/**
 * The score per folder, read from the incremental reports that `npm run mutate` keeps
 * (mutation-testing-report-schema JSON). Score = (killed + timeout) / (killed + timeout + survived
 * + no coverage), as Stryker counts it; ignored mutants (disable comments, static code) and
 * compile errors are left out of both.
 */
import { existsSync, readFileSync } from "node:fs";
import { FOLDERS, incrementalFile } from "./folders.ts";

interface Report {
  readonly files: Record<string, { readonly mutants: readonly { readonly status: string }[] }>;
}

export interface FolderScore {
  readonly folder: string;
  readonly target: number;
  readonly counts: Readonly<Record<string, number>> | undefined;
  readonly score: number | undefined;
}

export function folderScore(folder: string, target: number): FolderScore {
  const file = incrementalFile(folder);
  if (!existsSync(file)) return { folder, target, counts: undefined, score: undefined };
  const report = JSON.parse(readFileSync(file, "utf8")) as Report;
  const counts: Record<string, number> = {};
  for (const { mutants } of Object.values(report.files)) for (const m of mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const valid = detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  return { folder, target, counts, score: valid === 0 ? undefined : (100 * detected) / valid };
}

export function formatScores(scores: readonly FolderScore[]): string {
  const head = "folder       target  killed  timeout  survived  no-cov  ignored  score";
  const rows = scores.map(({ folder, target, counts, score }) => {
    const name = `src/sim/${folder}`.padEnd(21).slice(0, 21);
    if (!counts) return `${name}${`${target}%`.padStart(6)}  not run yet`;
    const n = (k: string) => String(counts[k] ?? 0);
    const verdict = score === undefined ? "" : score >= target ? "  meets target" : "  below target";
    return `${name}${`${target}%`.padStart(6)}${n("Killed").padStart(8)}${n("Timeout").padStart(9)}${n("Survived").padStart(10)}${n("NoCoverage").padStart(8)}${n("Ignored").padStart(9)}${(score === undefined ? "-" : `${score.toFixed(1)}%`).padStart(7)}${verdict}`;
  });
  return [head.replace("folder      ", "folder".padEnd(21)), ...rows].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatScores(FOLDERS.map(({ name, target }) => folderScore(name, target))));
}
