// Today's order served after the older ones, however small (kernel/shipment.ts settleOpen with
// inventory/allocation/proportional.ts; timeline.md step 5: "orders already owed first"). Under
// `proportional` the first tier ships exactly what was ordered before today; that shipment pays
// none of today's order, which stays open for the second tier, even an order below the billionth
// of a unit at which a debt counts as rounding. State filled by hand on a dc → store lane.
import { describe, expect, it } from "vitest";
import { startReplication } from "../../../src/sim/engine/simulation.ts";
import { ITEM, createAccumulators, createState } from "../../../src/sim/kernel/index.ts";
import { allocateProportional } from "../../../src/sim/inventory/allocation/proportional.ts";
import { lane } from "../engine/fixtures.ts";
import { dcStore } from "./fixtures.ts";

const { net, DC, STORE, S } = dcStore("proportional");

describe("today's order under proportional allocation", () => {
  it("is served after the older orders, even an order of 5e-10 units", () => {
    const st = createState(net);
    startReplication(net, st, createAccumulators(net), 0);
    // the store owes 5 from earlier days and ordered 5e-10 today (day 7); the dc has 100
    const owed = 5 + 5e-10, today = 5e-10;
    st.item[STORE * S + ITEM.owedToMe] = owed; st.item[STORE * S + ITEM.openToday] = today; st.item[DC * S + ITEM.owedDown] = owed;
    const k = Array.from(net.childList).indexOf(STORE);
    const left = allocateProportional(net, st, DC, k, k + 1, 100, 7);
    // Tier 1: owed before today B = owed − today; B shipped pays the older orders only (B − B = 0
    // beyond them), today's 5e-10 stays open; the debt left, owed − B ≈ 5e-10, is under 1e-9 and
    // cleared. Tier 2: today's order, 0 − (0 − 5e-10) = 5e-10, is shipped and settles it:
    // 5e-10 same-day units, nothing open or owed; B + 5e-10 shipped in all.
    const B = owed - today;
    expect(st.item[DC * S + ITEM.sameDay]).toBe(today);
    expect([st.item[STORE * S + ITEM.openToday], st.item[STORE * S + ITEM.owedToMe]]).toEqual([0, 0]);
    expect(left).toBe(100 - B - today);   // what the dc has left to ship to others
  });
});
