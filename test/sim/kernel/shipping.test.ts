import { describe, expect, it } from "vitest";
import { compiled } from "../../../src/sim/engine/index.ts";
import { createState, resetState } from "../../../src/sim/kernel/index.ts";
import { DRAW_BLOCK } from "../../../src/sim/kernel/state.ts";
import { drawLeadTimes } from "../../../src/sim/kernel/shipping.ts";
import { createStream } from "../../../src/sim/random/index.ts";
import { lane, scenario, stock, supplier } from "../engine/fixtures.ts";

describe("drawLeadTimes", () => {
  it("draws exactly what each lane's lead-time sampler draws from the lane's stream", () => {
    const s = scenario({
      nodes: [supplier, stock("a", 10), stock("b", 10), stock("c", 10)],
      lanes: [lane("supplier", "a", { type: "uniform", min: 2, max: 6 }), lane("supplier", "b", 3),
        lane("supplier", "c", { type: "normal", mean: 4, sd: 1.5 })],
      demand: [],
    });
    const net = compiled(s), st = createState(net);
    resetState(net, st, 5);
    const mirror = Array.from(net.laneKey, (key) => { const r = createStream(); r.reseed(net.seedKey, 5, key); return r; });
    for (let block = 0; block < 7; block++) {   // a block of DRAW_BLOCK days at a time, each lane's days in order
      drawLeadTimes(net, st);
      for (let j = 0; j < DRAW_BLOCK; j++) {
        expect(net.laneLead.map((_, l) => st.laneLeads[l * DRAW_BLOCK + j])).toEqual(net.laneLead.map((sampler, l) => sampler.sample(mirror[l], 1)));
      }
    }
  });
});

import { drawDemand } from "../../../src/sim/kernel/customer-demand.ts";

describe("drawDemand", () => {
  it("draws exactly what each source's demand sampler draws from the source's stream (normal inlined)", () => {
    const s = scenario({
      nodes: [supplier, stock("a", 10), stock("b", 10)],
      lanes: [lane("supplier", "a", 1), lane("supplier", "b", 1)],
      demand: [{ node: "a", dist: { type: "normal", mean: 5, sd: 4 }, trend: 0.01 }, { node: "b", dist: { type: "gamma", mean: 5, sd: 2 } }],
    });
    const net = compiled(s), st = createState(net);
    resetState(net, st, 2);
    const mirror = Array.from(net.demandKey, (key) => { const r = createStream(); r.reseed(net.seedKey, 2, key); return r; });
    for (let t = 0; t < 30; t++) {
      for (let d = 0; d < 2; d++) expect(drawDemand(net, st, d, t)).toBe(net.demandSampler[d].sample(mirror[d], d === 0 ? 1.01 ** t : 1));
    }
  });
});
