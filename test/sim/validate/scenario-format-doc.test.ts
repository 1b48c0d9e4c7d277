// docs/scenario-format.md teaches by example: its example scenario must stay valid.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue, parseScenarioJson } from "../../../src/sim/validate/index.ts";
import { root } from "./fixtures.ts";

describe("docs/scenario-format.md", () => {
  it("has an example scenario that validates", () => {
    const doc = readFileSync(join(root, "docs", "scenario-format.md"), "utf8");
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? "";
    const r = parseScenarioJson(example);
    expect(r.ok ? [] : r.errors.map(formatIssue)).toEqual([]);
    expect(example).toContain('"format": "echelon-scenario@1"');
  });
});
