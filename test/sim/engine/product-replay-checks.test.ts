// What a product-shard merge checks before it replays (product-replay.ts `replayProblem`): every
// part has the scenario's nodes and days, simulates only items the scenario has, each item in
// exactly one part, and only lanes the scenario has. Also the items' identities (`itemKeys`: node
// and product, and for a channel the lane it stands for) and how many replications a part emits.
import { beforeEach, describe, expect, it } from "vitest";
import { compiled, runBatch } from "../../../src/sim/engine/index.ts";
import { itemKeys, laneKey, runProductTerms } from "../../../src/sim/engine/product-terms.ts";
import { createReplay, replayProblem, type TermsSource } from "../../../src/sim/engine/product-replay.ts";
import type { NodeSpec, Policy, Scenario } from "../../../src/sim/model/index.ts";
import { constant, lane, scenario, stock, supplier } from "./fixtures.ts";

const bs = (level: number): Policy => ({ type: "base-stock", level });
const node = (id: string, kind: NodeSpec["kind"], p: number, q: number): NodeSpec => ({ id, kind, policy: { p: bs(p), q: bs(q) } });
const whole: Scenario = scenario({
  horizon: 20, warmup: 4, replications: 2,
  products: [{ id: "p", unitCost: 3 }, { id: "q", unitCost: 5 }],
  nodes: [supplier, node("dc", "dc", 60, 40), node("a", "store", 25, 12), node("b", "store", 18, 15)],
  lanes: [lane("supplier", "dc", 3), lane("dc", "a", 1), lane("dc", "b", 2)],
  demand: [
    { node: "a", product: "p", dist: { type: "poisson", mean: 9 } }, { node: "a", product: "q", dist: { type: "poisson", mean: 4 } },
    { node: "b", product: "p", dist: { type: "poisson", mean: 6 } }, { node: "b", product: "q", dist: { type: "poisson", mean: 7 } },
  ],
});
const only = (id: "p" | "q", extra: Partial<Scenario> = {}): Scenario => ({
  ...whole, ...extra, products: whole.products!.filter((p) => p.id === id),
  nodes: whole.nodes.map((n) => (n.kind === "supplier" ? n : { ...n, policy: { [id]: (n.policy as Record<string, Policy>)[id] } })),
  demand: whole.demand.filter((d) => d.product === id),
});

function part(sub: Scenario, series = false) {
  const net = compiled(sub), records: Float64Array[] = [], emitted: number[] = [];
  const layout = runProductTerms(sub, { from: 0, to: 2, series }, (r, terms) => { emitted.push(r); records.push(terms.slice()); });
  const source: TermsSource = { layout, items: itemKeys(net), lanes: Array.from(net.laneFrom, (_, l) => laneKey(net, l)), products: [...net.productIds] };
  return { source, records, emitted };
}

describe("replayProblem", () => {
  const net = compiled(whole);
  // The parts are made inside each test (beforeEach), so that mutation testing sees which tests reach runProductTerms.
  let p: TermsSource, q: TermsSource;
  beforeEach(() => { p = part(only("p")).source; q = part(only("q")).source; });

  it("accepts parts that make up the scenario", () => {
    expect(replayProblem(net, [p, q])).toBeNull();
  });

  it("refuses a part with another number of nodes, another horizon, or other measured days, each on its own", () => {
    const days = "a part's network has other nodes or days than the scenario's";
    expect(replayProblem(net, [p, { ...q, layout: { ...q.layout, nodes: q.layout.nodes + 1 } }])).toBe(days);
    expect(replayProblem(net, [p, { ...q, layout: { ...q.layout, horizon: q.layout.horizon + 1 } }])).toBe(days);
    expect(replayProblem(net, [p, { ...q, layout: { ...q.layout, measured: q.layout.measured - 1 } }])).toBe(days);
    // the same horizon with another warmup: only the measured days differ
    expect(replayProblem(net, [p, part(only("q", { warmup: 5 })).source])).toBe(days);
  });

  it("refuses an item the scenario does not have, naming it", () => {
    expect(replayProblem(net, [p, { ...q, items: [...q.items, "a|r"] }])).toBe("a part simulates an item the scenario does not have (a|r)");
  });

  it("refuses a lane the scenario does not have, naming it", () => {
    expect(replayProblem(net, [p, { ...q, lanes: [...q.lanes, "a>b"] }])).toBe("a part has a lane the scenario does not have (a>b)");
  });

  it("names the first item no part simulates, even the scenario's item 0", () => {
    const keys = itemKeys(net);
    expect(keys[0]).toBe("supplier|p");
    expect(replayProblem(net, [{ ...p, items: p.items.filter((k) => k !== keys[0]) }, q])).toBe("no part simulates the item supplier|p");
  });
});

describe("itemKeys", () => {
  it("names an item by node and product, a channel also by its lane", () => {
    const net = compiled(scenario({
      nodes: [supplier, stock("dc1", 30, { kind: "dc" }), stock("dc2", 10, { kind: "dc" }), stock("store", 40)],
      lanes: [lane("supplier", "dc1", 1), lane("supplier", "dc2", 1), lane("dc1", "store", 2, { sourcing: { split: 0.75 } }), lane("dc2", "store", 2, { sourcing: { split: 0.25 } })],
      demand: [{ node: "store", dist: constant(8) }],
    }));
    expect([...itemKeys(net)].sort()).toEqual([
      "dc1|default", "dc2|default", "store|default", "store|default|dc1>store", "store|default|dc2>store", "supplier|default",
    ]);
  });
});

describe("product terms and their replay", () => {
  it("a part emits replications from … to − 1, each once, in order", () => {
    expect(part(only("p")).emitted).toEqual([0, 1]);
  });

  it("a replay without series takes parts recorded with series and rebuilds the KPI rows", () => {
    const parts = [part(only("p"), true), part(only("q"), true)];
    const replay = createReplay(compiled(whole), parts.map((x) => x.source), false);
    expect(replay.cells).toBe(0);
    const rows = new Float64Array(2 * replay.columns);
    for (let r = 0; r < 2; r++) replay.replay(parts.map((x) => x.records[r]), rows, r * replay.columns);
    expect(Array.from(rows)).toEqual(Array.from(runBatch(whole, { from: 0, to: 2 }).values));
  });
});
