// scenarios/risk-pooling-demo.json: four stores ordering directly from the supplier vs four stores
// behind one DC. A store with daily base-stock orders exactly its day's demand, so the DC faces the
// sum of its four stores' demands: a single node with demand N(nμ, nσ²(1 + (n − 1)ρ)) — the √n law
// of risk pooling (Eppen 1979), weakened by correlation ρ.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { baseStockSteadyState, normalDemand } from "./closed-form.ts";
import { runKpis, withRun, type KpiTable } from "./harness.ts";
import { expectInInterval, expectOutsideInterval } from "./interval.ts";

const file = JSON.parse(readFileSync(new URL("../../../scenarios/risk-pooling-demo.json", import.meta.url), "utf8")) as Scenario;
const n = 4, mu = 100, sigma = 20;
const level = (id: string) => {
  const p = file.nodes.find((x) => x.id === id)?.policy;
  if (!p || !("type" in p) || p.type !== "base-stock") throw new Error(`${id} should run base-stock`);
  return p.level;
};
const leadTime = (id: string) => {
  const lt = file.lanes.find((l) => l.to === id)?.leadTime;
  if (lt?.type !== "constant") throw new Error(`lane to ${id} should have a constant lead time`);
  return lt.value;
};
// 300 replications × 700 days after a 30-day warm-up. N(100, 20²): P(D < 0) = Φ(−5) ≈ 3e-7, so
// truncation at 0 moves the means by less than 1e-6 units.
const run = { horizon: 730, warmup: 30, replications: 300 };

/** The DC's owed-downstream, on-hand and internal fill rate against a single node with sd `sd`. */
function checkDc(kpis: KpiTable, sd: number): void {
  const theory = baseStockSteadyState(normalDemand(n * mu, sd), level("dc"), leadTime("dc"));
  expectInInterval(kpis.get("node", "dc", "owedDownstream"), theory.backorders, "DC owed downstream");
  expectInInterval(kpis.get("node", "dc", "onHand"), theory.onHand, "DC on hand");
  expectInInterval(kpis.get("node", "dc", "internalFillRate"), theory.fillRate, "DC internal fill rate");
}

describe("risk-pooling-demo.json", () => {
  it("is four N(100, 20²) stores direct from the supplier and four behind a DC", () => {
    expect(file.demand.map((d) => d.dist)).toEqual(Array(2 * n).fill({ type: "normal", mean: mu, sd: sigma }));
    expect(file.demandCorrelation).toBeUndefined();
  });

  it("gives each direct store the single-node closed form (backorders, on hand, fill rate)", () => {
    const kpis = runKpis(withRun(file, { ...run, seed: 31 }));
    const theory = baseStockSteadyState(normalDemand(mu, sigma), level("direct-store-1"), leadTime("direct-store-1"));
    for (let i = 1; i <= n; i++) {
      for (const key of ["backorders", "onHand", "fillRate", "cycleServiceLevel"] as const) {
        expectInInterval(kpis.get("node", `direct-store-${i}`, key), theory[key], `direct-store-${i} ${key}`);
      }
    }
  });

  it("pools independent stores at the DC: it sees demand sd σ√n, not σn", () => {
    const kpis = runKpis(withRun(file, { ...run, seed: 32 }));
    checkDc(kpis, sigma * Math.sqrt(n));
    // Without pooling (perfectly correlated stores) the sd would be σn: the run rules that out.
    const unpooled = baseStockSteadyState(normalDemand(n * mu, sigma * n), level("dc"), leadTime("dc"));
    expectOutsideInterval(kpis.get("node", "dc", "owedDownstream"), unpooled.backorders, "DC owed downstream if sd were σn");
  });

  it("loses pooling with correlated stores: demandCorrelation ρ = 0.5 makes the DC see sd σ√(n(1 + (n − 1)ρ))", () => {
    const rho = 0.5;
    const kpis = runKpis(withRun(file, { ...run, seed: 33, demandCorrelation: { rho } }));
    checkDc(kpis, sigma * Math.sqrt(n * (1 + (n - 1) * rho)));
    // Correlation leaves each store's own distribution alone.
    const store = baseStockSteadyState(normalDemand(mu, sigma), level("direct-store-1"), leadTime("direct-store-1"));
    expectInInterval(kpis.get("node", "direct-store-1", "backorders"), store.backorders, "direct store backorders under ρ");
    const independent = baseStockSteadyState(normalDemand(n * mu, sigma * Math.sqrt(n)), level("dc"), leadTime("dc"));
    expectOutsideInterval(kpis.get("node", "dc", "owedDownstream"), independent.backorders, "DC owed downstream if stores were independent");
  });
});
