// The bullwhip effect (Lee, Padmanabhan & Whang 1997) measured by orderVarianceRatio: none under
// base-stock ordering, exactly; and the order-batching cause under (s, Q), against its closed form.
import { readFileSync } from "node:fs";
import { describe, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { runKpis } from "./harness.ts";
import { expectExact, expectInInterval } from "./interval.ts";

describe("orderVarianceRatio", () => {
  it("is exactly 1 at every stage of beer-game.json: a base-stock stage orders what it is asked for", () => {
    // Each stage starts at its level with nothing on order, so every evening its position is
    // S − (demand it saw today) and it orders exactly that: its order series is the series it sees.
    const file = JSON.parse(readFileSync(new URL("../../../scenarios/beer-game.json", import.meta.url), "utf8")) as Scenario;
    const kpis = runKpis({ ...file, replications: 20 });
    for (const id of ["retailer", "wholesaler", "distributor", "factory"]) expectExact(kpis.get("node", id, "orderVarianceRatio"), 1, id);
  });

  it("is (Qμ − μ²)/σ² for an (s, Q) node with Poisson demand: batching alone amplifies variance", () => {
    // Integer demand, daily review, Q = 20 ≫ daily Poisson(4) demand: in steady state the position
    // is uniform on s+1 … s+Q, one batch is ordered on a day with probability μ/Q (two would need
    // D > Q: P ≈ 1e-8), so Var(orders) = Q²·(μ/Q)(1 − μ/Q) = Qμ − μ² = 64 against Var(D) = 4: 16.
    // The per-replication ratio of sample variances over 1000 days is biased by O(1/1000) relative
    // (≈ 0.03), a tenth of the 99.9% interval's half-width.
    const mu = 4, Q = 20;
    const s: Scenario = {
      format: "echelon-scenario@1", name: "batching", horizon: 1050, warmup: 50, replications: 300, seed: 97,
      unmetDemand: "backorder", allocation: "fifo",
      nodes: [{ id: "supplier", kind: "supplier" }, { id: "store", kind: "store", holdingCost: 1, policy: { type: "sQ", s: 10, Q } }],
      lanes: [{ from: "supplier", to: "store", leadTime: { type: "constant", value: 2 } }],
      demand: [{ node: "store", dist: { type: "poisson", mean: mu } }],
    };
    expectInInterval(runKpis(s).get("node", "store", "orderVarianceRatio"), (Q * mu - mu * mu) / mu, "store order variance ratio");
  });
});
