/**
 * Rewrites a Stryker incremental report with one mutant (and one test) per line instead of
 * Stryker's two-space indentation: about half the size, and a later run's diff still shows
 * exactly which mutants and tests changed. Stryker reads it back as ordinary JSON.
 */
import { readFileSync, writeFileSync } from "node:fs";

export function compactReport(file: string, measuredAt?: Date): void {
  const report = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  // When the run that wrote it finished: the folder's score lets a newer report's result for a
  // file replace an older one's (summary.ts). Stryker ignores the key when it reads the report.
  if (measuredAt) report.measuredAt = measuredAt.toISOString();
  const lines = Object.entries(report).map(([key, value]) => `  ${JSON.stringify(key)}: ${key === "files" || key === "testFiles" ? fileMap(value as Record<string, Record<string, unknown>>) : JSON.stringify(value)}`);
  writeFileSync(file, `{\n${lines.join(",\n")}\n}\n`);
}

/** Each file's fields on their own line, its list of mutants or tests one entry a line. */
function fileMap(files: Record<string, Record<string, unknown>>): string {
  const entries = Object.entries(files).map(([name, file]) => {
    const fields = Object.entries(file).map(([key, value]) =>
      Array.isArray(value) && value.length > 0 ? `      ${JSON.stringify(key)}: [\n${value.map((v) => `        ${JSON.stringify(v)}`).join(",\n")}\n      ]` : `      ${JSON.stringify(key)}: ${JSON.stringify(value)}`,
    );
    return `    ${JSON.stringify(name)}: {\n${fields.join(",\n")}\n    }`;
  });
  return `{\n${entries.join(",\n")}\n  }`;
}
