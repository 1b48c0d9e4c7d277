// Two of the engine-memory limits at their exact boundary and at a tie, with the limit lowered for
// the test: the real bounds (10^6 stocked pairs, 2^24 recipe components) take documents of millions
// of entries to reach. The limit is inclusive; the issue names the first node with the most.
import { describe, expect, it } from "vitest";
import { issuesOf, small, withLimit } from "../fixtures.ts";

describe("engine memory: stocked pairs, at the limit", () => {
  it("accepts exactly LIMITS.stockedPairs pairs and refuses one more", () => {
    // small(): plant, dc-west, store-1 and store-2 stock the one product: 4 pairs.
    withLimit("stockedPairs", 4, () => expect(issuesOf(small())).toEqual([]));
    withLimit("stockedPairs", 3, () => expect(issuesOf(small())).toEqual([
      "nodes: stock 4 (node, product) pairs in all, over the limit of 3: the engine keeps about 0.6 KB of state per pair (0 MB); " +
      "list fewer products in the nodes' policies, or split the network",
    ]));
  });
});

describe("engine memory: recipe components, at the limit", () => {
  /** Two recipes of two components each, at the plant (nodes[1]) and at dc-west (nodes[2]): 4 entries, a tie for the most. */
  const twoRecipes = () => {
    const d = small();
    d.nodes[1].bom = [{ product: "x", components: { a: 1, b: 1 } }];
    d.nodes[2].bom = [{ product: "y", components: { c: 1, d: 1 } }];
    return d;
  };
  const recipeIssues = () => issuesOf(twoRecipes()).filter((i) => i.includes("the recipes of all nodes"));

  it("accepts exactly LIMITS.recipeComponents entries", () => {
    withLimit("recipeComponents", 4, () => expect(recipeIssues()).toEqual([]));
  });

  it("refuses one more, at the first of two nodes with as many", () => {
    withLimit("recipeComponents", 3, () => expect(recipeIssues()).toEqual([
      "nodes[1].bom: the recipes of all nodes list 4.0e0 components in all, over the limit of 3.0e0; the most here: 2; make fewer products at each node, or from fewer components",
    ]));
  });
});
