import type { ReactiveController, ReactiveControllerHost } from "lit";

/**
 * One simulation job at a time, app-wide. The run, compare and watch views share one worker
 * pool, and cancelling a job terminates the workers busy with it — which would also kill another
 * job's chunk on the same worker. So each view announces when its job starts and ends with a
 * bubbling, composed `ech-job` event; the shell keeps the busy view and hands the others a
 * `blockedBy` property, and they disable their start button with `blockedReason(blockedBy)`.
 */
export type JobView = "run" | "compare" | "watch";

/** The detail of an `ech-job` event: `view`'s job started (`active`) or ended. */
export interface JobChange { readonly view: JobView; readonly active: boolean }

export const JOB_EVENT = "ech-job";

const REASONS: { readonly [V in JobView]: string } = {
  run: "A run is in progress in Run & results",
  compare: "A comparison is in progress in Compare",
  watch: "A replication is loading in Watch",
};

/** Why a start button is disabled while `busy`'s job runs, e.g. "A run is in progress in Run & results". */
export function blockedReason(busy: JobView): string {
  return REASONS[busy];
}

/**
 * Dispatches `ech-job` from its host whenever `task.pending` changes (checked after each
 * update, so it sees every status change the task makes). A host that leaves the page stops
 * its job (SimRunController aborts it); its event could not reach the shell from outside the
 * document, so the shell also clears the busy view when that view is no longer shown.
 */
export class JobAnnouncer implements ReactiveController {
  private active = false;

  constructor(private readonly host: ReactiveControllerHost & EventTarget, private readonly view: JobView,
    private readonly task: { readonly pending: boolean }) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.task.pending === this.active) return;
    this.active = this.task.pending;
    this.host.dispatchEvent(new CustomEvent<JobChange>(JOB_EVENT, { bubbles: true, composed: true, detail: { view: this.view, active: this.active } }));
  }

  hostDisconnected(): void {
    this.active = false;
  }
}

declare global {
  interface HTMLElementEventMap { "ech-job": CustomEvent<JobChange> }
}
