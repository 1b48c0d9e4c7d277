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
/** An own entry only: a product id such as "valueOf" must not read an inherited method. */
const at = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const isPlain = (v: unknown) => v === null || typeof v !== "object";

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
  }
  return false;
}

/** Field-by-field differences of two values; arrays of plain values compare as one value. */
function diffValue(path: string, a: unknown, b: unknown, out: ScenarioChange[]): void {
  if (same(a, b)) return;
  if (a === undefined) { out.push({ path, kind: "added", after: b }); return; }
  if (b === undefined) { out.push({ path, kind: "removed", before: a }); return; }
  if (isObject(a) && isObject(b) && a.type === b.type) {
    for (const k of [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))]) diffValue(`${path}.${k}`, at(a, k), at(b, k), out);
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
  // A scenario's top-level fields as a plain record (a copy of its few keys: no cast needed).
  const A: Obj = Object.fromEntries(Object.entries(a)), B: Obj = Object.fromEntries(Object.entries(b));
  for (const k of [...Object.keys(A), ...Object.keys(B).filter((k) => !Object.hasOwn(A, k))]) {
    if (KEYED.has(k)) continue;
    diffValue(k, at(A, k), at(B, k), out);
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

/** "nodes[dc-east].policy.level: 300 → 350", "added lanes[plant→dc-west]: {…}" (the paths, for files and tests). */
export function describeChangePath(c: ScenarioChange): string {
  if (c.kind === "added") return `added ${c.path}: ${formatValue(c.after)}`;
  if (c.kind === "removed") return `removed ${c.path}: ${formatValue(c.before)}`;
  return `${c.path}: ${formatValue(c.before)} → ${formatValue(c.after)}`;
}

/** A value in words: `{"type":"base-stock","level":40}` → "base-stock, level 40"; lists joined by commas. */
export function readableValue(v: unknown, max = 80): string {
  const words = (x: unknown): string => {
    if (typeof x === "string") return x;
    if (typeof x === "number") return String(Number.isInteger(x) ? x : Number(x.toPrecision(6)));
    if (Array.isArray(x)) return x.map(words).join(", ");
    if (isObject(x)) return Object.entries(x).map(([k, y]) => (k === "type" ? words(y) : `${spaced(k)} ${isObject(y) ? `(${words(y)})` : words(y)}`)).join(", ");
    return String(x);
  };
  const text = words(v);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const spaced = (key: string) => key.length <= 2 ? key : key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

/**
 * The change as a planner reads it, with node names for ids: "Store North 1: policy level 77 → 20",
 * "Added lane Plant → DC West", "Demand at Store 1: dist mean 20 → 25", "Seed: 7 → 8".
 */
export function describeChange(c: ScenarioChange, names: ReadonlyMap<string, string> = new Map()): string {
  const name = (id: string) => names.get(id) ?? id;
  const m = /^(nodes|lanes|demand)\[([^\]]*)\](?:\.(.*))?$/.exec(c.path);
  let place: string, field: string;
  if (m) {
    const [, list, key, rest] = m;
    place = list === "nodes" ? name(key) : list === "lanes" ? `lane ${key.split("→").map(name).join(" → ")}`
      : `demand at ${key.split("/").map((k, i) => (i === 0 ? name(k) : k)).join(", product ")}`;
    field = rest ? rest.split(".").map(spaced).join(" ") : "";
  } else {
    place = "";
    field = c.path.split(".").map((k) => spaced(k.replace(/\[(\d+)\]/g, (_, i) => ` ${Number(i) + 1}`))).join(" ");
  }
  const what = [place, field].filter(Boolean).join(": ");
  const subject = what.charAt(0).toUpperCase() + what.slice(1);
  const whole = m && !field; // a whole node, lane or demand entry
  const thing = whole && m[1] === "nodes" ? `node ${place}` : what;
  if (c.kind === "added") return whole ? `Added ${thing}` : `Added ${what}: ${readableValue(c.after)}`;
  if (c.kind === "removed") return whole ? `Removed ${thing}` : `Removed ${what}: ${readableValue(c.before)}`;
  return `${subject}: ${readableValue(c.before)} → ${readableValue(c.after)}`;
}
