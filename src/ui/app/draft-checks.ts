/**
 * Drafts and scenarios. The editor holds a scenario as a plain JSON tree (`Draft`), which may be
 * invalid while the user types; the run, compare and watch views, and the optimiser, take a
 * `Scenario`. A draft becomes a scenario only by passing the validator, and the shell asks this
 * cache, which validates each draft once (drafts are immutable, so the object is the key).
 */
import type { Scenario } from "../../sim/model/scenario.ts";
import type { Draft } from "../editor/index.ts";
import { validate, type Issue } from "../shared/validate.ts";

/** A draft the validator passed: still the editor's JSON tree, and a Scenario too. */
export type ValidDraft = Draft & Scenario;

export class ValidationCache {
  private issuesOf = new WeakMap<Draft, readonly Issue[]>();

  /** Every problem of `draft` ([] when it is a valid scenario). */
  issues(draft: Draft): readonly Issue[] {
    let issues = this.issuesOf.get(draft);
    if (!issues) this.issuesOf.set(draft, (issues = validate(draft)));
    return issues;
  }

  /** `draft` as a scenario, when it validates. */
  scenario(draft: Draft): ValidDraft | undefined {
    return passed(draft, this.issues(draft)) ? draft : undefined;
  }

  /** `draft` passed the validator elsewhere (a file or link checked in a worker): it is not checked again. */
  trust(draft: Draft): void {
    this.issuesOf.set(draft, []);
  }
}

function passed(draft: Draft, issues: readonly Issue[]): draft is ValidDraft {
  return issues.length === 0;
}

/**
 * A scenario as the editor holds it. A Scenario is JSON by definition (it is read from JSON and
 * saved as JSON), but its interfaces do not say so to TypeScript; a JSON copy makes it a Draft
 * without a cast, and costs little for the one scenario the optimiser hands over.
 */
export function draftOf(scenario: Scenario): Draft {
  const copy: Draft = JSON.parse(JSON.stringify(scenario));
  return copy;
}
