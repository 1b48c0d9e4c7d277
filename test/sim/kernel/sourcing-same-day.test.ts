// Each part of a sourced order is an order on its lane (docs/scenario-format.md, "Several
// sources": "the source ships it in step 5 of the same day by the scenario's allocation rule"),
// so a stocking source's internalFillRate (kpis.md: units shipped on the day they were ordered ÷
// units its downstream nodes ordered) counts the parts placed with it, under either kind of
// allocation bookkeeping (order queues for fifo, today's open order for proportional).
import { describe, expect, it } from "vitest";
import type { LaneSourcing, Scenario } from "../../../src/sim/model/index.ts";
import { constant, kpis, lane, scenario, stock, valid } from "../engine/fixtures.ts";

/** sup-a → dc (dcLead days), the store buying from the dc and sup-b (lead times 1); store base-stock 100, demand 10. */
const twoSources = (allocation: Scenario["allocation"], dcStart: number, dcLead: number, rules: [LaneSourcing, LaneSourcing]) => valid(scenario({
  horizon: 5, allocation,
  nodes: [{ id: "sup-a", kind: "supplier" }, { id: "sup-b", kind: "supplier" }, stock("dc", dcStart, { kind: "dc" }), stock("store", 100)],
  lanes: [lane("sup-a", "dc", dcLead), lane("dc", "store", 1, { sourcing: rules[0] }), lane("sup-b", "store", 1, { sourcing: rules[1] })],
  demand: [{ node: "store", dist: constant(10) }],
}));

describe("a stocking source's same-day shipments of sourced orders", () => {
  for (const allocation of ["fifo", "proportional"] as const) {
    it(`${allocation}: a dc with stock ships each part placed with it on the day it is placed (internal fill rate 1)`, () => {
      // dc: 100 on hand, resupplied the next day; each day it is ordered 5 (split) or 10 (primary) and ships them at once.
      expect(kpis(twoSources(allocation, 100, 1, [{ split: 0.5 }, { split: 0.5 }]))[0]["node:dc:internalFillRate"]).toBe(1);
      expect(kpis(twoSources(allocation, 100, 1, [{ role: "primary" }, { role: "backup" }]))[0]["node:dc:internalFillRate"]).toBe(1);
    });

    it(`${allocation}: a dc that runs out ships on the same day only what it has: 5, 5, 2 of 25 ordered`, () => {
      // dc: 12 on hand, resupplied only after the horizon; split 0.5 → 5 a day placed with it.
      // days 0–1: 5 each, shipped at once; day 2: 2 left, shipped; days 3–4: nothing.
      expect(kpis(twoSources(allocation, 12, 100, [{ split: 0.5 }, { split: 0.5 }]))[0]["node:dc:internalFillRate"]).toBe(12 / 25);
    });
  }
});
