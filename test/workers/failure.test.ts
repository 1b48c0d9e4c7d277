// Running out of memory is a limit of the machine, not a bug: the pool, the CLI and the page say
// so, with what to change. These tests fail if that classification goes.
import { describe, expect, it } from "vitest";
import { OUT_OF_MEMORY_ADVICE, isOutOfMemory, outOfMemoryMessage } from "../../src/workers/failure.ts";
import { runMonteCarlo } from "../../src/workers/monte-carlo.ts";
import { createNodePool } from "../../src/workers/node-worker.ts";
import { createPool, type WorkerHandle } from "../../src/workers/pool.ts";
import { errorMessage } from "../../src/ui/run/sim-client.ts";
import { fakeScenario } from "../helpers/fake-engine.ts";
import { inProcessWorkers } from "../helpers/in-process-workers.ts";

const nodeOutOfMemory = () => Object.assign(new Error("Worker terminated due to reaching memory limit: JS heap out of memory"), { code: "ERR_WORKER_OUT_OF_MEMORY" });
const oomEntry = new URL("../helpers/oom.worker.ts", import.meta.url);

describe("isOutOfMemory", () => {
  it("recognises a Node worker thread's ERR_WORKER_OUT_OF_MEMORY by its code", () => {
    expect(isOutOfMemory(Object.assign(new Error("whatever the words"), { code: "ERR_WORKER_OUT_OF_MEMORY" }))).toBe(true);
  });

  it("recognises the RangeErrors of typed arrays that cannot be had, in Node and in a browser worker's error event", () => {
    expect(isOutOfMemory(new RangeError("Array buffer allocation failed"))).toBe(true);
    // A length past what any engine allows is a sizing bug that validation should have caught, not memory.
    expect(isOutOfMemory(new RangeError("Invalid typed array length: 8200192000"))).toBe(false);
    expect(isOutOfMemory(new Error("Uncaught RangeError: Invalid array buffer length"))).toBe(true);
    // comlink rebuilds a worker's thrown error as a plain object-ish Error with its message.
    expect(isOutOfMemory({ name: "RangeError", message: "Array buffer allocation failed" })).toBe(true);
  });

  it("looks through cause chains, as the pool wraps a worker's error", () => {
    expect(isOutOfMemory(new Error("Worker 2 crashed", { cause: new Error("outer", { cause: nodeOutOfMemory() }) }))).toBe(true);
  });

  it("recognises Firefox's words and a message the pool has already classified", () => {
    expect(isOutOfMemory(new Error("uncaught exception: out of memory"))).toBe(true);
    expect(isOutOfMemory(new Error("Worker 3 ran out of memory: Array buffer allocation failed. The run stopped after 0 of 10"))).toBe(true);
  });

  it("does not call other failures out of memory, even when they quote the words", () => {
    for (const e of [new Error("boom at replication 40"), new TypeError("x is not a function"), new RangeError("Maximum call stack size exceeded"),
      new Error("the worker thread exited with code 7"), new Error("At nodes[2].name: unknown node \"Out of memory DC\""),
      new Error("Worker 1 crashed: the worker thread exited with code 1"), "boom", undefined, null, 42]) {
      expect(isOutOfMemory(e), String(e)).toBe(false);
    }
  });

  it("outOfMemoryMessage says the run ran out of memory, keeps the engine's words and advises", () => {
    expect(outOfMemoryMessage(new RangeError("Array buffer allocation failed")))
      .toBe(`The run ran out of memory (Array buffer allocation failed). ${OUT_OF_MEMORY_ADVICE}`);
  });
});

describe("a run that fails", () => {
  it("the pool says the worker ran out of memory when its thread dies of it (ERR_WORKER_OUT_OF_MEMORY)", async () => {
    const w = inProcessWorkers();
    const pool = createPool(1, (i): WorkerHandle => {
      const h = w.factory(i);
      return { ...h, failed: new Promise<never>((_, reject) => setTimeout(() => reject(nodeOutOfMemory()), 20)), api: { ...h.api, runBatch: () => new Promise(() => undefined) } };
    });
    await expect(pool.run({ scenario: fakeScenario(), to: 20, chunkSize: 10, onChunk: () => undefined }))
      .rejects.toThrow(`Worker 1 ran out of memory: Worker terminated due to reaching memory limit: JS heap out of memory. The run stopped after 0 of 20 replications had completed; no result was produced. ${OUT_OF_MEMORY_ADVICE}`);
  });

  it("the pool says the worker ran out of memory when a chunk throws \"Array buffer allocation failed\"", async () => {
    const w = inProcessWorkers();
    const pool = createPool(1, (i): WorkerHandle => {
      const h = w.factory(i);
      return { ...h, api: { ...h.api, runBatch: async (id, req) => { if (req.from >= 10) throw new RangeError("Array buffer allocation failed"); return h.api.runBatch(id, req); } } };
    });
    await expect(pool.run({ scenario: fakeScenario(), to: 30, chunkSize: 10, onChunk: () => undefined }))
      .rejects.toThrow(/^Worker 1 ran out of memory: Array buffer allocation failed\. The run stopped after 10 of 30 replications had completed; no result was produced\. Run fewer replications/);
  });

  it("a real worker thread that fills its heap fails the run as out of memory, not as a crash", async () => {
    const pool = createNodePool(1, oomEntry, { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 });
    try {
      await expect(runMonteCarlo(pool, fakeScenario("fills the heap at 40", 100), { chunkSize: 10 }))
        .rejects.toThrow(/^Worker 1 ran out of memory: .*The run stopped after 40 of 100 replications had completed; no result was produced\. Run fewer replications, or leave out the per-day series\.$/s);
    } finally {
      pool.dispose();
    }
  });

  it("a real worker thread whose ArrayBuffer cannot be allocated fails the run as out of memory", async () => {
    const pool = createNodePool(1, oomEntry);
    try {
      await expect(runMonteCarlo(pool, fakeScenario("allocates at 40", 100), { chunkSize: 10 }))
        .rejects.toThrow(/^Worker 1 ran out of memory: Array buffer allocation failed\. The run stopped after 40 of 100/);
    } finally {
      pool.dispose();
    }
  });

  it("a hung worker's message says a hang is only detected after the stall time (60 s by default)", async () => {
    const w = inProcessWorkers();
    const pool = createPool(1, (i): WorkerHandle => {
      const h = w.factory(i);
      return { ...h, api: { ...h.api, runBatch: (id, req) => (req.from >= 10 ? new Promise(() => undefined) : h.api.runBatch(id, req)) } };
    });
    await expect(runMonteCarlo(pool, fakeScenario("Fake", 30), { chunkSize: 10, stallMs: 50 }))
      .rejects.toThrow(/^No replication came back for 50 ms: .*The run stopped after 10 of 30 .*\(A worker that hangs is only detected after 50 ms in which no chunk of replications comes back\.\)$/s);
  });

  it("the page's errorMessage says out of memory for an error thrown outside a worker too", () => {
    expect(errorMessage(new RangeError("Array buffer allocation failed"))).toBe(`The run ran out of memory (Array buffer allocation failed). ${OUT_OF_MEMORY_ADVICE}`);
    expect(errorMessage(new Error("Worker 1 ran out of memory: x. The run stopped"))).toBe("Worker 1 ran out of memory: x. The run stopped");
    expect(errorMessage(new Error("boom"))).toBe("boom");
  });
});
