/**
 * The engine's public surface (docs/engine.md): compile once, simulate replications, and return
 * flat typed arrays for the statistics and the workers.
 */
export { kpiColumns } from "./columns.ts";
export { seriesLayout } from "./series.ts";
export { runBatch } from "./batch.ts";
export { createSimulation } from "./simulation.ts";
export type { Simulation } from "./simulation.ts";
export { traceReplication } from "./trace.ts";
export { compiled } from "./compiled.ts";
