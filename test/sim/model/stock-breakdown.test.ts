import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { STOCK_COMPONENTS, STOCK_COMPONENT_LABELS } from "../../../src/sim/model/stock-breakdown.ts";

// The labels the charts and tables print are the terms docs/kpis.md "Stock breakdown" defines
// (in italics, "*Cycle stock* …"); a label may add a gloss in parentheses.
const KPIS_DOC = readFileSync(new URL("../../../docs/kpis.md", import.meta.url), "utf8");

describe("STOCK_COMPONENT_LABELS", () => {
  it("labels every component with a distinct term that docs/kpis.md defines", () => {
    const labels = STOCK_COMPONENTS.map((k) => STOCK_COMPONENT_LABELS[k]);
    expect(new Set(labels).size).toBe(STOCK_COMPONENTS.length);
    for (const label of labels) {
      const term = label.split(" (")[0];
      expect(term.length, label).toBeGreaterThan(0);
      expect(KPIS_DOC, label).toContain(`- *${term}`);
    }
  });
});
