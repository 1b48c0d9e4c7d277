import { describe, expect, it } from "vitest";
import { runBatch } from "../../../src/sim/engine/index.ts";
import { checkReferences } from "../../../src/sim/engine/check.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { lane, singleNode } from "./fixtures.ts";

describe("checkReferences", () => {
  it("names the field of an unknown node instead of crashing inside the kernel", () => {
    const s = singleNode(20, 10, 2, { lanes: [lane("supplier", "stor", 2)] });
    expect(() => runBatch(s, { from: 0, to: 1 })).toThrow(/^lanes\[0\]\.to: unknown node "stor"/);
  });
  it("names a disruption on a lane that does not exist", () => {
    const s = singleNode(20, 10, 2, { disruptions: [{ type: "lane-outage", from: "store", to: "supplier", start: 1, end: 2 }] });
    expect(() => runBatch(s, { from: 0, to: 1 })).toThrow(/^disruptions\[0\]: no lane from "store" to "supplier"/);
  });
  it("rejects a bad replication range with a message naming from/to", () => {
    expect(() => runBatch(singleNode(20, 10, 2), { from: 3, to: 1 })).toThrow(/^from\/to:/);
  });
});

describe("checkReferences, field by field", () => {
  const s = singleNode(20, 10, 2);
  const expectFails = (bad: object, field: string) =>
    expect(() => checkReferences({ ...s, ...bad } as Scenario)).toThrow(new RegExp(`^${field.replace(/[[\]().]/g, "\\$&")}: .*\\(validate the scenario with validateScenario first\\)$`));

  it("accepts the smallest valid horizon and warm-ups, and a demand shock on every node", () => {
    expect(() => checkReferences({ ...s, horizon: 1, warmup: 0 })).not.toThrow();
    expect(() => checkReferences({ ...s, horizon: 30, warmup: 29 })).not.toThrow();
    expect(() => checkReferences({ ...s, disruptions: [{ type: "demand-shock", node: "*", multiplier: 2, start: 1, end: 3 }] })).not.toThrow();
    expect(() => checkReferences({ ...s, disruptions: [{ type: "lane-outage", from: "supplier", to: "store", start: 1, end: 3 }] })).not.toThrow();
  });

  it("names the arrays, the horizon and the warm-up", () => {
    expectFails({ nodes: undefined }, "scenario");
    expectFails({ lanes: {} }, "scenario");
    expectFails({ demand: "x" }, "scenario");
    expect(() => checkReferences(undefined as unknown as Scenario)).toThrow(/^scenario: /);
    expectFails({ horizon: 0, warmup: 0 }, "horizon");
    expectFails({ horizon: 2.5 }, "horizon");
    expectFails({ warmup: -1 }, "warmup");
    expectFails({ warmup: 1.5 }, "warmup");
    expectFails({ warmup: 30 }, "warmup");
  });

  it("names the node, lane or product a reference misses", () => {
    expectFails({ lanes: [lane("suplier", "store", 2)] }, "lanes[0].from");
    expectFails({ demand: [{ node: "store", dist: { type: "constant", value: 1 } }, { node: "shop", dist: { type: "constant", value: 1 } }] }, "demand[1].node");
    expectFails({ demand: [{ node: "store", product: "b", dist: { type: "constant", value: 1 } }] }, "demand[0].product");
    expectFails({ disruptions: [{ type: "node-outage", node: "dc", start: 1, end: 2 }] }, "disruptions[0].node");
    expectFails({ disruptions: [{ type: "demand-shock", node: "*", multiplier: 2, start: 1, end: 3 }, { type: "demand-shock", node: "shop", multiplier: 2, start: 1, end: 3 }] }, "disruptions[1].node");
    expectFails({ disruptions: [{ type: "lane-delay", from: "store", to: "supplier", extraDays: 1, start: 1, end: 2 }] }, "disruptions[0]");
    expectFails({ disruptions: [{ type: "capacity-cut", from: "store", to: "supplier", factor: 0.5, start: 1, end: 2 }] }, "disruptions[0]");
    expectFails({ disruptions: [{ type: "random-outage", from: "supplier", to: "dc", mtbf: 10, mttr: 2 }] }, "disruptions[0]");
    expectFails({ mitigations: { lateralTransfers: { among: ["store", "shop"], leadTime: { type: "constant", value: 1 }, costPerUnit: 1, trigger: "below-zero" } } }, "mitigations.lateralTransfers.among[1]");
    expectFails({ mitigations: { expedite: [{ from: "hub", to: "store", leadTime: { type: "constant", value: 1 }, costPerUnit: 1, when: "position-below", threshold: 5 }] } }, "mitigations.expedite[0].from");
    expectFails({ mitigations: { expedite: [{ from: "supplier", to: "shop", leadTime: { type: "constant", value: 1 }, costPerUnit: 1, when: "position-below", threshold: 5 }] } }, "mitigations.expedite[0].to");
  });

  it("says what is wrong, not only where", () => {
    const message = (bad: object) => { try { checkReferences({ ...s, ...bad } as Scenario); } catch (e) { return (e as Error).message; } return "accepted"; };
    expect(message({ nodes: undefined })).toBe("scenario: expected nodes, lanes and demand arrays (validate the scenario with validateScenario first)");
    expect(message({ horizon: 0, warmup: 0 })).toBe("horizon: must be an integer >= 1, got 0 (validate the scenario with validateScenario first)");
    expect(message({ warmup: 30 })).toBe("warmup: must be an integer in 0 … horizon − 1, got 30 (validate the scenario with validateScenario first)");
    expect(message({ demand: [{ node: "store", product: "b", dist: { type: "constant", value: 1 } }] })).toBe('demand[0].product: unknown product "b" (validate the scenario with validateScenario first)');
  });

  it("a lane is matched on both ends, and only a demand shock may name every node", () => {
    // The fixture's one lane is supplier → store: an outage into the store from elsewhere names no lane.
    expectFails({ disruptions: [{ type: "lane-outage", from: "store", to: "store", start: 1, end: 2 }] }, "disruptions[0]");
    expectFails({ disruptions: [{ type: "node-outage", node: "*", start: 1, end: 2 }] }, "disruptions[0].node");
  });
});
