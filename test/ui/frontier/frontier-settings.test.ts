// The dialog's settings: the CLI's defaults, and a message naming each wrong field.
import { describe, expect, it } from "vitest";
import { frontierOptions } from "../../../src/cli/frontier.ts";
import { defaultFields, frontierPlan, parseTargets, pointsExpected } from "../../../src/ui/frontier/frontier-settings.ts";
import { short, smallFrontier } from "./fixture.ts";

describe("frontierPlan", () => {
  it("defaults to `echelon frontier`'s options, so the app draws the CLI's curve", () => {
    const p = frontierPlan(short, defaultFields(short)), cli = frontierOptions({});
    if (!("plan" in p)) throw new Error(JSON.stringify(p.errors));
    expect(p.plan.serviceLevels).toEqual(cli.serviceLevels);
    expect(p.plan.targets).toEqual(cli.targets);
    expect(p.plan.headline).toEqual(cli.headline);
    expect(p.plan.maxEvaluations).toBe(cli.maxEvaluations);
    expect(p.plan.leadTimeVariance).toBe(cli.leadTimeVariance);
    expect(p.plan.run).toEqual({ seed: short.seed, replications: short.replications });
    expect(p.plan.search).toEqual({ seed: Number(short.seed) + 1, replications: 40 });
  });

  it("names every wrong field at once, with what it got", () => {
    const p = frontierPlan(short, { points: "1", targets: "0.9, x", replications: "2.5", evaluations: "" });
    expect("errors" in p && p.errors).toEqual({
      points: "Points per analytic curve must be a whole number from 2 to 50, got “1”",
      targets: "Optimiser targets must be fill rates from 0.5 to 1 separated by commas (e.g. 0.9, 0.95, 0.98), got “0.9, x”",
      replications: "Replications must be a whole number from 2 to 5000, got “2.5”",
      evaluations: "Evaluations per target must be a whole number from 10 to 300, got nothing",
    });
  });

  it("sorts the targets and drops repeats; searches on at most 40 replications of the next seed", () => {
    expect(parseTargets(" 0.98,0.9 , 0.98")).toEqual({ value: [0.9, 0.98] });
    const p = frontierPlan({ ...short, seed: "s" }, { points: "3", targets: "0.95", replications: "12", evaluations: "10" });
    expect("plan" in p && p.plan.search).toEqual({ seed: "s:check", replications: 12 });
  });

  it("expects as many points as the curve reports, for the progress bar", async () => {
    const { result, pointsReported } = await smallFrontier();
    const plan = { serviceLevels: result.curves["single-echelon"].map((p) => p.serviceLevel!), targets: result.curves.simulation.map((p) => p.targetFill!) };
    expect(pointsExpected(plan as never)).toBe(pointsReported);
  });
});
