import { describe, expect, it } from "vitest";
import { createSimulation, traceReplication } from "../../../../src/sim/engine/index.ts";
import type { Trace } from "../../../../src/sim/model/index.ts";
import { lane, scenario, stock, supplier } from "../../engine/fixtures.ts";

// supplier → dc (lead 1) → store-1, store-2 (lead 1). The dc holds nothing (base-stock 0) and orders
// what is owed to it. store-1 comes first in the dc's list but reviews on days 1, 8, …; store-2
// reviews on days 0, 7, …, so on day 1 store-2's order is the older one.
// d0: store-2 20 − 5 = 15, orders 5; the dc orders 5 (due d1) and ships nothing.
// d1: the dc receives 5; store-1 20 − 10 = 10, orders 10; the dc orders 10 (due d2). The dc holds 5
//     for 15 owed: fifo sends all 5 to store-2 (ordered d0), nothing to store-1 (ordered d1).
// d2: the dc receives 10 and sends them to store-1.
const s = scenario({
  horizon: 4, allocation: "fifo",
  nodes: [
    supplier,
    stock("dc", 0, { kind: "dc", initialInventory: 0 }),
    stock("store-1", 20, { policy: { type: "base-stock", level: 20, review: 7, offset: 1 } }),
    stock("store-2", 20, { policy: { type: "base-stock", level: 20, review: 7, offset: 0 } }),
  ],
  lanes: [lane("supplier", "dc", 1), lane("dc", "store-1", 1), lane("dc", "store-2", 1)],
  demand: [{ node: "store-1", dist: { type: "constant", value: 5 } }, { node: "store-2", dist: { type: "constant", value: 5 } }],
});
const fromDc = (tr: Trace) => Array.from(tr.shipmentDepart, (d, j) => [d, tr.nodes[tr.shipmentFrom[j]], tr.nodes[tr.shipmentTo[j]], tr.shipmentQuantity[j]])
  .filter((x) => x[1] === "dc");

describe("allocateFifo", () => {
  it("serves the oldest open order across children first, not the first child in the list", () => {
    expect(fromDc(traceReplication(s, 0))).toEqual([[1, "dc", "store-2", 5], [2, "dc", "store-1", 10]]);
  });

  it("leaves the newer order owed: what the dc owes downstream and the stores' stock day by day", () => {
    const sim = createSimulation(s, 0), seen: number[][] = [];
    while (!sim.done()) { sim.step(); seen.push([sim.onHand("dc"), sim.owedDownstream("dc"), sim.inTransit("store-1"), sim.inTransit("store-2")]); }
    // d0: 5 owed to store-2. d1: store-2's 5 leave, store-1's 10 owed. d2: they leave. d3: nothing owed.
    expect(seen).toEqual([[0, 5, 0, 0], [0, 10, 0, 5], [0, 0, 10, 0], [0, 0, 0, 0]]);
    // store-2: d0 15, d1 10, d2 10 + 5 − 5 = 10, d3 5; store-1: d0 15, d1 10, d2 5, d3 5 + 10 − 5 = 10
    expect(sim.onHand("store-2")).toBe(5);
    expect(sim.onHand("store-1")).toBe(10);
  });

  it("serves four children's orders oldest first when they pile up in an outage, though the list runs newest first", () => {
    // The dc holds 22 and is out on days 0–3; its own orders (lead time 20) arrive after the horizon.
    // store-k reviews on day 4 − k only (review 7), after 4 − k + 1 days of demand 5: store-4 orders 5
    // on day 0, store-3 10 on day 1, store-2 15 on day 2, store-1 20 on day 3. On day 4 the 22 go oldest first: 5 to store-4, 10 to store-3, the last 7 to
    // store-2, none to store-1 (list order would give store-1 its 20 and store-2 the other 2).
    const piled = scenario({
      horizon: 6, allocation: "fifo",
      nodes: [
        supplier,
        stock("dc", 0, { kind: "dc", initialInventory: 22 }),
        ...[1, 2, 3, 4].map((k) => stock(`store-${k}`, 20, { policy: { type: "base-stock", level: 20, review: 7, offset: 4 - k } })),
      ],
      lanes: [lane("supplier", "dc", 20), ...[1, 2, 3, 4].map((k) => lane("dc", `store-${k}`, 1))],
      demand: [1, 2, 3, 4].map((k) => ({ node: `store-${k}`, dist: { type: "constant" as const, value: 5 } })),
      disruptions: [{ type: "node-outage", node: "dc", start: 0, end: 4 }],
    });
    expect(fromDc(traceReplication(piled, 0))).toEqual([[4, "dc", "store-4", 5], [4, "dc", "store-3", 10], [4, "dc", "store-2", 7]]);
  });
});

