// Primary and backup from outside suppliers, limited by their lanes (docs/scenario-format.md,
// "Several sources"; kernel/sourcing.ts reviewSourced, canShip): on each review day the primary
// gets what it can ship today — its lane's capacity (× any capacity-cut) less what that lane
// already owes the store, never below 0 — each backup in turn what it can ship of the rest, and
// what none can ship goes to the primary, where it waits. Every number below is worked out by
// hand, day by day, from timeline.md's order of the day (arrivals, demand, review, shipping).
import { describe, expect, it } from "vitest";
import { constant, lane, perDay, scenario, stock, valid } from "../engine/fixtures.ts";

const suppliers = [{ id: "sup-a", kind: "supplier" as const }, { id: "sup-b", kind: "supplier" as const }];

describe("primary and backup limited by lane capacity", () => {
  it("the primary gets its lane's free capacity less what the lane still owes; the rest goes to the backup, or waits on the primary while the backup is out", () => {
    // store: base-stock 100, demand 10 a day, so an order of 10 every day. Primary sup-a: lane
    // capacity 6, cut to 3 on days 5–6; backup sup-b: unlimited, out on days 0–1. Lead times 1.
    const s = valid(scenario({
      horizon: 8,
      nodes: [...suppliers, stock("store", 100)],
      lanes: [lane("sup-a", "store", 1, { capacity: 6, sourcing: { role: "primary" } }), lane("sup-b", "store", 1, { sourcing: { role: "backup" } })],
      demand: [{ node: "store", dist: constant(10) }],
      disruptions: [
        { type: "lane-outage", from: "sup-b", to: "store", start: 0, end: 2 },
        { type: "capacity-cut", from: "sup-a", to: "store", factor: 0.5, start: 5, end: 7 },
      ],
    }));
    // day 0: primary can 6, backup out → all 10 to the primary; 6 leave, 4 owed.
    // day 1: 96 − 10 = 86 on hand, position 86 + 4 = 90, order 10; primary can 6 − 4 = 2, backup
    //        out → all 10 to the primary; owed 14, 6 leave, 8 owed.
    // day 2: 82 on hand + 8 owed = 90, order 10; primary can 6 − 8 < 0 → 0; the backup is back
    //        and takes all 10. The primary still ships 6 of its 8 owed (2 owed).
    // day 3: 82 + 6 + 10 − 10 = 88, position 90; primary can 6 − 2 = 4 → 4, backup 6; 2 + 4 leave.
    // day 4: 88 + 12 − 10 = 90; primary can 6 → 6, backup 4.
    // days 5–6: capacity 6 × 0.5 = 3 → primary 3, backup 7. day 7: 6 and 4 again.
    const [primary, backup] = perDay(s);
    expect(primary).toEqual([6, 6, 6, 6, 6, 3, 3, 6]);
    expect(backup).toEqual([0, 0, 10, 6, 4, 7, 7, 4]);
  });

  it("a backup gets only what its lane can carry; what it cannot waits on the primary, shipped when the primary's lane is back", () => {
    // Primary sup-a unlimited but out on days 0–1; backup sup-b with capacity 6. Lead times 1.
    const s = valid(scenario({
      horizon: 4,
      nodes: [...suppliers, stock("store", 100)],
      lanes: [lane("sup-a", "store", 1, { sourcing: { role: "primary" } }), lane("sup-b", "store", 1, { capacity: 6, sourcing: { role: "backup" } })],
      demand: [{ node: "store", dist: constant(10) }],
      disruptions: [{ type: "lane-outage", from: "sup-a", to: "store", start: 0, end: 2 }],
    }));
    // day 0: order 10; primary can 0 (out); backup can 6 → 6; the other 4 wait on the primary.
    // day 1: 90 + 6 − 10 = 86 on hand, position 86 + 4 = 90, order 10: backup 6 again, primary 4 (8 owed).
    // day 2: 86 + 6 − 10 = 82 on hand + 8 owed = 90, order 10; the primary's lane is back: it
    //        can ship anything → all 10, and it ships its 8 owed with them: 18.
    // day 3: the 18 arrive: 82 + 18 − 10 = 90, order 10 to the primary.
    const [primary, backup] = perDay(s);
    expect(primary).toEqual([0, 0, 18, 10]);
    expect(backup).toEqual([6, 6, 0, 0]);
  });

  it("what neither source can ship stays with the item's own primary: it never lands on another item's lanes", () => {
    // Two stores, each with a primary (sup-a) and a backup (sup-b). Both of store-a's lanes are
    // out on days 0–1, both of store-b's on days 2–3. Lead times 1, base-stock 100, demand 10.
    const s = valid(scenario({
      horizon: 5,
      nodes: [...suppliers, stock("store-a", 100), stock("store-b", 100)],
      lanes: [
        lane("sup-a", "store-a", 1, { sourcing: { role: "primary" } }), lane("sup-b", "store-a", 1, { sourcing: { role: "backup" } }),
        lane("sup-a", "store-b", 1, { sourcing: { role: "primary" } }), lane("sup-b", "store-b", 1, { sourcing: { role: "backup" } }),
      ],
      demand: [{ node: "store-a", dist: constant(10) }, { node: "store-b", dist: constant(10) }],
      disruptions: [
        { type: "lane-outage", from: "sup-a", to: "store-a", start: 0, end: 2 }, { type: "lane-outage", from: "sup-b", to: "store-a", start: 0, end: 2 },
        { type: "lane-outage", from: "sup-a", to: "store-b", start: 2, end: 4 }, { type: "lane-outage", from: "sup-b", to: "store-b", start: 2, end: 4 },
      ],
    }));
    // store-a: days 0–1 its 10 a day wait on the primary (20 owed); day 2: 70 on hand + 20 owed = 90,
    // order 10 → the primary ships 30; days 3–4: 90 on hand, 10 a day.
    // store-b: days 0–1 10 a day from the primary; days 2–3 its orders wait (20 owed); day 4: 30.
    const [aPrimary, aBackup, bPrimary, bBackup] = perDay(s);
    expect(aPrimary).toEqual([0, 0, 30, 10, 10]);
    expect(bPrimary).toEqual([10, 10, 0, 0, 30]);
    expect(aBackup).toEqual([0, 0, 0, 0, 0]);
    expect(bBackup).toEqual([0, 0, 0, 0, 0]);
  });
});
