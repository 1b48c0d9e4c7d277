// Each curated scenario in scenarios/ claims a lesson in its description; each test here checks
// that claim with a 95% interval over a few replications (fixed seeds: the scenario's own).
// Comparisons are paired on common random numbers (kpis.md "Comparisons"): the same seed and
// replication indices give A and B the same demand and lead-time draws, so the interval of the
// per-replication differences, not of two separate means, decides. "Lower" means the whole
// interval of B − A lies below 0 (pairedDifference(...).significant and the sign).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kpiColumns, runBatch } from "../src/sim/engine/index.ts";
import type { Scenario } from "../src/sim/model/index.ts";
import { pairedDifference } from "../src/sim/stats/paired.ts";
import { summarize } from "../src/sim/stats/stat.ts";
import { validateScenario } from "../src/sim/validate/index.ts";

const load = (file: string): Scenario => {
  const v = validateScenario(JSON.parse(readFileSync(new URL(`../scenarios/${file}.json`, import.meta.url), "utf8")));
  if (!v.ok) throw new Error(`${file}: ${JSON.stringify(v.errors)}`);
  return v.scenario;
};

/** Per-replication values of one KPI column ("network::fillRate", "node:dc-north:backorders", "product:cola:fillRate"). */
function run(s: Scenario, reps: number): (col: string) => Float64Array {
  const cols = kpiColumns(s), { values, columns: C } = runBatch(s, { from: 0, to: reps });
  return (col) => {
    const j = cols.findIndex((c) => `${c.scope}:${c.id}:${c.key}` === col);
    if (j < 0) throw new Error(`no column ${col}`);
    return Float64Array.from({ length: reps }, (_, r) => values[r * C + j]);
  };
}
const sum = (get: (c: string) => Float64Array, ids: readonly string[], key: string) =>
  ids.map((id) => get(`node:${id}:${key}`)).reduce((a, b) => a.map((x, r) => x + b[r]));
/** The paired 95% interval of B − A. */
const diff = (a: ArrayLike<number>, b: ArrayLike<number>) => pairedDifference(a, b).diff.ci95;
const ci = (x: ArrayLike<number>) => summarize(x).ci95;

const retail = load("retail-3-echelon");
const ids = (prefix: string) => retail.nodes.filter((n) => n.id.startsWith(prefix)).map((n) => n.id);
const REPS = 20;

