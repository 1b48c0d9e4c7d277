// Bit-identity check for engine optimisations:
//   npx tsx bench/engine-fingerprint.ts [> before.txt]
// Runs runBatch (20 replications, series on) on every scenarios/*.json and on synthetic stress
// scenarios that between them use every engine feature (policies, reviews, lost sales, each
// allocation rule, capacities, each disruption type, correlation, lateral transfers, expedite,
// several products, sampled lead times and demand), plus one trace per scenario, and prints a
// SHA-256 of the KPI values, the series and the trace per scenario. An optimisation that changes
// any line of the output changes a result.
//
// A change that re-associates a sum (the same terms added in another order) changes low bits
// but no result. To check one, dump the raw numbers before and compare after:
//   npx tsx bench/engine-fingerprint.ts --dump /tmp/before.json      (on the old tree)
//   npx tsx bench/engine-fingerprint.ts --against /tmp/before.json   (on the new tree)
// prints, per scenario, the largest relative difference of any KPI value, series cell or trace
// number (|a − b| / max(|a|, |b|); 0 when identical); exits 1 if any exceeds 1e-9.
// The dump records each scenario's KPI column names, so KPI values are compared by name: a change
// that adds KPI columns is checked on the columns both trees have (a dump without names: by position).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { kpiColumns, runBatch, traceReplication } from "../src/sim/engine/index.ts";
import type { Distribution, Lane, NodeSpec, Policy, Scenario } from "../src/sim/model/index.ts";
import { validateScenario } from "../src/sim/validate/index.ts";

const dir = new URL("../scenarios/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json") && !f.includes("schema")).sort();
const retail = JSON.parse(readFileSync(new URL("retail-3-echelon.json", dir), "utf8")) as Scenario;

/** The retail network with every node's policy, lanes and options varied by the callbacks. */
function variant(name: string, f: {
  policy?: (n: NodeSpec, k: number) => NodeSpec["policy"]; node?: (n: NodeSpec, k: number) => Partial<NodeSpec>;
  lane?: (l: Lane, k: number) => Partial<Lane>; demand?: (d: Scenario["demand"][number], k: number) => Partial<Scenario["demand"][number]>;
  extra?: Partial<Scenario>;
}): [string, Scenario] {
  const s: Scenario = {
    ...retail, name, horizon: 200, warmup: 20,
    nodes: retail.nodes.map((n, k) => ({ ...n, ...(n.policy && f.policy ? { policy: f.policy(n, k) } : {}), ...(f.node?.(n, k) ?? {}) })),
    lanes: retail.lanes.map((l, k) => ({ ...l, ...(f.lane?.(l, k) ?? {}) })),
    demand: retail.demand.map((d, k) => ({ ...d, ...(f.demand?.(d, k) ?? {}) })),
    ...f.extra,
  };
  return [name, s];
}
const level = (n: NodeSpec) => (n.policy as { level: number }).level;
const scaled = (n: NodeSpec, x: number) => Math.round(level(n) * x);
const normal = (mean: number, sd: number): Distribution => ({ type: "normal", mean, sd });

