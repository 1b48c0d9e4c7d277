export { createConstant } from "./constant.ts";
export { createNormal } from "./normal.ts";
export { createPoisson, poissonVariate } from "./poisson.ts";
export { createGamma, gammaVariate } from "./gamma.ts";
export { createNegBin } from "./negbin.ts";
export { createUniform, createUniformDays } from "./uniform.ts";
export { createDiscrete } from "./discrete.ts";
export { createEmpirical } from "./empirical.ts";
export { createIntermittent } from "./intermittent.ts";
