/**
 * Opening files: a `.csv` imports rows into the current scenario; anything else is read as a
 * scenario JSON document and checked by the validator. A broken file never changes anything:
 * the caller shows the messages and keeps the user's work.
 */
import { parseScenario, formatIssue } from "../shared/validate.ts";
import type { Draft } from "../editor/paths.ts";

export type OpenedFile =
  | { readonly kind: "scenario"; readonly scenario: Draft }
  | { readonly kind: "csv"; readonly text: string }
  | { readonly kind: "error"; readonly messages: readonly string[] };

/** Size beyond which a file is refused before reading (a scenario is a few hundred KB at most). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export function isCsvFile(name: string, text: string): boolean {
  return /\.(csv|tsv|txt)$/i.test(name) || (!/\.json$/i.test(name) && !/^\s*[{[]/.test(text));
}

/** Reads one opened or dropped file. */
export function readOpenedFile(name: string, text: string): OpenedFile {
  if (isCsvFile(name, text)) return { kind: "csv", text };
  const r = parseScenario(text);
  if (r.ok) return { kind: "scenario", scenario: r.scenario as unknown as Draft };
  return { kind: "error", messages: r.errors.map((i) => `${name}: ${formatIssue(i)}`) };
}

/** The scenario as a file: 2-space JSON with a final newline. */
export function scenarioFileText(draft: Draft): string {
  return `${JSON.stringify(draft, null, 2)}\n`;
}
