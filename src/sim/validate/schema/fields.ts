/**
 * Building blocks of the scenario schema. Each records, next to the zod schema, the phrase that
 * says what it expects ("a number >= 0"), so that messages can say
 * `must be a number >= 0, got "abc"` instead of zod's default wording.
 */
import { z } from "zod";
import { formatValue } from "../issue.ts";
import { LIMITS } from "../limits.ts";

// The built app's Content-Security-Policy has no 'unsafe-eval': keep zod from probing for
// `new Function` (its JIT), which a strict CSP reports as a violation. Validation stays fast
// without it (bench/validate.bench.ts).
z.config({ jitless: true });

const expectations = new WeakMap<object, string>();

/** The phrase recorded for `schema`, if any. */
export function expectationOf(schema: unknown): string | undefined {
  return typeof schema === "object" && schema !== null ? expectations.get(schema) : undefined;
}

/** Record what `schema` expects, in words. */
export function expecting<T extends z.ZodType>(schema: T, phrase: string): T {
  expectations.set(schema, phrase);
  // A range issue (too_small, too_big) names the check that failed, not the schema: tag those too.
  // (a check tagged already keeps its phrase: `doc` re-wraps a schema, and atMost's bound has its own)
  for (const check of schema._zod.def.checks ?? []) if (!expectations.has(check)) expectations.set(check, phrase);
  return schema;
}

/** `schema` with a description (shown by editors from the JSON Schema), keeping its expectation phrase. */
export function doc<T extends z.ZodType>(schema: T, description: string): T {
  const described = schema.meta({ description }) as T;
  const phrase = expectationOf(schema);
  return phrase === undefined ? described : expecting(described, phrase);
}

/**
 * `schema` with an upper bound, whose message gives the bound (`must be at most 1e12, got 1e+308`);
 * a wrong type or a value below the minimum keeps the schema's own phrase (`must be a number >= 0`).
 */
function atMost<T extends z.ZodNumber>(schema: T, max: number, bound: string): T {
  const out = expecting(schema.max(max) as T, expectationOf(schema) ?? "a number");
  const checks = out._zod.def.checks ?? [];
  expectations.set(checks[checks.length - 1], bound);
  return out;
}
const MOST = `at most ${LIMITS.amount.toExponential().replace("e+", "e")}`;
const LONGEST = `at most ${LIMITS.horizon.toLocaleString("en-US")} days (the longest horizon)`;
const LEAST = LIMITS.smallestAmount.toExponential().replace("e+", "e");
/** `schema`, refusing non-zero values below LIMITS.smallestAmount with a message that says why. */
function notTiny<T extends z.ZodNumber>(schema: T): T {
  const refined = schema.refine((v) => !(v > 0 && v < LIMITS.smallestAmount), {
    error: (iss) => `must be 0 or at least ${LEAST} (a smaller amount is below what the engine can count in), got ${formatValue(iss.input)}`,
    abort: true,
  }) as unknown as T;
  return expecting(refined, expectationOf(schema) ?? "a number");
}
/** 0, or a number from LIMITS.smallestAmount to LIMITS.amount: quantities, costs, rates. */
export const amount = () => atMost(notTiny(expecting(z.number().min(0), "a number >= 0")), LIMITS.amount, MOST);
/** A number from LIMITS.smallestAmount to LIMITS.amount. */
export const positive = () => atMost(notTiny(expecting(z.number().positive(), "a number > 0")), LIMITS.amount, MOST);
/** Days, from 0 (or above 0) to LIMITS.horizon: a lead time longer than the longest horizon would never arrive. */
export const days = () => atMost(expecting(z.number().min(0), "a number >= 0"), LIMITS.horizon, LONGEST);
export const positiveDays = () => atMost(expecting(z.number().positive(), "a number > 0"), LIMITS.horizon, LONGEST);
/** Whole days from `min` to LIMITS.horizon. */
export const wholeDays = (min: number) => atMost(whole(min), LIMITS.horizon, LONGEST);
/** Any finite number. */
export const finite = () => expecting(z.number(), "a number");
/** A whole number >= `min`, at most `max`. */
export const whole = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  expecting(z.int().min(min).max(max), max === Number.MAX_SAFE_INTEGER ? `a whole number >= ${min}` : `a whole number from ${min} to ${max.toLocaleString("en-US")}`);
/** A probability, 0 <= p <= 1. */
export const probability = () => expecting(z.number().min(0).max(1), "a number from 0 to 1");
/** An angle in degrees from -`bound` to `bound`: latitude (90) or longitude (180). */
export const degrees = (bound: number) => expecting(z.number().min(-bound).max(bound), `a number from -${bound} to ${bound} (degrees)`);
/** A correlation coefficient for the one-factor copula, 0 <= rho < 1. */
export const correlation = () => expecting(z.number().min(0).lt(1), "a number >= 0 and < 1");

