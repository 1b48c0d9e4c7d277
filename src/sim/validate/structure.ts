/**
 * Structural validation: the document against the zod schema, every issue at once, reported as
 * `{path, message}`. Two zod reports need reshaping:
 * - a plain union (`PerProduct<T>`, `demandCorrelation`) that fails reports every branch's
 *   issues; we keep the branch the input most resembles, so `{"type": "sS", "s": 1}` is told
 *   that `S` is missing rather than that it is not a product map;
 * - unknown keys come as one report per object; we give each key its own path, and drop
 *   `"x-…"` note keys, which are allowed everywhere.
 */
import type { z } from "zod";
import { formatPath, type ValidationIssue } from "./issue.ts";
import { KNOWN_KEYS, scenarioErrorMap } from "./messages.ts";
import { scenarioSchema } from "./schema/scenario.ts";
import { didYouMean } from "./suggest.ts";

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** Every structural issue in `input`, with paths and plain messages. */
export function structuralIssues(input: unknown): ValidationIssue[] {
  const result = scenarioSchema.safeParse(input, { error: scenarioErrorMap, reportInput: true });
  if (result.success) return [];
  const out: ValidationIssue[] = [];
  for (const issue of result.error.issues) report(issue, [], out);
  return out;
}

function report(issue: Issue, prefix: Path, out: ValidationIssue[]): void {
  const path = [...prefix, ...issue.path];
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const branch = likeliestBranch(issue.errors);
    if (branch !== undefined) {
      for (const inner of branch) report(inner, path, out);
      return;
    }
  }
  if (issue.code === "unrecognized_keys" && issue.message.startsWith(KNOWN_KEYS)) {
    const known = JSON.parse(issue.message.slice(KNOWN_KEYS.length)) as string[];
    for (const key of issue.keys) {
      if (key.startsWith("x-")) continue;
      out.push({ path: formatPath([...path, key]), message: `unknown key${didYouMean(key, known)}; notes go in keys that start with "x-"` });
    }
    return;
  }
  out.push({ path: formatPath(path), message: issue.message });
}

/**
 * The union branch whose issues show the input was meant for it: fewest fields present with the
 * wrong type, unknown keys or unknown discriminators; ties go to the branch with fewer issues,
 * then to the first. `undefined` when the input is the wrong kind of value for every branch.
 */
function likeliestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  let best: readonly Issue[] | undefined;
  let bestScore = Infinity;
  for (const branch of branches) {
    const score = mismatch(branch) * 1e6 + branch.length;
    if (score < bestScore) [best, bestScore] = [branch, score];
  }
  return bestScore >= 100 * 1e6 ? undefined : best;
}

function mismatch(branch: readonly Issue[]): number {
  let score = 0;
  for (const i of branch) {
    const depth = i.path.length;
    if (i.code === "invalid_type" && depth === 0) score += 100;
    else if (i.code === "invalid_type" && depth === 1 && i.input !== undefined) score += 1;
    else if (i.code === "unrecognized_keys" && depth === 0) score += i.keys.filter((k) => !k.startsWith("x-")).length;
    else if (i.code === "invalid_union" && depth <= 1 && i.errors.length === 0) score += 1;
  }
  return score;
}
