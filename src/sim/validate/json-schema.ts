/**
 * The published JSON Schema (scenarios/echelon-scenario.schema.json), generated from the zod
 * schema by `npm run schema` so the two never disagree. Editors use it for completion and
 * red squiggles; the cross-reference rules (ids, cycles, S >= s, …) are beyond JSON Schema and
 * are only checked by `validateScenario`.
 */
import { z } from "zod";
import { scenarioSchema } from "./schema/scenario.ts";

/** The scenario JSON Schema (draft-07, the dialect editors support best). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, {
    target: "draft-7",
    io: "input",
    override: ({ jsonSchema }) => {
      // Strict objects refuse unknown keys, except "x-…" notes (allowed everywhere).
      if (jsonSchema.type === "object" && jsonSchema.additionalProperties === false) jsonSchema.patternProperties = { "^x-": {} };
    },
  }) as Record<string, unknown>;
}

/** The schema file's exact text. */
export function renderJsonSchema(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
