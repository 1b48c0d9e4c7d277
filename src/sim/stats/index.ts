export * from "./accumulator.ts";
export * from "./student-t.ts";
export * from "./percentile.ts";
export * from "./stat.ts";
export * from "./paired.ts";
