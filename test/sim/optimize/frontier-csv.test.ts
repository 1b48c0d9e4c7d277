// The trade-off curve's CSV (the CLI's --format csv and the app's "Data (CSV)"): one row per point, figures as computed.
import { describe, expect, it } from "vitest";
import { FRONTIER_CSV_HEADER, frontierToCsv, type FrontierResult } from "../../../src/sim/optimize/index.ts";
import { smallFrontier } from "./small-frontier.ts";

describe("frontierToCsv", () => {
  // One test, the computation inside it: run at describe level it would run before Stryker
  // switches a mutant on, and no test would be credited with it (docs/testing.md, "Reading a
  // survivor"); run before each of several tests it would cost seconds each. Each block below
  // states one property. The timeout is 5 minutes: instrumented by Stryker, it runs 20–50× slower.
  it("frontierToCsv: every property below", async () => {
    const { result } = await smallFrontier();
    const rows = frontierToCsv(result).trimEnd().split("\n").map((l) => l.split(","));

    { // writes the header, then the current scenario, then each curve's points in order
      expect(rows[0]).toEqual([...FRONTIER_CSV_HEADER]);
      expect(rows.slice(1).map((r) => r[0])).toEqual(["current", "single-echelon", "single-echelon", "gsm", "gsm", "simulation", "simulation"]);
    }

    { // gives each point's parameter, each KPI's mean and interval, and the evaluations, so the chart can be redrawn from the file
      const col = (name: string) => FRONTIER_CSV_HEADER.indexOf(name as never);
      const p = result.curves.simulation[1], r = rows[7];
      expect(r[col("target_fill")]).toBe("0.95");
      expect(r[col("service_level")]).toBe("");
      expect([r[col("fill_rate")], r[col("fill_rate_lo")], r[col("fill_rate_hi")]].map(Number)).toEqual([p.fillRate.mean, ...p.fillRate.ci95]);
      expect([r[col("inventory_turns")], r[col("inventory_turns_hi")]].map(Number)).toEqual([p.inventoryTurns.mean, p.inventoryTurns.ci95[1]]);
      expect(Number(r[col("evaluations")])).toBe(p.evaluations);
      expect(Number(rows[2][col("service_level")])).toBe(0.85);
    }

    { // leaves a cell empty for a figure that is not finite
      const nan = { mean: NaN, ci95: [NaN, NaN] as const };
      const csv = frontierToCsv({ ...result, current: { ...result.current, fillRate: nan } } as FrontierResult);
      expect(csv.split("\n")[1].split(",").slice(3, 6)).toEqual(["", "", ""]);
    }
  }, 300_000);
});
