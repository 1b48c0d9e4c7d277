// Several sources (docs/scenario-format.md, "Several sources"): which lane of a group a message
// names, a malformed rule left to the schema (not also read as a missing or another kind of
// rule), and echelon-base-stock inside a per-product policy map.
import { describe, expect, it } from "vitest";
import { issuesAfter } from "../fixtures.ts";

const lead = { type: "constant", value: 2 };
const HOW_TO = 'give each of them "sourcing": {"split": <fraction>} (fractions summing to 1), or {"role": "primary"} on one and {"role": "backup"} on the others';
/** store-1 gets a second inbound lane, from the plant (lanes[4]), next to dc-west's (lanes[2]). */
const second = (d: Record<string, any>, first: unknown, other: unknown) => {
  if (first !== undefined) d.lanes[2].sourcing = first;
  d.lanes.push({ from: "plant", to: "store-1", leadTime: lead, ...(other === undefined ? {} : { sourcing: other }) });
};
const MALFORMED = [
  'lanes[2].sourcing.split: is required: a number > 0 and <= 1',
  'lanes[2].sourcing.share: unknown key; notes go in keys that start with "x-"',
];

describe("the lane a message names", () => {
  it("a lane without a rule names the lane that has one, even when that lane comes second", () => {
    expect(issuesAfter((d) => second(d, undefined, { role: "primary" }))).toEqual([
      `lanes[2]: has no "sourcing", but it is one of 2 inbound lanes of "store-1" for product "default" and the lane from "plant" (lanes[4]) has a rule; every one of them needs one: ${HOW_TO}`,
    ]);
  });

  it("mixed rules: the lane that splits and the lane with a role, in whichever order they come", () => {
    expect(issuesAfter((d) => second(d, { role: "backup" }, { split: 0.5 }))).toEqual([
      'lanes[2].sourcing: mixes rules: the lane from "plant" (lanes[4]) splits and the lane from "dc-west" (lanes[2]) has a role among the inbound lanes of "store-1" for product "default"; use one kind for all of them',
    ]);
  });
});

describe("a malformed rule", () => {
  it("is the schema's to report: not a missing rule, nor a role next to a split", () => {
    expect(issuesAfter((d) => second(d, { share: 0.5 }, { split: 0.5 }))).toEqual(MALFORMED);
  });

  it("is not a rule another lane can be named by: the lane without one is told that it needs one", () => {
    expect(issuesAfter((d) => second(d, { share: 0.5 }, undefined))).toEqual([
      ...MALFORMED,
      `lanes[4]: has no "sourcing", but it is one of 2 inbound lanes of "store-1" for product "default"; every one of them needs one: ${HOW_TO}`,
    ]);
  });

  it("a split that is not a finite number (possible outside JSON) is not summed", () => {
    expect(issuesAfter((d) => second(d, { split: Infinity }, { split: 0.5 }))).toEqual(["lanes[2].sourcing.split: must be a number > 0 and <= 1, got Infinity"]);
  });

  it("a node that is not an object, in a scenario with a rule, is the schema's to report", () => {
    expect(issuesAfter((d) => { second(d, { split: 0.5 }, { split: 0.5 }); d.nodes.push(5); })).toEqual(["nodes[5]: must be an object, got 5"]);
  });
});

describe("echelon-base-stock next to a sourcing rule", () => {
  it("is refused inside a per-product policy map too, for any one of its products", () => {
    expect(issuesAfter((d) => {
      d.products = [{ id: "a" }, { id: "b" }];
      d.demand.forEach((x: Record<string, unknown>) => (x.product = "a"));
      second(d, { split: 0.5 }, { split: 0.5 });
      d.nodes[1].policy = { a: { type: "echelon-base-stock", level: 200 }, b: { type: "base-stock", level: 10 } };
    })).toEqual([
      'nodes[1].policy: is "echelon-base-stock", which needs one supplier per product (a tree), but the scenario has a sourcing rule; use "base-stock", "sS" or "sQ" here',
    ]);
  });
});
