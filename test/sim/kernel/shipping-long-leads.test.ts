// Lead times longer than the run (kernel/shipping.ts drawLeadTimes): a lane's lead time is what
// its distribution draws — uniform: whole days min … max (docs/scenario-format.md) — and a
// shipment due on or after the horizon is never received within the run (timeline.md: it stays
// in transit). A sampled lead time is stored as at most the horizon, which arrives after the run
// all the same: a draw too long for 32 bits must not wrap around into the past. Worked by hand.
import { describe, expect, it } from "vitest";
import { createSimulation, traceReplication } from "../../../src/sim/engine/index.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { constant, lane, scenario, stock, supplier } from "../engine/fixtures.ts";
import type { Distribution } from "../../../src/sim/model/index.ts";

const store = (lead: Distribution) => scenario({
  horizon: 4,
  nodes: [supplier, stock("store", 10)],
  lanes: [lane("supplier", "store", lead)],
  demand: [{ node: "store", dist: constant(10) }],
});

describe("lead times beyond the horizon", () => {
  it("uniform lead times are the whole days drawn, min … max, even past the horizon (the trace's arrival days)", () => {
    // Each evening the store orders the day's 10; each leaves the same day, 40 … 42 days out.
    const s = store({ type: "uniform", min: 40, max: 42 });
    expect(validateScenario(s).ok).toBe(true);
    const tr = traceReplication(s, 0);
    expect(Array.from(tr.shipmentDepart)).toEqual([0, 1, 2, 3]);
    const leads = Array.from(tr.shipmentArrive, (a, j) => a - tr.shipmentDepart[j]);
    expect(leads.every((L) => L >= 40 && L <= 42)).toBe(true);
  });

  it("a sampled lead time too long for 32 bits never arrives within the run (the engine's guard, for input validation refuses)", () => {
    // normal(3·10^9, 1) days: validation refuses lead times beyond 36,500 days, but the engine,
    // compiled without it, must not let the draw wrap around in its 32-bit store into a negative
    // lead time (received at once). Each evening's order of 10 leaves and never arrives: on hand 0
    // from day 0; backorders 0, 10, 20, 30; in transit 10, 20, 30, 40.
    const s = store({ type: "normal", mean: 3e9, sd: 1 });
    expect(validateScenario(s).ok).toBe(false);
    const sim = createSimulation(s, 0), seen: number[][] = [];
    while (!sim.done()) { sim.step(); seen.push([sim.onHand("store"), sim.backorders("store"), sim.inTransit("store")]); }
    expect(seen).toEqual([[0, 0, 10], [0, 10, 20], [0, 20, 30], [0, 30, 40]]);
  });
});
