export { optimizeScenario, planScenario, buildResult, nodeOptimum, resolveTarget } from "./optimize-scenario.ts";
export type { AnalyticMethod, OptimizeOptions, Plan } from "./optimize-scenario.ts";
export { solveGsm, singleEchelon, protectedDays, exposureSd, stageCost } from "./gsm.ts";
export type { StagePlan } from "./gsm.ts";
export { stagesOf, pooledVariance } from "./network.ts";
export type { Stage } from "./network.ts";
export * from "./types.ts";
export { optimizeBySimulation } from "./simulation-search.ts";
export type { FillEstimate, FillEvaluator, SimulationSearchOptions } from "./simulation-search.ts";
