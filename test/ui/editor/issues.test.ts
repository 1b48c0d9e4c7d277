import { describe, expect, it } from "vitest";
import { issueElementId, issueSelection, issuesByField, nodesWithIssues, pathWithin } from "../../../src/ui/editor/issues.ts";
import type { Draft } from "../../../src/ui/editor/paths.ts";

const draft: Draft = {
  nodes: [{ id: "s", kind: "supplier" }, { id: "dc", kind: "dc" }, { id: "st", kind: "store" }],
  lanes: [{ from: "s", to: "dc" }],
  demand: [{ node: "st", dist: { type: "normal", mean: 1, sd: -1 } }],
};

describe("issues", () => {
  it("pathWithin matches a field and the paths under it, not a sibling with a longer name", () => {
    expect(pathWithin("nodes[1].policy.level", "nodes[1].policy")).toBe(true);
    expect(pathWithin("nodes[1].policy", "nodes[1].policy")).toBe(true);
    expect(pathWithin("nodes[1].policyX", "nodes[1].policy")).toBe(false);
    expect(pathWithin("nodes[10].id", "nodes[1]")).toBe(false);
    expect(pathWithin("nodes[1].policy[0]", "nodes[1].policy")).toBe(true);
  });

  it("issuesByField puts each issue at the field with the longest matching path, the rest under ''", () => {
    const issues = [
      { path: "nodes[1].policy.level", message: "must be a number >= 0, got \"abc\"" },
      { path: "nodes[1].policy", message: "policy is missing S" },
      { path: "nodes[1].policy.type", message: "unknown policy" },
      { path: "horizon", message: "must be >= 1" },
    ];
    const byField = issuesByField(issues, ["nodes[1].policy.type", "nodes[1].policy.level", "nodes[1].id"]);
    expect(byField.get("nodes[1].policy.level")!.map((i) => i.message)).toEqual(["must be a number >= 0, got \"abc\""]);
    expect(byField.get("nodes[1].policy.type")!.map((i) => i.message)).toEqual(["unknown policy"]);
    expect(byField.get("")!.map((i) => i.path)).toEqual(["nodes[1].policy", "horizon"]);
    expect(byField.has("nodes[1].id")).toBe(false);
  });

  it("issueSelection finds the panel of an issue: a node, a lane, the node of a demand entry, or the settings", () => {
    expect(issueSelection(draft, "nodes[2].policy.level")).toEqual({ kind: "node", index: 2 });
    expect(issueSelection(draft, "lanes[0].leadTime.value")).toEqual({ kind: "lane", index: 0 });
    expect(issueSelection(draft, "demand[0].dist.sd")).toEqual({ kind: "node", index: 2 });
    expect(issueSelection(draft, "warmup")).toEqual({ kind: "settings" });
    expect(issueSelection(draft, "")).toEqual({ kind: "settings" });
  });

  it("nodesWithIssues lists the nodes with an issue of their own or of their demand", () => {
    expect([...nodesWithIssues(draft, [{ path: "demand[0].dist.sd", message: "" }, { path: "nodes[1].id", message: "" }, { path: "horizon", message: "" }])].sort()).toEqual([1, 2]);
  });

  it("issueSelection sends disruptions, mitigations, products and demand correlation to the what-ifs panel", () => {
    for (const path of ["disruptions[1].end", "mitigations.expedite[0].to", "products[0].id", "demandCorrelation.rho", "disruptions"]) {
      expect(issueSelection(draft, path)).toEqual({ kind: "whatifs" });
    }
  });

  it("issueElementId makes a DOM id from a path", () => {
    expect(issueElementId("nodes[3].policy.level")).toBe("issue-nodes_3__policy_level");
  });
});
