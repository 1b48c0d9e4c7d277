export { ReplayView, SPEEDS } from "./replay-view.ts";
export { replayFrame, clampDay, fillRateSeries, type ReplayFrame, type Flow, type NodeValue } from "./replay-frame.ts";