describe("scenario lessons", () => {
  it("regional-demand-surge: the North stores lose fill rate, more than the South stores do", () => {
    const base = run(retail, REPS), surge = run(load("regional-demand-surge"), REPS);
    const north = (g: typeof base) => sum(g, ids("store-north"), "fillRate"), south = (g: typeof base) => sum(g, ids("store-south"), "fillRate");
    expect(diff(north(base), north(surge))[1]).toBeLessThan(0);
    // the North drop exceeds the South drop: paired on the surge run's own replications
    const dn = north(surge).map((x, r) => x - north(base)[r]), ds = south(surge).map((x, r) => x - south(base)[r]);
    expect(diff(ds, dn)[1]).toBeLessThan(0);
  });

  it("dc-outage: closing DC North for two weeks raises the North stores' backorders", () => {
    const base = run(retail, REPS), out = run(load("dc-outage"), REPS);
    expect(diff(sum(base, ids("store-north"), "backorders"), sum(out, ids("store-north"), "backorders"))[0]).toBeGreaterThan(0);
    expect(ci(out("network::recoveryDays"))[0]).toBeGreaterThan(134 - 120);   // service recovers only after the DC has refilled
  });

  it("dc-outage-lateral: lateral transfers cut the outage's backorders at the North stores, and spread the shortage (network fill rate falls)", () => {
    const without = run(load("dc-outage"), REPS), withT = run(load("dc-outage-lateral"), REPS);
    expect(diff(sum(without, ids("store-north"), "backorders"), sum(withT, ids("store-north"), "backorders"))[1]).toBeLessThan(0);
    expect(ci(withT("network::transferred"))[0]).toBeGreaterThan(0);
    expect(diff(without("network::fillRate"), withT("network::fillRate"))[1]).toBeLessThan(0);
  });

  it("supplier-delay: the two-week delay drags the network's worst week down, and recovery outlasts the delay", () => {
    const base = run(retail, REPS), late = run(load("supplier-delay"), REPS);
    expect(diff(base("network::serviceTrough"), late("network::serviceTrough"))[1]).toBeLessThan(0);
    expect(diff(base("network::totalCost"), late("network::totalCost"))[0]).toBeGreaterThan(0);
    expect(ci(late("network::recoveryDays"))[0]).toBeGreaterThan(14);
  });

  it("supplier-delay-lateral: DCs sharing stock cut the delay's cost and the West stores' backorders; the East stores pay a little fill rate", () => {
    const s = load("supplier-delay-lateral"), { mitigations: _, ...alone } = s;
    const shared = run(s, REPS), without = run(alone, REPS);
    const west = s.nodes.filter((n) => n.id.startsWith("store-west")).map((n) => n.id), east = s.nodes.filter((n) => n.id.startsWith("store-east")).map((n) => n.id);
    expect(diff(without("network::totalCost"), shared("network::totalCost"))[1]).toBeLessThan(0);
    expect(diff(sum(without, west, "backorders"), sum(shared, west, "backorders"))[1]).toBeLessThan(0);
    expect(diff(without("network::recoveryDays"), shared("network::recoveryDays"))[1]).toBeLessThan(0);
    expect(diff(sum(without, east, "fillRate"), sum(shared, east, "fillRate"))[1]).toBeLessThan(0);
    expect(ci(shared("network::transferred"))[0]).toBeGreaterThan(0);
  });

  it("lane-capacity-cut: a cut below demand backs orders up at the plant and costs service", () => {
    const cut = load("lane-capacity-cut"), uncut = { ...cut, disruptions: [] };
    const a = run(uncut, REPS), b = run(cut, REPS);
    expect(diff(a("node:plant:owedDownstream"), b("node:plant:owedDownstream"))[0]).toBeGreaterThan(0);
    expect(diff(a("network::fillRate"), b("network::fillRate"))[1]).toBeLessThan(0);
    expect(ci(b("network::recoveryDays"))[0]).toBeGreaterThan(192 - 150);   // the backlog outlasts the 42-day cut
  });

  it("random-supplier-outages: random outages cost fill rate against the same network without them", () => {
    const a = run(retail, REPS), b = run(load("random-supplier-outages"), REPS);
    expect(diff(a("network::fillRate"), b("network::fillRate"))[1]).toBeLessThan(0);
  });

  it("spare-parts: the depot's mean net inventory is its level minus its lead-time demand (24 − 21 × demand rate)", () => {
    const g = run(load("spare-parts"), REPS);
    // per replication against its own realised demand rate (the six field stocks' Poisson 0.15 each), so the
    // check is of the base-stock identity, not of how close 20 replications' demand came to 0.9 a day
    const dem = g("network::demand"), oh = g("node:depot:onHand"), owed = g("node:depot:owedDownstream");
    const [lo, hi] = ci(oh.map((x, r) => x - owed[r] - (24 - 21 * dem[r])));
    expect(lo).toBeLessThanOrEqual(0);
    expect(hi).toBeGreaterThanOrEqual(0);
    expect(hi - lo).toBeLessThan(0.2);   // the claim is sharp: within ±0.1 part
  });

  it("seasonal-peak: the worst week falls far below the year's fill rate, and below the baseline's", () => {
    const a = run(retail, REPS), b = run(load("seasonal-peak"), REPS);
    const gap = b("network::fillRate").map((x, r) => x - b("network::serviceTrough")[r]);
    expect(ci(gap)[0]).toBeGreaterThan(0.1);
    expect(diff(a("network::serviceTrough"), b("network::serviceTrough"))[1]).toBeLessThan(0);
    expect(ci(b("network::recoveryDays"))[0]).toBeGreaterThan(345 - 280);   // still recovering after the peak ends (day 345)
  });

  it("promotion: the shortage outlasts the 7-day promotion (recoveryDays > 7)", () => {
    const g = run(load("promotion"), REPS);
    expect(ci(g("network::recoveryDays"))[0]).toBeGreaterThan(7);
  });

  it("serial-4-stage-bullwhip: every stage's orders vary more than the demand it sees", () => {
    const g = run(load("serial-4-stage-bullwhip"), REPS);
    for (const stage of ["retailer", "wholesaler", "distributor", "factory"]) expect(ci(g(`node:${stage}:orderVarianceRatio`))[0], stage).toBeGreaterThan(1);
  });

  it("lost-sales-convenience-stores: no backorders, fill rate = 1 − lost ÷ demand, and a larger shelf cuts lost sales", () => {
    const s = load("lost-sales-convenience-stores"), g = run(s, REPS);
    const fill = g("network::fillRate"), lost = g("network::lostSales"), dem = g("network::demand");
    for (let r = 0; r < REPS; r++) expect(fill[r]).toBeCloseTo(1 - lost[r] / dem[r], 12);
    expect(Math.max(...g("network::backorders"))).toBe(0);
    const bigger = { ...s, nodes: s.nodes.map((n) => (n.kind === "store" ? { ...n, policy: { type: "base-stock" as const, level: 36 } } : n)) };
    expect(diff(lost, run(bigger, REPS)("network::lostSales"))[1]).toBeLessThan(0);
  });

  it("multi-product-network: batteries get the lowest fill rate, below cola's and below the network's", () => {
    const g = run(load("multi-product-network"), REPS);
    expect(diff(g("product:cola:fillRate"), g("product:batteries:fillRate"))[1]).toBeLessThan(0);
    expect(diff(g("network::fillRate"), g("product:batteries:fillRate"))[1]).toBeLessThan(0);
  });

  it("dual-sourcing: a backup source cuts the primary outage's units short, for a higher transport cost", () => {
    const s = load("dual-sourcing");
    // the same network with the sea lane alone: the local lane and the sea lane's rule deleted
    const alone: Scenario = { ...s, lanes: s.lanes.filter((l) => !(l.sourcing && "role" in l.sourcing && l.sourcing.role === "backup")).map(({ sourcing: _, ...l }) => l) };
    expect(alone.lanes.length).toBe(s.lanes.length - 1);
    const backed = run(s, REPS), single = run(alone, REPS);
    expect(diff(single("network::unitsShort"), backed("network::unitsShort"))[1]).toBeLessThan(0);
    expect(diff(single("node:dc:transportCost"), backed("node:dc:transportCost"))[0]).toBeGreaterThan(0);
    expect(diff(single("network::totalCost"), backed("network::totalCost"))[1]).toBeLessThan(0);
  });

  it("assembly-3-level: a converging network is only as good as its scarcest component, and a backup for one cheap part protects the whole truck", () => {
    const s = load("assembly-3-level");
    const alone: Scenario = { ...s, lanes: s.lanes.filter((l) => !(l.sourcing && "role" in l.sourcing && l.sourcing.role === "backup")).map(({ sourcing: _, ...l }) => l) };
    expect(alone.lanes.length).toBe(s.lanes.length - 1);
    const backed = run(s, REPS), single = run(alone, REPS);
    // without the backup, the ECU (and only the ECU) starves the engine plant, and engines starve final assembly
    expect(ci(single("product:ecu:starvedDays"))[0]).toBeGreaterThan(0);
    expect(Math.max(...single("product:steel:starvedDays"), ...single("product:tyre:starvedDays"), ...single("product:chassis:starvedDays"))).toBe(0);
    expect(ci(single("node:final-assembly:starvedDays"))[0]).toBeGreaterThan(0);
    // the backup cuts the engine plant's starved days, the dealers' units short and the total cost
    expect(diff(single("node:engine-plant:starvedDays"), backed("node:engine-plant:starvedDays"))[1]).toBeLessThan(0);
    expect(diff(single("network::unitsShort"), backed("network::unitsShort"))[1]).toBeLessThan(0);
    expect(diff(single("network::totalCost"), backed("network::totalCost"))[1]).toBeLessThan(0);
  });
});
