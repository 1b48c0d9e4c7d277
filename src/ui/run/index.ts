export { RunView } from "./run-view.ts";
export { SimRunController, RunStatus } from "./sim-run-controller.ts";
export { parseRunFields, fieldsFromScenario, MAX_REPLICATIONS, type RunFields, type ParsedRunOptions, type FieldErrors } from "./run-options.ts";
export { progressText, formatDuration, throttleLatest } from "./progress.ts";
export { RunProgressController, type ProgressListener } from "./run-progress-controller.ts";
export { isAbortError, errorMessage, type SimClientLike, type RunOptions, type RunProgress } from "./sim-client.ts";