const synthetic: [string, Scenario][] = [
  variant("policies-review-lost-fifo", {
    policy: (n, k): Policy => k % 4 === 0 ? { type: "sS", s: scaled(n, 0.7), S: scaled(n, 1.1), review: 1 + (k % 3), offset: k % 2 }
      : k % 4 === 1 ? { type: "sQ", s: scaled(n, 0.6), Q: Math.max(1, scaled(n, 0.3)), review: 2, offset: 1 }
      : k % 4 === 2 ? { type: "base-stock", level: scaled(n, 0.9), review: 3, offset: k % 3 }
      : { type: "base-stock", level: scaled(n, 0.8) },
    extra: { unmetDemand: "lost", allocation: "fifo" },
  }),
  variant("echelon-priority-capacities", {
    policy: (n, k) => (k <= 2 ? { type: "echelon-base-stock", level: scaled(n, 1.4) } : { type: "base-stock", level: scaled(n, 0.85) }),
    node: (n, k) => ({ priority: 1 + (k % 3), ...(k === 2 ? { capacity: { throughput: 500 } } : k >= 7 && k % 4 === 0 ? { capacity: { storage: 120 } } : {}) }),
    lane: (l, k) => (k === 3 ? { capacity: 150, costPerShipment: 5 } : k % 5 === 0 ? { leadTime: normal(3, 1.2), overtaking: k % 2 === 0 } : {}),
    demand: (d, k) => (k % 3 === 0 ? { dist: { type: "poisson", mean: 20 } } : k % 3 === 1 ? { dist: { type: "gamma", mean: 20, sd: 8 } } : {}),
    extra: { allocation: "priority" },
  }),
  variant("proportional-shortage", { policy: (n) => ({ type: "base-stock", level: scaled(n, 0.75) }), extra: { allocation: "proportional" } }),
  variant("disruptions-seasonal", {
    demand: (d, k) => (k % 2 === 0 ? { seasonality: { cycle: 7, factors: [1, 1, 1, 1, 1.3, 1.5, 0.8] }, trend: 0.001 } : {}),
    extra: {
      disruptions: [
        { type: "lane-delay", from: "plant", to: "central-dc", extraDays: 4, start: 40, end: 60 },
        { type: "lane-outage", from: "supplier", to: "plant", start: 70, end: 80 },
        { type: "node-outage", node: retail.nodes[3].id, start: 90, end: 95 },
        { type: "demand-shock", node: "*", multiplier: 1.5, start: 100, end: 110 },
        { type: "capacity-cut", node: "plant", factor: 0.5, start: 120, end: 140 },
        { type: "capacity-cut", from: retail.lanes[1].from, to: retail.lanes[1].to, factor: 0.3, start: 130, end: 150 },
        { type: "random-outage", node: retail.nodes[4].id, mtbf: 40, mttr: 3 },
        { type: "random-outage", from: retail.lanes[5].from, to: retail.lanes[5].to, mtbf: 30, mttr: 2 },
      ],
    },
    node: (n) => (n.id === "plant" ? { capacity: { throughput: 800 } } : {}),
    lane: (l, k) => (k === 1 ? { capacity: 700 } : {}),
  }),
  variant("correlation-global", { extra: { demandCorrelation: { rho: 0.4 } }, demand: (d, k) => (k % 4 === 0 ? { dist: { type: "negbin", mean: 20, sd: 9 } } : {}) }),
  variant("correlation-groups-mitigations", {
    policy: (n, k) => (k >= 7 ? { type: "sS", s: scaled(n, 0.6), S: scaled(n, 1.0) } : n.policy),
    lane: (l, k) => (k === 6 ? { leadTime: { type: "constant", value: 0 } } : {}),
    extra: {
      demandCorrelation: { groups: [{ nodes: retail.demand.slice(0, 6).map((d) => d.node), rho: 0.5 }, { nodes: retail.demand.slice(10, 14).map((d) => d.node), rho: 0.2 }] },
      mitigations: {
        lateralTransfers: { among: retail.demand.slice(0, 5).map((d) => d.node), leadTime: { type: "constant", value: 1 }, costPerUnit: 0.3, trigger: "below-reorder-point" },
        expedite: [
          { from: "supplier", to: "plant", leadTime: { type: "uniform", min: 1, max: 2 }, costPerUnit: 1, when: "position-below", threshold: 1700 },
          { from: "central-dc", to: retail.nodes[3].id, leadTime: normal(1, 0.5), costPerUnit: 0.5, when: "position-below", threshold: 200 },
        ],
      },
    },
  }),
];

// Several products: two products, per-product policies and lanes that carry a subset.
{
  const [, base] = variant("multi-product", {});
  const prods = [{ id: "a", unitCost: 2 }, { id: "b", unitCost: 5 }];
  const noB = new Set(base.nodes.filter((n, k) => n.kind === "store" && k % 5 === 4).map((n) => n.id));
  const s: Scenario = {
    ...base, name: "multi-product", products: prods, allocation: "fifo",
    nodes: base.nodes.map((n) => (n.policy ? {
      ...n, policy: { a: { type: "base-stock", level: scaled(n, 0.9) }, ...(!noB.has(n.id) ? { b: { type: "sS", s: scaled(n, 0.3), S: scaled(n, 0.5), review: 2 } } : {}) },
      holdingCost: { a: 0.1, b: 0.2 },
    } : n)),
    demand: base.demand.flatMap((d) => [{ ...d, product: "a" }, ...(!noB.has(d.node) ? [{ ...d, product: "b", dist: { type: "poisson", mean: 8 } as Distribution }] : [])]),
    lanes: base.lanes.map((l) => (noB.has(l.to) ? { ...l, products: ["a"] } : l)),
    mitigations: { lateralTransfers: { among: base.demand.slice(0, 4).map((d) => d.node), leadTime: { type: "uniform", min: 0, max: 1 }, trigger: "below-zero" } },
  };
  synthetic.push(["multi-product", s]);
}

