import { describe, expect, it } from "vitest";
import { formatIssue, formatPath, formatValue, quote } from "../../../src/sim/validate/issue.ts";

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
    expect([formatValue("abc"), formatValue(NaN), formatValue(null), formatValue([1]), formatValue({}), formatValue("x".repeat(81))])
      .toEqual(['"abc"', "NaN", "null", "a list", "an object", `"${"x".repeat(60)}…" (81 characters)`]);
  });
  it("quote keeps up to 80 characters whole and shortens longer input to 60 characters, … and its length", () => {
    expect(quote("x".repeat(80))).toBe(`"${"x".repeat(80)}"`);
    expect(quote("x".repeat(1_000_000))).toBe(`"${"x".repeat(60)}…" (1,000,000 characters)`);
    expect(quote("x".repeat(1_000_000), "'")).toBe(`'${"x".repeat(60)}…' (1,000,000 characters)`);
    expect(quote("dc-1", "")).toBe("dc-1");
    expect(quote(`${"x".repeat(59)}😀${"x".repeat(100)}`)).toBe(`"${"x".repeat(59)}…" (161 characters)`);
  });
  it("formatPath shortens a long key as quote does", () => {
    expect(formatPath(["nodes", 0, "holdingCost", "k".repeat(1_000_000)])).toBe(`nodes[0].holdingCost["${"k".repeat(60)}…" (1,000,000 characters)]`);
  });
});
