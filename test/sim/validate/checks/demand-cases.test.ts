// Demand entries (docs/scenario-format.md, "Demand"): `product` is required when there are several
// products (the message lists the first 5 and "…" for more); with one product it defaults to it;
// the node must stock the product — a check made only when the node has a kind and a policy, the
// schema and the policy check reporting those when missing. Seasonality has at most `cycle`
// factors. A correlation group names nodes.
import { describe, expect, it } from "vitest";
import { issuesAfter } from "../fixtures.ts";

const products = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i + 1}` }));

describe("demand without a product", () => {
  it("with exactly 5 products, lists all five and no ellipsis", () => {
    expect(issuesAfter((d) => {
      d.products = products(5);
      d.demand[1].product = "p1";
    })).toEqual(['demand[0].product: is required when there are several products: one of "p1", "p2", "p3", "p4", "p5"']);
  });

  it("with 6 products, lists the first five and an ellipsis", () => {
    expect(issuesAfter((d) => {
      d.products = products(6);
      d.demand[1].product = "p1";
    })).toEqual(['demand[0].product: is required when there are several products: one of "p1", "p2", "p3", "p4", "p5", …']);
  });

  it("with several products, takes none of them: only the missing product is reported, not that the node lacks the first one", () => {
    // store-1 stocks b only; were the missing product read as the first ("a"), it would also be "not stocked"
    expect(issuesAfter((d) => {
      d.products = [{ id: "a" }, { id: "b" }];
      d.nodes[3].policy = { b: { type: "sS", s: 10, S: 30 } };
      d.demand[1].product = "a";
    })).toEqual(['demand[0].product: is required when there are several products: one of "a", "b"']);
  });

  it("with one product, means that product: a node whose policy map lacks it does not stock it", () => {
    expect(issuesAfter((d) => {
      d.products = [{ id: "a" }];
      d.nodes[3].policy = { zzz: { type: "sS", s: 10, S: 30 } };
    })).toEqual([
      'nodes[3].policy.zzz: unknown product "zzz"',
      `demand[0].product: "store-1" does not stock product "a"; add it to the node's policy`,
    ]);
  });
});

describe("the node must stock the product", () => {
  it("is not checked on a node without a kind (the schema reports the kind)", () => {
    expect(issuesAfter((d) => {
      d.products = [{ id: "a" }, { id: "b" }];
      delete d.nodes[3].kind;
      d.nodes[3].policy = { a: { type: "sS", s: 10, S: 30 } };
      d.demand[0].product = "b";
      d.demand[1].product = "a";
    })).toEqual(['nodes[3].kind: is required: one of "supplier", "plant", "dc", "store"']);
  });

  it("is not checked on a stocking node without a policy (the missing policy is the one issue)", () => {
    expect(issuesAfter((d) => delete d.nodes[3].policy)).toEqual([
      'nodes[3].policy: is required: a stocking node (kind "store") needs an inventory policy',
    ]);
  });
});

describe("seasonality and correlation groups", () => {
  it("leaves a seasonality without factors to the schema", () => {
    expect(issuesAfter((d) => (d.demand[0].seasonality = { cycle: 7 }))).toEqual(["demand[0].seasonality.factors: is required: a non-empty list"]);
  });

  it("accepts as many factors as the cycle has days, refuses more", () => {
    expect(issuesAfter((d) => (d.demand[0].seasonality = { cycle: 7, factors: [1, 1, 1, 1, 1, 1, 1] }))).toEqual([]);
    expect(issuesAfter((d) => (d.demand[0].seasonality = { cycle: 7, factors: [1, 1, 1, 1, 1, 1, 1, 1] }))).toEqual([
      "demand[0].seasonality.factors: has 8 factors for a cycle of 7 days; some would never be used",
    ]);
  });

  it("leaves a correlation group that is not an object to the schema", () => {
    expect(issuesAfter((d) => (d.demandCorrelation = { groups: [5] }))).toEqual(["demandCorrelation.groups[0]: must be an object, got 5"]);
  });
});
