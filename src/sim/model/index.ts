export * from "./distribution.ts";
export * from "./policy.ts";
export * from "./scenario.ts";
export * from "./result.ts";
export * from "./kpis.ts";
export * from "./batch.ts";
export * from "./dict.ts";
