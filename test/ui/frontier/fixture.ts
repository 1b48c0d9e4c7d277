// The small trade-off curve the frontier view's tests draw: it lives beside the optimize tests,
// which Stryker also runs, and its sandbox leaves test/ui out (stryker.config.mjs).
export { replications, run, short, smallFrontier } from "../../sim/optimize/small-frontier.ts";
