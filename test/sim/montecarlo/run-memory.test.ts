import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { checkSeriesSize, checkTableSize, checkTraceSize, kpiTableBytes, MAX_SERIES_CELLS, MAX_TRACE_CELLS } from "../../../src/sim/montecarlo/run-memory.ts";

/** The checks read only the counts of nodes and lanes (their lengths), the horizon and the replications. */
const sized = (nodes: number, lanes: number, horizon: number, replications = 1) =>
  ({ nodes: { length: nodes }, lanes: { length: lanes }, horizon, replications }) as unknown as Scenario;

describe("run-memory", () => {
  it("kpiTableBytes is 8 bytes per KPI column per replication", () => {
    expect(kpiTableBytes(1000, 3)).toBe(24_000);
  });

  it("checkSeriesSize allows (3 × nodes + 1) × horizon up to MAX_SERIES_CELLS and names the longest horizon that fits", () => {
    // 3 nodes: 10 cells a day, so 25,000 days are exactly the limit.
    expect(MAX_SERIES_CELLS).toBe(250_000);
    expect(checkSeriesSize(sized(3, 0, 25_000))).toEqual([]);
    expect(checkSeriesSize(sized(3, 0, 25_001))).toEqual([{
      path: "horizon",
      message: "is too long for per-day series: (3 × 3 nodes + 1) × horizon 25,001 = 250,010 series cells per replication, over the limit of 250,000; " +
        "run without series, or use a horizon of at most 25,000 days",
    }]);
    // More cells in one day than the limit: the advice is still a horizon of at least 1 day.
    expect(checkSeriesSize(sized(83_334, 0, 1))[0].message).toMatch(/at most 1 days$/);
  });

  it("checkTableSize allows 8 × replications × columns bytes up to maxBytes and names the most replications that fit", () => {
    expect(checkTableSize(sized(1, 0, 1, 100), 10, 8000, "here")).toEqual([]);
    expect(checkTableSize(sized(1, 0, 1, 100), 10, 7999, "here")[0].message).toContain("use at most 99 replications here");
    // 1,000,000 × 3 × 8 = 24,000,000 bytes; 10,500,000 bytes hold ⌊10,500,000 / 24⌋ = 437,500 replications.
    expect(checkTableSize(sized(1, 0, 1, 1_000_000), 3, 10_500_000, "in this page")).toEqual([{
      path: "replications",
      message: "keeps too many per-replication KPI values in this page: 1,000,000 replications × 3 KPI columns × 8 bytes = 24 MB, over the limit of 11 MB; " +
        "use at most 437,500 replications here, or run it with the echelon command line, which keeps them in a temporary file",
    }]);
    // A limit below one replication's row still advises at least 1.
    expect(checkTableSize(sized(1, 0, 1, 5), 10, 40, "here")[0].message).toContain("use at most 1 replications here");
  });

  it("checkTraceSize allows (nodes + lanes) × horizon up to MAX_TRACE_CELLS and names the longest horizon that fits", () => {
    // 3 nodes + 2 lanes: 5 cells a day, so 800,000 days are exactly the limit.
    expect(MAX_TRACE_CELLS).toBe(4_000_000);
    expect(checkTraceSize(sized(3, 2, 800_000))).toEqual([]);
    expect(checkTraceSize(sized(3, 2, 800_001))).toEqual([{
      path: "horizon",
      message: "is too long to watch day by day: (3 nodes + 2 lanes) × horizon 800,001 = 4,000,005 cells, over the limit of 4,000,000; " +
        "watch a copy of the scenario with a horizon of at most 800,000 days",
    }]);
    expect(checkTraceSize(sized(4_000_001, 0, 1))[0].message).toMatch(/at most 1 days$/);
  });
});
