// scenario.md's defaults as compile reads them: a node's policy and numbers per product, the
// default product, and the largest lead time a distribution can give (the arrival ring's size).
import { describe, expect, it } from "vitest";
import { DEFAULT_PRODUCT, maxLeadTime, numberFor, policyFor, productsOf } from "../../../src/sim/engine/defaults.ts";
import type { Policy } from "../../../src/sim/model/index.ts";
import { singleNode } from "./fixtures.ts";

describe("defaults", () => {
  it("a scenario without products, or with an empty list, has the one default product", () => {
    expect(productsOf(singleNode(20, 10, 2))).toEqual([DEFAULT_PRODUCT]);
    expect(productsOf(singleNode(20, 10, 2, { products: [] }))).toEqual([{ id: "default", unitCost: 1 }]);
    const products = [{ id: "a", unitCost: 2 }];
    expect(productsOf(singleNode(20, 10, 2, { products }))).toBe(products);
  });

  it("policyFor: one policy for every product, a product's own entry of a map, none for a product not in the map", () => {
    const a: Policy = { type: "base-stock", level: 5 }, b: Policy = { type: "sS", s: 2, S: 9, review: 1 };
    expect(policyFor(a, "x")).toBe(a);
    expect(policyFor({ a, b }, "b")).toBe(b);
    expect(policyFor({ a }, "b")).toBeUndefined();
    expect(policyFor({ a }, "toString")).toBeUndefined();   // an inherited name is no product
    expect(policyFor(undefined, "a")).toBeUndefined();
  });

  it("numberFor: one number for every product, a product's own entry, else the fallback", () => {
    expect(numberFor(3, "x", 7)).toBe(3);
    expect(numberFor(0, "x", 7)).toBe(0);
    expect(numberFor({ a: 4, b: 0 }, "b", 7)).toBe(0);
    expect(numberFor({ a: 4 }, "b", 7)).toBe(7);
    expect(numberFor(undefined, "a", 7)).toBe(7);
  });

  it("maxLeadTime is the largest whole day a distribution can give, Infinity when unbounded", () => {
    expect(maxLeadTime({ type: "constant", value: 2.4 })).toBe(2);
    expect(maxLeadTime({ type: "constant", value: 2.6 })).toBe(3);
    expect(maxLeadTime({ type: "constant", value: -1 })).toBe(0);
    expect(maxLeadTime({ type: "uniform", min: 1, max: 3.2 })).toBe(4);
    expect(maxLeadTime({ type: "uniform", min: -3, max: -1 })).toBe(0);
    expect(maxLeadTime({ type: "discrete", values: [1, 5.4, 2], probs: [0.2, 0.3, 0.5] })).toBe(5);
    expect(maxLeadTime({ type: "empirical", values: [4.5, 1] })).toBe(5);
    expect(maxLeadTime({ type: "empirical", values: [-2, -1] })).toBe(0);
    expect(maxLeadTime({ type: "intermittent", probability: 0.5, size: { type: "uniform", min: 0, max: 6 } })).toBe(6);
    expect(maxLeadTime({ type: "normal", mean: 2, sd: 1 })).toBe(Infinity);
    expect(maxLeadTime({ type: "poisson", mean: 2 })).toBe(Infinity);
  });
});
