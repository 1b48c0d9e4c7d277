import { describe, expect, it } from "vitest";
import { createClientOnPool } from "../../src/workers/client.ts";
import { createPool } from "../../src/workers/pool.ts";
import { fakeScenario } from "../helpers/fake-engine.ts";
import { inProcessWorkers } from "../helpers/in-process-workers.ts";

describe("client", () => {
  it("createClientOnPool runs, compares and traces through the shared core", async () => {
    const client = createClientOnPool(createPool(2, inProcessWorkers().factory));
    expect(client.workers).toBe(2);
    const r = await client.run(fakeScenario(), { replications: 60, series: true });
    expect(r.format).toBe("echelon-result@1");
    expect(r.series!.nodes.b.inTransit.p95).toHaveLength(5);
    const c = await client.compare(fakeScenario("A"), fakeScenario("B"), { replications: 20 });
    expect(c.comparison.format).toBe("echelon-comparison@1");
    expect((await client.trace(fakeScenario(), 3)).replication).toBe(3);
    const i = await client.impact(fakeScenario(), { replications: 20, series: true });
    expect([i.format, i.replications, i.series!.disrupted.nodes.b.onHand.p50.length]).toEqual(["echelon-impact@1", 20, 5]);
    client.dispose();
  });

  it("a trace too large to watch is refused, naming the horizon, before any worker is asked", async () => {
    const workers = inProcessWorkers();
    const client = createClientOnPool(createPool(1, workers.factory));
    const long = { ...fakeScenario(), horizon: 800_001 }; // (3 nodes + 2 lanes) × 800,001 days = 4,000,005 cells
    await expect(client.trace(long, 0)).rejects.toMatchObject({
      name: "ScenarioError",
      issues: [{ path: "horizon", message: "is too long to watch day by day: (3 nodes + 2 lanes) × horizon 800,001 = 4,000,005 cells, over the limit of 4,000,000; watch a copy of the scenario with a horizon of at most 800,000 days" }],
    });
    expect(workers.loads).toBe(0);
    expect((await client.trace({ ...fakeScenario(), horizon: 800_000 }, 0)).horizon).toBe(5);
    client.dispose();
  });

  it("a cancelled run rejects with an AbortError", async () => {
    const client = createClientOnPool(createPool(2, inProcessWorkers().factory));
    const ctl = new AbortController();
    const run = client.run(fakeScenario(), { replications: 5000, signal: ctl.signal, onProgress: () => ctl.abort() });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
  });
});
