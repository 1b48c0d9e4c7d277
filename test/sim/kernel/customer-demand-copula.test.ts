// Correlated demand (kernel/customer-demand.ts, scenario-format.md `demandCorrelation`): one common
// factor F per group and day, z = √ρ·F + √(1−ρ)·ε, demand = the source's quantile of Φ(z). Here
// every draw is taken from streams seeded as timeline.md says (seed, replication, source key), the
// demand computed by that formula and compared with the demand the kernel served, day by day.
// (demand.test.ts checks the correlation and the marginals statistically, over many days.)
import { describe, expect, it } from "vitest";
import { compiled, traceReplication } from "../../../src/sim/engine/index.ts";
import { createStream } from "../../../src/sim/random/index.ts";
import { lane, scenario, stock, supplier } from "../engine/fixtures.ts";

const RHO = 0.64;   // √ρ = 0.8, √(1 − ρ) = 0.6
const s = scenario({
  horizon: 40, seed: 11,
  nodes: [supplier, stock("a", 200), stock("b", 100)],
  lanes: [lane("supplier", "a", 1), lane("supplier", "b", 1)],
  demand: [{ node: "a", dist: { type: "normal", mean: 100, sd: 10 } }, { node: "b", dist: { type: "normal", mean: 50, sd: 5 } }],
  demandCorrelation: { rho: RHO },
});

describe("correlated demand", () => {
  for (const rep of [0, 3]) {
    it(`is the quantile of Φ(√ρ·F + √(1−ρ)·ε) each day, F common to the group: replication ${rep}`, () => {
      const net = compiled(s), tr = traceReplication(s, rep), N = tr.nodes.length;
      expect(net.groupKey.length).toBe(1);
      const group = createStream(), own = [createStream(), createStream()];
      group.reseed(net.seedKey, rep, net.groupKey[0]);
      own.forEach((e, d) => e.reseed(net.seedKey, rep, net.demandKey[d]));
      const [a, b] = ["a", "b"].map((id) => tr.nodes.indexOf(id));
      for (let t = 0; t < s.horizon; t++) {
        const F = group.normal(), za = 0.8 * F + 0.6 * own[0].normal(), zb = 0.8 * F + 0.6 * own[1].normal();
        // Φ⁻¹(Φ(z)) = z: a normal source's quantile of Φ(z) is mean + sd·z (never below 0 here)
        expect(tr.demand[t * N + a]).toBeCloseTo(100 + 10 * za, 9);
        expect(tr.demand[t * N + b]).toBeCloseTo(50 + 5 * zb, 9);
      }
    });
  }
});
