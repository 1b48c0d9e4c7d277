// Mitigation checks (docs/scenario-format.md, "Mitigations"): every issue's exact path and message.
import { describe, expect, it } from "vitest";
import { issuesAfter } from "../fixtures.ts";

// small(): supplier → plant → dc-west → store-1, store-2.
const constant = { type: "constant", value: 1 };
/** uniform with max < min: distributions.ts reports it at `<path>.max` as "must be >= min (3), got 1". */
const backwards = { type: "uniform", min: 3, max: 1 };
const expedite = (from: string, to: string, leadTime: unknown = constant) => ({ from, to, leadTime, when: "position-below", threshold: 5 });

describe("mitigations: lateral transfers", () => {
  it("checks the lead time distribution at mitigations.lateralTransfers.leadTime", () => {
    expect(issuesAfter((d) => (d.mitigations = { lateralTransfers: { among: ["store-1", "store-2"], leadTime: backwards, trigger: "below-zero" } }))).toEqual([
      "mitigations.lateralTransfers.leadTime.max: must be >= min (3), got 1",
    ]);
  });
});

describe("mitigations: expedite", () => {
  it("a valid expedite route is accepted", () => {
    expect(issuesAfter((d) => (d.mitigations = { expedite: [expedite("plant", "dc-west")] }))).toEqual([]);
  });

  it("a null entry is reported once, by the schema", () => {
    expect(issuesAfter((d) => (d.mitigations = { expedite: [null] }))).toEqual(["mitigations.expedite[0]: must be an object, got null"]);
  });

  it("an unknown from, at .from of its entry", () => {
    expect(issuesAfter((d) => (d.mitigations = { expedite: [expedite("plant", "dc-west"), expedite("nowhere", "dc-west")] }))).toEqual([
      'mitigations.expedite[1].from: unknown node "nowhere"',
    ]);
  });

  it("an unknown to, at .to of its entry (and nothing else about it)", () => {
    expect(issuesAfter((d) => (d.mitigations = { expedite: [expedite("plant", "nowhere")] }))).toEqual([
      'mitigations.expedite[0].to: unknown node "nowhere"',
    ]);
  });

  it("a route to a supplier, at .to: suppliers hold no stock to expedite to", () => {
    expect(issuesAfter((d) => (d.mitigations = { expedite: [expedite("plant", "supplier")] }))).toEqual([
      'mitigations.expedite[0].to: "supplier" is a supplier; suppliers are never expedited to',
    ]);
  });

  it("checks the lead time distribution at .leadTime of its entry", () => {
    expect(issuesAfter((d) => (d.mitigations = { expedite: [expedite("plant", "dc-west"), expedite("dc-west", "store-1", backwards)] }))).toEqual([
      "mitigations.expedite[1].leadTime.max: must be >= min (3), got 1",
    ]);
  });
});
