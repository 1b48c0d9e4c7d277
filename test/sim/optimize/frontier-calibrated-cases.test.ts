// calibrateNodeByNode (src/sim/optimize/frontier-calibrated.ts) with a stand-in simulation: one
// store behind a supplier (4 days), Poisson(16), so the textbook placement at safety factor z is
// μ·τ + z·σ·√τ = 64 + 8z, and the stand-in's fill rate is 0.25 + (level − 64)/256 = 0.25 + z/32:
// 0.25 at z = 0, 0.75 at z = 16 (MAX_Z). Every run answers at once, so a file runs in milliseconds.
// What is pinned: the bracket (z = 1.645, then 0 or doubling up to 16), the null cases, the
// number of bisections and where a fill exactly at the target goes, and NaN fill rates skipped.
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { calibrateNodeByNode } from "../../../src/sim/optimize/frontier-calibrated.ts";
import { poissonStore } from "./fixtures.ts";

/** z of a 95% cycle service level, where the bracket starts (the module's Z95). */
const Z95 = 1.6448536269514722;
const store = poissonStore;
/** The placement's level at z: 64 + 8z (both terms exact in binary floating point). */
const levelAt = (z: number) => 64 + 8 * z;
const fillOf = (level: number) => 0.25 + (level - 64) / 256;

/**
 * The stand-in: the same fill rate in every replication (so means are exact), a NaN in the first
 * one when `nanFirst`; inventory value is the level, twice it in the second replication. It
 * records the z of every call (level back to z: (level − 64)/8) and refuses a 40th call, so a
 * bracket that never ends fails instead of hanging.
 */
function standIn(nanFirst = false) {
  const levels: number[] = [];
  const simulate = async (s: Scenario) => {
    const level = (s.nodes[1].policy as { level: number }).level;
    levels.push(level);
    if (levels.length >= 40) throw new Error("more than 39 simulations");
    const f = fillOf(level);
    return {
      fillRate: Float64Array.from(nanFirst ? [NaN, f, f] : [f, f, f]),
      onHandValue: Float64Array.from([level, 2 * level, level]),
      holdingCost: Float64Array.from([level / 2, level, level / 2]),
    };
  };
  return { simulate, levels };
}

