export { allocateFifo } from "./fifo.ts";
export { allocateProportional } from "./proportional.ts";
export { allocatePriority } from "./priority.ts";
