export { CompareView, diffRows, defaultPair, type LibraryEntry } from "./compare-view.ts";
export { diffScenarios, describeChange, formatValue, type ScenarioChange } from "./scenario-diff.ts";
export { verdict, VERDICT_TEXT, type Verdict } from "./verdict.ts";
