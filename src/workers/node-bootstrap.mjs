// Entry of every Node worker thread: worker threads do not inherit the parent's TypeScript loader,
// so register tsx here, then load the worker module named in workerData (default node.worker.ts).
import { register } from "tsx/esm/api";
import { workerData } from "node:worker_threads";

register();
await import(workerData?.entry ?? new URL("./node.worker.ts", import.meta.url).href);
