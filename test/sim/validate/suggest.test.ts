import { describe, expect, it } from "vitest";
import { closest, didYouMean, editDistance } from "../../../src/sim/validate/suggest.ts";

describe("suggest", () => {
  it("editDistance counts insertions, deletions and substitutions", () => {
    expect([editDistance("kitten", "sitting"), editDistance("", "abc"), editDistance("dc-west", "dc-west")]).toEqual([3, 3, 0]);
  });
  it("closest picks the nearest plausible candidate, ignoring case", () => {
    expect(closest("dc-weast", ["dc-east", "dc-west", "store"])).toBe("dc-west");
    expect(closest("dc-weast", ["dc-west", "dc-east"])).toBe("dc-west");
    expect(closest("LEADTIME", ["leadTime", "costPerUnit"])).toBe("leadTime");
    expect(closest("zzzz", ["dc-west"])).toBeUndefined();
    expect(closest("backorder", ["lostSalePerUnit", "backorderPerUnitDay"])).toBe("backorderPerUnitDay");
    expect(closest("ba", ["backorderPerUnitDay"])).toBeUndefined();
  });
  it("didYouMean phrases the suggestion, or says nothing", () => {
    expect(didYouMean("kinds", ["kind", "id"])).toBe(' (did you mean "kind"?)');
    expect(didYouMean("qqq", ["kind"])).toBe("");
  });
});
