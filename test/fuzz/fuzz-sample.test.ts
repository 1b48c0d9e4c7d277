// A fixed sample of the fuzz campaign (scripts/fuzz.ts, docs/testing.md): the first 200 cases of
// seed 1, each validated and, if accepted, run for two replications in a child process. Every
// column must be 0. A failure names the cases; rerun one with `npm run fuzz -- --case K`.
import { describe, expect, it } from "vitest";
import { runCampaign, type Report } from "../../scripts/fuzz/campaign.ts";
import { CATEGORIES } from "../../scripts/fuzz/check-case.ts";

describe("fuzz campaign sample (seed 1, cases 0-199)", () => {
  let report: Report;
  it("runCampaign checks every case and reports none that hangs, crashes, pollutes or loses a path", async () => {
    report = await runCampaign({ cases: 200, seed: 1, workers: 2, cliEvery: 100 });
    const lines = report.failures.map((f) => `case ${f.n} ${f.category}: ${f.detail} [${f.base}: ${f.ops.join("; ")}]`);
    const columns = Object.fromEntries(CATEGORIES.map((c) => [c, 0]));
    expect(report.columns, lines.join("\n")).toEqual(columns);
  }, 120_000);
  it("the sample reaches the engine: some mutants are accepted and run", () => {
    expect(report.info.ran).toBeGreaterThan(20);
  });
});
