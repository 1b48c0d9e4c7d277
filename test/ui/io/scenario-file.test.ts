// Opening a scenario file below the worker threshold: checked on the page, opened as the editor's
// JSON tree exactly as written, or refused with every problem (line and column for bad JSON).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openFile, parseScenarioSource, WORKER_FILE_BYTES } from "../../../src/ui/io/scenario-file.ts";

const text = readFileSync(new URL("../../../scenarios/spare-parts.json", import.meta.url), "utf8");
const file = (body: string, name = "s.json") => Object.assign(new Blob([body]), { name });

describe("parseScenarioSource", () => {
  it("opens a valid file as the JSON tree written in it, a byte-order mark or not", async () => {
    expect(text.length).toBeLessThan(WORKER_FILE_BYTES);
    for (const body of [text, `\uFEFF${text}`]) {
      const r = await parseScenarioSource(new Blob([body]));
      expect(r).toEqual({ ok: true, scenario: JSON.parse(text) });
    }
  });

  it("refuses an invalid scenario with the path of each problem, and bad JSON with its line and column", async () => {
    const bad = await parseScenarioSource(new Blob([JSON.stringify({ ...JSON.parse(text), horizon: -1 })]));
    expect(bad.ok === false && bad.errors.map((e) => e.path)).toEqual(["horizon"]);
    const broken = await openFile(file('{\n  "name": "x",\n  oops\n}'));
    expect(broken.kind === "error" && broken.messages[0]).toMatch(/^s\.json: invalid JSON at line 3, column 3/);
  });
});
