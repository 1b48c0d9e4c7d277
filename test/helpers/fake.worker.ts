// A Node worker thread exposing the fake engine (test/helpers/fake-engine.ts), to test the Node
// pool without the real engine. A scenario named "exits at 40" ends the thread abruptly.
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import { expose, transfer } from "comlink";
import { parentPort } from "node:worker_threads";
import { createSimApi } from "../../src/workers/sim-api.ts";
import { fakeEngine } from "./fake-engine.ts";

expose(createSimApi({
  ...fakeEngine,
  runBatch(scenario, req) {
    if (scenario.name === "exits at 40" && req.from <= 40 && 40 < req.to) process.exit(7);
    return fakeEngine.runBatch(scenario, req);
  },
}, transfer), nodeEndpoint(parentPort!));
