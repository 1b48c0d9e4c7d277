import { describe, expect, it } from "vitest";
import { compiled } from "../../../src/sim/engine/index.ts";
import { createState } from "../../../src/sim/kernel/index.ts";
import { drawLeadTimes } from "../../../src/sim/kernel/shipping.ts";
import { DRAW_BLOCK } from "../../../src/sim/kernel/state.ts";
import { lane, scenario, stock, supplier } from "./fixtures.ts";

const stores = ["a", "b", "c", "d"];
const network = (demand: Parameters<typeof scenario>[0]["demand"]) => scenario({
  horizon: 400, nodes: [supplier, ...stores.map((id) => stock(id, 50))], lanes: stores.map((id) => lane("supplier", id, 2)), demand,
});

describe("compile", () => {
  it("shares one table of daily factors among the demand sources with the same seasonality and trend", () => {
    const seasonality = { cycle: 7, factors: [1, 1, 1, 1, 1.5, 2, 0.5] };
    const net = compiled(network(stores.map((node, k) => ({ node, dist: { type: "normal", mean: 10, sd: 2 }, seasonality, ...(k === 3 ? { trend: 0.001 } : {}) }))));
    expect(net.seasonal.length).toBe(2 * 400);   // not 4 × 400
    expect(Array.from(net.seasonalAt)).toEqual([0, 0, 0, 400]);
    expect(net.seasonal[5]).toBe(2);
    expect(net.seasonal[400 + 5]).toBe(Math.pow(1.001, 5) * 2);
  });

  it("drawLeadTimes holds a lane's sampled lead times at most the horizon (they arrive after it all the same)", () => {
    // 3e9 days would wrap to a negative 32-bit lead time, received at once
    const net = compiled(scenario({
      horizon: 40, nodes: [supplier, stock("a", 5)], lanes: [lane("supplier", "a", { type: "normal", mean: 3e9, sd: 1 })],
      demand: [{ node: "a", dist: { type: "constant", value: 1 } }],
    }));
    const st = createState(net);
    drawLeadTimes(net, st);
    expect(Array.from(st.laneLeads.subarray(0, DRAW_BLOCK))).toEqual(new Array(DRAW_BLOCK).fill(40));
  });
});
