/**
 * Checks a scenario file in a Web Worker of its own (scenario-file.worker.ts), so that parsing and
 * validating a large file — about a second for 6 MB — never blocks the page. One worker per
 * file, ended when it answers: imports are rare, and the parsed copy's memory goes with it.
 */
import { wrap } from "comlink";
import type { ScenarioCheck, ScenarioFileApi } from "./scenario-file.worker.ts";

export type { ScenarioCheck } from "./scenario-file.worker.ts";

/** The validator's verdict on `file` (JSON text): `{ok: true}`, or every problem with its path. */
export async function checkScenarioFile(file: Blob): Promise<ScenarioCheck> {
  const worker = new Worker(new URL("./scenario-file.worker.ts", import.meta.url), { type: "module" });
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener("error", (e) => reject(new Error(e.message || "the file worker failed to load or ran out of memory")));
  });
  try {
    return await Promise.race([wrap<ScenarioFileApi>(worker).check(file), failed]);
  } finally {
    worker.terminate();
  }
}
