/** The curated scenarios of scenarios/*.json, bundled into the app (no fetch). */
import type { Draft } from "../editor/paths.ts";

export interface BuiltinScenario {
  /** File name without extension, e.g. "retail-3-echelon". */
  readonly file: string;
  readonly scenario: Draft;
}

/** The scenario a new user starts with. */
export const DEFAULT_SCENARIO = "retail-3-echelon";

const modules = import.meta.glob<{ default: Draft }>("../../../scenarios/*.json", { eager: true });

export const BUILTIN_SCENARIOS: readonly BuiltinScenario[] = Object.entries(modules)
  .map(([path, m]) => ({ file: path.replace(/^.*\//, "").replace(/\.json$/, ""), scenario: m.default }))
  .filter((b) => b.scenario && typeof b.scenario === "object" && !Array.isArray(b.scenario) && String(b.scenario.format ?? "").startsWith("echelon-scenario@"))
  .sort((a, b) => (a.file === DEFAULT_SCENARIO ? -1 : b.file === DEFAULT_SCENARIO ? 1 : a.file.localeCompare(b.file)));
