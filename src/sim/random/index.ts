export { createStream, createStreamPool, fillNormals, fillUniformInts, hashKey, normalAt, uniformAt, type RandomStream, type StreamPool } from "./stream.ts";
export { createDemandSampler, createLeadTimeSampler, type DistSampler, type Sampler } from "./sampler.ts";
export { normalCdf, normalLoss, normalPdf, normalQuantile, normalSecondLoss } from "./normal-math.ts";
export { gammaP, gammaQ, gammaQuantile, logGamma } from "./special.ts";
export { wholeDays } from "./whole-days.ts";
export * from "./dist/index.ts";
