import { describe, expect, it } from "vitest";
import { limitConcurrency } from "../../../src/sim/optimize/limit.ts";

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe("limitConcurrency", () => {
  it("limitConcurrency keeps at most `limit` calls in flight, starts the rest in call order and returns each its own result", async () => {
    let active = 0, peak = 0;
    const started: number[] = [];
    const f = limitConcurrency(async (x: number) => {
      started.push(x);
      peak = Math.max(peak, ++active);
      await tick();
      active--;
      return x * x;
    }, 3);
    const out = await Promise.all(Array.from({ length: 10 }, (_, i) => f(i)));
    expect(out).toEqual(Array.from({ length: 10 }, (_, i) => i * i));
    expect(peak).toBe(3);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("limitConcurrency frees the slot of a call that fails", async () => {
    const f = limitConcurrency(async (x: number) => { await tick(); if (x % 2) throw new Error(`odd ${x}`); return x; }, 1);
    const out = await Promise.allSettled([1, 2, 3, 4].map(f));
    expect(out.map((r) => r.status)).toEqual(["rejected", "fulfilled", "rejected", "fulfilled"]);
  });
});
