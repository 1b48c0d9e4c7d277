/**
 * Opening files: a `.csv` imports rows into the current scenario; anything else is read as a
 * scenario JSON document and checked by the validator. A broken file never changes anything:
 * the caller shows the messages and keeps the user's work.
 */
import { parseScenario, formatIssue, type Issue } from "../shared/validate.ts";
import type { Draft } from "../editor/paths.ts";

export type OpenedFile =
  | { readonly kind: "scenario"; readonly scenario: Draft }
  | { readonly kind: "csv"; readonly text: string }
  | { readonly kind: "error"; readonly messages: readonly string[] };

/** A scenario that passed the validator, or every problem with its path. */
export type CheckedScenario =
  | { readonly ok: true; readonly scenario: Draft }
  | { readonly ok: false; readonly errors: readonly Issue[] };

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

/**
 * Parses and validates scenario JSON: here when it is small, else in a worker of its own, so
 * that a large file or link never blocks the page (the text is parsed again here once valid).
 */
export async function parseScenarioSource(source: Blob): Promise<CheckedScenario> {
  if (source.size < WORKER_FILE_BYTES) {
    const text = await source.text();
    const r = parseScenario(text);
    return r.ok ? { ok: true, scenario: parseDraft(text) } : r;
  }
  const check = await import("../../workers/scenario-file-client.ts").then((m) => m.checkScenarioFile(source)).catch((e: Error) => e);
  if (check instanceof Error) return { ok: false, errors: [{ path: "", message: `could not be checked (${check.message})` }] };
  if (!check.ok) return check;
  return { ok: true, scenario: parseDraft(await source.text()) };
}

/**
 * Text the validator passed, as the editor's JSON tree. JSON.parse gives JSON, which is what a
 * Draft is, so no cast is needed; the validator's Scenario is the same tree typed for the engine,
 * and parsing again (about 1 ms for 256 KB) keeps the two types apart.
 */
function parseDraft(text: string): Draft {
  const draft: Draft = JSON.parse(text.replace(/^\uFEFF/, ""));
  return draft;
}

/** Reads one opened or dropped file: CSV text, or a checked scenario (see parseScenarioSource). */
export async function openFile(file: Blob & { readonly name: string }): Promise<OpenedFile> {
  if (isCsvFile(file.name, await file.slice(0, 1024).text())) return { kind: "csv", text: await file.text() };
  const r = await parseScenarioSource(file);
  return r.ok ? { kind: "scenario", scenario: r.scenario } : { kind: "error", messages: r.errors.map((i) => `${file.name}: ${formatIssue(i)}`) };
}

/** The scenario as a file: 2-space JSON with a final newline. */
export function scenarioFileText(draft: Draft): string {
  return `${JSON.stringify(draft, null, 2)}\n`;
}
