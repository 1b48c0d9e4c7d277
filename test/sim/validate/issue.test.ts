import { describe, expect, it } from "vitest";
import { formatIssue, formatPath, formatValue } from "../../../src/sim/validate/issue.ts";

describe("issue", () => {
  it("formatPath writes indexes in brackets and plain keys with dots", () => {
    expect(formatPath(["nodes", 3, "policy", "level"])).toBe("nodes[3].policy.level");
    expect(formatPath(["nodes", 0, "holdingCost", "sku 1"])).toBe('nodes[0].holdingCost["sku 1"]');
    expect(formatPath(["x-notes"])).toBe("x-notes");
    expect(formatPath([])).toBe("");
  });
  it("formatIssue joins path and message, and leaves root issues bare", () => {
    expect(formatIssue({ path: "nodes[3].policy.level", message: 'must be a number >= 0, got "abc"' })).toBe('nodes[3].policy.level: must be a number >= 0, got "abc"');
    expect(formatIssue({ path: "", message: "invalid JSON" })).toBe("invalid JSON");
  });
  it("formatValue quotes strings, shortens long ones and names containers", () => {
    expect([formatValue("abc"), formatValue(NaN), formatValue(null), formatValue([1]), formatValue({}), formatValue("x".repeat(50))])
      .toEqual(['"abc"', "NaN", "null", "a list", "an object", `"${"x".repeat(37)}..."`]);
  });
});
