import type { Scenario } from "../../sim/model/scenario.ts";

/** One difference between scenario A and B, at a path like `nodes[dc-east].policy.level`. */
export interface ScenarioChange {
  readonly path: string;
  readonly kind: "changed" | "added" | "removed";
  /** A's value (absent for "added"). */
  readonly before?: unknown;
  /** B's value (absent for "removed"). */
  readonly after?: unknown;
}

type Obj = { readonly [key: string]: unknown };
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isPlain = (v: unknown) => v === null || typeof v !== "object";

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && same(a[k], b[k]));
  }
  return false;
}

/** Field-by-field differences of two values; arrays of plain values compare as one value. */
function diffValue(path: string, a: unknown, b: unknown, out: ScenarioChange[]): void {
  if (same(a, b)) return;
  if (a === undefined) { out.push({ path, kind: "added", after: b }); return; }
  if (b === undefined) { out.push({ path, kind: "removed", before: a }); return; }
  if (isObject(a) && isObject(b) && a.type === b.type) {
    for (const k of [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))]) diffValue(`${path}.${k}`, a[k], b[k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && !(a.every(isPlain) && b.every(isPlain))) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) diffValue(`${path}[${i}]`, a[i], b[i], out);
    return;
  }
  out.push({ path, kind: "changed", before: a, after: b });
}

/** Items of a list matched by key (node id, lane from→to, demand node/product) rather than by position. */
function diffKeyed<T>(name: string, a: readonly T[] | undefined, b: readonly T[] | undefined, key: (item: T) => string, out: ScenarioChange[]): void {
  const mapA = new Map((a ?? []).map((x) => [key(x), x]));
  const mapB = new Map((b ?? []).map((x) => [key(x), x]));
  for (const [k, x] of mapA) {
    if (!mapB.has(k)) out.push({ path: `${name}[${k}]`, kind: "removed", before: x });
    else diffValue(`${name}[${k}]`, x, mapB.get(k), out);
  }
  for (const [k, x] of mapB) if (!mapA.has(k)) out.push({ path: `${name}[${k}]`, kind: "added", after: x });
}

const KEYED = new Set(["nodes", "lanes", "demand"]);

/**
 * What changed from scenario A to scenario B: every changed field by path with its old and new
 * values, and added or removed nodes (by id), lanes (by `from→to`) and demand entries (by node,
 * and product when given). Other lists (disruptions, expedite lanes) compare by position.
 */
export function diffScenarios(a: Scenario, b: Scenario): ScenarioChange[] {
  const out: ScenarioChange[] = [];
  const A = a as unknown as Obj, B = b as unknown as Obj;
  for (const k of [...Object.keys(A), ...Object.keys(B).filter((k) => !(k in A))]) {
    if (KEYED.has(k)) continue;
    diffValue(k, A[k], B[k], out);
  }
  diffKeyed("nodes", a.nodes, b.nodes, (n) => n.id, out);
  diffKeyed("lanes", a.lanes, b.lanes, (l) => `${l.from}→${l.to}`, out);
  diffKeyed("demand", a.demand, b.demand, (d) => (d.product ? `${d.node}/${d.product}` : d.node), out);
  return out;
}

/** A value in one short line (JSON, cut at `max` characters). */
export function formatValue(v: unknown, max = 80): string {
  const text = typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "nodes[dc-east].policy.level: 300 → 350", "added lanes[plant→dc-west]: {…}". */
export function describeChange(c: ScenarioChange): string {
  if (c.kind === "added") return `added ${c.path}: ${formatValue(c.after)}`;
  if (c.kind === "removed") return `removed ${c.path}: ${formatValue(c.before)}`;
  return `${c.path}: ${formatValue(c.before)} → ${formatValue(c.after)}`;
}