const hash = (...arrays: ArrayBufferView[]) => {
  const h = createHash("sha256");
  for (const a of arrays) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return h.digest("hex").slice(0, 32);
};

const all: [string, Scenario][] = [
  ...files.map((f): [string, Scenario] => [f, JSON.parse(readFileSync(new URL(f, dir), "utf8")) as Scenario]),
  ...synthetic,
];
const flag = (f: string) => { const k = process.argv.indexOf(f); return k > 0 ? process.argv[k + 1] : undefined; };
const dumpTo = flag("--dump"), against = flag("--against");
// Non-finite numbers are written as strings ("NaN", "Infinity"): JSON has no literal for them.
const before = against
  ? (JSON.parse(readFileSync(against, "utf8"), (_, x) => (typeof x === "string" && /^-?Infinity$|^NaN$/.test(x) ? Number(x) : x)) as Record<string, number[][]>)
  : undefined;
const dump: Record<string, number[][]> = {};
const COLUMNS = "\u0000columns";   // the dump's record of KPI column names, by scenario (no scenario has this name)
const names: Record<string, string[]> = {};
const oldNames = (before as unknown as Record<string, Record<string, string[]>> | undefined)?.[COLUMNS];
/** The new KPI values laid out as the old dump's columns (by name; NaN for a column the new tree lacks). */
function asBefore(name: string, cols: string[], values: Float64Array): number[] {
  const old = oldNames?.[name];
  if (!old) return Array.from(values);
  const at = new Map(cols.map((c, j) => [c, j])), C = cols.length, rows = values.length / C, out: number[] = [];
  for (let r = 0; r < rows; r++) for (const c of old) { const j = at.get(c); out.push(j === undefined ? NaN : values[r * C + j]); }
  return out;
}
/** Every number of a trace, in document order. */
const numbers = (x: unknown, out: number[] = []): number[] => {
  if (typeof x === "number") out.push(x);
  else if (ArrayBuffer.isView(x)) out.push(...Array.from(x as Float64Array));
  else if (Array.isArray(x)) for (const y of x) numbers(y, out);
  else if (x && typeof x === "object") for (const y of Object.values(x)) numbers(y, out);
  return out;
};
const relDiff = (a: number[], b: number[]): number => {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let k = 0; k < a.length; k++) {
    const x = a[k], y = b[k];
    if (x === y || (Number.isNaN(x) && Number.isNaN(y))) continue;
    const d = Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y));
    if (!(d <= worst)) worst = d;
  }
  return worst;
};
let failed = false;
for (const [name, s] of all) {
  const v = validateScenario(s);
  if (!v.ok) { console.log(`${name}: INVALID ${JSON.stringify(v.errors.slice(0, 3))}`); continue; }
  const r = runBatch(s, { from: 0, to: 20, series: true });
  const tr = traceReplication(s, 3);
  const trace = createHash("sha256").update(JSON.stringify(tr, (_, x) => (ArrayBuffer.isView(x) ? Array.from(x as Float64Array) : x))).digest("hex").slice(0, 32);
  const cols = kpiColumns(s).map((c) => `${c.scope}:${c.id}:${c.key}`);
  const raw = [Array.from(r.values), Array.from(r.series!), numbers(tr)];
  if (dumpTo) { dump[name] = raw; names[name] = cols; }
  if (before) {
    const old = before[name];
    if (!old) { console.log(`${name.padEnd(34)} not in the dump (a scenario added since): nothing to compare`); continue; }
    raw[0] = asBefore(name, cols, r.values);
    const d = raw.map((x, k) => relDiff(x, old[k]));
    if (d.some((x) => !(x <= 1e-9))) failed = true;
    console.log(`${name.padEnd(34)} max relative difference: values ${d[0].toExponential(1)} series ${d[1].toExponential(1)} trace ${d[2].toExponential(1)}`);
  } else console.log(`${name.padEnd(34)} values ${hash(r.values)} series ${hash(r.series!)} trace ${trace}`);
}
if (dumpTo) writeFileSync(dumpTo, JSON.stringify({ ...dump, [COLUMNS]: names }, (_, x) => (typeof x === "number" && !Number.isFinite(x) ? String(x) : x)));
if (failed) process.exit(1);
