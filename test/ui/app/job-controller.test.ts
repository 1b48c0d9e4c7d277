// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { JobController, type JobHost } from "../../../src/ui/app/job-controller.ts";
import { JOB_MARK_KEY } from "../../../src/ui/app/job-marker.ts";
import type { JobChange } from "../../../src/ui/run/job-events.ts";

function setup(canSimulate = () => true) {
  const data = new Map<string, string>();
  const jobStorage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => { data.set(k, v); }, removeItem: (k: string) => { data.delete(k); } } as Storage;
  const host: JobHost & { updates: number } = {
    jobStorage, updates: 0,
    addController: () => undefined, removeController: () => undefined,
    requestUpdate: () => { host.updates++; }, updateComplete: Promise.resolve(true),
  };
  const jobs = new JobController(host, canSimulate);
  const job = (view: JobChange["view"], active: boolean) => jobs.onJob(new CustomEvent("ech-job", { detail: { view, active } }));
  return { jobs, job, host, data };
}

describe("JobController", () => {
  it("blocks every view but the busy one, marks the job, and frees them when it ends", () => {
    const { jobs, job, host, data } = setup();
    job("run", true);
    expect([jobs.busy, jobs.blockerFor("run"), jobs.blockerFor("compare"), jobs.blockerFor("watch")]).toEqual(["run", undefined, "run", "run"]);
    expect(data.get(JOB_MARK_KEY)).toBe("run");
    job("compare", false);
    expect(jobs.busy).toBe("run");
    job("run", false);
    expect([jobs.busy, jobs.blockerFor("compare"), data.has(JOB_MARK_KEY), host.updates]).toEqual([undefined, undefined, false, 2]);
  });

  it("frees the others when the running run or watch view gives way to a placeholder (the scenario got problems)", () => {
    let valid = true;
    const { jobs, job } = setup(() => valid);
    job("compare", true);
    valid = false;
    jobs.hostUpdate();
    expect(jobs.busy).toBe("compare");
    job("compare", false);
    job("watch", true);
    jobs.hostUpdate();
    expect(jobs.busy).toBeUndefined();
  });

  it("a normal unload removes the mark; takeCrashed finds a mark left by a tab that was ended", () => {
    const { jobs, job, data } = setup();
    jobs.hostConnected();
    job("run", true);
    window.dispatchEvent(new Event("pagehide"));
    expect(data.has(JOB_MARK_KEY)).toBe(false);
    jobs.hostDisconnected();
    data.set(JOB_MARK_KEY, "watch");
    expect([jobs.takeCrashed(), jobs.takeCrashed()]).toEqual(["watch", undefined]);
  });
});
