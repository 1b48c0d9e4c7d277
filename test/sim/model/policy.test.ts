import { describe, expect, it } from "vitest";
import { orderUpToLevel, POLICY_TYPES, type Policy } from "../../../src/sim/model/policy.ts";

// The level each policy restores, as shared/spec/scenario.md "Policies" defines it: S for the
// base-stock kinds and sS, s + Q for sQ (the smallest multiple of Q lifts P above s, at most s + Q).
describe("orderUpToLevel", () => {
  it("is the level for base-stock and echelon-base-stock, S for sS and s + Q for sQ", () => {
    const cases: [Policy, number][] = [
      [{ type: "base-stock", level: 40 }, 40],
      [{ type: "echelon-base-stock", level: 55, review: 7, offset: 3 }, 55],
      [{ type: "sS", s: 10, S: 70 }, 70],
      [{ type: "sQ", s: 12, Q: 30 }, 42],
    ];
    expect(cases.map(([p]) => p.type).sort()).toEqual([...POLICY_TYPES].sort());
    for (const [policy, level] of cases) expect(orderUpToLevel(policy), policy.type).toBe(level);
  });
});
