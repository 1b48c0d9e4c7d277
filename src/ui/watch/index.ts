export { WatchView, SPEEDS } from "./watch-view.ts";
export { watchFrame, clampDay, fillRateSeries, type WatchFrame, type Flow, type NodeValue } from "./watch-frame.ts";
