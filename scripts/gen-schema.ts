// Writes scenarios/echelon-scenario.schema.json from the zod scenario schema (src/sim/validate).
// Run with `npm run schema` after changing the schema; test/sim/validate/json-schema.test.ts fails until you do.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderJsonSchema } from "../src/sim/validate/json-schema.ts";

const out = join(import.meta.dirname, "..", "scenarios", "echelon-scenario.schema.json");
writeFileSync(out, renderJsonSchema());
console.log(`wrote ${out}`);
