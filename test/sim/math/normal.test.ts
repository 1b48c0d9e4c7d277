import { describe, expect, it } from "vitest";
import { normalCdf, normalLoss, normalPdf, normalQuantile, normalSecondLoss } from "../../../src/sim/math/normal.ts";

/** |a − b| <= tol·|b|: relative closeness, for values spanning many orders of magnitude. */
const relClose = (a: number, b: number, tol: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.abs(b));

// Reference values: the classic tables (Φ(1.645) = 0.95002, Φ(1.96) = 0.97500, L(0) = 0.398942)
// to the digits printed there, and to 20 digits from mpmath at 30-digit precision
// (mp.ncdf, √2·erfinv(2p − 1), φ(x) − x(1 − Φ(x)), ½[(x² + 1)(1 − Φ(x)) − xφ(x)]).
const CDF: [number, number][] = [
  [-37, 5.7255712225245768227e-300], [-10, 7.619853024160526066e-24], [-5, 2.8665157187919391167e-7],
  [-1.96, 0.024997895148220436213], [-1, 0.15865525393145705141], [0, 0.5], [0.5, 0.69146246127401310364],
  [1, 0.84134474606854294859], [1.645, 0.95001509446087863655], [1.96, 0.97500210485177956379],
  [3, 0.99865010196836990547], [8, 0.9999999999999993779],
  // Far tails at x with many fraction bits, where y² must be formed without rounding (y split at 1/16).
  [-25.123, 1.3943982879132136508e-139], [-33.33, 7.0994555773952064472e-244],
];
// Quantiles of the doubles nearest these p (0.9999999 is 1e-7 − 5.8e-17 from 1 in binary,
// which moves Φ⁻¹ by 1e-10), so mpmath was given the same binary values.
const QUANTILE: [number, number][] = [
  [1e-10, -6.3613409024040561991], [0.001, -3.0902323061678135354], [0.025, -1.9599639845400542118],
  [0.05, -1.644853626951472688], [0.3, -0.52440051270804081597], [0.95, 1.6448536269514722843],
  [0.975, 1.9599639845400538556], [0.999, 3.0902323061678132778], [0.9999999, 5.1993375822906610937],
];
const LOSS: [number, number, number][] = [
  [-2, 2.0084907026168296375, 2.4971156366427400339], [-1, 1.0833154705876862984, 0.96233010832811462348],
  [0, 0.39894228040143267794, 0.25], [1, 0.083315470587686298383, 0.037669891671885376516],
  [1.645, 0.020885641480126758176, 0.0078140126521564229378], [2, 0.00849070261682963755, 0.0028843633572599660501],
  [3, 0.00038215431704772359565, 0.00010171754024346186986], [5, 5.3461655338328149539e-8, 9.6716475937765819882e-9],
];

describe("normalCdf", () => {
  it("normalCdf matches the printed tables: Φ(1.645) = 0.95002, Φ(1.96) = 0.97500, Φ(−1) = 0.15866", () => {
    expect(normalCdf(1.645)).toBeCloseTo(0.95002, 5);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 5);
    expect(normalCdf(-1)).toBeCloseTo(0.15866, 5);
    expect(normalCdf(0)).toBe(0.5);
  });

  it("normalCdf is accurate to 1e-15 relative, in the lower tail down to Φ(−37)", () => {
    for (const [x, p] of CDF) relClose(normalCdf(x), p, 1e-15);
  });

  it("normalCdf(x) + normalCdf(−x) = 1 and the limits are 0 and 1", () => {
    for (let x = -8; x <= 8; x += 0.37) expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(NaN)).toBeNaN();
  });
});

describe("normalPdf", () => {
  it("normalPdf(0) = 1/√(2π) and normalPdf(1) = e^(−½)/√(2π)", () => {
    relClose(normalPdf(0), 1 / Math.sqrt(2 * Math.PI), 1e-15);
    relClose(normalPdf(1), Math.exp(-0.5) / Math.sqrt(2 * Math.PI), 1e-15);
  });
});

describe("normalQuantile", () => {
  it("normalQuantile gives the textbook critical values to 1e-15 relative: Φ⁻¹(0.975) = 1.959964", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.5)).toBe(0);
    for (const [p, x] of QUANTILE) relClose(normalQuantile(p), x, 2e-15);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514722, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
  });

  it("normalQuantile inverts normalCdf across the whole range (round trip to 1e-14)", () => {
    for (let x = -37; x <= 8; x += 0.173) {
      const p = normalCdf(x);
      // In the upper half p is rounded to 1e-16 absolute, which moves x by 1e-16/φ(x).
      const tol = x < 0 ? 1e-14 * Math.max(1, Math.abs(x)) : 2e-16 / normalPdf(x) + 1e-14;
      expect(Math.abs(normalQuantile(p) - x)).toBeLessThanOrEqual(tol);
    }
  });

  it("normalQuantile is −∞ at 0, +∞ at 1 and NaN outside [0, 1]", () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
  });
});

describe("normalLoss and normalSecondLoss", () => {
  it("normalLoss(0) = 0.398942 and normalSecondLoss(0) = ¼", () => {
    expect(normalLoss(0)).toBeCloseTo(0.398942, 6);
    expect(normalSecondLoss(0)).toBe(0.25);
  });

  it("match the reference values to 1e-14 relative", () => {
    for (const [x, l, l2] of LOSS) {
      relClose(normalLoss(x), l, 1e-14);
      relClose(normalSecondLoss(x), l2, 1e-13);
    }
  });

  it("satisfy L(x) − L(−x) = −x and L₂' = −L (central difference)", () => {
    for (let x = -4; x <= 4; x += 0.25) {
      expect(normalLoss(x) - normalLoss(-x)).toBeCloseTo(-x, 14);
      const h = 1e-5, d = (normalSecondLoss(x + h) - normalSecondLoss(x - h)) / (2 * h);
      expect(d).toBeCloseTo(-normalLoss(x), 9);
    }
  });
});
