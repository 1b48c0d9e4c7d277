// @vitest-environment jsdom
import { render } from "lit";
import { describe, expect, it } from "vitest";
import { pairedText, renderTradeoffDifferences } from "../../../src/ui/compare/tradeoff-differences.ts";
import { kpiDiff } from "../fixtures.ts";

const mount = (network: Parameters<typeof renderTradeoffDifferences>[0]) => {
  const host = document.createElement("div");
  render(renderTradeoffDifferences(network, 40), host);
  return host;
};

describe("renderTradeoffDifferences", () => {
  it("lists fill rate, on hand and on-hand value in that order, leaving out those the comparison lacks and every other KPI", () => {
    const host = mount({ totalCost: kpiDiff(1, 2, 0.1), onHand: kpiDiff(10, 12, 1), fillRate: kpiDiff(0.9, 0.95, 0.01) });
    expect([...host.querySelectorAll("tr")].map((r) => r.getAttribute("data-kpi"))).toEqual(["fillRate", "onHand"]);
    expect(host.querySelector("caption")!.textContent!.replace(/\s+/g, " ")).toBe("B − A, paired over 40 replications (95% CI)");
  });

  it("draws nothing when the comparison has none of them", () => {
    expect(mount({ totalCost: kpiDiff(1, 2, 0.1) }).querySelector("table")).toBeNull();
  });

  it("writes the paired difference with its interval, precise enough to show the interval's width", () => {
    // Half-width 0.02 percentage points: two decimals of the percentage, where one would print 0.1% [0.0%, 0.1%].
    expect(pairedText({ unit: "0…1" }, kpiDiff(0.9, 0.9005, 0.0002))).toBe("+0.05% [0.03%, 0.07%]");
  });
});
