import { describe, expect, it } from "vitest";
import { runMonteCarlo } from "../../src/workers/monte-carlo.ts";
import { createNodePool } from "../../src/workers/node-worker.ts";
import { createPool } from "../../src/workers/pool.ts";
import { fakeScenario } from "../helpers/fake-engine.ts";
import { inProcessWorkers } from "../helpers/in-process-workers.ts";

const entry = new URL("../helpers/fake.worker.ts", import.meta.url);

describe("node-worker", () => {
  it("createNodePool runs TypeScript worker threads that give the in-process numbers", async () => {
    const pool = createNodePool(2, entry);
    try {
      const r = await runMonteCarlo(pool, fakeScenario("Fake", 120), { series: true });
      const ref = await runMonteCarlo(createPool(1, inProcessWorkers().factory), fakeScenario("Fake", 120), { series: true });
      expect(r.nodes).toEqual(ref.nodes);
      expect(r.series).toEqual(ref.series);
    } finally {
      pool.dispose();
    }
  });

  it("series beyond the exact budget are counted in the threads, their histograms moved across, and give the in-process numbers", async () => {
    const pool = createNodePool(3, entry), opts = { series: true, seriesBudgetBytes: 35 * 4 * 30 };
    try {
      const r = await runMonteCarlo(pool, fakeScenario("Fake", 230), opts);
      const ref = await runMonteCarlo(createPool(1, inProcessWorkers().factory), fakeScenario("Fake", 230), opts);
      expect(r.series).toEqual(ref.series);
      expect(r.series!.nodes.a.onHand.p50.every((v) => Number.isFinite(v))).toBe(true);
    } finally {
      pool.dispose();
    }
  });

  it("a worker thread that exits fails the run with a message", async () => {
    const pool = createNodePool(1, entry);
    try {
      await expect(runMonteCarlo(pool, fakeScenario("exits at 40", 100), { chunkSize: 10 }))
        .rejects.toThrow("Worker 1 crashed: the worker thread exited with code 7. The run stopped after 40 of 100 replications had completed");
    } finally {
      pool.dispose();
    }
  });
});
