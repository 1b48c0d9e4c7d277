// Building blocks of the scenario schema (src/sim/validate/schema/fields.ts): the size bounds of an
// id map (a recipe's `components`) at exactly their limits, the phrase lookup, and the
// compile-time proofs of schema/type-check.ts, which are identities at run time.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { LIMITS, scenarioSchema } from "../../../src/sim/validate/index.ts";
import { expectationOf, expecting, idMap } from "../../../src/sim/validate/schema/fields.ts";
import { scenarioIsSchemaInput, schemaOutputIsScenario } from "../../../src/sim/validate/schema/type-check.ts";
import { issuesAfter, small } from "./fixtures.ts";

const entries = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, k) => [`c${k}`, 1]));
/** The messages `schema` gives `input` ([] when it is accepted). */
const messages = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("idMap: from min to max entries", () => {
  it("accepts exactly min and exactly max entries, and says how many are missing or too many", () => {
    // 2 to 3 entries: 0 is "empty", 1 is one short, 4 is one over.
    const map = idMap(z.number(), "a map of numbers", 2, 3);
    expect(messages(map, {})).toEqual(["must not be empty: it must be a map of numbers"]);
    expect(messages(map, entries(1))).toEqual(["has 1 entry; at least 2 needed: it must be a map of numbers"]);
    expect(messages(map, entries(2))).toEqual([]);
    expect(messages(map, entries(3))).toEqual([]);
    expect(messages(map, entries(4))).toEqual(["has 4 entries; at most 3 allowed"]);
    expect(expectationOf(map)).toBe("a map of numbers");
  });
  it("with one entry needed, calls an empty map empty and accepts one entry", () => {
    const map = idMap(z.number(), "a map", 1, 2);
    expect(messages(map, {})).toEqual(["must not be empty: it must be a map"]);
    expect(messages(map, entries(1))).toEqual([]);
  });
  it("writes counts over 999 with thousands separators", () => {
    const map = idMap(z.number(), "a map", 1, 1_000);
    expect(messages(map, entries(1_000))).toEqual([]);
    expect(messages(map, entries(1_001))).toEqual(["has 1,001 entries; at most 1,000 allowed"]);
  });
});

describe("a recipe's components: at most LIMITS.componentsPerRecipe", () => {
  const sizeIssues = (n: number) =>
    issuesAfter((d) => {
      d.nodes[1].bom = [{ product: "default", components: entries(n) }];
    }).filter((i) => i.startsWith("nodes[1].bom[0].components: "));

  it("accepts exactly the limit and refuses one more", () => {
    expect(LIMITS.componentsPerRecipe).toBe(1_000);
    // (each c<k> is also an unknown product, a cross-reference issue at its own path, filtered out here)
    expect(sizeIssues(1_000)).toEqual([]);
    expect(sizeIssues(1_001)).toEqual(["nodes[1].bom[0].components: has 1,001 entries; at most 1,000 allowed"]);
  });
});

describe("expectationOf", () => {
  it("has no phrase for a value that is not an object, and the recorded one for a schema", () => {
    for (const v of [undefined, null, 0, "a number", true]) expect(expectationOf(v)).toBeUndefined();
    expect(expectationOf(z.number())).toBeUndefined();
    expect(expectationOf(expecting(z.number(), "a count"))).toBe("a count");
  });
});

describe("schema/type-check.ts", () => {
  it("its two compile-time proofs hand back what they are given", () => {
    const doc = small();
    const parsed = scenarioSchema.parse(doc);
    expect(schemaOutputIsScenario(parsed)).toBe(parsed);
    expect(scenarioIsSchemaInput(parsed as never)).toBe(parsed);
  });
});
