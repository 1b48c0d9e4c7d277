/**
 * Tells the next load of a tab that it died during a simulation. When a worker's heap fills,
 * Chromium ends the whole tab ("Aw, Snap!"): no error event reaches the page, so the shell cannot
 * say what happened at the time. Instead it marks the running job in sessionStorage (kept per
 * tab across a crash and reload, dropped when the tab closes) and unmarks it when the job ends
 * or the page unloads normally. A mark found at load means the tab was ended mid-job.
 */
import type { JobView } from "../run/job-events.ts";
import { OUT_OF_MEMORY_ADVICE } from "../../workers/client.ts";
import type { DialogContent } from "./message-dialog.ts";

export const JOB_MARK_KEY = "echelon:job-running";

const JOBS: Record<JobView, string> = {
  run: "a run was in progress in Run & results",
  compare: "a comparison was in progress in Compare",
  watch: "a replication was loading in Watch",
};

/** Marks `view`'s job as running, or (undefined) none. Storage errors are ignored. */
export function markJob(storage: Storage | undefined, view: JobView | undefined): void {
  try {
    if (view) storage?.setItem(JOB_MARK_KEY, view);
    else storage?.removeItem(JOB_MARK_KEY);
  } catch { /* no session storage: no notice after a crash */ }
}

/** The job this tab was running when it was last ended, if any; the mark is removed. */
export function takeJobMark(storage: Storage | undefined): JobView | undefined {
  try {
    const view = storage?.getItem(JOB_MARK_KEY);
    storage?.removeItem(JOB_MARK_KEY);
    return view && Object.hasOwn(JOBS, view) ? (view as JobView) : undefined;
  } catch {
    return undefined;
  }
}

/** The notice shown after such a load. */
export function crashedJobNotice(view: JobView): DialogContent {
  return {
    title: "The page stopped during a simulation",
    intro: `This tab was ended while ${JOBS[view]}. The likeliest cause is that a simulation worker ran out of memory, ` +
      `which makes the browser end the whole tab. ${OUT_OF_MEMORY_ADVICE} Your scenarios are kept.`,
  };
}
