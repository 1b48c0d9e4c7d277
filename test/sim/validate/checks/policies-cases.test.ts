// Policies (docs/scenario-format.md, "Policies"): sS needs S >= s; every policy 0 <= offset < review
// (review defaults to 1); a per-product map is checked policy by policy, each issue under its
// product's key; initialInventory, like holdingCost, may be a map keyed by known product ids.
import { describe, expect, it } from "vitest";
import { issuesAfter } from "../fixtures.ts";

describe("S >= s in an sS policy", () => {
  it("accepts S equal to s (order up to the reorder point itself)", () => {
    expect(issuesAfter((d) => (d.nodes[3].policy = { type: "sS", s: 10, S: 10 }))).toEqual([]);
  });

  it("refuses S below s, naming S", () => {
    expect(issuesAfter((d) => (d.nodes[3].policy = { type: "sS", s: 10, S: 9 }))).toEqual([
      "nodes[3].policy.S: must be >= s (10), got 9",
    ]);
  });

  it("applies only to sS: an S written on an sQ policy is an unknown key for the schema, not compared with s", () => {
    expect(issuesAfter((d) => (d.nodes[4].policy = { type: "sQ", s: 10, Q: 20, S: 5 }))).toEqual([
      'nodes[4].policy.S: unknown key (did you mean "s"?); notes go in keys that start with "x-"',
    ]);
  });

  it("checks each policy of a per-product map, under the product's key", () => {
    expect(issuesAfter((d) => (d.nodes[3].policy = { default: { type: "sS", s: 10, S: 5 } }))).toEqual([
      "nodes[3].policy.default.S: must be >= s (10), got 5",
    ]);
  });
});

describe("0 <= offset < review", () => {
  const why = "reviews fall on days t with t % review == offset";

  it("refuses an offset equal to the review period (7 on a weekly review)", () => {
    expect(issuesAfter((d) => (d.nodes[4].policy.offset = 7))).toEqual([`nodes[4].policy.offset: must be less than review (7), got 7; ${why}`]);
  });

  it("refuses offset 1 with the default review of 1 day (only offset 0 exists then)", () => {
    expect(issuesAfter((d) => (d.nodes[1].policy = { type: "base-stock", level: 100, offset: 1 }))).toEqual([
      `nodes[1].policy.offset: must be less than review (1), got 1; ${why}`,
    ]);
    expect(issuesAfter((d) => (d.nodes[1].policy = { type: "base-stock", level: 100, offset: 0 }))).toEqual([]);
  });

  it("leaves a review below 1 to the schema: offset 0 is not also compared with review 0", () => {
    expect(issuesAfter((d) => (d.nodes[1].policy = { type: "base-stock", level: 100, review: 0, offset: 0 }))).toEqual([
      "nodes[1].policy.review: must be a whole number >= 1, got 0",
    ]);
  });

  it("checks the offset of each policy in a per-product map, under the product's key", () => {
    expect(issuesAfter((d) => (d.nodes[4].policy = { default: { type: "sQ", s: 10, Q: 20, review: 7, offset: 9 } }))).toEqual([
      `nodes[4].policy.default.offset: must be less than review (7), got 9; ${why}`,
    ]);
  });
});

describe("product keys of initialInventory", () => {
  it("reports an unknown product in an initialInventory map at its key", () => {
    expect(issuesAfter((d) => (d.nodes[2].initialInventory = { zzz: 5 }))).toEqual(['nodes[2].initialInventory.zzz: unknown product "zzz"']);
  });

  it("accepts an initialInventory map keyed by a declared product", () => {
    expect(issuesAfter((d) => (d.nodes[2].initialInventory = { default: 5 }))).toEqual([]);
  });
});
