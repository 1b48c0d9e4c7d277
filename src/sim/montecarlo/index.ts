export * from "./tick.ts";
export * from "./kpi-table.ts";
export * from "./spilled-kpi-table.ts";
export * from "./in-order.ts";
export * from "./series-reducer.ts";
export * from "./overrides.ts";
export * from "./run-result.ts";
export * from "./impact.ts";
