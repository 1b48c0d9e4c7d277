import { describe, expect, it } from "vitest";
import { ValidationCache, draftOf } from "../../../src/ui/app/draft-checks.ts";
import { BUILTIN_SCENARIOS } from "../../../src/ui/library/builtins.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";

const retail = BUILTIN_SCENARIOS[0].scenario;

describe("ValidationCache", () => {
  it("scenario(draft) is the draft itself when it validates, and undefined with its issues when not", () => {
    const checks = new ValidationCache();
    expect(checks.scenario(retail)).toBe(retail);
    const broken = { ...retail, horizon: -1 };
    expect(checks.scenario(broken)).toBeUndefined();
    expect(checks.issues(broken).map((i) => i.path)).toEqual(["horizon"]);
  });

  it("validates each draft once: the same issues come back for the same object", () => {
    const checks = new ValidationCache();
    const broken = { ...retail, horizon: -1 };
    expect(checks.issues(broken)).toBe(checks.issues(broken));
    expect(checks.issues({ ...broken })).not.toBe(checks.issues(broken));
  });

  it("trust(draft) takes a draft checked elsewhere as valid without checking it again", () => {
    const checks = new ValidationCache();
    const checkedInAWorker = { ...retail };
    checks.trust(checkedInAWorker);
    expect(checks.issues(checkedInAWorker)).toEqual([]);
  });
});

describe("draftOf", () => {
  it("is a JSON copy of the scenario, equal to it and not the same object", () => {
    const checked = validateScenario(retail);
    if (!checked.ok) throw new Error("the retail scenario should validate");
    const draft = draftOf(checked.scenario);
    expect(draft).toEqual(retail);
    expect(draft).not.toBe(retail);
    expect(draft.nodes).not.toBe(retail.nodes);
  });
});
