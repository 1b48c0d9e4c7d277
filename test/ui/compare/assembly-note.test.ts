import { describe, expect, it } from "vitest";
import { hasBillOfMaterials } from "../../../src/sim/model/scenario.ts";
import { assemblyNote } from "../../../src/ui/compare/assembly-note.ts";
import { scenario } from "../fixtures.ts";
import { assemblyScenario } from "../results/assembly-fixture.ts";

describe("assemblyNote", () => {
  it("says which side alone has the assembly KPIs, and that the tables leave them out", () => {
    const plain = { name: "Buy trucks", scenario: scenario() }, made = { name: "Make trucks", scenario: assemblyScenario() };
    expect(hasBillOfMaterials(made.scenario)).toBe(true);
    expect(assemblyNote(plain, made)).toMatch(/^The assembly KPIs .* are only in B \(Make trucks\): A \(Buy trucks\) makes nothing from components, so there is nothing to pair them with and these tables leave them out\. B's own results show them\.$/);
    expect(assemblyNote(made, plain)).toContain("only in A (Make trucks): B (Buy trucks)");
  });

  it("says nothing when both or neither side assemble", () => {
    expect(assemblyNote({ name: "a", scenario: scenario() }, { name: "b", scenario: scenario() })).toBeUndefined();
    expect(assemblyNote({ name: "a", scenario: assemblyScenario() }, { name: "b", scenario: assemblyScenario() })).toBeUndefined();
  });
});
