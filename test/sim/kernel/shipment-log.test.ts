// A trace's shipment log (kernel/shipment.ts logShipment): what departs on one lane on one day
// travels together, so the products it carries are one shipment, however the day's shipments on
// other lanes fall between them in the log.
import { describe, expect, it } from "vitest";
import { traceReplication } from "../../../src/sim/engine/index.ts";
import { constant, lane, scenario, stock, supplier } from "../engine/fixtures.ts";

describe("the shipment log", () => {
  it("merges the products leaving on one lane on one day into one shipment per lane", () => {
    // Stores a (lane 0, 5 days) and b (lane 1, 3 days), base-stock 30 of p0 and p1; demand at a
    // 10 and 5, at b 4 and 6. Day 0: each item orders its demand; the supplier ships p0 to a and
    // to b, then p1 to a and to b: lane 0 carries 10 + 5, lane 1 carries 4 + 6.
    const s = scenario({
      horizon: 1,
      products: [{ id: "p0" }, { id: "p1" }],
      nodes: [supplier, stock("a", 30), stock("b", 30)],
      lanes: [lane("supplier", "a", 5), lane("supplier", "b", 3)],
      demand: [
        { node: "a", product: "p0", dist: constant(10) }, { node: "a", product: "p1", dist: constant(5) },
        { node: "b", product: "p0", dist: constant(4) }, { node: "b", product: "p1", dist: constant(6) },
      ],
    });
    const tr = traceReplication(s, 0);
    const rows = Array.from(tr.shipmentLane, (l, j) =>
      [l, tr.nodes[tr.shipmentFrom[j]], tr.nodes[tr.shipmentTo[j]], tr.shipmentDepart[j], tr.shipmentArrive[j], tr.shipmentQuantity[j]]);
    expect(rows).toEqual([[0, "supplier", "a", 0, 5, 15], [1, "supplier", "b", 0, 3, 10]]);
  });
});
