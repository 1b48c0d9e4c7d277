import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { ASSUMED_NODE_DAYS_PER_WORKER, CLUSTER_OFFER_MS, clusterCommands, deviceSpeed, estimateRun, recordSpeed, resetSpeed, roughDuration, runNodeDays, shardsFor } from "../../../src/ui/run/run-estimate.ts";

const scenario = {
  nodes: [{ kind: "supplier" }, { kind: "dc" }, { kind: "store" }, { kind: "store" }],
  products: [{ id: "a" }, { id: "b" }],
} as unknown as Scenario;
const options = { replications: 1000, horizon: 365, warmup: 30, seed: 42, series: false };

describe("run estimate", () => {
  afterEach(() => resetSpeed());

  it("counts node-days as stocking nodes × products × horizon × replications", () => {
    expect(runNodeDays(scenario, options)).toBe(3 * 2 * 365 * 1000);
    expect(runNodeDays({ ...scenario, products: undefined } as Scenario, options)).toBe(3 * 365 * 1000);
  });

  it("assumes a speed per worker until a run of a second or more measures one", () => {
    expect(deviceSpeed(4)).toEqual({ nodeDaysPerSecond: 4 * ASSUMED_NODE_DAYS_PER_WORKER, measured: false });
    recordSpeed(1e6, 500);
    expect(deviceSpeed(4).measured).toBe(false);
    recordSpeed(30e6, 2000);
    expect(deviceSpeed(4)).toEqual({ nodeDaysPerSecond: 15e6, measured: true });
    const e = estimateRun(scenario, options, deviceSpeed(4));
    expect(e.ms).toBeCloseTo((1000 * 2_190_000) / 15e6, 9);
  });

  it("offers a cluster past 10 minutes, with shards of about 5 minutes each", () => {
    const hour = estimateRun(scenario, { ...options, replications: 1_000_000 }, { nodeDaysPerSecond: 2e6, measured: true });
    expect(hour.ms).toBeGreaterThan(CLUSTER_OFFER_MS);
    expect(shardsFor(hour, 1_000_000)).toBe(Math.ceil(hour.ms / 300_000));
    expect(shardsFor({ ...hour, ms: 1000 }, 1000)).toBe(2);
    expect(shardsFor(hour, 3)).toBe(3);
    expect(roughDuration(hour.ms)).toBe("about 18 min"); // 2.19 billion node-days at 2 M a second
    expect(roughDuration(61 * 60_000)).toBe("about 1 h 1 min");
    expect(roughDuration(4 * 24 * 3_600_000)).toBe("about 4 days");
  });

  it("writes the plan commands with every run option, quoting a text seed for the shell", () => {
    const lines = clusterCommands("my plan.json", { ...options, seed: "it's", series: true }, 12);
    expect(lines[0]).toBe("echelon plan slurm 'my plan.json' --shards 12 \\");
    expect(lines[1]).toBe(`    --replications 1000 --seed 'it'\\''s' --horizon 365 --warmup 30 --series > run.sh`);
    expect(lines[2]).toBe("bash run.sh");
    expect(lines[5]).toMatch(/\| kubectl apply -f -$/);
  });
});
