// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import "../../../src/ui/charts/cost-chart.ts";

describe("<ech-cost-chart>", () => {
  it("draws one focusable, labelled segment per positive cost and a table alternative", async () => {
    const el = document.createElement("ech-cost-chart");
    el.series = [{ key: "holdingCost", label: "Holding" }, { key: "backorderCost", label: "Backorder" }];
    el.rows = [{ label: "Network", values: { holdingCost: 10, backorderCost: 2.5 } }, { label: "DC", values: { holdingCost: 4, backorderCost: 0 } }];
    document.body.append(el);
    await el.updateComplete;
    const rects = [...el.shadowRoot!.querySelectorAll("rect[tabindex]")];
    expect(rects.map((r) => r.getAttribute("aria-label"))).toEqual(["Network: Holding 10.00", "Network: Backorder 2.50", "DC: Holding 4.00"]);
    expect([...el.shadowRoot!.querySelectorAll("tbody tr")].map((r) => [...r.children].map((c) => c.textContent))).toEqual([["Network", "10.00", "2.50"], ["DC", "4.00", "0.00"]]);
  });
});
