/**
 * Opening files: a `.csv` imports rows into the current scenario; anything else is read as a
 * scenario JSON document and checked by the validator. A broken file never changes anything:
 * the caller shows the messages and keeps the user's work.
 */
import { parseScenario, formatIssue } from "../shared/validate.ts";
import type { Draft } from "../editor/paths.ts";

export type OpenedFile =
  /** `validated`: the validator passed it in the file worker, so the page need not check it again. */
  | { readonly kind: "scenario"; readonly scenario: Draft; readonly validated?: boolean }
  | { readonly kind: "csv"; readonly text: string }
  | { readonly kind: "error"; readonly messages: readonly string[] };

/** Size beyond which a file is refused before reading (a scenario is a few hundred KB at most). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Scenario files from this size on are parsed and validated in a worker: below it the main
 * thread spends at most about 50 ms on them (the validator checks about 6 MB a second).
 */
export const WORKER_FILE_BYTES = 256 * 1024;

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

/** Reads one opened or dropped file: a small one here, a large scenario file in a worker. */
export async function openFile(file: Blob & { readonly name: string }): Promise<OpenedFile> {
  if (file.size < WORKER_FILE_BYTES) return readOpenedFile(file.name, await file.text());
  if (isCsvFile(file.name, await file.slice(0, 1024).text())) return { kind: "csv", text: await file.text() };
  const check = await import("../../workers/scenario-file-client.ts").then((m) => m.checkScenarioFile(file)).catch((e: Error) => e);
  if (check instanceof Error) return { kind: "error", messages: [`${file.name}: could not be checked (${check.message})`] };
  if (!check.ok) return { kind: "error", messages: check.errors.map((i) => `${file.name}: ${formatIssue(i)}`) };
  return { kind: "scenario", scenario: JSON.parse((await file.text()).replace(/^\uFEFF/, "")) as Draft, validated: true };
}

/** The scenario as a file: 2-space JSON with a final newline. */
export function scenarioFileText(draft: Draft): string {
  return `${JSON.stringify(draft, null, 2)}\n`;
}
