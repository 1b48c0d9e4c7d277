import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { formatDuration, progressText, throttleLatest } from "../../../src/ui/run/progress.ts";

describe("progress", () => {
  it("formatDuration writes seconds and minutes", () => {
    expect([formatDuration(400), formatDuration(12_400), formatDuration(65_000), formatDuration(NaN)]).toEqual(["< 1 s", "12 s", "1 min 05 s", "—"]);
  });
  it("progressText reads done, total, percent and time left", () => {
    expect(progressText({ done: 340, total: 1000, perWorker: [170, 170], elapsedMs: 5000, etaMs: 12_000 })).toBe("340 of 1,000 replications (34%), about 12 s left");
    expect(progressText({ done: 0, total: 10, perWorker: [], elapsedMs: 0, etaMs: null })).toBe("0 of 10 replications (0%), starting");
    expect(progressText({ done: 5, total: 10, perWorker: [5], elapsedMs: 9, etaMs: null })).toBe("5 of 10 replications (50%), estimating the time left");
  });
});

describe("throttleLatest", () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });
  it("renders at most once per interval, always ending with the latest value", () => {
    const seen: number[] = [];
    const push = throttleLatest<number>((v) => seen.push(v), 100, () => Date.now());
    for (let i = 1; i <= 50; i++) { push(i); vi.advanceTimersByTime(5); }   // 250 ms of pushes
    vi.advanceTimersByTime(200);
    expect(seen[0]).toBe(1);
    expect(seen.at(-1)).toBe(50);
    expect(seen.length).toBeLessThanOrEqual(4);
  });
  it("cancel drops a pending render", () => {
    const seen: number[] = [];
    const push = throttleLatest<number>((v) => seen.push(v), 100, () => Date.now());
    push(1); push(2); push.cancel();
    vi.advanceTimersByTime(500);
    expect(seen).toEqual([1]);
  });
});
