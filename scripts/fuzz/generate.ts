/**
 * Case K of a campaign: a library scenario, 1–5 weighted mutations drawn from the campaign's
 * seeded generator keyed by (seed, K), the JSON text written from it (with its own text-level
 * mutations), and the document as a JavaScript caller would pass it (with values JSON cannot
 * carry: NaN, undefined, an object that contains itself).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as J from "./json-ops.ts";
import { createRng, type Rng } from "./rng.ts";
import * as S from "./scenario-ops.ts";

export interface FuzzCase {
  readonly n: number;
  /** The library file it started from. */
  readonly base: string;
  /** What each mutation did, in order. */
  readonly ops: readonly string[];
  /** The JSON text (the CLI's and a file import's path). */
  readonly text: string;
  /** The document as an object (the UI's and a JavaScript caller's path). */
  readonly doc: unknown;
}

export interface Library { readonly names: readonly string[]; readonly texts: readonly string[] }

export function loadLibrary(dir = join(import.meta.dirname, "../../scenarios")): Library {
  const names = readdirSync(dir).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json")).sort();
  return { names, texts: names.map((f) => readFileSync(join(dir, f), "utf8")) };
}

type Weighted = readonly [number, J.Op];

/** Mutations of the document before it is written as text, with their weights. */
const DOC_OPS: readonly Weighted[] = [
  [8, J.deleteSomething], [8, J.swapType], [14, J.extremeNumber], [5, J.nanLike],
  [8, S.renameId], [4, S.reservedKey], [3, J.longString], [6, J.unicodeString], [3, J.deepNest],
  [5, S.networkCycle], [6, S.missingRef], [1, J.longArray], [2, S.scaleNetwork], [2, S.manyProducts],
  [4, S.longLeadTime], [20, S.enrich],
];
/** Mutations of the object only, after the text is written. */
const OBJECT_OPS: readonly Weighted[] = [[49, J.jsOnlyNumber], [1, J.objectCycle]];

function weighted(rng: Rng, ops: readonly Weighted[]): J.Op {
  let r = rng.next() * ops.reduce((s, [w]) => s + w, 0);
  for (const [w, op] of ops) if ((r -= w) < 0) return op;
  return ops[ops.length - 1][1];
}

function apply(op: J.Op, doc: J.Obj, rng: Rng, log: string[]): void {
  try {
    log.push(op(doc, rng));
  } catch (e) {
    log.push(`(mutation skipped: ${e instanceof Error ? e.message : String(e)})`);
  }
}

export function generateCase(library: Library, seed: number, n: number): FuzzCase {
  const rng = createRng(seed, n);
  const i = rng.int(library.names.length);
  const doc = JSON.parse(library.texts[i]) as J.Obj;
  const ops: string[] = [];
  let count = 1;
  while (count < 5 && rng.chance(0.45)) count++;
  for (let k = 0; k < count; k++) apply(weighted(rng, DOC_OPS), doc, rng, ops);
  let text: string;
  try {
    text = J.writeText(doc);
  } catch (e) {
    text = "";
    ops.push(`(text not written: ${e instanceof Error ? e.message : String(e)})`);
  }
  if (rng.chance(0.06)) { const t = J.textMutation(text, rng); text = t.text; ops.push(t.note); }
  if (rng.chance(0.05)) apply(weighted(rng, OBJECT_OPS), doc, rng, ops);
  return { n, base: library.names[i], ops, text, doc };
}
