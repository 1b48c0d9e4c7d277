// The headline in words: the saving against node by node and against the calibrated baseline, signed.
import { describe, expect, it } from "vitest";
import type { HeadlineRow } from "../../../src/sim/optimize/index.ts";
import { headlineLine } from "../../../src/ui/frontier/frontier-headline-rows.ts";
import { smallFrontier } from "./fixture.ts";

const e = (mean: number, lo: number, hi: number) => ({ mean, ci95: [lo, hi] as const });
const row: HeadlineRow = {
  fillRate: 0.95, how: "interpolated",
  nodeByNode: { onHandValue: e(43908, 43800, 44000), holdingCost: e(40, 39, 41), between: [0.891, 0.912] },
  best: { curve: "simulation", onHandValue: e(25916, 25800, 26000), holdingCost: e(35, 34, 36), between: [0.93, 0.95] },
  saving: { onHandValue: { mean: 17992, ci95: [17919, 18065], relative: 0.4098 }, holdingCost: { mean: 5.2, ci95: [5.09, 5.32], relative: 0.13 } },
  calibratedNodeByNode: { z: [3.749, 3.752], onHandValue: e(28254, 28200, 28300), holdingCost: e(38.8, 38, 39),
    saving: { onHandValue: { mean: -95, ci95: [-109, -80], relative: -0.0034 }, holdingCost: { mean: -3, ci95: [-3.1, -2.9], relative: -0.1 } } },
};

describe("headlineLine", () => {
  it("says how much less the best multi-echelon plan needs than node by node, with the paired interval, and signs a negative saving as more", () => {
    const l = headlineLine(row);
    expect(l.sentence).toBe("At 95% fill rate the network optimiser's plan needs 41.0% less inventory value than node by node (saving 17,992 [17,919, 18,065]), " +
      "and 0.3% more than node by node calibrated by simulation (saving −95 [−109, −80]).");
    expect(l).toMatchObject({ fillRate: "95%", best: "Network optimiser", bestValue: "25,916", nodeByNodeValue: "43,908", calibratedValue: "28,254" });
  });

  it("keeps an acronym's capitals inside the sentence: the GSM's plan, never the gsm's", () => {
    expect(headlineLine({ ...row, best: { ...row.best!, curve: "gsm" } }).sentence).toMatch(/^At 95% fill rate the GSM's plan needs 41\.0% less /);
  });

  it("says why there is no saving when the curves do not bracket the fill rate", () => {
    const l = headlineLine({ ...row, fillRate: 0.999, saving: null, best: null, calibratedNodeByNode: null, note: "no two simulated points of gsm or simulation bracket the fill rate 0.999 (not extrapolated): widen the service levels or targets" });
    expect(l.sentence).toBe("At 99.9% fill rate: no saving to show, no two simulated points of gsm or simulation bracket the fill rate 0.999 (not extrapolated): widen the service levels or targets.");
    expect(l.saving).toBeUndefined();
    expect(l.bestValue).toBe("–");
  });

  it("reads a computed curve's headline with its own figures", async () => {
    const { result } = await smallFrontier();
    const h = result.headline[0], l = headlineLine(h);
    if (!h.saving) expect(l.sentence).toContain(h.note!);
    else expect(l.saving!.share).toBe(`${(h.saving.onHandValue.relative * 100).toFixed(1)}%`);
  });
});