/**
 * Names JavaScript gives a meaning on every object. Ids become keys of the result's records, and
 * although those records have no prototype (model/dict.ts), other programs that read the JSON
 * may build theirs with `{}`: such ids are refused outright.
 */
export const RESERVED_IDS: readonly string[] = ["__proto__", "constructor", "prototype"];
/** Node and product ids: `[A-Za-z0-9_.-]{1,64}`, other than RESERVED_IDS. */
export const ID_PATTERN = new RegExp(`^(?!(?:${RESERVED_IDS.join("|")})$)[A-Za-z0-9_.-]{1,64}$`);
/** What ID_PATTERN asks for, in words: "id must be …". */
export const ID_RULE = `1 to 64 letters, digits, '_', '.' or '-', other than ${RESERVED_IDS.join(", ")} (reserved by JavaScript)`;
export const id = () => expecting(z.string().regex(ID_PATTERN), `an id of ${ID_RULE}`);
/** Free text (names, descriptions), bounded so a pasted file cannot hide in a name. */
export const text = () => expecting(z.string().max(LIMITS.textField), `a string of at most ${LIMITS.textField.toLocaleString("en-US")} characters`);

/** A list of at most `max` items (and at least `min`). */
export function list<T extends z.ZodType>(item: T, max: number, min = 0) {
  const s = z.array(item).max(max);
  return expecting(min > 0 ? s.min(min) : s, min > 0 ? "a non-empty list" : "a list");
}

/** `T`, or an object mapping product ids to `T` (PerProduct<T> in the model). */
export function perProduct<T extends z.ZodType>(single: T, what: string, plural: string) {
  return expecting(z.union([single, z.record(z.string().regex(ID_PATTERN), single)]), `${what} or an object mapping product ids to ${plural}`);
}

/**
 * An object mapping product ids to `T` (a recipe's `components`), with `min` to `max` entries:
 * zod records have no size bound of their own, so the bounds are refinements here and
 * minProperties/maxProperties in the JSON Schema. `phrase` is what the object is, in words.
 */
export function idMap<T extends z.ZodType>(value: T, phrase: string, min: number, max: number) {
  const size = (o: unknown) => Object.keys(o as object).length;
  const entries = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "entry" : "entries"}`;
  const record = z.record(z.string().regex(ID_PATTERN), value)
    .refine((o) => size(o) >= min, { error: (iss) => `${size(iss.input) === 0 ? "must not be empty" : `has ${entries(size(iss.input))}; at least ${min} needed`}: it must be ${phrase}` })
    .refine((o) => size(o) <= max, { error: (iss) => `has ${entries(size(iss.input))}; at most ${max.toLocaleString("en-US")} allowed` })
    .meta({ minProperties: min, maxProperties: max });
  return expecting(record, phrase);
}

/**
 * An object that refuses unknown keys. Keys beginning with "x-" are user notes: zod reports them
 * as unrecognised and src/sim/validate/structure.ts drops those reports; the JSON Schema allows
 * them through `patternProperties` (json-schema.ts).
 */
export const strict = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape);
