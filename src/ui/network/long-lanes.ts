/**
 * Long lanes in a layered drawing (pure maths, no DOM). A lane that spans several columns — a
 * component supplier feeding a final assembly two stages on, or a store served straight from a
 * supplier — is cut into a chain of *waypoints*, one per column it passes, as in Sugiyama's
 * method. The waypoints take part in the crossing reduction like nodes, so the lane gets a slot
 * of its own in each column it passes instead of being drawn over whatever stands there, and
 * the drawing routes the lane through them.
 */
export interface LayeredNode { readonly id: string; readonly kind: string }
export interface LayeredLane { readonly from: string; readonly to: string }

/** A waypoint's kind: never a node kind of the scenario. */
export const WAYPOINT = "waypoint";

export interface SplitNetwork {
  /** The scenario's nodes first (same indices), then the waypoints. */
  readonly nodes: readonly LayeredNode[];
  /** Lanes between adjacent columns only: each long lane becomes its chain of short ones. */
  readonly lanes: readonly LayeredLane[];
  /** Column of every node of `nodes`. */
  readonly layer: readonly number[];
  /** For each lane of the input, by index: its waypoints' indices in `nodes`, left to right ([] for a short lane). */
  readonly waypoints: readonly (readonly number[])[];
}

/**
 * Cuts every lane that goes right by more than one column into a chain through waypoints.
 * Lanes that go left or stay in their column (a cycle, invalid but drawable), or that name an
 * unknown node, are kept as they are.
 */
export function splitLongLanes(nodes: readonly LayeredNode[], lanes: readonly LayeredLane[], layer: readonly number[]): SplitNetwork {
  const index = new Map(nodes.map((n, i) => [n.id, i] as const));
  const outNodes: LayeredNode[] = [...nodes];
  const outLayer = [...layer];
  const outLanes: LayeredLane[] = [];
  const waypoints = lanes.map((lane, laneIndex) => {
    const a = index.get(lane.from), b = index.get(lane.to);
    if (a === undefined || b === undefined || layer[b] - layer[a] <= 1) {
      outLanes.push(lane);
      return [];
    }
    const chain: number[] = [];
    let previous = lane.from;
    for (let k = layer[a] + 1; k < layer[b]; k++) {
      // A NUL can never be in a node id (ids are [A-Za-z0-9_.-]), so no waypoint takes a node's id.
      const id = `\u0000${laneIndex}:${k}`;
      chain.push(outNodes.length);
      outNodes.push({ id, kind: WAYPOINT });
      outLayer.push(k);
      outLanes.push({ from: previous, to: id });
      previous = id;
    }
    outLanes.push({ from: previous, to: lane.to });
    return chain;
  });
  return { nodes: outNodes, lanes: outLanes, layer: outLayer, waypoints };
}
