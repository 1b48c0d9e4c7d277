// The page's main-thread tasks with their CPU time, from a DevTools trace (CDP Tracing, category
// "toplevel"). On a shared, busy machine a task's wall time includes the time the main thread
// waited for a core (docs/benchmarks.md measured 50–570 ms tasks that used 1–13 ms of CPU), so the
// e2e tests assert the CPU time a task *used* — the page's own work — and only log wall time.
import type { CDPSession } from "playwright-core";

interface TraceEvent { name: string; cat: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number }

/** One main-thread task: start in ms from the first mark, wall and CPU time in ms. */
export interface TracedTask { start: number; wall: number; cpu: number }

/** The main-thread budget a task may use (RAIL's long task). */
export const LONG_TASK_MS = 50;

/** ECHELON_E2E_STRICT_LONG_TASKS=1 asserts wall time too (for a quiet machine). */
export const STRICT_LONG_TASKS = process.env.ECHELON_E2E_STRICT_LONG_TASKS === "1";

/** A DevTools trace ("toplevel" and user-timing marks) of the page until stopped. */
export async function startTrace(cdp: CDPSession) {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => { events.push(...(e.value as TraceEvent[])); };
  await cdp.send("Tracing.end").catch(() => undefined); // a failed first attempt may have left it on
  cdp.on("Tracing.dataCollected", collect);
  await cdp.send("Tracing.start", { transferMode: "ReportEvents", traceConfig: { includedCategories: ["toplevel", "blink.user_timing"] } });
  return {
    /** Main-thread tasks between two performance marks, times in ms from the first mark. */
    async stop(from: string, to: string): Promise<TracedTask[]> {
      return (await this.stopAll(from, to)).main;
    },
    /** The page's tasks between two marks: its main thread's, and its other threads' (the workers among them). */
    async stopAll(from: string, to: string): Promise<{ main: TracedTask[]; others: TracedTask[] }> {
      const complete = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
      await cdp.send("Tracing.end");
      await complete;
      cdp.off("Tracing.dataCollected", collect);
      const a = events.find((e) => e.name === from && e.cat.includes("user_timing"));
      const b = events.find((e) => e.name === to && e.cat.includes("user_timing"));
      if (!a || !b) throw new Error(`the trace lacks the marks ${from} and ${to} (${events.length} events)`);
      const tasks = events
        .filter((e) => e.pid === a.pid && e.ph === "X" && e.name === "ThreadControllerImpl::RunTask")
        .filter((e) => e.ts + (e.dur ?? 0) > a.ts && e.ts < b.ts);
      const task = (e: TraceEvent): TracedTask => ({ start: (e.ts - a.ts) / 1000, wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? e.dur ?? 0) / 1000 });
      return { main: tasks.filter((e) => e.tid === a.tid).map(task), others: tasks.filter((e) => e.tid !== a.tid).map(task) };
    },
  };
}

/** "83 ms (4 ms CPU) at +1200 ms", for messages and logs. */
export const formatTasks = (ts: readonly TracedTask[]) =>
  ts.map((t) => `${Math.round(t.wall)} ms (${Math.round(t.cpu)} ms CPU) at +${Math.round(t.start)} ms`);

/** The tasks that used over LONG_TASK_MS of CPU, and (strict mode only) of wall time. */
export function longTasks(tasks: readonly TracedTask[]) {
  return {
    cpu: formatTasks(tasks.filter((t) => t.cpu > LONG_TASK_MS)),
    wall: formatTasks(tasks.filter((t) => t.wall > LONG_TASK_MS)),
  };
}
