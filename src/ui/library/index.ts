export { ScenarioLibrary, type LibraryAction } from "./scenario-library.ts";
export { BUILTIN_SCENARIOS, DEFAULT_SCENARIO, type BuiltinScenario } from "./builtins.ts";
export * from "./library.ts";
