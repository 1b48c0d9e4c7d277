import { describe, expect, it } from "vitest";
import { IMPACT_CSV_HEADER, impactToCsv } from "../../../src/sim/stats/impact-csv.ts";
import type { ImpactKpi, ImpactResult, Stat } from "../../../src/sim/model/result.ts";

const stat = (mean: number, half: number, n = 10): Stat => ({ mean, sd: half, ci95: [mean - half, mean + half], p05: mean, p50: mean, p95: mean, n });
const change = (mean: number, half: number, verdict: "better" | "worse" | "none" | "undefined") =>
  ({ diff: { mean, ci95: [mean - half, mean + half] as const }, relative: verdict === "undefined" ? null : mean / 10, significant: verdict === "better" || verdict === "worse", verdict });
const twoRuns = (b: number, d: number): ImpactKpi => ({ baseline: stat(b, 1), disrupted: stat(d, 1), disruptedVsBaseline: change(d - b, 0.5, "worse") });
const cost = (mean: number) => ({ perDay: { mean, ci95: [mean - 1, mean + 1] as const }, total: { mean: mean * 100, ci95: [mean * 100 - 100, mean * 100 + 100] as const }, significant: mean > 1 });

const report = (over: Partial<ImpactResult> = {}): ImpactResult => ({
  format: "echelon-impact@1", scenario: "S", seed: 1, replications: 10, horizon: 130, warmup: 30, measuredDays: 100, disruptions: 1, mitigations: [],
  cost: cost(5), network: { totalCost: twoRuns(10, 15) }, nodes: { 'dc "north", east': { onHand: twoRuns(40, 20) } }, products: {}, workers: 1, elapsedMs: 0,
  ...over,
});
const parse = (csv: string) => csv.trimEnd().split("\n");

describe("impactToCsv", () => {
  it("writes one row per (scope, id, KPI) with each run's mean and interval and the change, then the cost per day and in total", () => {
    const lines = parse(impactToCsv(report()));
    expect(lines[0]).toBe(IMPACT_CSV_HEADER.join(","));
    expect(lines[1]).toBe("network,,totalCost,10,9,11,15,14,16,,,,5,4.5,5.5,0.5,worse,,,,,,,,,,");
    expect(lines[2]).toBe('node,"dc ""north"", east",onHand,40,39,41,20,19,21,,,,-20,-20.5,-19.5,-2,worse,,,,,,,,,,');
    expect(lines.slice(3)).toEqual([
      "cost,perDay,disruption,,,,,,,,,,5,4,6,,significant,,,,,,,,,,",
      "cost,total,disruption,,,,,,,,,,500,400,600,,significant,,,,,,,,,,",
    ]);
    expect(lines.every((l) => l.replace(/"[^"]*"/g, "").split(",").length === IMPACT_CSV_HEADER.length)).toBe(true);
  });

  it("fills the run without the response and the response's change when the scenario has mitigations, and writes its saving", () => {
    const kpi: ImpactKpi = { ...twoRuns(0.99, 0.95), unmitigated: stat(0.9, 0.01), unmitigatedVsBaseline: change(-0.09, 0.01, "worse"), disruptedVsUnmitigated: change(0.05, 0.01, "better") };
    const lines = parse(impactToCsv(report({ mitigations: ["lateralTransfers"], network: { fillRate: kpi }, nodes: {}, costUnmitigated: cost(9), saved: cost(0.5) })));
    const row = lines[1].split(",");
    const at = (col: string) => row[IMPACT_CSV_HEADER.indexOf(col)];
    expect([at("unmitigated_mean"), at("unmitigated_change_verdict"), at("response_change_mean"), at("response_change_verdict")]).toEqual(["0.9", "worse", "0.05", "better"]);
    expect(lines.filter((l) => l.startsWith("cost,")).map((l) => l.split(",").slice(0, 3).concat(l.split(",")[16]).join(","))).toEqual([
      "cost,perDay,disruption,significant", "cost,total,disruption,significant", "cost,perDay,unmitigated,significant", "cost,total,unmitigated,significant",
      "cost,perDay,saved,none", "cost,total,saved,none",
    ]);
  });

  it("leaves undefined figures empty: a KPI no replication defines, a relative change of an undefined baseline", () => {
    const none: ImpactKpi = { baseline: stat(NaN, NaN, 0), disrupted: stat(12, 2), disruptedVsBaseline: change(NaN, NaN, "undefined") };
    const row = parse(impactToCsv(report({ network: { recoveryDays: none }, nodes: {} })))[1];
    expect(row).toBe("network,,recoveryDays,,,,12,10,14,,,,,,,,undefined,,,,,,,,,,");
  });

  it("writes a product's rows after the nodes', and ends every line, the last included, with a line break", () => {
    const csv = impactToCsv(report({ products: { widget: { onHand: twoRuns(90, 80) } } }));
    expect(csv.endsWith("\n")).toBe(true);
    expect(parse(csv)[3]).toBe("product,widget,onHand,90,89,91,80,79,81,,,,-10,-10.5,-9.5,-1,worse,,,,,,,,,,");
  });
});
