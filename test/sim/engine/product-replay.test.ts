// Product shards (product-terms.ts, product-replay.ts): products that share nothing but the
// network can be simulated apart and merged; the merge must rebuild the whole run's KPI and series
// rows bit for bit, since the accounting sums over products in the same order it replays them.
// The CLI's tests (test/cli/product-shard.test.ts) do this on library scenarios; this one is
// small enough for the engine's mutation run (scripts/mutate/folders.ts).
import { describe, expect, it } from "vitest";
import { compiled, runBatch } from "../../../src/sim/engine/index.ts";
import { itemKeys, laneKey, runProductTerms, type TermsLayout } from "../../../src/sim/engine/product-terms.ts";
import { createReplay, replayProblem, type TermsSource } from "../../../src/sim/engine/product-replay.ts";
import type { NodeSpec, Policy, Scenario } from "../../../src/sim/model/index.ts";
import { lane, scenario, supplier } from "./fixtures.ts";

const bs = (level: number): Policy => ({ type: "base-stock", level });
const node = (id: string, kind: NodeSpec["kind"], p: number, q: number): NodeSpec => ({ id, kind, policy: { p: bs(p), q: bs(q) }, holdingCost: { p: 1, q: 2 } });
/** Two products on one network: nothing couples them (no capacities, constant lead times). */
const whole: Scenario = scenario({
  horizon: 30, warmup: 4, replications: 3,
  products: [{ id: "p", unitCost: 3 }, { id: "q", unitCost: 5 }],
  nodes: [supplier, node("dc", "dc", 60, 40), node("a", "store", 25, 12), node("b", "store", 18, 15)],
  lanes: [lane("supplier", "dc", 3, { costPerUnit: 0.5 }), lane("dc", "a", 1), lane("dc", "b", 2)],
  demand: [
    { node: "a", product: "p", dist: { type: "poisson", mean: 9 } }, { node: "a", product: "q", dist: { type: "poisson", mean: 4 } },
    { node: "b", product: "p", dist: { type: "poisson", mean: 6 } }, { node: "b", product: "q", dist: { type: "poisson", mean: 7 } },
  ],
  disruptions: [{ type: "node-outage", node: "dc", start: 12, end: 15 }],
});
/** The scenario with one product only (what the CLI's subScenario makes). */
const only = (id: "p" | "q"): Scenario => ({
  ...whole, products: whole.products!.filter((p) => p.id === id),
  nodes: whole.nodes.map((n) => (n.kind === "supplier" ? n : { ...n, policy: { [id]: (n.policy as Record<string, Policy>)[id] }, holdingCost: { [id]: (n.holdingCost as Record<string, number>)[id] } })),
  demand: whole.demand.filter((d) => d.product === id),
});

function part(sub: Scenario, series: boolean): { source: TermsSource; records: Float64Array[]; layout: TermsLayout } {
  const net = compiled(sub), records: Float64Array[] = [];
  const layout = runProductTerms(sub, { from: 0, to: 3, series }, (r, terms) => { expect(r).toBe(records.length); records.push(terms.slice()); });
  return { layout, records, source: { layout, items: itemKeys(net), lanes: Array.from(net.laneFrom, (_, l) => laneKey(net, l)), products: [...net.productIds] } };
}

describe("product shards", () => {
  it("merged, rebuild runBatch's KPI rows and series rows bit for bit", () => {
    const parts = [part(only("q"), true), part(only("p"), true)];
    const replay = createReplay(compiled(whole), parts.map((p) => p.source), true);
    const rows = new Float64Array(3 * replay.columns + 2), series = new Float32Array(3 * replay.cells + 2).fill(7);
    for (let r = 0; r < 3; r++) replay.replay(parts.map((p) => p.records[r]), rows, 1 + r * replay.columns, series, 1 + r * replay.cells);
    const run = runBatch(whole, { from: 0, to: 3, series: true });
    expect(replay.columns).toBe(run.columns);
    expect(Array.from(rows.subarray(1, 1 + 3 * replay.columns))).toEqual(Array.from(run.values));
    expect(Array.from(series.subarray(1, 1 + 3 * replay.cells))).toEqual(Array.from(run.series!));
    expect([rows[0], series[0], series[3 * replay.cells + 1]]).toEqual([0, 7, 7]);   // nothing written outside the rows
  });

  it("without series, rebuild the KPI rows alone", () => {
    const parts = [part(only("p"), false), part(only("q"), false)];
    const replay = createReplay(compiled(whole), parts.map((p) => p.source), false), rows = new Float64Array(3 * replay.columns);
    for (let r = 0; r < 3; r++) replay.replay(parts.map((p) => p.records[r]), rows, r * replay.columns);
    expect(Array.from(rows)).toEqual(Array.from(runBatch(whole, { from: 0, to: 3 }).values));
  });

  it("refuse parts that do not make up the scenario: a product missing, simulated twice, or other days", () => {
    const net = compiled(whole), p = part(only("p"), false).source, q = part(only("q"), false).source;
    expect(replayProblem(net, [p, q])).toBeNull();
    expect(replayProblem(net, [p])).toMatch(/^no part simulates the item .*q/);
    expect(replayProblem(net, [p, q, p])).toMatch(/^the item .*p.* is simulated by more than one part$/);
    const longer = part({ ...only("q"), horizon: 31 }, false).source;
    expect(replayProblem(net, [p, longer])).toBe("a part's network has other nodes or days than the scenario's");
    expect(() => createReplay(net, [p], false)).toThrow(/^no part simulates the item/);
  });
});
