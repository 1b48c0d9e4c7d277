import { quantile } from "d3-array";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentiles } from "../../../src/sim/stats/percentile.ts";

// The oracle is d3's quantile (R-7 on a full sort); percentiles selects instead of sorting, so any
// slip in the selection, the target bookkeeping or the next-order-statistic scan shows as a difference.
describe("percentiles (property)", () => {
  it("percentiles equals d3.quantile for any values (ties, NaN) and any list of p (repeats, 0 and 1)", () => {
    const value = fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN));
    const p = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.05, 0.5, 0.95, 1));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 200 }), fc.array(p, { minLength: 1, maxLength: 8 }), (values, ps) => {
        const numbers = values.filter((v) => !Number.isNaN(v));
        const expected = ps.map((q) => (numbers.length === 0 ? NaN : quantile(numbers, q)));
        expect(percentiles(values, ps)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it("percentiles of values in descending and in sorted order equal d3.quantile", () => {
    for (const n of [2, 3, 4, 7, 50]) {
      const up = Array.from({ length: n }, (_, i) => i * 1.5), down = [...up].reverse();
      const ps = [0, 0.1, 0.25, 0.5, 0.5, 0.75, 0.9, 1];
      expect(percentiles(down, ps), `down ${n}`).toEqual(ps.map((q) => quantile(up, q)));
      expect(percentiles(up, ps), `up ${n}`).toEqual(ps.map((q) => quantile(up, q)));
    }
  });
});
