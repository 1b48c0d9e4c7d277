// The browser's file worker: parses and validates one opened scenario file off the main thread
// (scenario-file-client.ts creates it). A valid file answers only { ok: true }: the page then
// parses the text itself, which for 6 MB takes a tenth of the time of receiving the parsed object.
import { expose } from "comlink";
import { parseScenarioJson, type ValidationIssue } from "../sim/validate/index.ts";

export type ScenarioCheck = { readonly ok: true } | { readonly ok: false; readonly errors: ValidationIssue[] };

const api = {
  async check(file: Blob): Promise<ScenarioCheck> {
    const r = parseScenarioJson(await file.text());
    return r.ok ? { ok: true } : r;
  },
};
export type ScenarioFileApi = typeof api;

expose(api);
