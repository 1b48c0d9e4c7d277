/**
 * The zod error map: turns zod's issues into the plain sentences of shared/spec/scenario.md,
 * `must be a number >= 0, got "abc"`. What a schema expects comes from the phrase recorded with
 * it in schema/fields.ts, so a type error and a range error on the same field read alike.
 */
import type { z } from "zod";
import { formatValue } from "./issue.ts";
import { expectationOf, ID_RULE } from "./schema/fields.ts";
import { didYouMean } from "./suggest.ts";

type RawIssue = z.core.$ZodRawIssue;

/** Prefix of the message an unrecognised-keys issue carries: the JSON list of the object's known keys (split in structure.ts). */
export const KNOWN_KEYS = "\u0000known-keys:";

const BY_TYPE: Record<string, string> = {
  object: "an object", array: "a list", string: "a string", number: "a number", int: "a whole number",
  boolean: "true or false", literal: "a fixed value", enum: "one of a fixed set of values",
};

const quoteAll = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(", ");

function expected(iss: RawIssue): string {
  const def = (iss.inst as { _zod?: { def?: { type?: string } } } | undefined)?._zod?.def;
  return expectationOf(iss.inst) ?? BY_TYPE[(iss as { expected?: string }).expected ?? def?.type ?? ""] ?? "something else";
}

function got(iss: RawIssue): string {
  return (iss as { received?: string }).received === "NaN" ? "NaN" : formatValue(iss.input);
}

function sizeMessage(iss: RawIssue & { origin?: string; minimum?: unknown; maximum?: unknown }): string {
  const n = Array.isArray(iss.input) || typeof iss.input === "string" ? iss.input.length : 0;
  const unit = (iss.origin === "string" ? "character" : "item") + (n === 1 ? "" : "s");
  if (iss.code === "too_small") return n === 0 ? "must not be empty" : `has ${n} ${unit}; at least ${iss.minimum} needed`;
  return `has ${n.toLocaleString("en-US")} ${unit}; at most ${Number(iss.maximum).toLocaleString("en-US")} allowed`;
}

function discriminatorMessage(iss: RawIssue & { discriminator?: string; options?: readonly unknown[] }): string {
  const input = iss.input as Record<string, unknown> | undefined;
  const value = iss.discriminator === undefined ? undefined : input?.[iss.discriminator];
  const options = iss.options ?? [];
  if (value === undefined) return `is required: one of ${quoteAll(options)}`;
  const hint = typeof value === "string" ? didYouMean(value, options.map(String)) : "";
  return `must be one of ${quoteAll(options)}, got ${formatValue(value)}${hint}`;
}

/** The message for one zod issue; `undefined` leaves zod's own. */
export function scenarioErrorMap(iss: RawIssue): string | undefined {
  switch (iss.code) {
    case "invalid_type":
      return iss.input === undefined && (iss as { received?: string }).received === undefined
        ? `is required: ${expected(iss)}`
        : `must be ${expected(iss)}, got ${got(iss)}`;
    case "too_small":
    case "too_big":
      return iss.origin === "array" || iss.origin === "string" ? sizeMessage(iss) : `must be ${expected(iss)}, got ${got(iss)}`;
    case "invalid_format":
      return `must be ${expected(iss)}, got ${got(iss)}`;
    case "invalid_value": {
      const values = iss.values as readonly unknown[];
      if (iss.input === undefined) return `is required: ${values.length === 1 ? JSON.stringify(values[0]) : `one of ${quoteAll(values)}`}`;
      const hint = typeof iss.input === "string" && values.length > 1 ? didYouMean(iss.input, values.map(String)) : "";
      return `must be ${values.length === 1 ? JSON.stringify(values[0]) : `one of ${quoteAll(values)}`}, got ${got(iss)}${hint}`;
    }
    case "unrecognized_keys": {
      const shape = (iss.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape ?? {};
      return KNOWN_KEYS + JSON.stringify(Object.keys(shape));
    }
    case "invalid_union":
      if ((iss as { note?: string }).note === "No matching discriminator") return discriminatorMessage(iss);
      return iss.input === undefined ? `is required: ${expected(iss)}` : `must be ${expected(iss)}, got ${got(iss)}`;
    case "invalid_key":
      return `${formatValue((iss as { input?: unknown }).input)} is not a product id (${ID_RULE})`;
    default:
      return undefined;
  }
}
