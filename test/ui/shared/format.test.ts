import { describe, expect, it, vi } from "vitest";
import { debounce, formatNumber, truncate } from "../../../src/ui/shared/format.ts";

describe("format", () => {
  it("truncate keeps short text and cuts long text between words", () => {
    expect(truncate("Plant", 10)).toBe("Plant");
    expect(truncate("Raw-material supplier", 20)).toBe("Raw-material…");
    expect(truncate("Supercalifragilistic", 8)).toBe("Superca…");
  });

  it("formatNumber separates thousands and keeps four significant digits", () => {
    expect(formatNumber(1894)).toBe("1,894");
    expect(formatNumber(12.3456)).toBe("12.35");
    expect(formatNumber(Number.NaN)).toBe("NaN");
  });

  it("debounce calls once after the last call, and flush calls a pending call at once", () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    const f = debounce((x: number) => calls.push(x), 100);
    f(1); f(2);
    vi.advanceTimersByTime(99);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([2]);
    f(3);
    f.flush();
    f.flush();
    expect(calls).toEqual([2, 3]);
    vi.useRealTimers();
  });
});
