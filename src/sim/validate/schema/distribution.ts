/**
 * Distributions (model/distribution.ts), in two flavours: demand (units per day, numbers from 0 to
 * LIMITS.amount) and lead time (days: the values a constant, uniform, discrete or empirical lead
 * time can take are whole days from 0 to LIMITS.horizon, so no lead time can be negative or
 * fractional; the parameters of the others are at most LIMITS.horizon days too).
 */
import { z } from "zod";
import type { Distribution } from "../../model/distribution.ts";
import { LIMITS } from "../limits.ts";
import { amount, days, expecting, list, positive, positiveDays, probability, strict, wholeDays } from "./fields.ts";

type Flavour = "demand" | "leadTime";

function distribution(flavour: Flavour, title: string) {
  // Lead times are at most LIMITS.horizon days; demand parameters at most LIMITS.amount units.
  const lead = flavour === "leadTime";
  const value = lead ? () => wholeDays(0) : amount;
  const nonNegative = lead ? days : amount, aboveZero = lead ? positiveDays : positive;
  const values = () => list(value(), LIMITS.distributionValues, 1);
  const schema: z.ZodType<Distribution, Distribution> = z.discriminatedUnion("type", [
    strict({ type: z.literal("constant"), value: value() }),
    strict({ type: z.literal("normal"), mean: nonNegative(), sd: nonNegative() }),
    strict({ type: z.literal("poisson"), mean: nonNegative() }),
    strict({ type: z.literal("gamma"), mean: aboveZero(), sd: aboveZero() }),
    strict({ type: z.literal("negbin"), mean: aboveZero(), sd: aboveZero() }),
    strict({ type: z.literal("uniform"), min: value(), max: value() }),
    strict({ type: z.literal("discrete"), values: values(), probs: list(probability(), LIMITS.distributionValues, 1) }),
    strict({ type: z.literal("empirical"), values: values() }),
    strict({ type: z.literal("intermittent"), probability: probability(), get size() { return schema; } }),
  ]).meta({ id: title, title, description: flavour === "leadTime" ? "A lead time in whole days >= 0." : "Units demanded per day." });
  return expecting(schema, "a distribution object");
}

export const demandDistributionSchema = distribution("demand", "Distribution");
export const leadTimeSchema = distribution("leadTime", "LeadTime");
