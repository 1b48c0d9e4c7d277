/** Inventory policies (model/policy.ts). Cross-field rules (S >= s, offset < review) live in checks/policies.ts. */
import { z } from "zod";
import { amount, expecting, positive, strict, wholeDays } from "./fields.ts";

const review = { review: wholeDays(1).optional(), offset: wholeDays(0).optional() };

export const policySchema = expecting(
  z.discriminatedUnion("type", [
    strict({ type: z.literal("base-stock"), level: amount(), ...review }),
    strict({ type: z.literal("echelon-base-stock"), level: amount(), ...review }),
    strict({ type: z.literal("sS"), s: amount(), S: amount(), ...review }),
    strict({ type: z.literal("sQ"), s: amount(), Q: positive(), ...review }),
  ]).meta({ id: "Policy", title: "Policy" }),
  "a policy object",
);
