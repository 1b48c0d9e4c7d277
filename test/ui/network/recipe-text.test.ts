import { describe, expect, it } from "vitest";
import { recipeTexts, wrapWords } from "../../../src/ui/network/recipe-text.ts";

describe("recipeTexts", () => {
  it("recipeTexts says what each recipe makes from what, with its assembly time", () => {
    const bom = [{ product: "truck", components: { engine: 1, wheel: 4 }, assemblyTime: 2 }, { product: "syrup-mix", components: { syrup: 0.5, water: 1 / 3 }, assemblyTime: 1 }];
    expect(recipeTexts(bom)).toEqual(["makes truck from engine×1, wheel×4 in 2 days", "makes syrup-mix from syrup×0.5, water×0.333333 in 1 day"]);
  });

  it("recipeTexts reads a draft being edited without failing: no components, a quantity being typed, no list", () => {
    expect(recipeTexts([{ product: "truck" }, { product: "cab", components: { glass: "" } }, null])).toEqual(["makes truck", "makes cab from glass×?"]);
    expect(recipeTexts(undefined)).toEqual([]);
    expect(recipeTexts({ product: "truck" })).toEqual([]);
  });
});

describe("wrapWords", () => {
  it("wrapWords breaks between words into lines of at most max characters", () => {
    expect(wrapWords("makes truck from engine×1, wheel×4", 17)).toEqual(["makes truck from", "engine×1, wheel×4"]);
  });

  it("wrapWords cuts a word longer than a line", () => {
    expect(wrapWords("a verylongcomponentname", 8)).toEqual(["a", "verylong", "componen", "tname"]);
  });
});
