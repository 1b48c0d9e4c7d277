import { afterEach, describe, expect, it, vi } from "vitest";
import { RunProgressController, type ProgressListener } from "../../../src/ui/run/run-progress-controller.ts";
import type { RunProgress } from "../../../src/ui/run/sim-client.ts";
import { RunStatus, SimRunController } from "../../../src/ui/run/sim-run-controller.ts";
import { host } from "./controller-host.ts";

const report = (done: number, total = 10): RunProgress => ({ done, total, perWorker: [done], elapsedMs: 100 * done, etaMs: 100 * (total - done) });

/** A job that resolves with `value` when `finish` is called and hands out its progress listener. */
function heldJob(value: number) {
  const held: { onProgress?: ProgressListener; signal?: AbortSignal; finish: () => void } = { finish: () => {} };
  const job = (signal: AbortSignal, onProgress: ProgressListener) => new Promise<number>((resolve, reject) => {
    Object.assign(held, { onProgress, signal, finish: () => resolve(value) });
    signal.addEventListener("abort", () => reject(Object.assign(new Error("aborted"), { name: "AbortError" })));
  });
  return { held, job };
}

describe("RunProgressController", () => {
  afterEach(() => { vi.useRealTimers(); });

  it("shows the initial progress, then the job's reports at most every 100 ms, and nothing once the job settles", async () => {
    vi.useFakeTimers();
    const { h, api } = host();
    const task = new SimRunController<number>(api);
    const progress = new RunProgressController(api, task);
    expect(h.controllers).toContain(progress);
    const { held, job } = heldJob(7);
    const done = progress.run(report(0), job);
    expect([task.status, progress.progress]).toEqual([RunStatus.PENDING, report(0)]);
    held.onProgress!(report(1));
    expect(progress.progress).toEqual(report(1));
    held.onProgress!(report(2));
    held.onProgress!(report(3));
    expect(progress.progress).toEqual(report(1));
    vi.advanceTimersByTime(100);
    expect(progress.progress).toEqual(report(3));
    held.finish();
    await done;
    expect([task.status, task.value, progress.progress]).toEqual([RunStatus.COMPLETE, 7, undefined]);
  });

  it("starts with no progress when given none", async () => {
    const { api } = host();
    const progress = new RunProgressController(api, new SimRunController<number>(api));
    const { held, job } = heldJob(1);
    const done = progress.run(undefined, job);
    expect(progress.progress).toBeUndefined();
    held.finish();
    await done;
  });

  it("cancel() aborts the task at once, hides the progress and drops later reports", async () => {
    vi.useFakeTimers();
    const { api } = host();
    const task = new SimRunController<number>(api);
    const progress = new RunProgressController(api, task);
    const { held, job } = heldJob(1);
    const done = progress.run(report(0), job);
    held.onProgress!(report(1));
    held.onProgress!(report(2));
    progress.cancel();
    expect([task.status, held.signal!.aborted, progress.progress]).toEqual([RunStatus.INITIAL, true, undefined]);
    held.onProgress!(report(3));
    vi.advanceTimersByTime(1_000);
    expect(progress.progress).toBeUndefined();
    await done;
    expect([task.status, task.error, progress.progress]).toEqual([RunStatus.INITIAL, undefined, undefined]);
  });
});
