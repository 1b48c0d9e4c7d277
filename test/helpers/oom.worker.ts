// A Node worker thread exposing the fake engine that runs out of memory on the chunk holding
// replication 40: "fills the heap at 40" grows the heap until the thread's limit (start it with
// small resourceLimits), "allocates at 40" asks for an ArrayBuffer no machine has.
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import { expose } from "comlink";
import { parentPort } from "node:worker_threads";
import { createSimApi } from "../../src/workers/sim-api.ts";
import { fakeEngine } from "./fake-engine.ts";

const hoard: unknown[] = [];

expose(createSimApi({
  ...fakeEngine,
  runBatch(scenario, req) {
    if (req.from <= 40 && 40 < req.to) {
      if (scenario.name === "fills the heap at 40") for (;;) hoard.push(new Array(100_000).fill({ replication: 40 }));
      if (scenario.name === "allocates at 40") hoard.push(new ArrayBuffer(2 ** 52));
    }
    return fakeEngine.runBatch(scenario, req);
  },
}), nodeEndpoint(parentPort!));
