import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { buildImpact } from "../../../src/sim/montecarlo/impact.ts";
import { noTick } from "../../../src/sim/montecarlo/tick.ts";
import { col, side } from "../../helpers/impact-sides.ts";

const s = { name: "S", seed: 1, replications: 4, horizon: 12, warmup: 2 } as Scenario;

describe("impact: the report's fields", () => {
  it("is an echelon-impact@1 document", async () => {
    const cols = [col("network", "", "onHand")];
    const r = await buildImpact({ scenario: s, baseline: side(cols, (r) => r), disrupted: side(cols, (r) => r + 1), workers: 1, elapsedMs: 0 }, noTick);
    expect(r.format).toBe("echelon-impact@1");
  });

  it("a KPI without a definition (no better direction) still gets its verdict by sign: higher or lower", async () => {
    const cols = [col("network", "", "notAKpi"), col("node", "a", "alsoNotAKpi")];
    // Differences 1 + r/10 and −(1 + r/10): significant, of known sign.
    const r = await buildImpact({ scenario: s, baseline: side(cols, (r) => r * r), disrupted: side(cols, (r, j) => r * r + (j ? -1 : 1) * (1 + r / 10)), workers: 1, elapsedMs: 0 }, noTick);
    expect(r.network.notAKpi.disruptedVsBaseline.verdict).toBe("higher");
    expect(r.nodes.a.alsoNotAKpi.disruptedVsBaseline.verdict).toBe("lower");
  });

  it("the unmitigated cost and the saving come from the network's total cost, whatever network column follows it", async () => {
    const cols = [col("network", "", "totalCost"), col("network", "", "onHand")];
    // Cost differences from the baseline: disrupted 2 + r (mean 3.5), unmitigated 7; on hand 100 more in both.
    const base = (r: number, j: number) => 10 * j + r * r;
    const r = await buildImpact({
      scenario: s, workers: 1, elapsedMs: 0,
      baseline: side(cols, base), disrupted: side(cols, (r, j) => base(r, j) + (j ? 100 : 2 + r)), unmitigated: side(cols, (r, j) => base(r, j) + (j ? 100 : 7)),
    }, noTick);
    // 10 measured days.
    expect(r.costUnmitigated!.perDay.mean).toBe(7);
    expect(r.costUnmitigated!.total.mean).toBe(70);
    expect(r.saved!.perDay.mean).toBe(7 - 3.5);
  });
});
