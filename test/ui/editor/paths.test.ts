import { describe, expect, it } from "vitest";
import { formatPath, getIn, parsePath, setIn } from "../../../src/ui/editor/paths.ts";

describe("paths", () => {
  it("parsePath reads the validator's notation and formatPath writes it back", () => {
    expect(parsePath("nodes[3].policy.level")).toEqual(["nodes", 3, "policy", "level"]);
    expect(formatPath(["nodes", 3, "policy", "level"])).toBe("nodes[3].policy.level");
    expect(formatPath(parsePath("demand[0].dist.size.mean"))).toBe("demand[0].dist.size.mean");
  });

  it("getIn returns the value at a path, or undefined past a missing key", () => {
    const d = { nodes: [{ id: "a", policy: { level: 5 } }] };
    expect(getIn(d, "nodes[0].policy.level")).toBe(5);
    expect(getIn(d, "nodes[2].policy.level")).toBeUndefined();
  });

  it("setIn copies along the path, leaves the original untouched and shares untouched branches", () => {
    const d = { name: "x", nodes: [{ id: "a", policy: { level: 5 } }, { id: "b" }] };
    const e = setIn(d, "nodes[0].policy.level", 7);
    expect(e.nodes[0].policy!.level).toBe(7);
    expect(d.nodes[0].policy!.level).toBe(5);
    expect(e.nodes[1]).toBe(d.nodes[1]);
  });

  it("setIn creates missing objects and removes a key set to undefined", () => {
    const d: Record<string, unknown> = { costs: { orderFixed: 3 } };
    expect(setIn(d, "capacity.storage", 10)).toEqual({ costs: { orderFixed: 3 }, capacity: { storage: 10 } });
    expect(setIn(d, "costs.orderFixed", undefined)).toEqual({ costs: {} });
  });
});
