import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue, parseScenarioJson } from "../../../src/sim/validate/index.ts";
import { renderJsonSchema, scenarioJsonSchema } from "../../../src/sim/validate/json-schema.ts";
import { retail, root } from "./fixtures.ts";

const committed = () => readFileSync(join(root, "scenarios", "echelon-scenario.schema.json"), "utf8");

describe("scenarioJsonSchema", () => {
  it("equals the committed scenarios/echelon-scenario.schema.json (run `npm run schema` after changing the schema)", () => {
    expect(committed()).toBe(renderJsonSchema());
  });
  it("is what the retail scenario's $schema points at", () => {
    expect(retail().$schema).toBe("./echelon-scenario.schema.json");
  });
  it("is draft-07, refuses unknown keys and allows x- notes", () => {
    const s = scenarioJsonSchema();
    expect(s.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(s.additionalProperties).toBe(false);
    expect(s.patternProperties).toEqual({ "^x-": {} });
    expect(Object.keys(s.definitions as object).sort()).toEqual(["Demand", "Disruption", "Distribution", "Lane", "LeadTime", "Location", "Node", "Policy", "Product", "Recipe", "Sourcing"]);
  });
  it("states the size limits", () => {
    const props = scenarioJsonSchema().properties as Record<string, Record<string, unknown>>;
    expect([props.replications.maximum, props.horizon.maximum, props.nodes.maxItems, props.lanes.maxItems]).toEqual([1_000_000, 36_500, 2_000, 4_000]);
  });
});

describe("scenarios/*.json", () => {
  const files = readdirSync(join(root, "scenarios")).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"));
  it.each(files)("%s validates, and its $schema (if any) is the generated schema", (file) => {
    const text = readFileSync(join(root, "scenarios", file), "utf8");
    const r = parseScenarioJson(text);
    expect(r.ok ? [] : r.errors.map(formatIssue)).toEqual([]);
    const $schema = (JSON.parse(text) as { $schema?: string }).$schema;
    if ($schema !== undefined) expect($schema).toBe("./echelon-scenario.schema.json");
  });
});
