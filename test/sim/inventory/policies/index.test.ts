import { describe, expect, it } from "vitest";
import { hasReorderPoint, orderQuantity, POLICY_CODE, policyParams } from "../../../../src/sim/inventory/policies/index.ts";

const order = (p: Parameters<typeof policyParams>[0], position: number) => {
  const [a, b] = policyParams(p);
  return orderQuantity(POLICY_CODE[p.type], position, a, b);
};

describe("orderQuantity", () => {
  it("base-stock orders up to the level, never a negative amount", () => {
    expect(order({ type: "base-stock", level: 50 }, 32)).toBe(18);
    expect(order({ type: "base-stock", level: 50 }, 60)).toBe(0);
  });
  it("echelon-base-stock orders up to the level on the position it is given", () => {
    expect(order({ type: "echelon-base-stock", level: 80 }, 70)).toBe(10);
    expect(order({ type: "echelon-base-stock", level: 80 }, 95)).toBe(0);   // above the level: nothing, not −15
  });
  it("sS orders up to S when the position is at or below s, else nothing", () => {
    expect(order({ type: "sS", s: 20, S: 100 }, 20)).toBe(80);
    expect(order({ type: "sS", s: 20, S: 100 }, 21)).toBe(0);
    expect(order({ type: "sS", s: 20, S: 100 }, -5)).toBe(105);
  });
  it("sQ orders the smallest multiple of Q that lifts the position above s", () => {
    expect(order({ type: "sQ", s: 20, Q: 30 }, 20)).toBe(30);
    expect(order({ type: "sQ", s: 20, Q: 30 }, -15)).toBe(60);   // −15 + 30 = 15 <= 20; −15 + 60 = 45 > 20
    expect(order({ type: "sQ", s: 20, Q: 30 }, 25)).toBe(0);
    expect(order({ type: "sQ", s: 20, Q: 30 }, 55)).toBe(0);   // more than Q above s: nothing, not (⌊−35/30⌋ + 1)·30 = −30
  });
});

describe("hasReorderPoint", () => {
  it("is true for the policies with a reorder point s (sS, sQ) and false for the base-stock kinds", () => {
    expect([POLICY_CODE["base-stock"], POLICY_CODE["echelon-base-stock"], POLICY_CODE.sS, POLICY_CODE.sQ].map(hasReorderPoint)).toEqual([false, false, true, true]);
  });
});
