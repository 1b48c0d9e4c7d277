// Structural issues from a plain union (src/sim/validate/structure.ts): of a per-product field's two
// branches (one value, or a map of product ids to values) the issues kept are those of the branch
// the input most resembles: fewest fields of the wrong type, unknown keys (other than "x-" notes)
// or missing discriminators at the branch's top, then fewest issues, then the first branch.
import { describe, expect, it } from "vitest";
import { bs, issuesAfter } from "./fixtures.ts";

const NOT_ID = "is not a product id (1 to 64 letters, digits, '_', '.' or '-', other than __proto__, constructor, prototype (reserved by JavaScript))";
const POLICY_TYPES = 'one of "base-stock", "echelon-base-stock", "sS", "sQ"';
/** small()'s issues after `edit`, only those whose path starts with `prefix`. */
const at = (prefix: string, edit: (d: Record<string, any>) => void) => issuesAfter(edit).filter((i) => i.startsWith(prefix));

describe("structure: the likeliest branch of a per-product union", () => {
  it("a number refused by a refinement is read as the single value, not as a map", () => {
    // holdingCost 1e-12: the number branch refuses it (too small to count), the map branch as not
    // an object (a wrong type at its top, which rules it out): the number branch's message stands.
    expect(issuesAfter((d) => (d.nodes[2].holdingCost = 1e-12))).toEqual([
      "nodes[2].holdingCost: must be 0 or at least 1e-9 (a smaller amount is below what the engine can count in), got 1e-12",
    ]);
  });
  it("a value that is the wrong kind for both branches gets the union's own message", () => {
    expect(issuesAfter((d) => (d.nodes[2].holdingCost = "abc"))).toEqual([
      'nodes[2].holdingCost: must be a number >= 0 or an object mapping product ids to numbers >= 0, got "abc"',
    ]);
  });
  it("keys that are not product ids do not count against the map branch", () => {
    // {"a b": policy, "c d": policy}: the single-policy branch lacks "type" (a mismatch); the map
    // branch has two bad keys but no value of the wrong type: the map branch is kept.
    expect(at("nodes[2].policy", (d) => (d.nodes[2].policy = { "a b": bs(1), "c d": bs(2) }))).toEqual([
      `nodes[2].policy["a b"]: "a b" ${NOT_ID}`,
      `nodes[2].policy["c d"]: "c d" ${NOT_ID}`,
      'nodes[2].policy["a b"]: unknown product "a b"',
      'nodes[2].policy["c d"]: unknown product "c d"',
    ]);
  });
  it('"x-" note keys do not count against the single branch, even when they hold policies', () => {
    // A base-stock policy with a level of the wrong type and three notes: as a single policy, one
    // mismatch (level); as a map, two ("type" and "level" are not policies; the notes would be).
    expect(issuesAfter((d) => (d.nodes[2].policy = { type: "base-stock", level: "50", "x-a": bs(1), "x-b": bs(2), "x-c": bs(3) }))).toEqual([
      'nodes[2].policy.level: must be a number >= 0, got "50"',
    ]);
  });
  it("an unknown key inside a map entry does not count against the map branch", () => {
    // As a single policy the map lacks "type" (a mismatch); as a map, its one entry has an unknown
    // key and a level of the wrong type, both below the branch's top level: the map branch is kept.
    expect(issuesAfter((d) => (d.nodes[2].policy = { default: { type: "base-stock", level: "50", foo: 1 } }))).toEqual([
      'nodes[2].policy.default.level: must be a number >= 0, got "50"',
      'nodes[2].policy.default.foo: unknown key; notes go in keys that start with "x-"',
    ]);
  });
  it("a map entry without a type is told so at the entry, not at the policy", () => {
    // The missing "type" is at the top for the single branch and inside the entry for the map branch.
    expect(issuesAfter((d) => (d.nodes[2].policy = { default: { level: 50 } }))).toEqual([
      `nodes[2].policy.default.type: is required: ${POLICY_TYPES}`,
    ]);
  });
});
