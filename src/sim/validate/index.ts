/**
 * Scenario validation (shared/spec/scenario.md, "Validation"): every problem in a scenario at
 * once, each with its JSON path and a plain-language message. See docs/scenario-format.md.
 */
export { formatIssue, formatPath, quote, type ValidationIssue, type ValidationResult } from "./issue.ts";
export { LIMITS } from "./limits.ts";
export { parseScenarioJson } from "./parse-json.ts";
export { scenarioSchema } from "./schema/scenario.ts";
export { ID_PATTERN, ID_RULE, RESERVED_IDS } from "./schema/fields.ts";
export { validateScenario } from "./validate-scenario.ts";
