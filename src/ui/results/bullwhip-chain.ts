import type { ComparisonResult, RunResult, Stat } from "../../sim/model/result.ts";
import type { Scenario } from "../../sim/model/scenario.ts";

/** How the chart, its table and the manual name BullwhipRow.compounded. */
export const COMPOUNDED_TEXT = "product of the mean ratios (an approximation of the compounded amplification)";

/** One stocking node on the bullwhip chart. */
export interface BullwhipRow {
  readonly id: string;
  /** Display name (the node's `name`, else its id). */
  readonly name: string;
  /** Lanes between the node and the customers: 0 faces customers only, 1 supplies such nodes, … */
  readonly echelon: number;
  /** The node's `orderVarianceRatio`: variance of its orders ÷ variance of the demand it sees. */
  readonly ratio: Stat;
  /**
   * The product of the mean ratios from the customers up to this node (COMPOUNDED_TEXT); `null`
   * unless the way down is a single path (each node below has one stocking successor and no
   * customers of its own). Only then do a replication's ratios multiply to its orders' variance ÷
   * the customer demand's, each stage's demand being exactly the orders of the one below; but the
   * mean of that product over replications is not the product of the means, and the per-node
   * ratios of each replication are not in the result, so this is an approximation without an
   * interval.
   */
  readonly compounded: number | null;
}

/**
 * The stocking nodes with an order-variance ratio (of a run, or of one side of a comparison),
 * ordered from the customers upstream: by
 * echelon (the longest run of lanes down to a node with no stocking successor), then in the
 * scenario's order. Lateral transfers and expedite lanes are not lanes here: they are no echelon.
 */
export function bullwhipChain(result: Pick<RunResult, "nodes">, scenario: Scenario | undefined): BullwhipRow[] {
  const ratios = new Map(Object.entries(result.nodes).flatMap(([id, s]) => (s.orderVarianceRatio ? [[id, s.orderVarianceRatio] as const] : [])));
  const order = new Map((scenario?.nodes ?? []).map((n, i) => [n.id, i]));
  const names = new Map((scenario?.nodes ?? []).map((n) => [n.id, n.name ?? n.id]));
  const successors = new Map<string, string[]>();
  for (const lane of scenario?.lanes ?? []) if (ratios.has(lane.to)) successors.set(lane.from, [...(successors.get(lane.from) ?? []), lane.to]);
  const customers = new Set((scenario?.demand ?? []).map((d) => d.node));
  const echelon = memo((id, self: (id: string) => number) => Math.max(-1, ...(successors.get(id) ?? []).map(self)) + 1, -1);
  const compounded = memo((id, self: (id: string) => number | null): number | null => {
    const below = successors.get(id) ?? [], mean = ratios.get(id)!.mean;
    if (below.length === 0) return mean;
    if (below.length > 1 || customers.has(id)) return null;
    const under = self(below[0]);
    return under === null ? null : mean * under;
  }, null);
  return [...ratios.keys()]
    .map((id) => ({ id, name: names.get(id) ?? id, echelon: echelon(id), ratio: ratios.get(id)!, compounded: compounded(id), at: order.get(id) ?? Infinity }))
    .sort((a, b) => a.echelon - b.echelon || a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ at: _, ...row }) => row);
}

/** One side of a comparison as the per-node stats bullwhipChain reads (only orderVarianceRatio). */
export function comparedSide(nodes: ComparisonResult["nodes"], side: "a" | "b"): Pick<RunResult, "nodes"> {
  return { nodes: Object.fromEntries(Object.entries(nodes).flatMap(([id, k]) => (k.orderVarianceRatio ? [[id, { orderVarianceRatio: k.orderVarianceRatio[side] }]] : []))) };
}

/**
 * A recursive function over node ids, computed once per id. Validation refuses cyclic lanes; were
 * one to slip through, the node met again reads `onCycle` rather than recursing forever.
 */
function memo<T>(f: (id: string, self: (id: string) => T) => T, onCycle: T): (id: string) => T {
  const done = new Map<string, T>(), busy = new Set<string>();
  const self = (id: string): T => {
    if (done.has(id)) return done.get(id)!;
    if (busy.has(id)) return onCycle;
    busy.add(id);
    const v = f(id, self);
    done.set(id, v);
    return v;
  };
  return self;
}
