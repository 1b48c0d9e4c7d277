import { describe, expect, it } from "vitest";
import { fieldWords, issuePlace, laneName, nodeName } from "../../../src/ui/editor/readable.ts";
import type { Draft } from "../../../src/ui/editor/paths.ts";

const draft: Draft = {
  nodes: [{ id: "sup", kind: "supplier" }, { id: "dc-east", name: "DC East", kind: "dc" }, { id: "s1", name: "Store 1", kind: "store" }],
  lanes: [{ from: "sup", to: "dc-east" }, { from: "dc-east", to: "s1" }],
  demand: [{ node: "s1" }],
};

describe("readable names (issue 14, item 7)", () => {
  it("nodeName gives the node's name, or its id when it has none", () => {
    expect(nodeName(draft, "dc-east")).toBe("DC East");
    expect(nodeName(draft, "sup")).toBe("sup");
    expect(nodeName(draft, "gone")).toBe("gone");
  });

  it("laneName names a lane by its ends", () => {
    expect(laneName(draft, 1)).toBe("DC East → Store 1");
  });

  it("fieldWords turns keys into words, list indices counting from 1", () => {
    expect(fieldWords(["policy", "level"])).toBe("policy level");
    expect(fieldWords(["leadTime", "sd"])).toBe("lead time sd");
    expect(fieldWords(["holdingCost", 0])).toBe("holding cost #1");
    expect(fieldWords(["bom", 0, "components", "wheel"])).toBe("recipe #1 component wheel");
    expect(fieldWords(["bom", 1, "assemblyTime"])).toBe("recipe #2 assembly time");
  });

  it("issuePlace names an issue by the node, lane, demand or setting it is on", () => {
    expect(issuePlace(draft, "nodes[1].policy.level")).toBe("DC East: policy level");
    expect(issuePlace(draft, "lanes[1].leadTime.mean")).toBe("Lane DC East → Store 1: lead time mean");
    expect(issuePlace(draft, "demand[0].dist.sd")).toBe("Demand at Store 1: dist sd");
    expect(issuePlace(draft, "disruptions[1].start")).toBe("Disruption 2: start");
    expect(issuePlace(draft, "horizon")).toBe("Horizon");
    expect(issuePlace(draft, "")).toBe("Scenario");
  });
});
