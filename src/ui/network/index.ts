export { NetworkDiagram } from "./network-diagram.ts";
export type { DiagramNetwork, DiagramSelection, NodeValue, Flow } from "./network-diagram.ts";
export { layoutNetwork, assignLayers, orderLayers, countCrossings, pointOnLink, neighbourNode } from "./layout.ts";
export type { NetworkLayout, PlacedNode, PlacedLane } from "./layout.ts";
export { disruptionMarks, summarise as summariseDisruption } from "./disruption-marks.ts";
export type { DisruptionMarks } from "./disruption-marks.ts";
