import { describe, expect, it } from "vitest";
import { createSimulation } from "../../../src/sim/engine/index.ts";
import { singleNode } from "../engine/fixtures.ts";

describe("random-outage", () => {
  it("keeps the node down a fraction MTTR / (MTBF + MTTR) of the days, within the interval of the mean", () => {
    // Up-times ~ exponential(MTBF) and down-times ~ exponential(MTTR), each rounded to whole days
    // (kernel/disruptions.ts): an alternating renewal process whose long-run down fraction is
    // E[D] / E[cycle]. Rounding an exponential of mean m gives mean Σ_{k≥1} e^{−(k−½)/m} = 1/(2 sinh(1/(2m))),
    // and a cycle lasts at least a day (a cycle with U = D = 0 still moves one day on), so
    //   p = E[D] / (E[U] + E[D] + P(U = 0) P(D = 0)) = 0.19974 for MTBF 20, MTTR 5 (MTTR/(MTBF+MTTR) = 0.2).
    // Swapped, the fraction would be 0.8.
    const MTBF = 20, MTTR = 5, H = 2000, R = 100;
    const rounded = (m: number) => 1 / (2 * Math.sinh(1 / (2 * m)));
    const zero = (m: number) => 1 - Math.exp(-1 / (2 * m));
    const p = rounded(MTTR) / (rounded(MTBF) + rounded(MTTR) + zero(MTBF) * zero(MTTR));
    const s = singleNode(40, 10, 2, { horizon: H, seed: 11, disruptions: [{ type: "random-outage", node: "supplier", mtbf: MTBF, mttr: MTTR }] });
    const fractions: number[] = [];
    for (let r = 0; r < R; r++) {
      const sim = createSimulation(s, r), node = sim.network.nodeIds.indexOf("supplier");
      let down = 0;
      while (!sim.done()) { sim.step(); if (sim.state.nodeOut[node] > 0) down++; }
      fractions.push(down / H);
    }
    const mean = fractions.reduce((a, b) => a + b, 0) / R;
    const sd = Math.sqrt(fractions.reduce((a, f) => a + (f - mean) ** 2, 0) / (R - 1));
    // The interval: 4 standard errors of the mean of R independent replications, plus the start-up
    // bias (each replication starts up, not in the stationary mix). For two-state Markov up/down times
    // the days lost to it come to p / (1/MTBF + 1/MTTR) = 0.8 of a day per replication; allow
    // MTBF·MTTR/(MTBF+MTTR) = 4 days, i.e. 0.002 of H.
    const halfWidth = 4 * sd / Math.sqrt(R) + (MTBF * MTTR / (MTBF + MTTR)) / H;
    expect(halfWidth).toBeLessThan(0.02);   // narrow enough to tell 0.2 from 0.8 or from half of it
    expect(Math.abs(mean - p)).toBeLessThan(halfWidth);
    expect(Math.abs(mean - MTTR / (MTBF + MTTR))).toBeLessThan(halfWidth);
  });
});