describe("allocateFifo with more children than its first heap holds", () => {
  // 70 stores (the heap starts with room for 64) order while their dc is out on days 0–5. Store k
  // reviews on day o = 3k mod 7 only (review 7), after o + 1 days of demand 1, so it orders o + 1
  // units on day o: ten stores a day, in an order that the list (store-0 … store-69) does not
  // follow. On day 6 the dc's 95 units go oldest order first, ties in list order: the ten of day 0
  // get 1 (10), day 1 2 (30), day 2 3 (60), and of day 3's ten, eight get 4 and the ninth 3.
  const STORES = 70, HELD = 95, offset = (k: number) => (3 * k) % 7;
  const many = scenario({
    horizon: 7, allocation: "fifo",
    nodes: [
      supplier,
      stock("dc", 0, { kind: "dc", initialInventory: HELD }),
      ...Array.from({ length: STORES }, (_, k) => stock(`store-${k}`, 20, { policy: { type: "base-stock", level: 20, review: 7, offset: offset(k) } })),
    ],
    lanes: [lane("supplier", "dc", 20), ...Array.from({ length: STORES }, (_, k) => lane("dc", `store-${k}`, 1))],
    demand: Array.from({ length: STORES }, (_, k) => ({ node: `store-${k}`, dist: { type: "constant" as const, value: 1 } })),
    disruptions: [{ type: "node-outage", node: "dc", start: 0, end: 6 }],
  });

  it("serves them all oldest first, ties in list order, as a scan of every child would", () => {
    // The scan the heap replaces: open orders by (day, place in the list), each served in full while stock lasts.
    const orders = Array.from({ length: STORES }, (_, k) => ({ k, day: offset(k), qty: offset(k) + 1 }))
      .filter((o) => o.day < 6).sort((a, b) => a.day - b.day || a.k - b.k);
    const expected: (string | number)[][] = [];
    let left = HELD;
    for (const o of orders) {
      if (left <= 0) break;
      const x = Math.min(o.qty, left);
      expected.push([6, "dc", `store-${o.k}`, x]);
      left -= x;
    }
    expect(expected).toHaveLength(39);   // 10 + 10 + 10 + 9 stores, as counted above
    expect(fromDc(traceReplication(many, 0))).toEqual(expected);
  });
});

describe("allocateFifo day after day short", () => {
  // 70 stores as above, now reviewing again every 7 days (they order 7 then: base-stock counts what
  // is owed), and a dc whose supplier lane carries at most 60 a day against 70 of demand, so
  // orders pile up and the heap is refilled each day with fewer or more entries than the day before.
  // Each day the dc ships what arrived (read from the trace) oldest order first, ties in list order.
  const STORES = 70, HORIZON = 21, offset = (k: number) => (3 * k) % 7;
  const short = scenario({
    horizon: HORIZON, allocation: "fifo",
    nodes: [
      supplier,
      stock("dc", 0, { kind: "dc", initialInventory: 0 }),
      ...Array.from({ length: STORES }, (_, k) => stock(`store-${k}`, 20, { policy: { type: "base-stock", level: 20, review: 7, offset: offset(k) } })),
    ],
    lanes: [lane("supplier", "dc", 1, { capacity: 60 }), ...Array.from({ length: STORES }, (_, k) => lane("dc", `store-${k}`, 1))],
    demand: Array.from({ length: STORES }, (_, k) => ({ node: `store-${k}`, dist: { type: "constant" as const, value: 1 } })),
  });

  it("ships each day's arrivals to the oldest open orders, as a scan of every open order would", () => {
    const tr = traceReplication(short, 0), dc = tr.nodes.indexOf("dc");
    const open: { k: number; day: number; qty: number }[] = [];
    const expected: (string | number)[][] = [];
    let held = 0;
    for (let t = 0; t < HORIZON; t++) {
      for (let j = 0; j < tr.shipmentTo.length; j++) if (tr.shipmentTo[j] === dc && tr.shipmentArrive[j] === t) held += tr.shipmentQuantity[j];
      for (let k = 0; k < STORES; k++) {
        if (t % 7 === offset(k)) open.push({ k, day: t, qty: t < 7 ? offset(k) + 1 : 7 });
      }
      open.sort((a, b) => a.day - b.day || a.k - b.k);
      for (const o of open) {
        if (held <= 0) break;
        const x = Math.min(o.qty, held);
        expected.push([t, "dc", `store-${o.k}`, x]);
        o.qty -= x; held -= x;
      }
      for (let i = open.length - 1; i >= 0; i--) if (open[i].qty === 0) open.splice(i, 1);
    }
    expect(open.length).toBeGreaterThan(0);   // still short at the end: every day was a shortage
    expect(fromDc(tr)).toEqual(expected);
  });
});

