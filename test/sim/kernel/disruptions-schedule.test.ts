// Random outages (scenario.md `random-outage`, kernel/disruptions.ts): each replication draws its
// outages from the disruption's own stream, seeded (seed, replication, disruption key) as
// timeline.md says: an up-time ~ exponential(mtbf), then a down-time ~ exponential(mttr), each
// −m·ln(1 − u) rounded to whole days, again and again to the horizon; a cycle with no up-time and
// no down-time still moves one day on. Here the down days are drawn that way from a stream of
// the same seed and compared with the days the kernel holds the node or lane out, day by day.
// (disruptions.test.ts checks the long-run down fraction, over many replications.)
import { describe, expect, it } from "vitest";
import { compiled, createSimulation } from "../../../src/sim/engine/index.ts";
import { createStream } from "../../../src/sim/random/index.ts";
import { singleNode } from "../engine/fixtures.ts";

const H = 120;
const s = singleNode(40, 10, 2, {
  horizon: H, seed: 3,
  disruptions: [
    { type: "random-outage", node: "supplier", mtbf: 10, mttr: 4 },
    { type: "random-outage", from: "supplier", to: "store", mtbf: 6, mttr: 2 },
  ],
});

/** Days 0 … H − 1 on which disruption i is down in replication r, from its stream by the rule above. */
function downDays(i: number, r: number, mtbf: number, mttr: number): boolean[] {
  const net = compiled(s), stream = createStream(), down = new Array<boolean>(H).fill(false);
  stream.reseed(net.seedKey, r, net.disruptions.key[i]);
  for (let t = 0; t < H;) {
    const up = Math.round(-mtbf * Math.log(1 - stream.uniform())), length = Math.round(-mttr * Math.log(1 - stream.uniform()));
    for (let d = t + up; d < Math.min(H, t + up + length); d++) down[d] = true;
    t = Math.max(t + 1, t + up + length);
  }
  return down;
}

describe("random outages, day by day", () => {
  for (const r of [0, 4]) {
    it(`hold the node and the lane out on the days their streams draw: replication ${r}`, () => {
      const sim = createSimulation(s, r), node = sim.network.nodeIds.indexOf("supplier"), seen: boolean[][] = [[], []];
      while (!sim.done()) { sim.step(); seen[0].push(sim.state.nodeOut[node] > 0); seen[1].push(sim.state.laneOut[0] > 0); }
      const expected = [downDays(0, r, 10, 4), downDays(1, r, 6, 2)];
      expect(seen).toEqual(expected);
      // both come and go: some days down, most up
      for (const days of expected) expect(days.filter(Boolean).length).toBeGreaterThan(5);
      for (const days of expected) expect(days.filter(Boolean).length).toBeLessThan(H / 2);
    });
  }
});
