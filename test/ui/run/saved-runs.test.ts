import { afterEach, describe, expect, it } from "vitest";
import { forgetRuns, loadRun, pruneSavedResults, recallRun, saveRun, withPrevious, type SavedRun } from "../../../src/ui/run/saved-runs.ts";
import { createMemoryStore } from "../../../src/ui/storage/store.ts";
import { runResult, scenario } from "../fixtures.ts";

const fields = { replications: "50", horizon: "20", warmup: "5", seed: "7", series: false };
const run = (entryId: string, ranAt: number): SavedRun => ({ entryId, result: runResult(), scenario: scenario(), fields, ranAt });

afterEach(() => forgetRuns());

describe("saved runs", () => {
  it("saveRun keeps a run in memory and in the store; loadRun finds it after memory is lost", async () => {
    const store = createMemoryStore();
    await saveRun(run("e1", 1), store);
    expect(recallRun("e1")?.ranAt).toBe(1);
    forgetRuns();
    expect((await loadRun("e1", store))?.ranAt).toBe(1);
    expect(await loadRun("e2", store)).toBeUndefined();
  });

  it("withPrevious attaches the same entry's run before as the baseline, never another entry's", () => {
    expect(withPrevious(run("e1", 2), run("e1", 1)).previous).toEqual({ ranAt: 1, replications: runResult().replications, network: runResult().network,
      seed: runResult().seed, values: runResult().replicationValues?.network });
    expect(withPrevious(run("e1", 2), run("e2", 1)).previous).toBeUndefined();
    expect(withPrevious(run("e1", 2), undefined).previous).toBeUndefined();
  });

  it("pruneSavedResults drops the runs and comparisons of entries no longer in the library", async () => {
    const store = createMemoryStore({ "run:a": 1, "run:gone": 2, "compare:a": 3, "compare:gone": 4, "workspace": 5 });
    await pruneSavedResults(store, ["a"]);
    expect((await store.keys()).sort()).toEqual(["compare:a", "run:a", "workspace"]);
  });
});
