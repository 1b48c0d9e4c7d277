export { normalCdf, normalLoss, normalPdf, normalQuantile, normalSecondLoss } from "./normal.ts";
export { gammaP, gammaQ, gammaQuantile, logFactorial, logGamma } from "./special.ts";
