// A JavaScript caller may pass one object at two places of a document (JSON never does). The
// depth guard (depth.ts) must measure it at the deeper place too: reached first at a shallow one,
// it was skipped at the deep one, and a document nested past LIMITS.depth got through.
import { describe, expect, it } from "vitest";
import { depthIssue } from "../../../src/sim/validate/depth.ts";
import { LIMITS } from "../../../src/sim/validate/limits.ts";

/** `n` arrays, each holding the next: nesting n below where it is placed. */
const nested = (n: number): unknown => (n === 0 ? 1 : [nested(n - 1)]);

describe("depthIssue on a document that shares an object", () => {
  it("refuses it when the deeper of its two places passes the limit, whichever is walked first", () => {
    // X is 61 arrays deep. At "a" (depth 1) its innermost array sits at depth 61; at b.c.d.e
    // (depth 4) at 64 = LIMITS.depth, which the guard refuses.
    expect(LIMITS.depth).toBe(64);
    const x = nested(61);
    const deepPath = "b.c.d.e" + "[0]".repeat(60);
    // Object.entries walks "b" before "a" here; the guard pops "a" first (a stack), then "b".
    expect(depthIssue({ b: { c: { d: { e: x } } }, a: x })?.path).toBe(deepPath);
    expect(depthIssue({ a: x, b: { c: { d: { e: x } } } })?.path).toBe(deepPath);
  });

  it("accepts it when both places stay within the limit", () => {
    const x = nested(60);
    expect(depthIssue({ b: { c: { d: { e: x } } }, a: x })).toBeUndefined();
  });
});
