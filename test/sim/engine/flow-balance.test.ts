// Units are conserved (docs/kpis.md, flow balance): over the measured days, for the network and
// for every stocking node of each replication,
//   unitsReceived − unitsDelivered − unitsSent − unitsLost (− unitsConsumed + unitsAssembled) = stockEnd − stockStart
// (the bracket: in scenarios with a bill of materials, kernel/assembly.ts)
// (unitsSent is 0 for the network: moves between stocking nodes cancel). Checked on every
// library scenario and on 40 scenarios drawn from a fixed seed with disruptions of every type,
// lost sales, capacities, lateral transfers, expedites, zero lead times and two products.
//
// Tolerance. Every term is a sum of floating-point additions, each exact to half an ulp of the
// running value. The stock figures are themselves running balances updated a few times per
// item and day (arrivals, sales, shipments), so their rounding error grows at most like
// (updates) × ε × magnitude. We bound updates by 8 per item-day over the whole horizon and take
// the magnitude as the largest of the terms: tol = 8 · items · horizon · ε · max|term|, e.g. 3e-7
// units for the retail scenario. A missing flow (a node that forgets its transfers, a network
// that counts no receipts) misses by whole units, ~10⁶ times that.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kpiColumns, runBatch } from "../../../src/sim/engine/index.ts";
import type { Disruption, Distribution, NodeSpec, Policy, Scenario } from "../../../src/sim/model/index.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";

const dir = new URL("../../../scenarios/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json")).sort();
const load = (f: string) => JSON.parse(readFileSync(new URL(f, dir), "utf8")) as Scenario;

/** Largest residual ÷ its tolerance over every replication, scope and id (≤ 1 passes), with the worst case named. */
function imbalance(s: Scenario, reps: number): { worst: number; where: string; received: number } {
  const cols = kpiColumns(s), { values, columns: C } = runBatch(s, { from: 0, to: reps });
  const items = s.nodes.filter((n) => n.kind !== "supplier").length * Math.max(1, s.products?.length ?? 1);
  const at = new Map(cols.map((c, j) => [`${c.scope}:${c.id}:${c.key}`, j]));
  let worst = 0, where = "", received = 0;
  for (let r = 0; r < reps; r++) {
    for (const id of ["", ...s.nodes.filter((n) => n.kind !== "supplier").map((n) => n.id)]) {
      const scope = id === "" ? "network" : "node";
      const v = (key: string) => { const j = at.get(`${scope}:${id}:${key}`); return j === undefined ? 0 : values[r * C + j]; };
      // unitsConsumed and unitsAssembled: columns of scenarios with a bill of materials only (else 0)
      const terms = [v("unitsReceived"), v("unitsDelivered"), v("unitsSent"), v("unitsLost"), v("stockStart"), v("stockEnd"), v("unitsConsumed"), v("unitsAssembled")];
      const [rec, del, sent, lost, start, end, consumed, assembled] = terms;
      if (id === "") received += rec;
      const tol = 8 * items * s.horizon * Number.EPSILON * Math.max(1, ...terms.map(Math.abs));
      const x = Math.abs(rec - del - sent - lost - consumed + assembled - (end - start)) / tol;
      if (!(x <= worst)) { worst = x; where = `${scope} ${id} rep ${r}: ${terms.join(", ")}`; }
    }
  }
  return { worst, where, received };
}

