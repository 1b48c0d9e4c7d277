// Every curated scenario in scenarios/ is also a test: it validates, and a short run of it gives
// finite network KPIs (NaN only where kpis.md allows an undefined value: recoveryDays).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kpiColumns, runBatch } from "../src/sim/engine/index.ts";
import { validateScenario } from "../src/sim/validate/index.ts";

const dir = new URL("../scenarios/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json")).sort();
const MAY_BE_NAN = new Set(["recoveryDays"]);

describe("scenarios/", () => {
  it("holds the curated literature scenarios", () => {
    expect(files).toEqual(expect.arrayContaining(["beer-game.json", "retail-3-echelon.json", "risk-pooling-demo.json", "serial-example-6-1.json", "supplier-delay.json"]));
  });

  it("holds the planners' library of issue 10 §6, at least twelve scenarios (lessons: test/scenario-lessons.test.ts)", () => {
    expect(files).toEqual(expect.arrayContaining([
      "regional-demand-surge.json", "dc-outage.json", "dc-outage-lateral.json", "lane-capacity-cut.json", "random-supplier-outages.json",
      "spare-parts.json", "seasonal-peak.json", "promotion.json", "serial-4-stage-bullwhip.json", "lost-sales-convenience-stores.json",
      "multi-product-network.json", "supplier-delay-lateral.json",
    ]));
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  it("describes every scenario: the situation, what to look at, what it teaches", () => {
    const thin = files.filter((f) => ((JSON.parse(readFileSync(new URL(f, dir), "utf8")) as { description?: string }).description?.length ?? 0) < 200);
    expect(thin).toEqual([]);
  });

  for (const file of files) {
    describe(file, () => {
      const input: unknown = JSON.parse(readFileSync(new URL(file, dir), "utf8"));

      it("validates with no issues", () => {
        const result = validateScenario(input);
        expect(result.ok ? [] : result.errors).toEqual([]);
      });

      it("runs 4 replications with finite network KPIs", () => {
        const result = validateScenario(input);
        if (!result.ok) throw new Error(`${file} does not validate`);
        const columns = kpiColumns(result.scenario);
        const { values, columns: width } = runBatch(result.scenario, { from: 0, to: 4 });
        expect(values.length).toBe(4 * width);
        const bad: string[] = [];
        columns.forEach((c, j) => {
          if (c.scope !== "network" || MAY_BE_NAN.has(c.key)) return;
          for (let r = 0; r < 4; r++) if (!Number.isFinite(values[r * width + j])) bad.push(`${c.key} = ${values[r * width + j]} in replication ${r}`);
        });
        expect(bad).toEqual([]);
      });
    });
  }
});
