/**
 * Which nodes and lanes of a (possibly half-edited) scenario its disruptions touch, each with a
 * one-line summary per disruption for the diagram's tooltips and accessible names. Pure: no DOM.
 *
 * - node-outage, and capacity-cut / random-outage with `node`: that node.
 * - lane-delay, lane-outage, and capacity-cut / random-outage with `from` + `to`: every lane between them.
 * - demand-shock: its node, or with `node: "*"` every node named in `scenario.demand`.
 * A disruption naming no drawn node or lane marks nothing; entries that are not objects are skipped.
 */
export interface DisruptionMarks {
  /** Node index → summaries of the disruptions on it. */
  readonly nodes: ReadonlyMap<number, readonly string[]>;
  /** Lane index → summaries of the disruptions on it. */
  readonly lanes: ReadonlyMap<number, readonly string[]>;
}

interface Draft {
  readonly nodes: readonly { readonly id: unknown }[];
  readonly lanes: readonly { readonly from: unknown; readonly to: unknown }[];
  readonly disruptions?: unknown;
  readonly demand?: unknown;
}

type Fields = { readonly [key: string]: unknown };

export function disruptionMarks(draft: Draft): DisruptionMarks {
  const nodes = new Map<number, string[]>();
  const lanes = new Map<number, string[]>();
  const add = (map: Map<number, string[]>, i: number, text: string) => map.set(i, [...(map.get(i) ?? []), text]);
  const list = Array.isArray(draft.disruptions) ? draft.disruptions : [];
  for (const d of list) {
    if (!d || typeof d !== "object") continue;
    const f = d as Fields;
    const text = summarise(f);
    if (text === undefined) continue;
    const onLane = f.type === "lane-delay" || f.type === "lane-outage" || (f.node === undefined && f.from !== undefined && f.to !== undefined);
    if (onLane) for (const i of laneIndices(draft, f.from, f.to)) add(lanes, i, text);
    else for (const i of nodeIndices(draft, f)) add(nodes, i, text);
  }
  return { nodes, lanes };
}

function laneIndices(draft: Draft, from: unknown, to: unknown): number[] {
  return draft.lanes.flatMap((l, i) => (l.from === from && l.to === to && typeof from === "string" ? [i] : []));
}

function nodeIndices(draft: Draft, f: Fields): number[] {
  if (f.type === "demand-shock" && f.node === "*") {
    const ids = new Set((Array.isArray(draft.demand) ? draft.demand : []).map((x) => (x && typeof x === "object" ? (x as Fields).node : undefined)));
    return draft.nodes.flatMap((n, i) => (typeof n.id === "string" && ids.has(n.id) ? [i] : []));
  }
  return draft.nodes.flatMap((n, i) => (typeof f.node === "string" && n.id === f.node ? [i] : []));
}

/** "lane delay +14 days, days 120–133" (the window's end is exclusive); "?" for a missing number; undefined for an unknown type. */
export function summarise(f: Fields): string | undefined {
  const window = typeof f.start === "number" && typeof f.end === "number"
    ? (f.end - 1 > f.start ? `, days ${f.start}–${f.end - 1}` : `, day ${f.start}`) : "";
  const num = (v: unknown) => (typeof v === "number" ? String(v) : "?");
  const product = typeof f.product === "string" ? ` of ${f.product}` : "";
  switch (f.type) {
    case "lane-delay": return `lane delay +${num(f.extraDays)} days${window}`;
    case "lane-outage": return `lane outage${window}`;
    case "node-outage": return `outage${window}`;
    case "demand-shock": return `demand${product} ×${num(f.multiplier)}${window}`;
    case "capacity-cut": return `capacity ×${num(f.factor)}${window}`;
    case "random-outage": return `random outages, mean ${num(f.mtbf)} days up, ${num(f.mttr)} days down`;
    default: return undefined;
  }
}
