// Product-shard merges (product-replay.ts) of networks whose nodes play several roles: a store that
// also supplies another, a node whose products have different roles (one sold there, one shipped
// on), parts of two products, and lateral transfers (the flow tallies travel with the items).
// The merge must rebuild runBatch's KPI rows bit for bit (product-replay.test.ts states why).
import { describe, expect, it } from "vitest";
import { compiled, kpiColumns, runBatch } from "../../../src/sim/engine/index.ts";
import { itemKeys, laneKey, runProductTerms } from "../../../src/sim/engine/product-terms.ts";
import { createReplay, type TermsSource } from "../../../src/sim/engine/product-replay.ts";
import type { NodeSpec, Policy, Scenario } from "../../../src/sim/model/index.ts";
import { lane, scenario, supplier } from "./fixtures.ts";

const R = 3;
const bs = (level: number): Policy => ({ type: "base-stock", level });
const poisson = (mean: number) => ({ type: "poisson" as const, mean });

/** `whole` restricted to some of its products (what the CLI's subScenario makes). */
function subset(whole: Scenario, ids: readonly string[]): Scenario {
  const keep = (r: unknown) => Object.fromEntries(Object.entries(r as Record<string, unknown>).filter(([k]) => ids.includes(k)));
  return {
    ...whole, products: whole.products!.filter((p) => ids.includes(p.id)),
    nodes: whole.nodes.map((n) => (n.kind === "supplier" ? n : { ...n, policy: keep(n.policy) as NodeSpec["policy"], ...(n.holdingCost !== undefined ? { holdingCost: keep(n.holdingCost) as Record<string, number> } : {}) })),
    lanes: whole.lanes.filter((l) => !l.products || l.products.some((p) => ids.includes(p))).map((l) => (l.products ? { ...l, products: l.products.filter((p) => ids.includes(p)) } : l)),
    demand: whole.demand.filter((d) => ids.includes(d.product!)),
  };
}

function part(sub: Scenario): { source: TermsSource; records: Float64Array[] } {
  const net = compiled(sub), records: Float64Array[] = [];
  const layout = runProductTerms(sub, { from: 0, to: R, series: false }, (_, terms) => records.push(terms.slice()));
  return { records, source: { layout, items: itemKeys(net), lanes: Array.from(net.laneFrom, (_, l) => laneKey(net, l)), products: [...net.productIds] } };
}

/** runBatch's value of one column ("scope:id:key") in each replication. */
function values(whole: Scenario, want: readonly number[], name: string): number[] {
  const cols = kpiColumns(whole), j = cols.findIndex((c) => `${c.scope}:${c.id}:${c.key}` === name);
  if (j < 0) throw new Error(`no column ${name}`);
  return Array.from({ length: R }, (_, r) => want[r * cols.length + j]);
}

/** The merged KPI rows of the parts, and runBatch's. */
function merged(whole: Scenario, parts: readonly Scenario[]): { got: number[]; want: number[] } {
  const ps = parts.map(part), replay = createReplay(compiled(whole), ps.map((p) => p.source), false);
  const rows = new Float64Array(R * replay.columns);
  for (let r = 0; r < R; r++) replay.replay(ps.map((p) => p.records[r]), rows, r * replay.columns);
  return { got: Array.from(rows), want: Array.from(runBatch(whole, { from: 0, to: R }).values) };
}

describe("product-shard merges rebuild runBatch's rows", () => {
  it("one part for the whole of a one-product network, a store that also supplies another, the supplier listed last", () => {
    // a sells to customers and ships to b: its day's shares carry both its demand and b's orders
    const whole = scenario({
      horizon: 30, warmup: 3,
      nodes: [{ id: "a", kind: "store", policy: bs(30) }, { id: "b", kind: "store", policy: bs(14) }, supplier],
      lanes: [lane("supplier", "a", 2), lane("a", "b", 1)],
      demand: [{ node: "a", dist: poisson(6) }, { node: "b", dist: poisson(5) }],
    });
    const { got, want } = merged(whole, [whole]);
    expect(got).toEqual(want);
  });

  it("two one-product parts of a network where a node sells one product and ships the other", () => {
    // a: sells q, ships p on to b; c: sells p, ships q on to d
    const whole = scenario({
      horizon: 30, warmup: 3,
      products: [{ id: "p", unitCost: 2 }, { id: "q", unitCost: 3 }],
      nodes: [
        supplier,
        { id: "a", kind: "dc", policy: { p: bs(20), q: bs(12) } }, { id: "c", kind: "dc", policy: { p: bs(12), q: bs(20) } },
        { id: "b", kind: "store", policy: { p: bs(12) } }, { id: "d", kind: "store", policy: { q: bs(12) } },
      ],
      lanes: [lane("supplier", "a", 2), lane("supplier", "c", 2), lane("a", "b", 1, { products: ["p"] }), lane("c", "d", 1, { products: ["q"] })],
      demand: [
        { node: "a", product: "q", dist: poisson(5) }, { node: "b", product: "p", dist: poisson(6) },
        { node: "c", product: "p", dist: poisson(5) }, { node: "d", product: "q", dist: poisson(6) },
      ],
    });
    const { got, want } = merged(whole, [subset(whole, ["p"]), subset(whole, ["q"])]);
    expect(got).toEqual(want);
  });

  it("a part of two products and a part of one, with stock-outs in each product", () => {
    const whole = scenario({
      horizon: 30, warmup: 3,
      products: [{ id: "p", unitCost: 2 }, { id: "q", unitCost: 3 }, { id: "r", unitCost: 4 }],
      nodes: [supplier, { id: "store", kind: "store", policy: { p: bs(14), q: bs(8), r: bs(15) } }],
      lanes: [lane("supplier", "store", 2)],
      demand: [
        { node: "store", product: "p", dist: poisson(5) }, { node: "store", product: "q", dist: poisson(4) }, { node: "store", product: "r", dist: poisson(6) },
      ],
    });
    const { got, want } = merged(whole, [subset(whole, ["p", "q"]), subset(whole, ["r"])]);
    // per-product figures travel in each part's product block: q is its part's second product
    for (const id of ["p", "q", "r"]) expect(values(whole, want, `product:${id}:stockoutDays`).some((v) => v > 0), id).toBe(true);
    expect(got).toEqual(want);
  });

  it("two one-product parts with lateral transfers between the stores (units received by transfer travel with the items)", () => {
    const whole = scenario({
      horizon: 30, warmup: 3,
      products: [{ id: "p", unitCost: 2 }, { id: "q", unitCost: 3 }],
      nodes: [supplier, { id: "a", kind: "store", policy: { p: bs(10), q: bs(9) } }, { id: "b", kind: "store", policy: { p: bs(40), q: bs(40) } }],
      lanes: [lane("supplier", "a", 3), lane("supplier", "b", 3)],
      demand: [
        { node: "a", product: "p", dist: poisson(6) }, { node: "a", product: "q", dist: poisson(5) },
        { node: "b", product: "p", dist: poisson(2) }, { node: "b", product: "q", dist: poisson(2) },
      ],
      mitigations: { lateralTransfers: { among: ["a", "b"], leadTime: { type: "constant", value: 1 }, costPerUnit: 1, trigger: "below-zero" } },
    });
    const { got, want } = merged(whole, [subset(whole, ["p"]), subset(whole, ["q"])]);
    expect(values(whole, want, "node:b:transferred").every((v) => v > 0)).toBe(true);
    expect(got).toEqual(want);
  });
});
