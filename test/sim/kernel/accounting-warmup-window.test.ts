// The measured days start at the warmup (kpis.md): a node's 7-day moving fill rate counts only
// windows of 7 measured days (docs/kpis.md serviceTrough), and its stock-out days and largest
// backorders only measured days. Worked by hand.
import { describe, expect, it } from "vitest";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { constant, kpis, lane, scenario, stock, supplier } from "../engine/fixtures.ts";

describe("a node's day in the accounts, from the warmup", () => {
  it("the trough is over full weeks of measured days; a short first measured day alone is no window", () => {
    // store: base-stock 10, 10 on hand, lead time 1; demand 10 a day, 30 on day 3. Days 0–2: the
    // 10 on hand serve the 10, the order of 10 arrives the next morning. Day 3: 10 served of 30,
    // 20 backordered, order 30. Day 4: the 30 pay the 20 and serve the 10. Days 5–9 as days 0–2.
    // Measured from day 3 (warmup 3, horizon 10): one full week, 70 served at once of 90.
    const s = scenario({
      horizon: 10, warmup: 3,
      nodes: [supplier, stock("store", 10)],
      lanes: [lane("supplier", "store", 1)],
      demand: [{ node: "store", dist: constant(10), seasonality: { cycle: 10, factors: [1, 1, 1, 3, 1, 1, 1, 1, 1, 1] } }],
    });
    expect(validateScenario(s).ok).toBe(true);
    const k = kpis(s)[0];
    expect(k["node:store:serviceTrough"]).toBe(70 / 90);
    expect(k["node:store:stockoutDays"]).toBe(1);
    expect(k["node:store:maxBackorders"]).toBe(20);
  });
});
