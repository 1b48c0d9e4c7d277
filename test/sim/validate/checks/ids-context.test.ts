// The check context (checks/ids.ts) and the readers every check shares (checks/context.ts): a
// check reads a field only when it has the right type, so a malformed part of the document is
// reported once, by the schema, and is never counted, indexed or tripped over.
import { describe, expect, it } from "vitest";
import { cyclePath, isStocking, num, policyMap } from "../../../../src/sim/validate/checks/context.ts";
import { issuesAfter } from "../fixtures.ts";

describe("readers", () => {
  it("num reads finite numbers only: not NaN, ±Infinity (possible from JavaScript callers) or numeric strings", () => {
    expect([num(0), num(-2.5), num(1e12)]).toEqual([0, -2.5, 1e12]);
    expect([num(NaN), num(Infinity), num(-Infinity), num("5"), num(undefined), num(null)]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it("policyMap reads a per-product map: no \"type\" key, and every value an object", () => {
    const p = { type: "base-stock", level: 1 };
    expect(policyMap({ a: p, b: p })).toEqual({ a: p, b: p });
    expect(policyMap({ "": p })).toEqual({ "": p }); // a key "" is a (malformed) product id, not a "type"
    expect(policyMap(p)).toBeUndefined(); // a single policy
    expect(policyMap({ type: p })).toBeUndefined(); // has "type", though its value is an object
    expect(policyMap({ a: p, b: 5 })).toBeUndefined(); // one value is not a policy
  });

  it("isStocking: a node with a kind other than supplier; not one whose kind is missing", () => {
    const node = (kind: string | undefined) => ({ index: 0, id: "n", kind, stocks: new Set<string>() });
    expect([isStocking(node("store")), isStocking(node("dc")), isStocking(node("plant"))]).toEqual([true, true, true]);
    expect([isStocking(node("supplier")), isStocking(node(undefined)), isStocking(undefined)]).toEqual([false, false, false]);
  });

  it("cyclePath lists a cycle of up to 10 nodes whole, and shortens a longer one to its first 5 and last 3 ids", () => {
    // A cycle of n nodes is n + 1 ids, the first repeated at the end (docs/scenario-format.md: "a
    // cycle of more than 10 nodes shows its first 5 and last 3").
    const cycle = (n: number) => [...Array.from({ length: n }, (_, i) => `n${i}`), "n0"];
    expect(cyclePath(cycle(10))).toBe("n0 → n1 → n2 → n3 → n4 → n5 → n6 → n7 → n8 → n9 → n0");
    expect(cyclePath(cycle(11))).toBe("n0 → n1 → n2 → n3 → n4 → … → n9 → n10 → n0 (11 nodes)");
  });
});

describe("the node and product indexes", () => {
  it("skips a node that is not an object (the schema reports it) instead of failing", () => {
    expect(issuesAfter((d) => d.nodes.push(42))).toEqual(["nodes[5]: must be an object, got 42"]);
  });

  it("skips a node without an id: its policy adds no stocked pair to the run size", () => {
    // without it: 4 stocked pairs (plant, dc-west, store-1, store-2), 1,000,000 × 5,000 × 4 = 2e10, exactly the limit
    const idRule = "an id of 1 to 64 letters, digits, '_', '.' or '-', other than __proto__, constructor, prototype (reserved by JavaScript)";
    expect(issuesAfter((d) => {
      d.replications = 1_000_000;
      d.horizon = 5_000;
      d.nodes.push({ kind: "store", policy: { type: "base-stock", level: 5 } });
    })).toEqual([`nodes[5].id: is required: ${idRule}`]);
  });

  it("skips a product that is not an object, or has no id (the schema reports them): one product left, the default for demand", () => {
    const idRule = "an id of 1 to 64 letters, digits, '_', '.' or '-', other than __proto__, constructor, prototype (reserved by JavaScript)";
    expect(issuesAfter((d) => (d.products = [5, { id: "default" }]))).toEqual(["products[0]: must be an object, got 5"]);
    // a product without an id is not a second product, so demand without `product` is not ambiguous
    expect(issuesAfter((d) => (d.products = [{}, { id: "a" }]))).toEqual([`products[0].id: is required: ${idRule}`]);
  });

  it("a stocking node without a policy stocks nothing: it adds no pair to the run size", () => {
    // stocked pairs: plant, dc-west, store-2 = 3 (store-1 has no policy);
    // 1,000,000 × 36,000 × 3 = 1.08e11 > 2e10; at most floor(2e10 / (36,000 × 3)) = floor(185,185.2) = 185,185 replications
    expect(issuesAfter((d) => {
      delete d.nodes[3].policy;
      d.horizon = 36_000;
      d.replications = 1_000_000;
    })).toEqual([
      'nodes[3].policy: is required: a stocking node (kind "store") needs an inventory policy',
      "replications: asks for too much work: replications × horizon × stocked (node, product) pairs = 1,000,000 × 36,000 × 3 = 1.08e11 node-days, " +
        "over the limit of 2.00e10; use at most 185,185 replications with this horizon and network, or shorten the horizon",
    ]);
  });
});

describe("the horizon the checks use: a whole number >= 1, else none", () => {
  // warmup must be less than the horizon; with a horizon the schema refuses, that is not compared
  it("horizon 1 with warmup 1: no day measured", () => {
    expect(issuesAfter((d) => { d.horizon = 1; d.warmup = 1; })).toEqual(["warmup: must be less than the horizon (1), got 1; no day would be measured"]);
  });

  it("horizon 0, 1.5 or \"100\" is the schema's issue only", () => {
    const rule = "horizon: must be a whole number from 1 to 36,500, got";
    expect(issuesAfter((d) => { d.horizon = 0; d.warmup = 0; })).toEqual([`${rule} 0`]);
    expect(issuesAfter((d) => { d.horizon = 1.5; d.warmup = 2; })).toEqual([`${rule} 1.5`]);
    expect(issuesAfter((d) => { d.horizon = "100"; d.warmup = 100; })).toEqual([`${rule} "100"`]);
  });
});
