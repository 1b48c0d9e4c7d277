/**
 * Node worker threads for the pool (the CLI and the benchmark): each runs node.worker.ts (or
 * `entry`) through node-bootstrap.mjs so TypeScript loads without a build step.
 */
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import { transfer, wrap } from "comlink/dist/esm/comlink.mjs";   // not "comlink": see comlink-esm.d.ts
import { Worker, type ResourceLimits } from "node:worker_threads";
import { createPool, type Pool, type RemoteSimApi, type WorkerHandle } from "./pool.ts";
import type { SimApi } from "./sim-api.ts";

/** `resourceLimits` caps a thread's heap (tests use it to run one out of memory). */
export function createNodeWorker(entry?: URL, resourceLimits?: ResourceLimits): WorkerHandle {
  const worker = new Worker(new URL("./node-bootstrap.mjs", import.meta.url), { workerData: { entry: entry?.href }, resourceLimits });
  let terminating = false;
  const failed = new Promise<never>((_, reject) => {
    worker.on("error", (e) => reject(e instanceof Error ? e : new Error(String(e))));
    worker.on("exit", (code) => { if (!terminating) reject(new Error(`the worker thread exited with code ${code}`)); });
  });
  return {
    api: wrap<SimApi>(nodeEndpoint(worker)) as unknown as RemoteSimApi,
    failed,
    transfer,
    terminate() { terminating = true; void worker.terminate(); },
  };
}

export function createNodePool(workers: number, entry?: URL, resourceLimits?: ResourceLimits): Pool {
  return createPool(workers, () => createNodeWorker(entry, resourceLimits));
}
