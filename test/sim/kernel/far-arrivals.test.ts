import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compiled, createSimulation } from "../../../src/sim/engine/index.ts";
import { createKpiWriter } from "../../../src/sim/engine/kpis.ts";
import { startReplication } from "../../../src/sim/engine/simulation.ts";
import type { CompiledNetwork } from "../../../src/sim/kernel/index.ts";
import { createAccumulators, createState, simulateDay } from "../../../src/sim/kernel/index.ts";
import { RING_SLOTS } from "../../../src/sim/kernel/far-arrivals.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { constant, lane, scenario, stock, supplier } from "../engine/fixtures.ts";

const retail = JSON.parse(readFileSync(new URL("../../../scenarios/retail-3-echelon.json", import.meta.url), "utf8")) as Scenario;

/** KPI rows of replications 0 … n − 1, and the longest ring and most far arrivals seen. */
function run(net: CompiledNetwork, n: number) {
  const st = createState(net), acc = createAccumulators(net), writer = createKpiWriter(net);
  const rows = new Float64Array(n * writer.columns);
  let far = 0;
  for (let r = 0; r < n; r++) {
    startReplication(net, st, acc, r);
    for (let t = 0; t < net.horizon; t++) { simulateDay(net, st, acc); far = Math.max(far, st.far?.count ?? 0); }
    writer.write(acc, rows, r * writer.columns);
  }
  return { rows: Array.from(rows), ring: st.ring, far };
}

/** `stores` stores × `products` products behind one supplier; the first store's lane takes `lead` days, the others 2. */
function wide(stores: number, products: number, lead: number, horizon: number): Scenario {
  const ids = Array.from({ length: stores }, (_, k) => `s${k}`);
  return scenario({
    horizon, products: Array.from({ length: products }, (_, p) => ({ id: `p${p}` })),
    nodes: [supplier, ...ids.map((id) => stock(id, 10, { initialInventory: 0 }))],
    lanes: ids.map((id, k) => lane("supplier", id, k === 0 ? lead : 2)),
    demand: [{ node: "s0", product: "p0", dist: constant(1) }, { node: "s1", product: "p0", dist: constant(1) }],
  });
}

describe("arrivals beyond the arrival ring", () => {
  it("a network whose items × longest transit exceed RING_SLOTS keeps its calendar within them, and runs", () => {
    const s = wide(100, 100, 1000, 1100);   // 10,100 items × a 1,024-day ring would be 10.3 M slots
    expect(validateScenario(s).ok).toBe(true);
    const net = compiled(s);
    expect(net.items * net.ringMax).toBeLessThanOrEqual(RING_SLOTS);
    const sim = createSimulation(s, 0);
    expect(sim.state.pipe.length).toBeLessThanOrEqual(RING_SLOTS);
    const onHand: number[] = [];
    while (!sim.done()) { sim.step(); onHand.push(sim.onHand("s0")); }
    expect(sim.state.pipe.length).toBeLessThanOrEqual(RING_SLOTS);
    // s0 ordered 10 of each of its 100 products on day 0, and 1 of p0 a day after: they arrive from day 1,000 on,
    // p0's units paying its backorders first
    expect(onHand[999]).toBe(0);
    expect(onHand[1000]).toBe(990);
  });

  for (const [name, s] of [
    ["retail", retail],
    ["retail with sampled lead times, a lane delay and expedites", {
      ...retail, horizon: 200, warmup: 20,
      lanes: retail.lanes.map((l, k) => (k % 3 === 0 ? { ...l, leadTime: { type: "normal", mean: 6, sd: 3 } } : l)),
      disruptions: [{ type: "lane-delay", from: retail.lanes[1].from, to: retail.lanes[1].to, extraDays: 9, start: 30, end: 60 }],
      mitigations: { expedite: [{ from: retail.lanes[1].from, to: retail.lanes[1].to, leadTime: { type: "constant", value: 4 }, costPerUnit: 1, when: "position-below", threshold: 400 }] },
    } as Scenario],
  ] as const) {
    it(`gives the same KPIs, to the bit, when every arrival 2 days ahead or more waits beyond the ring: ${name}`, () => {
      const net = compiled(s);
      const ring = run(net, 8), far = run({ ...net, ring: 2, ringMax: 2 }, 8);
      expect(far.ring).toBe(2);
      expect(far.far).toBeGreaterThan(0);
      expect(far.rows).toEqual(ring.rows);
    });
  }
});
