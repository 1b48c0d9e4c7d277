import { describe, expect, it } from "vitest";
import { formatMeanCi, formatterFor, formatterForPrecision, halfWidth, statTooltip } from "../../../src/ui/results/kpi-format.ts";
import { KPI_BY_KEY } from "../../../src/sim/model/kpis.ts";
import { stat } from "../fixtures.ts";

describe("kpi-format", () => {
  it("formatterFor writes fractions as percentages, money with cents, NaN as a dash", () => {
    expect(formatterFor("0…1")(0.9534)).toBe("95.3%");
    expect(formatterFor("money/day")(1234.5)).toBe("1,234.50");
    expect(formatterFor("units")(412.54)).toBe("412.5");
    expect(formatterFor("units")(NaN)).toBe("—");
  });
  it("formatMeanCi shows the mean ± the CI half-width", () => {
    expect(halfWidth(stat(10, 0.25))).toBe(0.25);
    expect(formatMeanCi(KPI_BY_KEY.get("fillRate")!, stat(0.953, 0.04))).toBe("95.3% ± 4.0%");
    expect(formatMeanCi(KPI_BY_KEY.get("fillRate")!, stat(0.99612, 0.0004))).toBe("99.61% ± 0.04%");
    expect(formatMeanCi(KPI_BY_KEY.get("onHand")!, stat(412.5, 0, 1))).toBe("412.5");
  });
  it("formatterForPrecision adds decimals until the half-width shows, at most 3 more", () => {
    expect(formatterForPrecision("units", 0.3)(12.345)).toBe("12.3");
    expect(formatterForPrecision("units", 0.02)(12.345)).toBe("12.35");
    expect(formatterForPrecision("units", 1e-9)(12.345)).toBe("12.3450");
    expect(formatterForPrecision("0…1", 0.0004)(0.99612)).toBe("99.61%");
    expect(formatterForPrecision("money", 0)(5)).toBe("5.00");
  });
  it("statTooltip lists every field of the Stat", () => {
    const text = statTooltip(KPI_BY_KEY.get("onHand")!, stat(40, 1, 30));
    expect(text).toContain("mean 40.0, 95% CI 39.0 – 41.0");
    expect(text).toContain("sd 5.0; p05 37.0, median 40.0, p95 43.0; n = 30 replications");
  });
});
