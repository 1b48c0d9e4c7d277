/**
 * Distributions (model/distribution.ts), in two flavours: demand (units per day, any number >= 0)
 * and lead time (days: the values a constant, uniform, discrete or empirical lead time can take
 * are whole days >= 0, so no lead time can be negative or fractional).
 */
import { z } from "zod";
import type { Distribution } from "../../model/distribution.ts";
import { LIMITS } from "../limits.ts";
import { amount, expecting, list, positive, probability, strict, whole } from "./fields.ts";

type Flavour = "demand" | "leadTime";

function distribution(flavour: Flavour, title: string) {
  const value = flavour === "leadTime" ? () => whole(0) : amount;
  const values = () => list(value(), LIMITS.distributionValues, 1);
  const schema: z.ZodType<Distribution, Distribution> = z.discriminatedUnion("type", [
    strict({ type: z.literal("constant"), value: value() }),
    strict({ type: z.literal("normal"), mean: amount(), sd: amount() }),
    strict({ type: z.literal("poisson"), mean: amount() }),
    strict({ type: z.literal("gamma"), mean: positive(), sd: positive() }),
    strict({ type: z.literal("negbin"), mean: positive(), sd: positive() }),
    strict({ type: z.literal("uniform"), min: value(), max: value() }),
    strict({ type: z.literal("discrete"), values: values(), probs: list(probability(), LIMITS.distributionValues, 1) }),
    strict({ type: z.literal("empirical"), values: values() }),
    strict({ type: z.literal("intermittent"), probability: probability(), get size() { return schema; } }),
  ]).meta({ id: title, title, description: flavour === "leadTime" ? "A lead time in whole days >= 0." : "Units demanded per day." });
  return expecting(schema, "a distribution object");
}

export const demandDistributionSchema = distribution("demand", "Distribution");
export const leadTimeSchema = distribution("leadTime", "LeadTime");
