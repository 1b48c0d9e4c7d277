import { describe, expect, it } from "vitest";
import { RunStatus, SimRunController } from "../../../src/ui/run/sim-run-controller.ts";
import { host } from "./controller-host.ts";

const abortable = (signal: AbortSignal) => new Promise<number>((_, reject) =>
  signal.addEventListener("abort", () => reject(Object.assign(new Error("aborted"), { name: "AbortError" }))));

describe("SimRunController", () => {
  it("goes INITIAL → PENDING → COMPLETE with the job's value", async () => {
    const c = new SimRunController<number>(host().api);
    expect(c.status).toBe(RunStatus.INITIAL);
    const done = c.run(async () => 42);
    expect(c.status).toBe(RunStatus.PENDING);
    await done;
    expect([c.status, c.value]).toEqual([RunStatus.COMPLETE, 42]);
  });
  it("turns a failure into ERROR with its message", async () => {
    const c = new SimRunController<number>(host().api);
    await c.run(async () => { throw new Error("Worker crashed"); });
    expect([c.status, c.error]).toEqual([RunStatus.ERROR, "Worker crashed"]);
  });
  it("abort() cancels at once, signals the job, and keeps the last value", async () => {
    const c = new SimRunController<number>(host().api);
    await c.run(async () => 1);
    let signal: AbortSignal | undefined;
    const done = c.run((s) => { signal = s; return abortable(s); });
    c.abort();
    expect([c.status, c.value, signal?.aborted]).toEqual([RunStatus.COMPLETE, 1, true]);
    await done;
    expect([c.status, c.error]).toEqual([RunStatus.COMPLETE, undefined]);
  });
  it("a new run aborts the previous one, whose late result is ignored", async () => {
    const c = new SimRunController<string>(host().api);
    let first: AbortSignal | undefined;
    const a = c.run((s) => { first = s; return new Promise<string>((r) => setTimeout(() => r("old"), 5)); });
    const b = c.run(async () => "new");
    await Promise.all([a, b]);
    expect([first?.aborted, c.value]).toEqual([true, "new"]);
  });
});
