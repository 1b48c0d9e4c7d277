/**
 * Cross-reference checks, run after the schema on whatever parts of the document are
 * well-formed, so one run reports both a malformed field and an unknown id elsewhere.
 */
import type { ValidationIssue } from "../issue.ts";
import { checkBom, readBom } from "./bom.ts";
import { arr, obj, type Json } from "./context.ts";
import { checkDemand } from "./demand.ts";
import { checkDemandScale } from "./demand-scale.ts";
import { checkDisruptions } from "./disruptions.ts";
import { checkDistribution } from "./distributions.ts";
import { checkEngineMemory } from "./engine-memory.ts";
import { createContext } from "./ids.ts";
import { checkMitigations } from "./mitigations.ts";
import { checkNetwork } from "./network.ts";
import { checkNoEffect } from "./no-effect.ts";
import { checkPolicies } from "./policies.ts";
import { checkRunSize } from "./run-size.ts";

export function crossReferenceIssues(doc: Json): ValidationIssue[] {
  const ctx = createContext(doc, []);
  checkPolicies(ctx);
  const bom = readBom(ctx);
  checkBom(ctx, checkNetwork(ctx, bom), bom);
  arr(doc.lanes).forEach((lane, i) => checkDistribution(ctx, obj(lane)?.leadTime, ["lanes", i, "leadTime"]));
  checkDemand(ctx);
  checkDisruptions(ctx);
  checkMitigations(ctx);
  checkNoEffect(ctx);
  checkRunSize(ctx);
  checkDemandScale(ctx);
  checkEngineMemory(ctx);
  return ctx.issues;
}
