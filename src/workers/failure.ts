/**
 * What kind of failure stopped a run, so that the page and the CLI can say so plainly instead of
 * calling it a bug. Running out of memory is a limit of the machine, not a defect: it shows as
 *
 * - in a Node worker thread, an `error` event whose code is `ERR_WORKER_OUT_OF_MEMORY` (the
 *   thread's heap is full; the thread is gone);
 * - anywhere, a RangeError when an array buffer cannot be had: "Array buffer allocation failed"
 *   (no memory for it) or, in Chromium, "Invalid array buffer length" (what it says when one
 *   cannot be allocated). "Invalid typed array length" is not among them: it is a length past
 *   what any engine allows, which validation should have refused, so it stays a bug (exit 3);
 * - in a browser, a worker's `error` event carrying one of those messages, or an "out of memory"
 *   message.
 *
 * The test looks through `cause` chains, since the pool wraps a worker's error in its own.
 */

const OUT_OF_MEMORY_CODES = new Set(["ERR_WORKER_OUT_OF_MEMORY", "ERR_MEMORY_ALLOCATION_FAILED"]);
// Anchored: the engines' own words open the message (Chromium prefixes "Uncaught RangeError: ",
// Firefox "uncaught exception: "), so a message that merely quotes a name such as "Out of memory
// DC", or a pool message about a worker that crashed for another reason, does not match.
const OUT_OF_MEMORY_MESSAGE = new RegExp("^(?:Uncaught |uncaught exception: )?(?:(?:RangeError|InternalError|Error): )?" +
  "(?:Array buffer allocation failed|Invalid array buffer length|out of memory" +
  "|Worker terminated due to reaching memory limit)|^Worker \\d+ ran out of memory: ", "i");

/** Advice for a run that ran out of memory, in terms both the page and the CLI understand. */
export const OUT_OF_MEMORY_ADVICE = "Run fewer replications, or leave out the per-day series.";

/** Whether `e`, or an error in its `cause` chain, says that memory ran out. */
export function isOutOfMemory(e: unknown): boolean {
  for (let x = e, depth = 0; x && typeof x === "object" && depth < 8; x = (x as { cause?: unknown }).cause, depth++) {
    const { code, message } = x as { code?: unknown; message?: unknown };
    if (typeof code === "string" && OUT_OF_MEMORY_CODES.has(code)) return true;
    if (typeof message === "string" && OUT_OF_MEMORY_MESSAGE.test(message)) return true;
  }
  return typeof e === "string" && OUT_OF_MEMORY_MESSAGE.test(e);
}

/**
 * The message for a run that ran out of memory outside a worker (allocating its tables), or for
 * any out-of-memory error not yet explained: says so, keeps the engine's words, and advises.
 */
export function outOfMemoryMessage(e: unknown): string {
  const detail = e instanceof Error ? e.message : String(e);
  if (/ran out of memory/.test(detail)) return detail;
  return `The run ran out of memory (${detail}). ${OUT_OF_MEMORY_ADVICE}`;
}
