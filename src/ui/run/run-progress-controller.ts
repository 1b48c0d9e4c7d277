import type { ReactiveController, ReactiveControllerHost } from "lit";
import { throttleLatest } from "./progress.ts";
import type { RunProgress } from "./sim-client.ts";
import type { SimRunController } from "./sim-run-controller.ts";

/** Reports a job passes on: replications done so far (per worker, time left). */
export type ProgressListener = (progress: RunProgress) => void;

/**
 * The progress of the job running on a `SimRunController`, for the element to draw: reports are
 * throttled to ~10 renders a second, reports after Cancel are dropped, and `progress` is
 * `undefined` once the job settles or is cancelled. The run and compare views share it.
 */
export class RunProgressController<T> implements ReactiveController {
  /** The latest report of the running job, or what `run` started with; `undefined` when idle. */
  progress: RunProgress | undefined;
  private readonly show = throttleLatest<RunProgress>((p) => { this.progress = p; this.host.requestUpdate(); }, 100);

  constructor(private readonly host: ReactiveControllerHost, private readonly task: SimRunController<T>) {
    host.addController(this);
  }

  /**
   * Runs `job` on the task, showing `initial` (e.g. 0 of N done; `undefined` for none yet) until
   * the first report; `job` passes `onProgress` to the client. Resolves when the job settles.
   */
  async run(initial: RunProgress | undefined, job: (signal: AbortSignal, onProgress: ProgressListener) => Promise<T>): Promise<void> {
    this.show.cancel();
    this.set(initial);
    await this.task.run((signal) => job(signal, (p) => { if (!signal.aborted) this.show(p); }));
    this.show.cancel();
    this.set(undefined);
  }

  /** Stops the running job at once (the task keeps its last value) and hides the progress. */
  cancel(): void {
    this.show.cancel();
    this.task.abort();
    this.set(undefined);
  }

  /** No throttled report lands on an element that left the page. */
  hostDisconnected(): void {
    this.show.cancel();
  }

  private set(progress: RunProgress | undefined): void {
    this.progress = progress;
    this.host.requestUpdate();
  }
}
