import { describe, expect, it } from "vitest";
import { fmix32, hashKey } from "../../../src/sim/random/hash.ts";

describe("hashKey", () => {
  it("hashKey gives an unsigned 32-bit integer, the same for the same input", () => {
    for (const v of ["", "demand:store-1:sku1", "lead:plant>dc", 0, 1, -1, 2 ** 40, 0.5, NaN]) {
      const h = hashKey(v);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
      expect(hashKey(v)).toBe(h);
    }
  });

  it("hashKey gives the recorded keys, so seeds and source ids map to the same streams in every version", () => {
    // Golden values (changing them changes every scenario's random numbers).
    expect([hashKey(42), hashKey("demand:store-1:sku1"), hashKey("lead:plant>dc"), hashKey("")]).toEqual(GOLDEN);
  });

  it("hashKey separates 20,000 source ids and 20,000 integer seeds without collisions", () => {
    const ids = new Set<number>(), seeds = new Set<number>();
    for (let n = 0; n < 200; n++) for (let p = 0; p < 100; p++) ids.add(hashKey(`demand:store-${n}:sku${p}`));
    for (let i = 0; i < 20000; i++) seeds.add(hashKey(i));
    expect(ids.size).toBe(20000);
    expect(seeds.size).toBe(20000);
  });

  it("hashKey tells apart a number and its string, ids that differ in one character, and integers 2³² apart", () => {
    expect(hashKey(1)).not.toBe(hashKey("1"));
    expect(hashKey("lead:a>b")).not.toBe(hashKey("lead:a>c"));
    expect(hashKey(5)).not.toBe(hashKey(5 + 2 ** 32));
    expect(hashKey(-1)).not.toBe(hashKey(2 ** 32 - 1));
  });
});

describe("fmix32", () => {
  it("fmix32 is a bijection (no two of 2^16 consecutive inputs collide) and fmix32(0) = 0", () => {
    const seen = new Set<number>();
    for (let i = 0; i < 65536; i++) seen.add(fmix32(i * 65537));
    expect(seen.size).toBe(65536);
    expect(fmix32(0)).toBe(0);
  });
});

const GOLDEN = [2681435382, 73285495, 1546444626, 2872998923];

describe("hashKey beyond small integers", () => {
  it("hashKey hashes a number that is not a safe integer as '#' and its decimal string, so 1.5 is not 1", () => {
    for (const v of [1.5, -0.25, 2 ** 53, NaN, Infinity]) expect(hashKey(v), String(v)).toBe(hashKey(`#${String(v)}`));
    expect(hashKey(1.5)).not.toBe(hashKey(1));
  });
});
