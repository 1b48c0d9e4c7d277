// docs/workbench.md is the user's manual: it must not contradict the app (issue 14, item 13 found
// it saying disruptions were not marked and products could not be edited in forms, both false).
// Each check pairs a claim of the manual with the code that makes it true.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { disruptionMarks } from "../../src/ui/network/disruption-marks.ts";
import { fieldsFromScenario } from "../../src/ui/run/run-options.ts";
import { issuePlace } from "../../src/ui/editor/readable.ts";
import { disruptionWindows } from "../../src/ui/charts/windows.ts";
import { RESILIENCE_KPIS } from "../../src/ui/results/results-view.ts";
import { IMPACT_KPIS, IMPACT_RUNS } from "../../src/ui/impact/impact-view.ts";
import { KPI_BY_KEY } from "../../src/sim/model/kpis.ts";
import { SEARCH_REPLICATIONS } from "../../src/ui/optimize/optimize-dialog.ts";
import { checkSummary, networkVariantName } from "../../src/ui/optimize/network-rows.ts";
import { DEFAULT_MAX_EVALUATIONS, optimizeScenario } from "../../src/sim/optimize/index.ts";
import { scenario } from "./fixtures.ts";
import { defaultFields, frontierPlan } from "../../src/ui/frontier/frontier-settings.ts";
import { planVariantName } from "../../src/ui/frontier/frontier-plan.ts";
import { METHOD_TEXT } from "../../src/ui/results/kpi-delta.ts";
import { COMPOUNDED_TEXT } from "../../src/ui/results/bullwhip-chain.ts";
import { TRADEOFF_CAPTION } from "../../src/ui/compare/tradeoff-differences.ts";

const manual = readFileSync(join(import.meta.dirname, "..", "..", "docs", "workbench.md"), "utf8").replace(/\s+/g, " ");

describe("docs/workbench.md matches the app", () => {
  it("names the KPI cards' two kinds of interval as their tooltips do", () => {
    for (const text of Object.values(METHOD_TEXT)) expect(manual).toContain(`*${text}*`);
  });

  it("names the bullwhip chart's diamonds as their tooltips do: an approximation", () => {
    expect(manual).toContain(`*${COMPOUNDED_TEXT}*`);
  });

  it("quotes Compare's trade-off caption as the panel words it", () => {
    expect(manual).toContain(`*${TRADEOFF_CAPTION}*`);
  });

  it("gives the trade-off curve's defaults, a field's message and the variant's name as the dialog has them", () => {
    const f = defaultFields(scenario());
    expect([f.points, f.targets, f.evaluations]).toEqual(["8", "0.9, 0.95, 0.98, 0.99", "40"]);
    expect(manual).toContain("*Service levels* per analytic curve (8, evenly from 85% to 99.5%), *Optimiser targets* (0.9, 0.95, 0.98, 0.99)");
    expect(manual).toContain("*Evaluations per target* (the optimiser's budget, 40;");
    const bad = frontierPlan(scenario(), { ...f, targets: "0.9, 1.5" });
    expect("errors" in bad && bad.errors.targets).toMatch(/^Optimiser targets must be fill rates from 0\.5 to 1 separated by commas /);
    expect(manual).toContain("*Optimiser targets must be fill rates from 0.5 to 1 separated by commas …, got “0.9, 1.5”*");
    const point = { targetFill: 0.95, fillRate: { mean: 0.95, ci95: [0.94, 0.96] as const } } as never;
    expect(manual).toContain(`*${planVariantName("Three-echelon retail", "simulation", point)}*`);
  });

  it("says disrupted nodes and lanes are marked, as disruptionMarks does", () => {
    const marks = disruptionMarks({ nodes: [{ id: "a" }], lanes: [], disruptions: [{ type: "node-outage", node: "a", start: 1, end: 2 }] });
    expect(marks.nodes.size).toBe(1);
    expect(manual).not.toMatch(/does not mark disrupted/i);
    expect(manual).toContain("Disruptions on the diagram");
  });

  it("does not say products, disruptions or mitigations cannot be edited in forms", () => {
    expect(manual).not.toMatch(/No editing of products/i);
    expect(manual).toMatch(/\*\*Products\.\*\* Id, name and unit cost of each product/);
  });

  it("gives the per-day series' default as the run panel has it", () => {
    expect(fieldsFromScenario(scenario()).series).toBe(false);
    expect(manual).toContain("**Per-day series** (off by default");
  });

  it("quotes a problem as the issue list words it", () => {
    const draft = { nodes: Array.from({ length: 10 }, (_, i) => ({ id: `n${i}`, name: i === 9 ? "DC East" : `N${i}` })) };
    expect(manual).toContain(`*${issuePlace(draft, "nodes[9].policy.level")}: must be a number >= 0, got -5*`);
  });

  it("lists the resilience panel's KPIs and names a window as disruptionWindows does", () => {
    expect(RESILIENCE_KPIS).toEqual(["serviceTrough", "recoveryDays", "unitsShort", "maxBackorders"]);
    expect(manual).toMatch(/\*\*service trough\*\*.*\*\*recovery days\*\*.*\*\*units short\*\*.*\*\*maximum backorders\*\*/);
    const [w] = disruptionWindows(scenario({ disruptions: [{ type: "lane-delay", from: "supplier", to: "plant", extraDays: 14, start: 120, end: 134 }] }));
    expect(manual).toContain(`*${w.label}*`);
  });

  it("describes the network method as the dialog runs it: replications, budget, the plain warning, the variant's name", () => {
    expect([SEARCH_REPLICATIONS, DEFAULT_MAX_EVALUATIONS]).toEqual([30, 300]);
    expect(manual).toContain("on the same 30 replications");
    expect(manual).toContain("of at most 300 evaluations");
    const r = optimizeScenario(scenario(), { method: "gsm", serviceLevel: 0.95 }), e = { mean: 0.951, ci95: [0.947, 0.955] as [number, number] };
    const four = { fillRate: e, holdingCost: e, totalCost: e, onHandValue: e };
    const check = { seed: 43, replications: 200, ...four, targetMet: false, baseline: four, verdict: "" };
    const { warning } = checkSummary({ ...r, simulation: { targetFill: 0.95, fillRate: e, reached: true, evaluations: 1, replicationsPerEvaluation: 30, check } });
    expect(manual).toContain(`*${warning}*`);
    expect(manual).toContain(`"${networkVariantName("<name>", "target-fill", 0.95)}" or "${networkVariantName("<name>", "total-cost", undefined)}"`);
  });

  it("names the Impact view's runs and its side-by-side KPIs as the view has them", () => {
    expect(IMPACT_RUNS.map((r) => r.run)).toEqual(["baseline", "disrupted", "unmitigated"]);
    expect(manual).toContain("**Run impact**");
    expect(manual).toMatch(/without its disruptions — the \*\*baseline\*\*; - \*\*as written\*\*; - as written \*\*without the response\*\*/);
    const listed = IMPACT_KPIS.map((k) => KPI_BY_KEY.get(k)!.label.toLowerCase()).join(", ").replace(/, ([^,]+)$/, " and $1");
    expect(manual).toContain(listed.replace("max backorders", "maximum backorders"));
  });
});
