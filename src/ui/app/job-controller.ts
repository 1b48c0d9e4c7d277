/**
 * One simulation job at a time. The views share one worker pool, and every tab visited stays
 * mounted, so a run goes on while the user looks at another tab. Each view announces its job with
 * `ech-job` events (src/ui/run/job-events.ts); this controller keeps which view is busy, so the
 * shell can pass it to the other views as `blockedBy`, and marks the running job in
 * sessionStorage (job-marker.ts), so that the next load of a tab Chromium ended mid-job says so.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { JobChange, JobView } from "../run/job-events.ts";
import { listen } from "./listen.ts";
import { markJob, takeJobMark } from "./job-marker.ts";

export interface JobHost extends ReactiveControllerHost {
  /** Where the running job is marked: sessionStorage in the app. */
  readonly jobStorage: Storage | undefined;
}

export class JobController implements ReactiveController {
  /** The view whose simulation job is running, if any; the other views wait for it. */
  busy: JobView | undefined;
  private unlisten: (() => void) | undefined;

  /** `canSimulate`: whether the run and watch views can show, i.e. the scenario validates. */
  constructor(private readonly host: JobHost, private readonly canSimulate: () => boolean) {
    host.addController(this);
  }

  hostConnected() {
    // A normal unload, not a crash: no job is running any more.
    this.unlisten = listen([[window, "pagehide", () => markJob(this.host.jobStorage, undefined)]]);
  }

  hostDisconnected() {
    this.unlisten?.();
  }

  hostUpdate() {
    // The run and watch views give way to a placeholder when the scenario gets problems; their
    // job is then cancelled, and its end event cannot reach the shell from outside the document.
    if ((this.busy === "run" || this.busy === "watch") && !this.canSimulate()) this.setBusy(undefined);
  }

  /** The job this tab was running when it was last ended, if any; the mark is removed. */
  takeCrashed(): JobView | undefined {
    return takeJobMark(this.host.jobStorage);
  }

  /** Listens for `ech-job` from the views. */
  onJob = (e: CustomEvent<JobChange>) => {
    e.stopPropagation();
    if (e.detail.active) this.setBusy(e.detail.view);
    else if (this.busy === e.detail.view) this.setBusy(undefined);
  };

  /** The busy view, for every view but the busy one itself. */
  blockerFor(view: JobView): JobView | undefined {
    return this.busy === view ? undefined : this.busy;
  }

  private setBusy(view: JobView | undefined) {
    if (view === this.busy) return;
    this.busy = view;
    markJob(this.host.jobStorage, view);
    this.host.requestUpdate();
  }
}
