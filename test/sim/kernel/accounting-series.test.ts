// The accounting's series cells (kernel/accounting.ts, engine/series.ts): each stocking node's
// end-of-day on hand, owed (customer backorders + owed downstream) and in transit, summed over its
// items, written into the replication's row. A two-echelon network with two products whose every
// day follows from timeline.md by hand (series.test.ts checks larger networks against the trace).
import { describe, expect, it } from "vitest";
import { runBatch, seriesLayout } from "../../../src/sim/engine/index.ts";
import { constant, lane, scenario, stock, supplier } from "../engine/fixtures.ts";

// dc: base-stock 6 of each product, starting empty; store: base-stock 10, starting full; both
// lanes 1 day; demand 6 a day of p0 at the store, none of p1.
const s = scenario({
  horizon: 4,
  products: [{ id: "p0" }, { id: "p1" }],
  nodes: [supplier, stock("dc", 6, { kind: "dc", initialInventory: 0 }), stock("store", 10)],
  lanes: [lane("supplier", "dc", 1), lane("dc", "store", 1)],
  demand: [{ node: "store", product: "p0", dist: constant(6) }],
});

// p0, by hand. d0: store 10 − 6 = 4, orders 6 from the dc; the dc (position 0 − 6) orders 12 and
// holds nothing to ship: it owes 6, 12 in transit. d1: the dc receives 12; the store serves 4 and
// backorders 2, and (position 0 − 2 + 6 owed = 4) orders 6; the dc, owing 12 (position 0), orders
// 6 and ships the 12 (due d2). d2: the dc receives 6; the store receives 12, pays the 2
// backordered, 10 − 6 = 4, orders 6; the dc (6 − 6 = 0) orders 6 and ships 6 (due d3). d3 as d2.
// p1: the store holds its 10 and orders nothing; the dc orders 6 on d0 (due d1) and holds them.
const expected = {
  dc: { onHand: [0, 6, 6, 6], owed: [6, 0, 0, 0], inTransit: [12 + 6, 6, 6, 6] },
  store: { onHand: [4 + 10, 0 + 10, 4 + 10, 4 + 10], owed: [0, 2, 0, 0], inTransit: [0, 12, 6, 6] },
};

describe("the accounting's series cells", () => {
  it("hold each node's end-of-day on hand, owed and in transit, all products summed, in each replication's row", () => {
    const layout = seriesLayout(s), N = layout.nodes.length, H = s.horizon;
    const r = runBatch(s, { from: 0, to: 2, series: true }), series = r.series!;
    for (let row = 0; row < 2; row++) {
      const at = row * layout.cells, cells = (m: number, node: string) => {
        const o = at + (m * N + layout.nodes.indexOf(node)) * H;
        return Array.from(series.subarray(o, o + H));
      };
      for (const node of ["dc", "store"] as const) {
        expect([cells(0, node), cells(1, node), cells(2, node)]).toEqual([expected[node].onHand, expected[node].owed, expected[node].inTransit]);
      }
      expect([0, 1, 2].map((m) => cells(m, "supplier"))).toEqual([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]);
    }
  });
});
