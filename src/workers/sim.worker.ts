// The browser's simulation worker: the engine behind comlink (client.ts creates it).
import { expose, transfer } from "comlink";
import * as engine from "../sim/engine/index.ts";
import { createSimApi } from "./sim-api.ts";

expose(createSimApi(engine, transfer));