describe("calibrateNodeByNode: the bracket", () => {
  it("when z = 1.645 reaches the fill rate and z = 0 does not, bisects [0, 1.645] the given number of times", async () => {
    // F = 0.27: fill at Z95 is 0.25 + Z95/32 ≈ 0.301 ≥ F; at 0 it is 0.25 < F. Two bisections:
    // Z95/2 (fill ≈ 0.2757 ≥ F: upper), Z95/4 (≈ 0.2629 < F: lower). Bracket [Z95/4, Z95/2].
    const { simulate, levels } = standIn();
    const r = await calibrateNodeByNode(store, 0.27, simulate, 2);
    expect(levels).toEqual([Z95, 0, Z95 / 2, Z95 / 4].map(levelAt));
    expect(r!.z).toEqual([Z95 / 4, Z95 / 2]);
    // Read between the two: weight (F − f_lo)/(f_hi − f_lo), values mixed replication by replication.
    const [fl, fh] = [fillOf(levelAt(Z95 / 4)), fillOf(levelAt(Z95 / 2))], w = (0.27 - fl) / (fh - fl);
    expect(r!.at.between).toEqual([0, 1]);
    expect(r!.at.weight).toBeCloseTo(w, 12);
    const v = (1 - w) * levelAt(Z95 / 4) + w * levelAt(Z95 / 2);
    expect([...r!.at.onHandValue].map((x) => +x.toFixed(9))).toEqual([v, 2 * v, v].map((x) => +x.toFixed(9)));
  });

  it("bisects 10 times by default: 12 simulations in all", async () => {
    const { simulate, levels } = standIn();
    const r = await calibrateNodeByNode(store, 0.27, simulate);
    expect(levels.length).toBe(2 + 10);
    expect(r!.z[1] - r!.z[0]).toBeCloseTo(Z95 / 1024, 12);
  });

  it("a fill rate exactly the target at z = 1.645 counts as reached: it tries z = 0 next", async () => {
    // F = fill at Z95 exactly: Z95 reaches it (≥), 0 does not; one bisection: Z95/2 falls short,
    // so the bracket is [Z95/2, Z95].
    const { simulate, levels } = standIn();
    const r = await calibrateNodeByNode(store, fillOf(levelAt(Z95)), simulate, 1);
    expect(levels).toEqual([Z95, 0, Z95 / 2].map(levelAt));
    expect(r!.z).toEqual([Z95 / 2, Z95]);
  });

  it("returns null when z = 0 already reaches the fill rate (nothing to calibrate), exactly or above", async () => {
    for (const F of [0.25, 0.2]) {
      const { simulate, levels } = standIn();
      expect(await calibrateNodeByNode(store, F, simulate, 1)).toBeNull();
      expect(levels).toEqual([Z95, 0].map(levelAt));
    }
  });

  it("doubles z from 1.645 until it reaches the fill rate, then bisects between the last two", async () => {
    // F = 0.5: fills 0.25 + z/32 at Z95 (0.301), 2·Z95 (0.353), 4·Z95 (0.456) fall short, 8·Z95
    // (0.661) reaches it; one bisection: 6·Z95 (0.558) reaches it. Bracket [4·Z95, 6·Z95].
    const { simulate, levels } = standIn();
    const r = await calibrateNodeByNode(store, 0.5, simulate, 1);
    expect(levels).toEqual([Z95, 2 * Z95, 4 * Z95, 8 * Z95, 6 * Z95].map(levelAt));
    expect(r!.z).toEqual([4 * Z95, 6 * Z95]);
  });

  it("stops doubling at a fill rate exactly the target", async () => {
    // F = fill at 2·Z95 exactly: reached there (no 4·Z95); one bisection: 1.5·Z95 falls short.
    const { simulate, levels } = standIn();
    const r = await calibrateNodeByNode(store, fillOf(levelAt(2 * Z95)), simulate, 1);
    expect(levels).toEqual([Z95, 2 * Z95, 1.5 * Z95].map(levelAt));
    expect(r!.z).toEqual([1.5 * Z95, 2 * Z95]);
  });

  it("doubles up to z = 16 and no further: null when 16 falls short, after 5 simulations", async () => {
    // F = 0.8 > 0.75 = fill at 16: Z95, 2, 4, 8 × Z95 (13.16), then min(26.3, 16) = 16, all short.
    const { simulate, levels } = standIn();
    expect(await calibrateNodeByNode(store, 0.8, simulate, 3)).toBeNull();
    expect(levels).toEqual([Z95, 2 * Z95, 4 * Z95, 8 * Z95, 16].map(levelAt));
  });

  it("z = 16 reaching the fill rate exactly is a bracket: bisects [8·1.645, 16]", async () => {
    // F = 0.75 = fill at 16 (level 192: 0.25 + 128/256). One bisection: (8·Z95 + 16)/2 ≈ 14.58
    // (fill ≈ 0.706) falls short: bracket [(8·Z95 + 16)/2, 16].
    const { simulate, levels } = standIn();
    const r = await calibrateNodeByNode(store, 0.75, simulate, 1);
    const mid = (8 * Z95 + 16) / 2;
    expect(levels).toEqual([Z95, 2 * Z95, 4 * Z95, 8 * Z95, 16, mid].map(levelAt));
    expect(r!.z).toEqual([mid, 16]);
  });
});

describe("calibrateNodeByNode: the bisection", () => {
  it("a midpoint whose fill rate is exactly the target becomes the upper end", async () => {
    // F = fill at Z95/2 exactly: bracket [0, Z95]; the one bisection, Z95/2, reaches F (≥): [0, Z95/2].
    const { simulate, levels } = standIn();
    const r = await calibrateNodeByNode(store, fillOf(levelAt(Z95 / 2)), simulate, 1);
    expect(levels).toEqual([Z95, 0, Z95 / 2].map(levelAt));
    expect(r!.z).toEqual([0, Z95 / 2]);
  });

  it("skips NaN fill rates in the mean: a NaN replication changes nothing", async () => {
    // As the first case, with replication 0's fill rate NaN: the mean over the other two is f.
    const { simulate, levels } = standIn(true);
    const r = await calibrateNodeByNode(store, 0.27, simulate, 2);
    expect(levels).toEqual([Z95, 0, Z95 / 2, Z95 / 4].map(levelAt));
    expect(r!.z).toEqual([Z95 / 4, Z95 / 2]);
  });
});