/** mulberry32: a small seeded generator for the random scenarios. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The retail network, every feature toggled at random. */
function randomScenario(k: number): Scenario {
  const u = rng(1000 + k), pick = <T,>(xs: readonly T[]): T => xs[Math.floor(u() * xs.length)], yes = (p: number) => u() < p;
  const retail = load("retail-3-echelon.json");
  const horizon = 80 + Math.floor(u() * 120), warmup = yes(0.3) ? 0 : Math.floor(u() * 30);
  const two = yes(0.3);
  const lead = (): Distribution => pick<Distribution>([
    { type: "constant", value: Math.floor(u() * 4) }, { type: "uniform", min: 0, max: 4 }, { type: "normal", mean: 2.5, sd: 1.2 },
  ]);
  const policy = (n: NodeSpec): Policy => {
    const L = (n.policy as { level: number }).level, f = 0.4 + u();
    return pick<Policy>([
      { type: "base-stock", level: Math.round(L * f) },
      { type: "sS", s: Math.round(L * f * 0.6), S: Math.round(L * f), review: 1 + Math.floor(u() * 3) },
      { type: "sQ", s: Math.round(L * f * 0.6), Q: Math.max(1, Math.round(L * 0.3)), review: 1 },
    ]);
  };
  const nodes: NodeSpec[] = retail.nodes.map((n, i) => {
    if (n.kind === "supplier") return n;
    const capacity = yes(0.2) ? (yes(0.5) ? { storage: 60 + Math.floor(u() * 200) } : { throughput: 100 + Math.floor(u() * 600) }) : undefined;
    const initial = Math.min(Math.floor(u() * 400), capacity?.storage ?? Infinity);
    return {
      ...n, policy: two ? { a: policy(n), b: policy(n) } : policy(n),
      ...(yes(0.3) && !two ? { initialInventory: initial } : {}), ...(capacity ? { capacity } : {}),
      ...(i > 1 && yes(0.2) ? { priority: 1 + Math.floor(u() * 3) } : {}),
    };
  });
  const lanes = retail.lanes.map((l) => ({
    ...l, ...(yes(0.4) ? { leadTime: lead() } : {}), ...(yes(0.2) ? { capacity: 30 + Math.floor(u() * 400) } : {}), ...(yes(0.2) ? { overtaking: true } : {}),
  }));
  const store = () => pick(retail.demand).node, lane = () => { const l = pick(retail.lanes); return { from: l.from, to: l.to }; };
  const throughput = nodes.filter((n) => n.capacity?.throughput !== undefined), capped = lanes.filter((l) => l.capacity !== undefined);
  const window = () => { const start = Math.floor(u() * horizon), end = Math.min(horizon, start + 1 + Math.floor(u() * 30)); return { start, end }; };
  const maker: (() => Disruption)[] = [
    () => ({ type: "lane-delay", ...lane(), extraDays: 1 + Math.floor(u() * 10), ...window() }),
    () => ({ type: "lane-outage", ...lane(), ...window() }),
    () => ({ type: "node-outage", node: pick(nodes.filter((n) => n.kind !== "supplier")).id, ...window() }),
    () => ({ type: "demand-shock", node: yes(0.5) ? "*" : store(), multiplier: 0.3 + 2 * u(), ...window() }),
    () => (throughput.length > 0 ? { type: "capacity-cut", node: pick(throughput).id, factor: u(), ...window() } : { type: "lane-outage", ...lane(), ...window() }),
    () => (capped.length > 0 ? { type: "capacity-cut", ...((l) => ({ from: l.from, to: l.to }))(pick(capped)), factor: u(), ...window() } : { type: "lane-delay", ...lane(), extraDays: 3, ...window() }),
    () => ({ type: "random-outage", node: store(), mtbf: 10 + u() * 40, mttr: 1 + u() * 5 }),
    () => ({ type: "random-outage", ...lane(), mtbf: 10 + u() * 40, mttr: 1 + u() * 5 }),
  ];
  const disruptions: Disruption[] = maker.filter(() => yes(0.4)).map((m) => m());
  const stores = retail.demand.map((d) => d.node);
  const mitigations: Scenario["mitigations"] = {
    ...(yes(0.5) ? { lateralTransfers: { among: stores.slice(0, 4 + Math.floor(u() * 8)), leadTime: lead(), costPerUnit: 0.2, trigger: pick(["below-zero", "below-reorder-point"] as const) } } : {}),
    ...(yes(0.5) ? { expedite: [
      { from: "supplier", to: "plant", leadTime: lead(), costPerUnit: 1, when: "position-below" as const, threshold: 1500 },
      { from: "central-dc", to: nodes[3].id, leadTime: lead(), costPerUnit: 0.5, when: "position-below" as const, threshold: 300 },
    ] } : {}),
  };
  return {
    ...retail, name: `random ${k}`, horizon, warmup,
    unmetDemand: yes(0.5) ? "lost" : "backorder", allocation: pick(["fifo", "proportional", "priority"] as const),
    ...(two ? { products: [{ id: "a", unitCost: 2 }, { id: "b", unitCost: 5 }] } : {}),
    nodes, lanes,
    demand: two ? retail.demand.flatMap((d) => [{ ...d, product: "a" }, { ...d, product: "b", dist: { type: "poisson", mean: 6 } as Distribution }]) : retail.demand,
    disruptions, mitigations,
  };
}

describe("flow balance: received − delivered − sent − lost = end stock − start stock", () => {
  for (const file of files) {
    it(`holds for every node and the network of ${file}`, () => {
      const v = validateScenario(load(file));
      if (!v.ok) throw new Error(`${file} does not validate`);
      const { worst, where, received } = imbalance(v.scenario, 3);
      expect(worst, where).toBeLessThanOrEqual(1);
      expect(received).toBeGreaterThan(0);   // the network is resupplied: the check is not 0 = 0
    });
  }

  it("holds for 40 random scenarios with disruptions, lost sales, capacities, transfers and expedites", () => {
    const failures: string[] = [];
    let ran = 0, transfers = 0, lostSales = 0;
    for (let k = 0; k < 40; k++) {
      const s = randomScenario(k), v = validateScenario(s);
      if (!v.ok) { failures.push(`case ${k} invalid: ${JSON.stringify(v.errors.slice(0, 2))}`); continue; }
      ran++;
      if (s.mitigations?.lateralTransfers) transfers++;
      if (s.unmetDemand === "lost") lostSales++;
      const { worst, where } = imbalance(v.scenario, 2);
      if (!(worst <= 1)) failures.push(`case ${k}: ${worst.toExponential(2)} × tol at ${where}`);
    }
    expect(failures).toEqual([]);
    expect(ran).toBe(40);
    expect(transfers).toBeGreaterThan(5);
    expect(lostSales).toBeGreaterThan(5);
  });
});
