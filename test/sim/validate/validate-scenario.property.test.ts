// Property tests: whatever the input, validateScenario answers (never throws), and every issue
// points into the document; mutations of the retail scenario are caught where they were made.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPath, validateScenario, type ValidationIssue } from "../../../src/sim/validate/index.ts";
import { retail } from "./fixtures.ts";

type Segment = string | number;

/** `nodes[3].policy["a b"].x` → ["nodes", 3, "policy", "a b", "x"] (the inverse of formatPath). */
function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  for (const m of path.matchAll(/\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[]+)/g)) out.push(m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? JSON.parse(m[2]) : m[3]);
  return out;
}

/**
 * Issues whose path does not lead into `doc`: every segment but the last must exist (the last may
 * be a missing key), and the root path "" is only for a document that is not an object.
 */
function strayIssues(doc: unknown, issues: readonly ValidationIssue[]): ValidationIssue[] {
  const isObject = typeof doc === "object" && doc !== null && !Array.isArray(doc);
  return issues.filter((issue) => {
    if (issue.message === "" || (issue.path === "" && isObject)) return true;
    const segments = parsePath(issue.path);
    if (formatPath(segments) !== issue.path) return true;
    let at: unknown = doc;
    for (const s of segments.slice(0, -1)) {
      if (typeof at !== "object" || at === null || !Object.hasOwn(at, s)) return true;
      at = (at as Record<Segment, unknown>)[s];
    }
    return segments.length > 0 && (typeof at !== "object" || at === null);
  });
}

function errorsOf(doc: unknown): ValidationIssue[] {
  const r = validateScenario(doc);
  return r.ok ? [] : r.errors;
}

/** Every place in the document: [path, value]. */
function places(doc: unknown, path: Segment[] = []): [Segment[], unknown][] {
  const here: [Segment[], unknown][] = [[path, doc]];
  if (Array.isArray(doc)) return here.concat(doc.flatMap((v, i) => places(v, [...path, i])));
  if (typeof doc === "object" && doc !== null) return here.concat(Object.entries(doc).flatMap(([k, v]) => places(v, [...path, k])));
  return here;
}

function setAt(doc: any, path: readonly Segment[], value: unknown): void {
  const parent = path.slice(0, -1).reduce((o, s) => o[s], doc);
  parent[path.at(-1)!] = value;
}

const original = retail();
const all = places(original).filter(([p]) => p.length > 0);
const numbers = all.filter(([, v]) => typeof v === "number");
const objects = all.filter(([, v]) => typeof v === "object" && v !== null && !Array.isArray(v));
const keyed = all.filter(([p]) => typeof p.at(-1) === "string");

describe("validateScenario (properties)", () => {
  it("accepts the retail scenario it is tested against", () => expect(errorsOf(retail())).toEqual([]));

  it("never throws on random JSON values, and every issue points into the value", () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
      expect(strayIssues(value, errorsOf(value))).toEqual([]);
    }), { numRuns: 300 });
  });

  it("never throws on arbitrary JavaScript values", () => {
    fc.assert(fc.property(fc.anything({ maxDepth: 5, withNullPrototype: true, withMap: true, withBigInt: true, withBoxedValues: true, withSparseArray: true }), (value) => {
      const r = validateScenario(value);
      expect(r.ok).toBe(false);
    }), { numRuns: 300 });
  });

  it("catches a number made non-finite, negative or huge, at that number's path", () => {
    fc.assert(fc.property(fc.constantFrom(...numbers), fc.constantFrom(NaN, Infinity, -Infinity, -1, 1e15), ([path], bad) => {
      const doc = retail();
      setAt(doc, path, bad);
      const errors = errorsOf(doc);
      expect(strayIssues(doc, errors)).toEqual([]);
      if (bad !== -1 && bad !== 1e15) expect(errors.map((e) => e.path)).toContain(formatPath(path));
    }), { numRuns: 200 });
  });

  it("catches a changed type or a deleted key, and points into the document", () => {
    const replacement = fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}), fc.integer());
    fc.assert(fc.property(fc.constantFrom(...all), replacement, fc.boolean(), ([path, before], after, remove) => {
      const doc = retail();
      if (remove && typeof path.at(-1) === "string") delete path.slice(0, -1).reduce((o: any, s) => o[s], doc)[path.at(-1)!];
      else setAt(doc, path, after);
      expect(strayIssues(doc, errorsOf(doc))).toEqual([]);
      // A primitive replaced by a value of another kind is always an error (a seed may be a number or a string).
      const primitive = (v: unknown) => typeof v !== "object" || v === null;
      if (!remove && primitive(before) && primitive(after) && typeof after !== typeof before && path[0] !== "seed") expect(errorsOf(doc)).not.toEqual([]);
    }), { numRuns: 300 });
  });

  it("reports an unknown key at its own path, and accepts an \"x-\" key anywhere", () => {
    fc.assert(fc.property(fc.constantFrom(...objects), fc.stringMatching(/^[a-z][A-Za-z]{0,12}$/), ([path], key) => {
      const doc = retail();
      const target = path.reduce((o: any, s) => o[s], doc);
      if (key in target || key === "x") return;
      target[key] = 1;
      target[`x-${key}`] = { note: [1, "two"] };
      expect(errorsOf(doc).map((e) => e.path)).toContain(formatPath([...path, key]));
      delete target[key];
      expect(errorsOf(doc)).toEqual([]);
    }), { numRuns: 200 });
  });

  it("catches a duplicated node id", () => {
    const n = original.nodes.length;
    fc.assert(fc.property(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), (a, b) => {
      fc.pre(a !== b);
      const doc = retail();
      doc.nodes[b].id = doc.nodes[a].id;
      const errors = errorsOf(doc);
      expect(errors.map((e) => e.path)).toContain(`nodes[${Math.max(a, b)}].id`);
      expect(strayIssues(doc, errors)).toEqual([]);
    }), { numRuns: 100 });
  });

  it("never throws when any key is renamed", () => {
    fc.assert(fc.property(fc.constantFrom(...keyed), fc.string({ maxLength: 8 }), ([path], suffix) => {
      const doc = retail();
      const parent = path.slice(0, -1).reduce((o: any, s) => o[s], doc);
      const key = path.at(-1) as string;
      const value = parent[key];
      delete parent[key];
      parent[key + suffix] = value;
      const errors = errorsOf(doc);
      expect(strayIssues(doc, errors)).toEqual([]);
      if (suffix !== "") expect(errors).not.toEqual([]);
    }), { numRuns: 200 });
  });
});
