import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../src/sim/model/scenario.ts";
import * as engine from "../../src/sim/engine/index.ts";
import { createClientOnPool } from "../../src/workers/client.ts";
import { createPool } from "../../src/workers/pool.ts";
import { inProcessWorkers } from "../helpers/in-process-workers.ts";

const serial = { ...JSON.parse(readFileSync(new URL("../../scenarios/serial-example-6-1.json", import.meta.url), "utf8")), horizon: 120, warmup: 20 } as Scenario;

describe("client.optimizeNetwork", () => {
  it("runs every evaluation on the pool's workers and reports each one", async () => {
    const workers = inProcessWorkers(engine);
    const client = createClientOnPool(createPool(2, workers.factory));
    const seen: number[] = [];
    const r = await client.optimizeNetwork(serial, {
      objective: "target-fill", targetFill: 0.95, search: { seed: 1, replications: 20 }, check: { seed: 2, replications: 20 }, maxEvaluations: 12,
      onProgress: (e) => { if (e.kind === "evaluation") seen.push(e.evaluations); },
    });
    expect(r.method).toBe("simulation");
    expect(r.simulation!.check!.replications).toBe(20);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual(seen.map((_, i) => i + 1));
    expect(workers.loads).toBeGreaterThan(0);
    client.dispose();
  });

  it("a cancelled search rejects with an AbortError", async () => {
    const client = createClientOnPool(createPool(2, inProcessWorkers(engine).factory));
    const ctl = new AbortController();
    const run = client.optimizeNetwork(serial, {
      objective: "total-cost", search: { seed: 1, replications: 20 }, check: { seed: 2, replications: 20 }, signal: ctl.signal,
      onProgress: (e) => { if (e.kind === "evaluation") ctl.abort(); },
    });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    client.dispose();
  });
});
