export { createStream, createStreamPool, fillNormals, fillUniformInts, hashKey, normalAt, uniformAt, type RandomStream, type StreamPool } from "./stream.ts";
export { createDemandSampler, createLeadTimeSampler, type DistSampler, type Sampler } from "./sampler.ts";
export { wholeDays } from "./whole-days.ts";
export * from "./dist/index.ts";
