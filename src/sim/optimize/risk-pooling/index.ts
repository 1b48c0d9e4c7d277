export { fillRate, poolingSaving, poolingTheory, pooledSdFactor } from "./theory.ts";
export type { PoolingInputs, PoolingSide, PoolingTheory } from "./theory.ts";
export { poolingScenario, POOL_NODE } from "./scenarios.ts";
export type { PoolingLayout, PoolingRunLength } from "./scenarios.ts";
export { measureSide, simulatedSaving } from "./measure.ts";
export type { Estimate, SimulatedSide } from "./measure.ts";
