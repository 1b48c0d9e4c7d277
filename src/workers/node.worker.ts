// A Node worker thread running the engine behind comlink (node-worker.ts creates it through
// node-bootstrap.mjs, which registers the TypeScript loader first).
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import { expose, transfer } from "comlink/dist/esm/comlink.mjs";   // not "comlink": see comlink-esm.d.ts
import { parentPort } from "node:worker_threads";
import * as engine from "../sim/engine/index.ts";
import { createSimApi } from "./sim-api.ts";

expose(createSimApi(engine, transfer), nodeEndpoint(parentPort!));
