import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { describe, expect, it } from "vitest";
import { compareMonteCarlo, runMonteCarlo, strip } from "../../helpers/monte-carlo-runs.ts";
import { createPool } from "../../../src/workers/pool.ts";
import { inProcessWorkers } from "../../helpers/in-process-workers.ts";
import { readFileSync } from "node:fs";
import * as engine from "../../../src/sim/engine/index.ts";
import { createMemoryValueStore } from "../../../src/sim/montecarlo/spilled-kpi-table.ts";

/**
 * The Monte Carlo run on the real engine and the retail network (monte-carlo.test.ts uses a fake
 * engine): bands across worker counts, spilled KPI tables and the memory limits. Kept apart since
 * these take most of the folder's test time, and more than 20× that under Stryker's instrumentation
 * (scripts/mutate/folders.ts).
 */

describe("monte-carlo on the retail network", () => {
  it("the retail network's bands are bit-identical with 1 and 3 worker threads' worth of chunks", async () => {
    const retail = JSON.parse(readFileSync(new URL("../../../scenarios/retail-3-echelon.json", import.meta.url), "utf8")) as Scenario;
    const opts = { replications: 80, horizon: 60, series: true, seriesBudgetBytes: 4 * 82 * 60 * 20 };
    const a = await runMonteCarlo(createPool(1, inProcessWorkers(engine).factory), retail, opts);
    const b = await runMonteCarlo(createPool(3, inProcessWorkers(engine).factory), retail, { ...opts, chunkSize: 3 });
    expect(JSON.stringify(b.series)).toBe(JSON.stringify(a.series));
    expect(a.series!.nodes["central-dc"].onHand.p50.some((v) => v > 0)).toBe(true);
  });

  describe("memory", () => {
    const retail = JSON.parse(readFileSync(new URL("../../../scenarios/retail-3-echelon.json", import.meta.url), "utf8")) as Scenario;
    const pool = () => createPool(2, inProcessWorkers(engine).factory);
    // Spill every run (threshold 0) into segments of 7 replications, so 60 replications span 9 segments.
    let stores = 0, disposed = 0;
    const spill = {
      thresholdBytes: 0, segmentBytes: 7 * 960 * 8,
      store: () => { stores++; const st = createMemoryValueStore(); return { ...st, dispose: () => { disposed++; st.dispose(); } }; },
    };

    it("runMonteCarlo gives a bit-identical result whether KPI rows stay in memory or spill to a store", async () => {
      const opts = { replications: 60, series: true, chunkSize: 4 };
      const memory = await runMonteCarlo(pool(), retail, opts);
      const spilled = await runMonteCarlo(pool(), retail, { ...opts, spill });
      expect(JSON.stringify(strip(spilled))).toBe(JSON.stringify(strip(memory)));
      expect(spilled.replicationValues?.network.fillRate).toHaveLength(60);
      expect([stores, disposed]).toEqual([1, 1]);
    });

    it("compareMonteCarlo gives a bit-identical comparison from spilled tables", async () => {
      const b = { ...retail, nodes: retail.nodes.map((n) => (n.id === "dc-east" ? { ...n, policy: { type: "base-stock", level: 100 } } : n)) } as Scenario;
      const memory = await compareMonteCarlo(pool(), retail, b, { replications: 30 });
      const spilled = await compareMonteCarlo(pool(), retail, b, { replications: 30, spill });
      expect(JSON.stringify(spilled.comparison)).toBe(JSON.stringify(memory.comparison));
      expect([stores, disposed]).toEqual([3, 3]);
    });

    it("runMonteCarlo refuses a KPI table over maxTableBytes before it runs, naming replications", async () => {
      await expect(runMonteCarlo(pool(), retail, { replications: 1000, maxTableBytes: 1e6 })).rejects.toMatchObject({ issues: [{
        path: "replications",
        message: "keeps too many per-replication KPI values in this page: 1,000 replications × 960 KPI columns × 8 bytes = 8 MB, over the limit of 1 MB; " +
          "use at most 130 replications here, or run it with the echelon command line, which keeps them in a temporary file",
      }] });
    });

    it("runMonteCarlo shrinks chunks so that one carries at most SERIES_CHUNK_BYTES of series", async () => {
      // (3 × 27 + 1) × 3,000 = 246,000 cells: 8 replications of float32 series fit in 8 MiB, not the 10 a chunk would take.
      const done: number[] = [];
      await runMonteCarlo(pool(), retail, { replications: 20, horizon: 3000, series: true, onProgress: (p) => done.push(p.done) });
      expect(done.map((d, i) => d - (done[i - 1] ?? 0)).sort()).toEqual([4, 8, 8]);
    });

    it("runMonteCarlo refuses per-day series over MAX_SERIES_CELLS, naming the horizon", async () => {
      await expect(runMonteCarlo(pool(), retail, { replications: 2, horizon: 10_000, series: true })).rejects.toMatchObject({ issues: [{
        path: "horizon",
        message: "is too long for per-day series: (3 × 27 nodes + 1) × horizon 10,000 = 820,000 series cells per replication, over the limit of 250,000; " +
          "run without series, or use a horizon of at most 3,048 days",
      }] });
    });
  });
});
