import { describe, expect, it } from "vitest";
import { disruptionMarks, summarise } from "../../../src/ui/network/disruption-marks.ts";

const draft = (disruptions: unknown) => ({
  nodes: [{ id: "sup" }, { id: "dc" }, { id: "s1" }, { id: "s2" }],
  lanes: [{ from: "sup", to: "dc" }, { from: "dc", to: "s1" }, { from: "dc", to: "s2" }],
  demand: [{ node: "s1" }, { node: "s2" }],
  disruptions,
});
const asObject = (m: ReadonlyMap<number, readonly string[]>) => Object.fromEntries(m);

describe("disruptionMarks", () => {
  it("marks the lane of a lane-delay or lane-outage, with a summary", () => {
    const m = disruptionMarks(draft([
      { type: "lane-delay", from: "sup", to: "dc", extraDays: 14, start: 120, end: 134 },
      { type: "lane-outage", from: "dc", to: "s2", start: 5, end: 6 },
    ]));
    expect([asObject(m.nodes), asObject(m.lanes)]).toEqual([{}, { 0: ["lane delay +14 days, days 120–133"], 2: ["lane outage, day 5"] }]);
  });

  it("marks a node for node-outage, and for capacity-cut and random-outage given a node; a lane given from and to", () => {
    const m = disruptionMarks(draft([
      { type: "node-outage", node: "dc", start: 10, end: 20 },
      { type: "capacity-cut", node: "dc", factor: 0.5, start: 0, end: 30 },
      { type: "capacity-cut", from: "dc", to: "s1", factor: 0.25, start: 0, end: 30 },
      { type: "random-outage", node: "sup", mtbf: 90, mttr: 5 },
      { type: "random-outage", from: "dc", to: "s1", mtbf: 60, mttr: 2 },
    ]));
    expect(asObject(m.nodes)).toEqual({ 0: ["random outages, mean 90 days up, 5 days down"], 1: ["outage, days 10–19", "capacity ×0.5, days 0–29"] });
    expect(asObject(m.lanes)).toEqual({ 1: ["capacity ×0.25, days 0–29", "random outages, mean 60 days up, 2 days down"] });
  });

  it("marks every demand node for a demand shock on \"*\", one node otherwise", () => {
    const all = disruptionMarks(draft([{ type: "demand-shock", node: "*", multiplier: 2, start: 50, end: 60 }]));
    expect(asObject(all.nodes)).toEqual({ 2: ["demand ×2, days 50–59"], 3: ["demand ×2, days 50–59"] });
    const one = disruptionMarks(draft([{ type: "demand-shock", node: "s2", product: "widget", multiplier: 1.5, start: 1, end: 3 }]));
    expect(asObject(one.nodes)).toEqual({ 3: ["demand of widget ×1.5, days 1–2"] });
  });

  it("marks nothing for a disruption naming an unknown node or lane, an unknown type, or entries that are not objects", () => {
    const m = disruptionMarks(draft([
      { type: "node-outage", node: "nowhere", start: 1, end: 2 },
      { type: "lane-delay", from: "s1", to: "dc", extraDays: 3, start: 1, end: 2 },
      { type: "capacity-cut", factor: 0.5, start: 1, end: 2 },
      { type: "meteor", node: "dc" },
      null, 7, "x",
    ]));
    expect([m.nodes.size, m.lanes.size]).toEqual([0, 0]);
    expect([disruptionMarks(draft("none")).nodes.size, disruptionMarks(draft(undefined)).lanes.size]).toEqual([0, 0]);
  });

  it("summarise writes what a half-edited disruption has, without a window when it has none", () => {
    expect(summarise({ type: "lane-delay", extraDays: "" })).toBe("lane delay +? days");
    expect(summarise({ type: "node-outage", start: 3, end: "x" })).toBe("outage");
  });
});
