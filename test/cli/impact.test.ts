import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatRelative } from "../../src/sim/stats/verdict.ts";
import { impactSummary } from "../../src/cli/impact.ts";
import { runEchelonHere } from "../helpers/echelon-cli.ts";

const root = join(import.meta.dirname, "../..");
const scenario = (name: string) => join(root, "scenarios", name);

// In this process: what the command prints and its exit status (main.test.ts runs bin/echelon.mjs).
const echelon = (...args: string[]) => runEchelonHere(args);

describe("echelon impact", () => {
  it("prints echelon-impact@1 with the disruption's cost, and a summary of it on standard error", async () => {
    const r = await echelon("impact", scenario("supplier-delay.json"), "--replications", "8", "--horizon", "200", "--workers", "2");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(["format", "scenario", "seed", "replications", "horizon", "warmup", "measuredDays", "disruptions",
      "mitigations", "cost", "network", "nodes", "products", "workers", "elapsedMs"]);
    expect([doc.format, doc.replications, doc.horizon, doc.measuredDays, doc.mitigations]).toEqual(["echelon-impact@1", 8, 200, 170, []]);
    const tc = doc.network.totalCost;
    expect(Object.keys(tc)).toEqual(["baseline", "disrupted", "disruptedVsBaseline"]);
    expect(Object.keys(tc.disruptedVsBaseline)).toEqual(["diff", "relative", "significant", "verdict"]);
    expect(doc.cost.perDay).toEqual(tc.disruptedVsBaseline.diff);
    expect(Object.keys(doc.nodes["dc-north"].fillRate.baseline)).toEqual(["mean", "sd", "ci95", "p05", "p50", "p95", "n"]);
    const perDay = doc.cost.perDay.mean.toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(r.stderr).toContain(`Cost of the disruption: +${perDay} per day`);
    expect(r.stderr).toContain(`over the 170 measured days`);
    expect(r.stderr).toContain(`total cost ${formatRelative(tc.disruptedVsBaseline.relative)} against the baseline`);
    expect(r.stderr).toMatch(/8 replications × 2 runs of "Three-echelon retail: two-week supplier delay"/);
  });

  it("--format csv writes the same figures as the JSON, one row per KPI with the three runs and the cost rows", async () => {
    const args = ["impact", scenario("dc-outage-lateral.json"), "--replications", "6", "--horizon", "150", "--workers", "1"];
    const [json, csv] = await Promise.all([echelon(...args), echelon(...args, "--format", "csv")]);
    expect(csv.code).toBe(0);
    const doc = JSON.parse(json.stdout), lines = csv.stdout.trimEnd().split("\n").map((l) => l.split(","));
    const header = lines[0], at = (row: string[], col: string) => row[header.indexOf(col)];
    const row = (scope: string, id: string, kpi: string) => lines.find((l) => l[0] === scope && l[1] === id && l[2] === kpi)!;
    const fill = row("network", "", "fillRate"), tc = doc.network.fillRate;
    expect([at(fill, "baseline_mean"), at(fill, "disrupted_ci_hi"), at(fill, "unmitigated_mean")].map(Number))
      .toEqual([tc.baseline.mean, tc.disrupted.ci95[1], tc.unmitigated.mean]);
    expect([Number(at(fill, "change_mean")), at(fill, "change_verdict"), Number(at(fill, "response_change_ci_lo"))])
      .toEqual([tc.disruptedVsBaseline.diff.mean, tc.disruptedVsBaseline.verdict, tc.disruptedVsUnmitigated.diff.ci95[0]]);
    expect(Number(at(row("node", "dc-north", "onHand"), "disrupted_mean"))).toBe(doc.nodes["dc-north"].onHand.disrupted.mean);
    expect(Number(at(row("cost", "total", "disruption"), "change_mean"))).toBe(doc.cost.total.mean);
    expect(Number(at(row("cost", "perDay", "saved"), "change_ci_hi"))).toBe(doc.saved.perDay.ci95[1]);
    expect(lines.length - 1).toBe(Object.keys(doc.network).length + Object.values(doc.nodes).reduce((n: number, k) => n + Object.keys(k as object).length, 0)
      + Object.values(doc.products).reduce((n: number, k) => n + Object.keys(k as object).length, 0) + 6);
  });

  it("says what the response saved, and when it cost more than it saved", () => {
    const cost = (mean: number, significant: boolean) => ({ perDay: { mean, ci95: [mean - 1, mean + 1] as const }, total: { mean: mean * 10, ci95: [mean * 10 - 10, mean * 10 + 10] as const }, significant });
    const r = { format: "echelon-impact@1", scenario: "S", seed: 1, replications: 4, horizon: 12, warmup: 2, measuredDays: 10, disruptions: 1,
      mitigations: ["expedite"], cost: cost(5, true), costUnmitigated: cost(8, true), saved: cost(3, true), network: {}, nodes: {}, products: {}, workers: 1, elapsedMs: 0 } as const;
    expect(impactSummary(r)).toContain("What the response (expedite) saved: +3.00 per day [2.00, 4.00], +30.00 over the 10 measured days [20.00, 40.00]\n");
    expect(impactSummary({ ...r, saved: cost(-3, true) })).toContain("saved: −3.00 per day [−4.00, −2.00], −30.00 over the 10 measured days [−40.00, −20.00]; the response cost more than it saved\n");
    expect(impactSummary({ ...r, saved: cost(-0.5, false) })).toContain("(not significant: the interval holds 0)\n");
  });

  it("refuses a scenario without disruptions (exit 1, naming the field) and a missing file argument (exit 2)", async () => {
    const [none, usage] = await Promise.all([echelon("impact", scenario("retail-3-echelon.json")), echelon("impact")]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("retail-3-echelon.json: disruptions: the scenario has no disruptions");
    expect(none.stdout).toBe("");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("missing FILE: usage: echelon impact FILE");
  });
});
