import { describe, expect, it } from "vitest";
import { forget, recall, remember, sameScenario } from "../../../src/ui/run/view-memory.ts";
import { scenario } from "../fixtures.ts";

describe("view-memory", () => {
  it("remember, recall and forget a value by key", () => {
    remember("k", { a: 1 });
    expect(recall("k")).toEqual({ a: 1 });
    forget("k");
    expect(recall("k")).toBeUndefined();
  });
  it("sameScenario compares documents by content", () => {
    expect(sameScenario(scenario(), scenario())).toBe(true);
    expect(sameScenario(scenario(), scenario({ seed: 8 }))).toBe(false);
  });
});
