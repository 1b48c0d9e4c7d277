// A stocking node as the primary source (docs/scenario-format.md, "Several sources";
// kernel/sourcing.ts canShip): it can ship nothing while the node is in an outage; otherwise its
// free stock — on hand less what it already owes downstream — capped by its node's throughput
// (× any capacity-cut) less what the node owes. Each number below is worked out by hand, day by
// day, from timeline.md's order of the day (arrivals, demand, review downstream first, shipping).
import { describe, expect, it } from "vitest";
import type { Disruption, NodeSpec } from "../../../src/sim/model/index.ts";
import { constant, lane, perDay, scenario, stock, valid } from "../engine/fixtures.ts";

/**
 * sup-a → dc (lane 0), dc → store as the primary (lane 1), sup-b → store as the backup (lane 2);
 * the store: base-stock 100, demand 10 a day (an order of 10 every day). Lead times 1 unless given.
 */
const dcPrimary = (horizon: number, dc: NodeSpec, disruptions: Disruption[], dcLead = 1) => valid(scenario({
  horizon,
  nodes: [{ id: "sup-a", kind: "supplier" }, { id: "sup-b", kind: "supplier" }, dc, stock("store", 100)],
  lanes: [lane("sup-a", "dc", dcLead), lane("dc", "store", 1, { sourcing: { role: "primary" } }), lane("sup-b", "store", 1, { sourcing: { role: "backup" } })],
  demand: [{ node: "store", dist: constant(10) }],
  disruptions,
}));

describe("a stocking primary source", () => {
  it("can ship nothing while its node is out: the backup takes the orders, and the dc takes them again once it is back", () => {
    const s = dcPrimary(4, stock("dc", 100, { kind: "dc" }), [{ type: "node-outage", node: "dc", start: 0, end: 2 }]);
    // days 0–1: the dc is out → the backup gets each order of 10; days 2–3: the dc holds 100 → 10 a day.
    const [, primary, backup] = perDay(s);
    expect(primary).toEqual([0, 0, 10, 10]);
    expect(backup).toEqual([10, 10, 0, 0]);
  });

  it("can ship its on hand less what it already owes: stock that arrives owed elsewhere is not free", () => {
    // dc: base-stock 10, starting empty, resupplied in 2 days; the backup out on days 0–1.
    // day 0: the dc can ship 0 − 0 → the store's 10 wait on it (owed 10); the dc's position
    //        −10 → it orders 20, due on day 2.
    // day 1: store 80 on hand + 10 owed = 90 → 10 more waits on the dc (owed 20); dc position
    //        20 in transit − 20 owed = 0 → it orders 10.
    // day 2: the 20 arrive; the store orders 10; the dc can ship 20 − 20 owed = 0, so the backup,
    //        back, takes all 10. The dc ships its 20 owed.
    const s = dcPrimary(3, stock("dc", 10, { kind: "dc", initialInventory: 0 }), [{ type: "lane-outage", from: "sup-b", to: "store", start: 0, end: 2 }], 2);
    const [supply, primary, backup] = perDay(s);
    expect(supply).toEqual([20, 10, 0]);
    expect(primary).toEqual([0, 0, 20]);
    expect(backup).toEqual([0, 0, 10]);
  });

  it("can ship its node's throughput (× any cut) less what the node owes", () => {
    // dc: 1000 on hand, throughput 6 a day, cut to 3 on days 5–6; the backup out on days 0–1.
    // day 0: the dc can ship min(1000, 6) = 6; the backup is out → all 10 to the dc: 6 leave, 4 owed.
    // day 1: store 96 − 10 = 86 + 4 owed = 90 → order 10; the dc can ship 6 − 4 = 2, the backup is
    //        out → all 10 to the dc: owed 14, 6 leave, 8 owed.
    // day 2: the dc can ship 6 − 8 < 0 → 0: the backup takes all 10; the dc ships 6 of its 8.
    // day 3: 6 − 2 = 4 → dc 4, backup 6; day 4: dc 6, backup 4; days 5–6: 6 × 0.5 = 3 → dc 3,
    //        backup 7; day 7: 6 and 4.
    const s = dcPrimary(8, stock("dc", 1000, { kind: "dc", capacity: { throughput: 6 } }), [
      { type: "lane-outage", from: "sup-b", to: "store", start: 0, end: 2 },
      { type: "capacity-cut", node: "dc", factor: 0.5, start: 5, end: 7 },
    ]);
    const [, primary, backup] = perDay(s);
    expect(primary).toEqual([6, 6, 6, 6, 6, 3, 3, 6]);
    expect(backup).toEqual([0, 0, 10, 6, 4, 7, 7, 4]);
  });
});
