// The trade-off curve through the worker client (the app's path): every simulation on the pool,
// never more than IN_FLIGHT at once, each reported; Cancel rejects with an AbortError.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../src/sim/model/scenario.ts";
import * as engine from "../../src/sim/engine/index.ts";
import { computeFrontier } from "../../src/sim/optimize/index.ts";
import { createClientOnPool } from "../../src/workers/client.ts";
import { IN_FLIGHT, poolReplications } from "../../src/workers/frontier-evaluator.ts";
import { createPool, type Pool } from "../../src/workers/pool.ts";
import { inProcessWorkers } from "../helpers/in-process-workers.ts";

const serial = { ...JSON.parse(readFileSync(new URL("../../scenarios/serial-example-6-1.json", import.meta.url), "utf8")), horizon: 120, warmup: 20 } as Scenario;
const options = {
  serviceLevels: [0.85, 0.95], targets: [0.9, 0.95], leadTimeVariance: true, headline: [0.9],
  run: { seed: 1, replications: 20 }, search: { seed: 2, replications: 10 }, maxEvaluations: 10,
};

describe("client.frontier", () => {
  it("computes the curve on the pool, reports every simulation, and gives the numbers computeFrontier gives on the same evaluator", async () => {
    const client = createClientOnPool(createPool(2, inProcessWorkers(engine).factory));
    let simulated = 0;
    const r = await client.frontier(serial, { ...options, onSimulated: () => simulated++ });
    expect(simulated).toBe(r.evaluations.total);
    expect(r.curves.simulation).toHaveLength(2);
    const pool = createPool(2, inProcessWorkers(engine).factory);
    const again = await computeFrontier(serial, { ...options, evaluate: poolReplications(pool) });
    expect(again).toEqual(r);
    pool.dispose();
    client.dispose();
  });

  it("keeps at most IN_FLIGHT scenarios on the pool at once", async () => {
    const inner = createPool(2, inProcessWorkers(engine).factory);
    let running = 0, most = 0;
    const counting: Pool = { ...inner, run: async (job) => { running++; most = Math.max(most, running); try { return await inner.run(job); } finally { running--; } } } as Pool;
    await computeFrontier(serial, { ...options, serviceLevels: [0.8, 0.85, 0.9, 0.95, 0.99], evaluate: poolReplications(counting) });
    expect(most).toBe(IN_FLIGHT);
    inner.dispose();
  });

  it("a cancelled curve rejects with an AbortError", async () => {
    const client = createClientOnPool(createPool(2, inProcessWorkers(engine).factory));
    const ctl = new AbortController();
    const run = client.frontier(serial, { ...options, signal: ctl.signal, onSimulated: () => ctl.abort() });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    client.dispose();
  });
});
