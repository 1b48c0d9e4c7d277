/**
 * Compile-time proof that the schema and the model types agree: everything the schema accepts is
 * a `Scenario`, and every `Scenario` is accepted by the schema's input type. The two functions do
 * nothing at run time; `tsc` fails here if src/sim/model and the schema drift apart.
 */
import type { z } from "zod";
import type { Scenario } from "../../model/scenario.ts";
import type { scenarioSchema } from "./scenario.ts";

/** Drops `readonly` (zod's inferred input is mutable) and the `x-…` note keys (allowed separately). */
type Writable<T> = T extends readonly (infer U)[] ? Writable<U>[]
  : T extends object ? { -readonly [K in keyof T as K extends `x-${string}` ? never : K]: Writable<T[K]> } : T;

export const schemaOutputIsScenario = (parsed: z.output<typeof scenarioSchema>): Scenario => parsed;
export const scenarioIsSchemaInput = (scenario: Writable<Scenario>): z.input<typeof scenarioSchema> => scenario;
