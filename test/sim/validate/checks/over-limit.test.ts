// How an "over the limit" message prints a count and its limit (checks/over-limit.ts): one
// precision for both, the least from the digits asked that prints the count above the limit.
import { describe, expect, it } from "vitest";
import { overLimit, scientific } from "../../../../src/sim/validate/checks/over-limit.ts";

describe("overLimit", () => {
  it("keeps the digits asked when they tell the two apart", () => {
    expect(overLimit(67_108_867, 2 ** 24, 1)).toEqual({ value: "6.7e7", limit: "1.7e7" });
    expect(overLimit(3.51e10, 1e9, 2)).toEqual({ value: "3.51e10", limit: "1.00e9" });
  });

  it("adds digits until the count prints above the limit, never only different from it", () => {
    // 2^24 + 1 = 16,777,217 against 16,777,216: equal up to six digits after the point
    expect(overLimit(2 ** 24 + 1, 2 ** 24, 1)).toEqual({ value: "1.6777217e7", limit: "1.6777216e7" });
    // 16,809,984 reads 1.7e7 and 1.68e7 like the limit; 1.681e7 against 1.678e7
    expect(overLimit(16_809_984, 2 ** 24, 1)).toEqual({ value: "1.681e7", limit: "1.678e7" });
    // 2.0001e10 against 2e10 from two digits: 2.00e10 twice, then 2.000e10 twice
    expect(overLimit(2.0001e10, 2e10, 2)).toEqual({ value: "2.0001e10", limit: "2.0000e10" });
  });

  it("tells apart the two nearest doubles, at 17 significant digits", () => {
    expect(overLimit(2 ** 53 + 2, 2 ** 53, 1)).toEqual({ value: "9.007199254740994e15", limit: "9.007199254740992e15" });
    expect(overLimit(1 + 2 ** -52, 1, 0)).toEqual({ value: "1.0000000000000002e0", limit: "1.0000000000000000e0" });
  });

  it("prints NaN, or a count not above the limit, at the digits asked", () => {
    expect(overLimit(Number.NaN, 1e7, 1)).toEqual({ value: "NaN", limit: "1.0e7" });
    expect(overLimit(2 ** 24, 2 ** 24, 1)).toEqual({ value: "1.7e7", limit: "1.7e7" });
    expect(overLimit(5, 1e7, 2)).toEqual({ value: "5.00e0", limit: "1.00e7" });
  });

  it("prints a count past every double as Infinity", () => {
    expect(overLimit(Infinity, 1e12, 2)).toEqual({ value: "Infinity", limit: "1.00e12" });
  });

  it("prints every count just over a limit above it, wherever the limit sits", () => {
    for (const limit of [1, 7, 1e6, 4e6, 1e7, 2 ** 24, 1e9, 2e10, 1e12, 123_456_789]) {
      for (const over of [1, 2, 9, 10, 99, 1e3, 12_345]) {
        const shown = overLimit(limit + over, limit, 1);
        expect(Number(shown.value), `${limit} + ${over}`).toBeGreaterThan(Number(shown.limit));
      }
    }
  });
});

describe("scientific", () => {
  it("writes the exponent without a plus sign, as the schema's limits read", () => {
    expect(scientific(16_777_216, 1)).toBe("1.7e7");
    expect(scientific(1.5e-9, 2)).toBe("1.50e-9");
    expect(scientific(-Infinity, 2)).toBe("-Infinity");
    expect(scientific(Number.NaN, 2)).toBe("NaN");
  });
});
