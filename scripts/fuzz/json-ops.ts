/**
 * Mutations that know nothing about scenarios: they pick a place anywhere in the document and
 * delete it, change its type, or put an extreme number, a hostile string or deep nesting there.
 * Each returns a one-line description of what it did (the case's log).
 */
import type { Rng } from "./rng.ts";

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Sets an own, enumerable property, even "__proto__" (as JSON.parse does). */
export function setOwn(o: Obj, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A value spliced into the JSON text verbatim (a number token JSON.stringify cannot write). */
export const RAW = "\u0000RAW\u0000";
export const raw = (token: string) => `${RAW}${encodeURIComponent(token)}`;

export interface Slot {
  readonly parent: Obj | unknown[];
  readonly key: string | number;
  readonly value: unknown;
  readonly path: readonly (string | number)[];
}

/** Every place in the document (the first 200 entries of a long list), depth first. */
export function slots(doc: unknown, keep: (s: Slot) => boolean = () => true): Slot[] {
  const out: Slot[] = [];
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: doc, path: [] }];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v !== "object" || v === null || seen.has(v) || path.length > 80) continue;
    seen.add(v);
    const entries: [string | number, unknown][] = Array.isArray(v)
      ? v.slice(0, 200).map((x, i) => [i, x])
      : Object.keys(v).map((k) => [k, (v as Obj)[k]]);
    for (const [key, value] of entries) {
      const s: Slot = { parent: v as Obj | unknown[], key, value, path: [...path, key] };
      if (keep(s)) out.push(s);
      stack.push({ v: value, path: [...s.path] });
    }
  }
  return out;
}

export const pathText = (p: readonly (string | number)[]) => p.map((k) => (typeof k === "number" ? `[${k}]` : `.${k.length > 24 ? `${k.slice(0, 21)}...` : k}`)).join("");

export function put(s: Slot, value: unknown): void {
  if (Array.isArray(s.parent)) s.parent[s.key as number] = value;
  else setOwn(s.parent, s.key as string, value);
}

export const EXTREME_NUMBERS: readonly number[] = [
  1e308, -1e308, Number.MAX_VALUE, -0, 1e-320, 5e-324, 0, -1, 0.5, 1.5, 1e15, 2 ** 53, 2 ** 53 + 2, 1e300, 1e-300,
  2 ** 31, 2 ** 32 + 1, -(2 ** 31), 36_500, 36_501, 1e6, 1e9, 1e16, 7_990, 1e20, 1e-9,
];
export const NAN_STRINGS: readonly string[] = ["NaN", "Infinity", "-Infinity", "1e999", "0x10", " 5", "5 ", "", "1_000", "\u0663", "null", "true", "1e308", "-0"];
/** Number tokens valid in JSON text that overflow, underflow or lose precision. */
export const RAW_TOKENS: readonly string[] = ["1e999", "-1e999", "1e-400", "-0", "1E+308", "0.0000000000000000000000001", "123456789012345678901234567890", "-0.0e-0"];
export const JS_ONLY_NUMBERS: readonly unknown[] = [NaN, Infinity, -Infinity, undefined, -0];
export const UNICODE: readonly string[] = [
  "\u202e", "\u200b", "\ufeff", "\u200d", "\u{1F4E6}", "\u{1F468}\u200d\u{1F469}\u200d\u{1F467}", "\ud800", "\udfff", "\u0000",
  "e\u0301", "\u0430", "\u0645\u062e\u0632\u0646", "\u2028", "\uffff", "\u{1D54F}", "<script>alert(1)</script>", "${x}", "%s%n",
];
const TYPE_SAMPLES: readonly unknown[] = ["abc", 7, true, false, null, [], {}, [1, 2], { a: 1 }, "", 0];

const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
const numberSlots = (doc: unknown) => slots(doc, (s) => typeof s.value === "number");
const stringSlots = (doc: unknown) => slots(doc, (s) => typeof s.value === "string");

