import { describe, expect, it } from "vitest";
import { stackSegments } from "../../../src/ui/charts/stack.ts";

describe("stackSegments", () => {
  it("stacks each row's values in key order from 0, counting missing and negative as 0", () => {
    const [row] = stackSegments([{ label: "N", values: { a: 2, b: -1, c: 3 } }], ["a", "b", "c", "d"]);
    expect(row.map((s) => [s.key, s.x0, s.x1])).toEqual([["a", 0, 2], ["b", 2, 2], ["c", 2, 5], ["d", 5, 5]]);
  });
});
