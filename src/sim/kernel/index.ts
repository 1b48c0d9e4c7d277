export type { CompiledNetwork, CompiledDisruptions, CompiledMitigations } from "./network.ts";
export { DISRUPTION } from "./network.ts";
export type { NetworkState } from "./state.ts";
export { ITEM, createState, resetState } from "./state.ts";
export type { Accumulators, DayRecord } from "./accounting.ts";
export { ITEM_SUM, NODE_SUM, ITEM_METRICS, NODE_METRICS, createAccumulators, createDayRecord, resetAccumulators } from "./accounting.ts";
export { scheduleDisruptions } from "./disruptions.ts";
export { simulateDay } from "./day.ts";