export type Op = (doc: Obj, rng: Rng) => string;

export const deleteSomething: Op = (doc, rng) => {
  const all = slots(doc);
  if (all.length === 0) return "delete: nothing";
  const s = rng.pick(all);
  if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
  else delete s.parent[s.key as string];
  return `delete ${pathText(s.path)}`;
};

export const swapType: Op = (doc, rng) => {
  const s = rng.pick(slots(doc));
  if (!s) return "typeSwap: nothing";
  const others = TYPE_SAMPLES.filter((v) => typeOf(v) !== typeOf(s.value));
  const v = structuredClone(rng.pick(others));
  put(s, v);
  return `typeSwap ${pathText(s.path)} = ${JSON.stringify(v)}`;
};

export const extremeNumber: Op = (doc, rng) => {
  const s = rng.pick(numberSlots(doc));
  if (!s) return "extremeNumber: nothing";
  const v = rng.pick(EXTREME_NUMBERS);
  put(s, v);
  return `extremeNumber ${pathText(s.path)} = ${Object.is(v, -0) ? "-0" : v}`;
};

export const nanLike: Op = (doc, rng) => {
  const s = rng.pick(numberSlots(doc));
  if (!s) return "nanLike: nothing";
  const v = rng.chance(0.5) ? rng.pick(NAN_STRINGS) : raw(rng.pick(RAW_TOKENS));
  put(s, v);
  return `nanLike ${pathText(s.path)} = ${v.startsWith(RAW) ? `raw ${decodeURIComponent(v.slice(RAW.length))}` : JSON.stringify(v)}`;
};

/** Object path only: values JSON cannot carry (applied after the text is written). */
export const jsOnlyNumber: Op = (doc, rng) => {
  const s = rng.pick(numberSlots(doc));
  if (!s) return "jsOnlyNumber: nothing";
  const v = rng.pick(JS_ONLY_NUMBERS);
  put(s, v);
  return `jsOnlyNumber ${pathText(s.path)} = ${Object.is(v, -0) ? "-0" : String(v)}`;
};

/** Object path only: an object that contains its own ancestor. */
export const objectCycle: Op = (doc, rng) => {
  const s = rng.pick(slots(doc, (x) => isObj(x.value)));
  const target = s ? (s.value as Obj) : doc;
  setOwn(target, rng.chance(0.5) ? "x-self" : rng.pick(["policy", "dist", "leadTime", "costs"]), doc);
  return `objectCycle ${s ? pathText(s.path) : "(root)"} -> root`;
};

