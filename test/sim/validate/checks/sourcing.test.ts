// Several sources (extension, docs/scenario-format.md "Several sources"): the rules a sourcing
// rule must follow, each refused with the path and the problem.
import { describe, expect, it } from "vitest";
import { issuesAfter } from "../fixtures.ts";

const lead = { type: "constant", value: 2 };
/** store-1 gets a second inbound lane, from the plant (lanes[4]), next to dc-west's (lanes[2]). */
const second = (d: Record<string, any>, first: unknown, other: unknown) => {
  if (first !== undefined) d.lanes[2].sourcing = first;
  d.lanes.push({ from: "plant", to: "store-1", leadTime: lead, ...(other === undefined ? {} : { sourcing: other }) });
};

describe("sourcing rules", () => {
  it("accepts a split summing to 1 and a primary with a backup", () => {
    expect(issuesAfter((d) => second(d, { split: 0.7 }, { split: 0.3 }))).toEqual([]);
    expect(issuesAfter((d) => second(d, { role: "primary" }, { role: "backup" }))).toEqual([]);
    expect(issuesAfter((d) => second(d, { split: 0.1 + 0.2 }, { split: 0.7 }))).toEqual([]);   // 1.0000000000000002
  });
  it("refuses several inbound lanes without a rule, and says how to add one", () => {
    expect(issuesAfter((d) => second(d, undefined, undefined))).toEqual([
      'lanes[4]: is a second inbound lane of "store-1" for product "default" (the lane from "dc-west" (lanes[2]) is the first); several inbound lanes need a sourcing rule: give each of them "sourcing": {"split": <fraction>} (fractions summing to 1), or {"role": "primary"} on one and {"role": "backup"} on the others (docs/scenario-format.md, "Several sources")',
    ]);
  });
  it("refuses a rule on some of the lanes only", () => {
    expect(issuesAfter((d) => second(d, { role: "primary" }, undefined))).toEqual([
      'lanes[4]: has no "sourcing", but it is one of 2 inbound lanes of "store-1" for product "default" and the lane from "dc-west" (lanes[2]) has a rule; every one of them needs one: give each of them "sourcing": {"split": <fraction>} (fractions summing to 1), or {"role": "primary"} on one and {"role": "backup"} on the others',
    ]);
  });
  it("refuses split fractions that do not sum to 1", () => {
    expect(issuesAfter((d) => second(d, { split: 0.6 }, { split: 0.3 }))).toEqual([
      'lanes[2].sourcing.split: the split fractions of the inbound lanes of "store-1" for product "default" sum to 0.9 (the lane from "dc-west" (lanes[2]) 0.6, the lane from "plant" (lanes[4]) 0.3); they must sum to 1',
    ]);
  });
  it("refuses a backup without a primary, and two primaries", () => {
    expect(issuesAfter((d) => second(d, { role: "backup" }, { role: "backup" }))).toEqual([
      'lanes[2].sourcing.role: is a backup, but none of the inbound lanes of "store-1" for product "default" is the primary; mark one of them {"role": "primary"}',
    ]);
    expect(issuesAfter((d) => second(d, { role: "primary" }, { role: "primary" }))).toEqual([
      'lanes[4].sourcing.role: is a second primary among the inbound lanes of "store-1" for product "default" (the lane from "dc-west" (lanes[2]) is the first); one lane is the primary, the others are backups',
    ]);
  });
  it("refuses a split mixed with roles", () => {
    expect(issuesAfter((d) => second(d, { split: 0.5 }, { role: "backup" }))).toEqual([
      'lanes[4].sourcing: mixes rules: the lane from "dc-west" (lanes[2]) splits and the lane from "plant" (lanes[4]) has a role among the inbound lanes of "store-1" for product "default"; use one kind for all of them',
    ]);
  });
  it("refuses a rule on a node's only inbound lane", () => {
    expect(issuesAfter((d) => (d.lanes[2].sourcing = { split: 1 }))).toEqual([
      'lanes[2].sourcing: is a sourcing rule, but this is the only inbound lane of "store-1" for every product it carries; a rule needs two or more inbound lanes for a product (remove "sourcing", or add another lane with "to": "store-1")',
    ]);
  });
  it("refuses a malformed rule by its shape, and a fraction outside (0, 1]", () => {
    expect(issuesAfter((d) => second(d, { share: 0.5 }, { split: 0.5 }))[0]).toMatch(/^lanes\[2\]\.sourcing\.split: is required/);
    expect(issuesAfter((d) => second(d, { split: 1.5 }, { split: -0.5 }))[0]).toMatch(/^lanes\[2\]\.sourcing/);
  });
  it("refuses echelon-base-stock in a scenario with a sourcing rule", () => {
    expect(issuesAfter((d) => { second(d, { split: 0.5 }, { split: 0.5 }); d.nodes[1].policy = { type: "echelon-base-stock", level: 200 }; })).toEqual([
      'nodes[1].policy: is "echelon-base-stock", which needs one supplier per product (a tree), but the scenario has a sourcing rule; use "base-stock", "sS" or "sQ" here',
    ]);
  });
});
