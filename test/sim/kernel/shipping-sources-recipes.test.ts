// Shipping in a scenario with recipes and several sources (kernel/shipping.ts shipWithAssembly;
// kernel/channels.ts): what an item's channels receive with lead time 0 is in its on hand when the
// walk (upstream first) reaches the item, so it ships it on at once (timeline.md step 5: with
// L = 0 the receiver can pass it on in this same step); an item without downstream items takes
// them by the end of the step, paying its customer backorders first. The recipe (a plant
// making t from w) is only there to make the scenario one with recipes. Worked out by hand.
import { describe, expect, it } from "vitest";
import { compiled, createSimulation } from "../../../src/sim/engine/index.ts";
import type { Policy } from "../../../src/sim/model/index.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { constant, lane, scenario } from "../engine/fixtures.ts";

const base = (level: number): Policy => ({ type: "base-stock", level });

/**
 * Suppliers sa and sb each feed dc and store y half of their w (lead time 0). dc (nothing on
 * hand, base-stock 10) ships w to store x (nothing on hand, base-stock 10, lead time 1). Store y:
 * nothing on hand, base-stock 10, customers take 10 w a day. The plant makes t from w.
 */
const s = scenario({
  horizon: 1,
  products: [{ id: "w", unitCost: 1 }, { id: "t", unitCost: 2 }],
  nodes: [{ id: "sa", kind: "supplier" }, { id: "sb", kind: "supplier" },
    { id: "plant", kind: "plant", policy: { t: base(5), w: base(5) }, bom: [{ product: "t", components: { w: 1 }, assemblyTime: 1 }] },
    { id: "dc", kind: "dc", policy: { w: base(10) }, initialInventory: 0 },
    { id: "x", kind: "store", policy: { w: base(10) }, initialInventory: 0 },
    { id: "y", kind: "store", policy: { w: base(10) }, initialInventory: 0 }],
  lanes: [lane("sa", "plant", 1, { products: ["w"] }),
    lane("sa", "dc", 0, { products: ["w"], sourcing: { split: 0.5 } }), lane("sb", "dc", 0, { products: ["w"], sourcing: { split: 0.5 } }),
    lane("dc", "x", 1, { products: ["w"] }),
    lane("sa", "y", 0, { products: ["w"], sourcing: { split: 0.5 } }), lane("sb", "y", 0, { products: ["w"], sourcing: { split: 0.5 } })],
  demand: [{ node: "y", product: "w", dist: constant(10) }],
});

describe("several sources in a scenario with recipes", () => {
  it("an item ships on what its channels received with lead time 0; a store's receipts pay its backorders by the evening", () => {
    const r = validateScenario(s);
    expect(r.ok ? [] : r.errors).toEqual([]);
    const net = compiled(s);
    expect([net.assembly.any, net.sourcing.any]).toEqual([true, true]);
    // Day 0. y: 10 customers, nothing on hand: 10 backordered; position 0 − 10: it orders 20,
    // 10 on each lane. x orders 10 from the dc; the dc, position 0 − 10, orders 20, 10 on each lane.
    // Shipping, upstream first: sa and sb ship the dc 10 + 10 and y 10 + 10, received at once.
    // The dc has its 20 when its turn comes: it ships x its 10 (in transit, due day 1), 10 left.
    // y takes its 20 in the same step: 10 pay the backorders, 10 on hand.
    const sim = createSimulation(s, 0);
    sim.step();
    expect([sim.onHand("dc"), sim.inTransit("x"), sim.owedDownstream("dc")]).toEqual([10, 10, 0]);
    expect([sim.onHand("y"), sim.backorders("y")]).toEqual([10, 0]);
  });
});