export function longText(rng: Rng, max = 4_000_000): string {
  const n = rng.logInt(1_000, max);
  const unit = rng.pick(["a", "ab-", "\u{1F4E6}", "\u202e\u200b", "x".repeat(63) + "\u0000", "\\\"", "<b>"]);
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

export const longString: Op = (doc, rng) => {
  const pool = stringSlots(doc);
  const s = rng.chance(0.3) || pool.length === 0 ? undefined : rng.pick(pool);
  const v = longText(rng);
  if (s) put(s, v);
  else setOwn(doc, rng.pick(["name", "description", "seed", "x-notes"]), v);
  return `longString ${s ? pathText(s.path) : "(top-level field)"} length ${v.length}`;
};

export const unicodeString: Op = (doc, rng) => {
  const s = rng.pick(stringSlots(doc));
  if (!s) return "unicode: nothing";
  const piece = Array.from({ length: 1 + rng.int(3) }, () => rng.pick(UNICODE)).join("");
  const old = s.value as string;
  const at = rng.int(old.length + 1);
  put(s, rng.chance(0.3) ? piece : old.slice(0, at) + piece + old.slice(at));
  return `unicode ${pathText(s.path)} += ${JSON.stringify(piece)}`;
};

/** Nesting: real objects and lists up to 3,000 deep; deeper ones as raw text. */
export const deepNest: Op = (doc, rng) => {
  const depth = rng.pick([10, 62, 63, 64, 65, 100, 1_000, 3_000, 100_000]);
  const asArray = rng.chance(0.5);
  let v: unknown;
  if (depth > 3_000) v = raw(asArray ? `${"[".repeat(depth)}${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`);
  else {
    v = 1;
    for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  }
  const pool = slots(doc, (x) => isObj(x.value));
  const where = rng.chance(0.3) || pool.length === 0 ? doc : (rng.pick(pool).value as Obj);
  const key = rng.pick(["x-deep", "x-deep", "policy", "dist", "name", "costs"]);
  setOwn(where, key, v);
  return `deepNest ${key} depth ${depth} (${asArray ? "lists" : "objects"})`;
};

/**
 * Characters of JSON that a size mutation may add: a little over the 20 MB text limit, so that
 * the limit is tested, but never so much that writing the text fails.
 */
export const SIZE_BUDGET = 30_000_000;

/** The length of `v` as JSON (Infinity if it cannot be written). */
export function sizeOf(v: unknown): number {
  try { return JSON.stringify(v)?.length ?? 0; } catch { return Infinity; }
}

/** How many copies of something `unit` characters long fit in SIZE_BUDGET, at most `want`. */
export const fitting = (want: number, unit: number) => Math.max(0, Math.min(want, Math.floor(SIZE_BUDGET / Math.max(1, unit))));

/** Lists grown by copying their entries: mostly to 3,000, sometimes to 120,000 (limits are 100,000 or less). */
export const longArray: Op = (doc, rng) => {
  const s = rng.pick(slots(doc, (x) => Array.isArray(x.value) && x.value.length > 0));
  if (!s) return "longArray: nothing";
  const a = s.value as unknown[], k = a.length;
  const n = k + fitting(rng.logInt(k + 1, rng.chance(0.75) ? 3_000 : 120_000) - k, sizeOf(a[0]) + sizeOf(a[k - 1]));
  for (let i = k; i < n; i++) a.push(structuredClone(a[i % k]));
  return `longArray ${pathText(s.path)} length ${n}`;
};

/** Mutations of the text itself, after JSON.stringify. */
export function textMutation(text: string, rng: Rng): { text: string; note: string } {
  switch (rng.int(8)) {
    case 0: { const at = rng.int(text.length); return { text: text.slice(0, at), note: `text truncated at ${at}` }; }
    case 1: return { text: `\ufeff${text}`, note: "text with a byte-order mark" };
    case 2: return { text: `${text}\n${rng.pick(["}", "garbage", "\u0000", "// comment", ",", "{}"])}`, note: "text with trailing junk" };
    case 3: return { text: text.replace(/^\{/, '{"horizon": 5, "horizon": 1e999, '), note: "text with a duplicate key" };
    case 4: return { text: rng.pick(["", "null", "[]", '"a string"', "42", "{}", "\ufeff", " ", "[{}]", "true"]), note: "text replaced by a non-scenario" };
    case 5: { const at = rng.int(text.length); return { text: text.slice(0, at) + rng.pick(["\u0000", "\ud800", "'", "/*", "\\x", "NaN", "\n\r\t"]) + text.slice(at), note: `text with a stray character at ${at}` }; }
    case 6: return { text: text.replace(/\n/g, "\r\n").replace(/: /g, ":\u00a0"), note: "text with CRLF and no-break spaces" };
    default: return { text: text.replace(/"(-?\d+(?:\.\d+)?)"/g, "$1").replace(/(\d)(,|\n)/, "$1e400$2"), note: "text with a number token overflowed" };
  }
}

/** JSON.stringify with RAW values spliced in as tokens. */
export function writeText(doc: unknown): string {
  const text = JSON.stringify(doc, null, 1);
  if (text === undefined) return "";
  return text.includes("\\u0000RAW\\u0000") ? text.replace(/"\\u0000RAW\\u0000([^"]*)"/g, (_, t: string) => decodeURIComponent(t)) : text;
}
