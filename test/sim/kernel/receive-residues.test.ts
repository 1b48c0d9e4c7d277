// The write-off of in-transit remainders (kernel/receive.ts, docs/kpis.md "unitsLost"): when a
// receipt leaves in transit a remainder that is negative by at least a billionth of a unit, or
// positive but within a trillionth of the running sum, the remainder is cleared as rounding, and
// on a measured day (t >= warmup) it is added to the item's write-off tally, which the flow
// balance reports as unitsLost (negative when the remainder was negative: units gained).
import { describe, expect, it } from "vitest";
import { createSimulation } from "../../../src/sim/engine/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { constant, kpis, lane, scenario, stock, supplier } from "../engine/fixtures.ts";

// a = 2^38 units; u = 2^-14 is the spacing of doubles between 2^38 and 2^39, so a + u is exact
// and u / (a + u) < 1e-12.
const a = 2 ** 38, u = 2 ** -14;

/**
 * store: base-stock level a, nothing on hand at the start, lead time 2 days, backorders. Demand u
 * on day 1 only (seasonality: one factor per day). Worked by hand:
 * d0: position 0: orders a, in transit a.
 * d1: u backordered; position a − u (exact): orders u, in transit a + u.
 * d2: a arrives: remainder (a + u) − a = u, ≥ 1e-9 and ≤ 1e-12 · (a + u): cleared, written off +u.
 *     The a pay the u backordered: a − u on hand, in transit 0, so position a − u: orders u again.
 * d3: the first u arrives: remainder u − u = 0, kept. On hand a, position a.
 * d4: the second u arrives: remainder 0 − u = −u ≤ −1e-9: cleared, written off −u. On hand a + u.
 * d5: nothing moves.
 */
function residue(warmup: number): Scenario {
  return scenario({
    horizon: 6, warmup,
    nodes: [supplier, stock("store", a, { initialInventory: 0 })],
    lanes: [lane("supplier", "store", 2)],
    demand: [{ node: "store", dist: constant(u), seasonality: { cycle: 6, factors: [0, 1, 0, 0, 0, 0] } }],
  });
}

describe("in-transit remainders cleared as rounding", () => {
  it("clears a remainder within a trillionth of the running sum, and a negative one, day by day", () => {
    const s = residue(0);
    expect(validateScenario(s).ok).toBe(true);
    const sim = createSimulation(s, 0), seen: number[][] = [];
    while (!sim.done()) { sim.step(); seen.push([sim.onHand("store"), sim.backorders("store"), sim.inTransit("store")]); }
    expect(seen).toEqual([[0, 0, a], [0, u, a + u], [a - u, 0, u], [a, 0, 0], [a + u, 0, 0], [a + u, 0, 0]]);
  });

  it("reports the write-offs of the measured days as unitsLost, and the flow balance closes", () => {
    // Write-offs: +u on day 2, −u on day 4. Measured from day w: w ≤ 2 both (0), w = 3 or 4 only
    // the −u, w = 5 neither.
    const lost = [0, 1, 2, 3, 4, 5].map((w) => kpis(residue(w))[0]["node:store:unitsLost"]);
    expect(lost).toEqual([0, 0, 0, -u, -u, 0]);
    // Measured from day 0: received a + u + u (departures), delivered u, ends with a + u on hand.
    const k = kpis(residue(0))[0];
    expect([k["node:store:unitsReceived"], k["node:store:unitsDelivered"], k["node:store:unitsSent"], k["node:store:stockStart"], k["node:store:stockEnd"]])
      .toEqual([a + 2 * u, u, 0, 0, a + u]);
    expect(k["network:unitsLost"]).toBe(0);
    // From day 4: stock at the end of day 3 is a on hand (the second u is on its way but no
    // longer counted in transit); nothing departs or is delivered; u arrives off the books: lost −u.
    const k4 = kpis(residue(4))[0];
    expect([k4["node:store:unitsReceived"], k4["node:store:unitsDelivered"], k4["node:store:unitsSent"], k4["node:store:unitsLost"], k4["node:store:stockStart"], k4["node:store:stockEnd"], k4["network:unitsLost"]])
      .toEqual([0, 0, 0, -u, a, a + u, -u]);
  });
});
