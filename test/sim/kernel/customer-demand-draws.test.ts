// Plain demand sources (normal, independent, unseasonal: kernel/customer-demand.ts) have their
// normals drawn DRAW_BLOCK days ahead (state.ts), "the same draws, in the same order, as one a
// day": each day's demand is mean + sd·z with z the source's next normal from its own stream,
// seeded (seed, replication, source key) as timeline.md says. Checked day by day over three
// blocks, for two sources side by side (each reads its own part of the block).
import { describe, expect, it } from "vitest";
import { compiled, traceReplication } from "../../../src/sim/engine/index.ts";
import { createStream } from "../../../src/sim/random/index.ts";
import { DRAW_BLOCK } from "../../../src/sim/kernel/state.ts";
import { lane, scenario, stock, supplier } from "../engine/fixtures.ts";

const s = scenario({
  horizon: 3 * DRAW_BLOCK + 5, seed: 21,
  nodes: [supplier, stock("a", 200), stock("b", 100)],
  lanes: [lane("supplier", "a", 1), lane("supplier", "b", 1)],
  demand: [{ node: "a", dist: { type: "normal", mean: 100, sd: 10 } }, { node: "b", dist: { type: "normal", mean: 50, sd: 5 } }],
});

describe("plain normal demand, drawn ahead", () => {
  for (const rep of [0, 2]) {
    it(`is mean + sd·z with each source's own next normal every day: replication ${rep}`, () => {
      const net = compiled(s), tr = traceReplication(s, rep), N = tr.nodes.length;
      expect(Array.from(net.demandPlain)).toEqual([1, 1]);
      const streams = [createStream(), createStream()];
      streams.forEach((e, d) => e.reseed(net.seedKey, rep, net.demandKey[d]));
      const [a, b] = ["a", "b"].map((id) => tr.nodes.indexOf(id));
      for (let t = 0; t < s.horizon; t++) {
        expect(tr.demand[t * N + a]).toBe(100 + 10 * streams[0].normal());
        expect(tr.demand[t * N + b]).toBe(50 + 5 * streams[1].normal());
      }
    });
  }
});

describe("plain normal demand under a demand shock", () => {
  it("is the shock's multiple of mean + sd·z in its window, and mean + sd·z outside it", () => {
    // demand-shock × 2 at every node on days 30 … 39 (crossing the block boundary at day 32)
    const shocked = { ...s, disruptions: [{ type: "demand-shock" as const, node: "*", multiplier: 2, start: 30, end: 40 }] };
    const net = compiled(shocked), tr = traceReplication(shocked, 1), N = tr.nodes.length;
    expect(Array.from(net.demandPlain)).toEqual([1, 1]);
    const streams = [createStream(), createStream()];
    streams.forEach((e, d) => e.reseed(net.seedKey, 1, net.demandKey[d]));
    const [a, b] = ["a", "b"].map((id) => tr.nodes.indexOf(id));
    for (let t = 0; t < s.horizon; t++) {
      const m = t >= 30 && t < 40 ? 2 : 1;
      expect(tr.demand[t * N + a]).toBe(m * (100 + 10 * streams[0].normal()));
      expect(tr.demand[t * N + b]).toBe(m * (50 + 5 * streams[1].normal()));
    }
  });
});
