// The flow-balance KPIs of a serial chain, counted exactly (docs/kpis.md, flow balance). Apart
// from flow-balance.test.ts, whose checks on every library scenario and 40 random ones take
// seconds, so that the engine's and kernel's mutation runs can keep this one and leave those out.
import { describe, expect, it } from "vitest";
import { kpiColumns, runBatch } from "../../../src/sim/engine/index.ts";
import type { Distribution, Scenario } from "../../../src/sim/model/index.ts";

describe("flow-balance KPIs", () => {
  it("count a serial chain's flows exactly: 10 a day from the supplier, through the DC, to customers", () => {
    const one = (value: number): Distribution => ({ type: "constant", value });
    const s: Scenario = {
      format: "echelon-scenario@1", name: "chain", horizon: 30, warmup: 10, replications: 1, seed: 1, unmetDemand: "backorder", allocation: "fifo",
      nodes: [
        { id: "sup", kind: "supplier" },
        { id: "dc", kind: "dc", policy: { type: "base-stock", level: 20 } },
        { id: "store", kind: "store", policy: { type: "base-stock", level: 20 } },
      ],
      lanes: [{ from: "sup", to: "dc", leadTime: one(1) }, { from: "dc", to: "store", leadTime: one(1) }],
      demand: [{ node: "store", dist: one(10) }],
    };
    const cols = kpiColumns(s), { values } = runBatch(s, { from: 0, to: 1 });
    const got = Object.fromEntries(cols.filter((c) => /^(units(Received|Delivered|Sent|Lost)|stock(Start|End))$/.test(c.key)).map((c) => [`${c.id || "network"}:${c.key}`, values[cols.indexOf(c)]]));
    // 20 measured days × 10 units; inventory position stays at the level (20), all of it on hand or in transit
    expect(got).toEqual({
      "network:unitsReceived": 200, "network:unitsDelivered": 200, "network:unitsLost": 0, "network:stockStart": 40, "network:stockEnd": 40,
      "dc:unitsReceived": 200, "dc:unitsDelivered": 0, "dc:unitsSent": 200, "dc:unitsLost": 0, "dc:stockStart": 20, "dc:stockEnd": 20,
      "store:unitsReceived": 200, "store:unitsDelivered": 200, "store:unitsSent": 0, "store:unitsLost": 0, "store:stockStart": 20, "store:stockEnd": 20,
    });
  });
});
