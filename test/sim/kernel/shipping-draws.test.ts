// Lane lead times (kernel/shipping.ts drawLeadTimes): one draw per lane and day from the lane's own
// stream, whether or not anything departs (timeline.md), made DRAW_BLOCK days ahead — the same
// draws as one a day. Here each lane's lead times are drawn day by day from a stream seeded
// (seed, replication, lane key) through the lane's distribution, and compared with the trace's
// shipments over three blocks: a uniform lane (whole days, drawn inline), a normal one (the
// sampler), and one whose store orders every other day (the other days' draws are still used up).
import { describe, expect, it } from "vitest";
import { compiled, createSimulation, traceReplication } from "../../../src/sim/engine/index.ts";
import { createLeadTimeSampler, createStream } from "../../../src/sim/random/index.ts";
import type { Distribution } from "../../../src/sim/model/index.ts";
import { DRAW_BLOCK } from "../../../src/sim/kernel/state.ts";
import { constant, lane, scenario, stock, supplier } from "../engine/fixtures.ts";

const H = 3 * DRAW_BLOCK + 5;
const leads: Distribution[] = [{ type: "uniform", min: 1, max: 4 }, { type: "normal", mean: 3, sd: 1 }, { type: "uniform", min: 2, max: 6 }];
const s = scenario({
  horizon: H, seed: 5,
  nodes: [supplier, stock("a", 100), stock("b", 100), stock("c", 100, { policy: { type: "base-stock", level: 100, review: 2 } })],
  lanes: ["a", "b", "c"].map((id, k) => lane("supplier", id, leads[k], { overtaking: true })),
  demand: ["a", "b", "c"].map((node) => ({ node, dist: constant(10) })),
});

describe("lane lead times, drawn ahead", () => {
  for (const rep of [0, 3]) {
    it(`are each lane's own draws, one a day: replication ${rep}`, () => {
      const net = compiled(s), tr = traceReplication(s, rep);
      expect(Array.from(net.laneDraw)).toEqual([2, 0, 2]);   // uniform days inline, the sampler, uniform days
      leads.forEach((dist, l) => {
        const stream = createStream(), sampler = createLeadTimeSampler(dist);
        stream.reseed(net.seedKey, rep, net.laneKey[l]);
        const drawn = Array.from({ length: H }, () => sampler.sample(stream, 1));
        const seen = Array.from(tr.shipmentLane).flatMap((x, j) => (x === l ? [[tr.shipmentDepart[j], tr.shipmentArrive[j] - tr.shipmentDepart[j]]] : []));
        // a and b order every day, c every other day (review 2): each shipment leaves the day it is ordered
        const days = Array.from({ length: H }, (_, t) => t).filter((t) => l < 2 || t % 2 === 0);
        expect(seen).toEqual(days.map((t) => [t, drawn[t]]));
      });
    });
  }
});

describe("lead times of 0 days among the draws", () => {
  it("are received on the day they leave, with or without a trace (kernel/shipping.ts plain days need 1 … ring − 1)", () => {
    // store: base-stock 100, demand 10, lane normal(1, 1) rounded to whole days (0 often), with
    // overtaking: every evening it orders the day's 10, which arrive L_u days after day u (L = 0:
    // the same evening). On hand at the end of day t: 100 − 10·(t + 1) + 10·#{u ≤ t: u + L_u ≤ t}.
    const dist: Distribution = { type: "normal", mean: 1, sd: 1 };
    const one = scenario({
      horizon: H, seed: 9, allocation: "proportional",   // no order queue, so blocks of 1 … ring − 1 days take the plain path
      nodes: [supplier, stock("store", 100)],
      lanes: [lane("supplier", "store", dist, { overtaking: true })],
      demand: [{ node: "store", dist: constant(10) }],
    });
    const net = compiled(one), stream = createStream(), sampler = createLeadTimeSampler(dist);
    expect(net.orderQueue).toBe(false);
    stream.reseed(net.seedKey, 0, net.laneKey[0]);
    const L = Array.from({ length: H }, () => sampler.sample(stream, 1));
    expect(L.filter((x) => x === 0).length).toBeGreaterThan(5);
    const expected = Array.from({ length: H }, (_, t) => 100 - 10 * (t + 1) + 10 * L.filter((x, u) => u <= t && u + x <= t).length);
    const sim = createSimulation(one, 0), seen: number[] = [];
    while (!sim.done()) { sim.step(); seen.push(sim.onHand("store")); }
    expect(seen).toEqual(expected);
  });
});