describe("allocateFifo within the lanes' room", () => {
  it("sends no more than a child's lane carries today and serves the next order with the rest", () => {
    // The dc holds 12; store-1 (first in the list) and store-2 order 20 and 10 on day 0; store-1's
    // lane carries 5 a day: it gets 5 and store-2 the other 7.
    const s = scenario({
      horizon: 1, allocation: "fifo",
      nodes: [supplier, stock("dc", 0, { kind: "dc", initialInventory: 12 }), stock("store-1", 20, { initialInventory: 0 }), stock("store-2", 10, { initialInventory: 0 })],
      lanes: [lane("supplier", "dc", 20), lane("dc", "store-1", 1, { capacity: 5 }), lane("dc", "store-2", 1)],
      demand: [{ node: "store-1", dist: { type: "constant", value: 0 } }, { node: "store-2", dist: { type: "constant", value: 0 } }],
    });
    expect(fromDc(traceReplication(s, 0))).toEqual([[0, "dc", "store-1", 5], [0, "dc", "store-2", 7]]);
  });

  it("stops when every open order that can move today has moved, though units are left", () => {
    // The dc ships at most 10 a day (throughput) of its 1,000, less than it owes, so the rule
    // shares them: store-1 (a large first order, then 1 a day) is held to 5 by its lane, store-2
    // gets its daily 3, and 2 of the 10 stay. Over more days than an order ring holds, nothing else moves.
    const HORIZON = 20;
    const s = scenario({
      horizon: HORIZON, allocation: "fifo",
      nodes: [supplier, stock("dc", 0, { kind: "dc", initialInventory: 1000, capacity: { throughput: 10 } }),
        stock("store-1", 200, { initialInventory: 0 }), stock("store-2", 20)],
      lanes: [lane("supplier", "dc", 100), lane("dc", "store-1", 1, { capacity: 5 }), lane("dc", "store-2", 1)],
      demand: [{ node: "store-1", dist: { type: "constant", value: 1 } }, { node: "store-2", dist: { type: "constant", value: 3 } }],
    });
    const expected = Array.from({ length: HORIZON }, (_, t) => [[t, "dc", "store-1", 5], [t, "dc", "store-2", 3]]).flat();
    expect(fromDc(traceReplication(s, 0))).toEqual(expected);
  });

  it("with stock to spare, every daily order is shipped in full on its day and nothing else is", () => {
    // Three stores review daily with demand 1, 2, 3 and lead time 1: from day 0 each orders its
    // day's demand, which the well-stocked dc ships the same day, for more days than an order ring holds.
    const HORIZON = 40;
    const s = scenario({
      horizon: HORIZON, allocation: "fifo",
      nodes: [supplier, stock("dc", 0, { kind: "dc", initialInventory: 1000 }), ...[1, 2, 3].map((k) => stock(`store-${k}`, 20))],
      lanes: [lane("supplier", "dc", 100), ...[1, 2, 3].map((k) => lane("dc", `store-${k}`, 1))],
      demand: [1, 2, 3].map((k) => ({ node: `store-${k}`, dist: { type: "constant" as const, value: k } })),
    });
    const expected = Array.from({ length: HORIZON }, (_, t) => [1, 2, 3].map((k) => [t, "dc", `store-${k}`, k])).flat();
    expect(fromDc(traceReplication(s, 0))).toEqual(expected);
  });
});

describe("allocateFifo with no order it can serve", () => {
  it("ships nothing when every owed child's lane is closed, though another shipper's child is owed", () => {
    // dc-1 holds 3 for x's 10 and dc-2 holds 5 for y's 10, but y's lane is closed all along: dc-2
    // ships nothing, and x gets only dc-1's 3 (the dcs' own orders arrive after the horizon).
    const HORIZON = 3;
    const s = scenario({
      horizon: HORIZON, allocation: "fifo",
      nodes: [supplier, stock("dc-1", 0, { kind: "dc", initialInventory: 3 }), stock("dc-2", 0, { kind: "dc", initialInventory: 5 }),
        stock("x", 10, { initialInventory: 0 }), stock("y", 10, { initialInventory: 0 })],
      lanes: [lane("supplier", "dc-1", 20), lane("supplier", "dc-2", 20), lane("dc-1", "x", 1), lane("dc-2", "y", 1)],
      demand: [{ node: "x", dist: { type: "constant", value: 0 } }, { node: "y", dist: { type: "constant", value: 0 } }],
      disruptions: [{ type: "lane-outage", from: "dc-2", to: "y", start: 0, end: HORIZON }],
    });
    const tr = traceReplication(s, 0);
    const fromDcs = Array.from(tr.shipmentDepart, (d, j) => [d, tr.nodes[tr.shipmentFrom[j]], tr.nodes[tr.shipmentTo[j]], tr.shipmentQuantity[j]]).filter((e) => e[1] !== "supplier");
    expect(fromDcs).toEqual([[0, "dc-1", "x", 3]]);
  });
});
