import type { ReactiveController, ReactiveControllerHost } from "lit";
import { errorMessage, isAbortError } from "./sim-client.ts";

/** Lifecycle of one async job, as @lit/task's TaskStatus. */
export const RunStatus = { INITIAL: 0, PENDING: 1, COMPLETE: 2, ERROR: 3 } as const;
export type RunStatus = (typeof RunStatus)[keyof typeof RunStatus];

/**
 * Runs one async job at a time for an element (modelled on @lit/task): starting a new job aborts
 * the previous one; `abort()` cancels and returns to INITIAL (keeping the last value); the host
 * re-renders on every status change. A job aborted by the user is not an error.
 */
export class SimRunController<T> implements ReactiveController {
  status: RunStatus = RunStatus.INITIAL;
  value: T | undefined;
  error: string | undefined;
  private abortController: AbortController | undefined;
  private generation = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get pending(): boolean { return this.status === RunStatus.PENDING; }

  /** Start `job`; resolves when it settles (never rejects). */
  async run(job: (signal: AbortSignal) => Promise<T>): Promise<void> {
    this.abortController?.abort();
    const ac = new AbortController();
    this.abortController = ac;
    const gen = ++this.generation;
    this.status = RunStatus.PENDING;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const value = await job(ac.signal);
      if (gen !== this.generation) return;
      this.value = value;
      this.status = RunStatus.COMPLETE;
    } catch (e) {
      if (gen !== this.generation) return;
      if (isAbortError(e) || ac.signal.aborted) this.status = this.value === undefined ? RunStatus.INITIAL : RunStatus.COMPLETE;
      else {
        this.error = errorMessage(e);
        this.status = RunStatus.ERROR;
      }
    } finally {
      if (gen === this.generation) this.abortController = undefined;
    }
    this.host.requestUpdate();
  }

  /** Cancel the running job at once: the element is back to its last settled state. */
  abort(): void {
    if (!this.abortController) return;
    this.abortController.abort();
    this.abortController = undefined;
    this.generation++;
    this.status = this.value === undefined ? RunStatus.INITIAL : RunStatus.COMPLETE;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.abort();
  }
}
