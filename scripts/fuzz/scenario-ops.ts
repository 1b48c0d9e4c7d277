/**
 * Mutations that know the scenario format (shared/spec/scenario.md): ids renamed everywhere they
 * are referenced (to reserved, unicode or very long names), cycles and dangling references in the
 * network, a network or product list scaled up, long lead times, and "enrichments" that keep the
 * file valid but reach engine features the library does not use (mitigations, correlation,
 * disruptions, other distributions and policies) — often with extreme values.
 */
import { EXTREME_NUMBERS, fitting, isObj, longText, setOwn, sizeOf, UNICODE, type Obj, type Op } from "./json-ops.ts";
import type { Rng } from "./rng.ts";

export const RESERVED = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "__defineGetter__", "isPrototypeOf", "toLocaleString"] as const;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const objects = (v: unknown): Obj[] => list(v).filter(isObj);
const nodesOf = (doc: Obj) => objects(doc.nodes);
const stocking = (doc: Obj) => nodesOf(doc).filter((n) => n.kind !== "supplier" && typeof n.id === "string");
const lanesOf = (doc: Obj) => objects(doc.lanes);
const horizonOf = (doc: Obj) => (typeof doc.horizon === "number" && doc.horizon >= 1 ? Math.floor(doc.horizon) : 365);
const ids = (xs: Obj[]) => xs.map((x) => x.id).filter((x): x is string => typeof x === "string");

/** Every object in the document, once (cycles are not yet present when this runs). */
function allObjects(doc: Obj): Obj[] {
  const out: Obj[] = [], stack: unknown[] = [doc];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) { for (let i = 0; i < Math.min(v.length, 5_000); i++) stack.push(v[i]); }
    else if (isObj(v)) { out.push(v); for (const k of Object.keys(v)) stack.push(v[k]); }
  }
  return out;
}

/** A copy of `o` with key `from` renamed to `to`, in place and in order. */
function renameKey(o: Obj, from: string, to: string): void {
  const entries = Object.keys(o).map((k) => [k, o[k]] as const);
  for (const [k] of entries) delete o[k];
  for (const [k, v] of entries) setOwn(o, k === from ? to : k, v);
}

export function renameNode(doc: Obj, from: string, to: string): void {
  for (const o of allObjects(doc)) {
    for (const key of ["from", "to", "node"]) if (o[key] === from) o[key] = to;
    for (const key of ["among", "nodes"]) if (Array.isArray(o[key])) o[key] = (o[key] as unknown[]).map((x) => (x === from ? to : x));
  }
  for (const n of nodesOf(doc)) if (n.id === from) n.id = to;
}

export function renameProduct(doc: Obj, from: string, to: string): void {
  if (!Array.isArray(doc.products)) doc.products = [{ id: from, name: "Product", unitCost: 1 }];
  for (const p of objects(doc.products)) if (p.id === from) p.id = to;
  for (const o of allObjects(doc)) if (o.product === from) o.product = to;
  for (const n of nodesOf(doc)) {
    for (const key of ["holdingCost", "policy", "initialInventory"]) {
      const m = n[key];
      if (isObj(m) && !("type" in m) && Object.hasOwn(m, from)) renameKey(m, from, to);
    }
  }
}

const productIds = (doc: Obj) => (Array.isArray(doc.products) ? ids(objects(doc.products)) : ["default"]);

/** A node or product id renamed everywhere to a reserved, unicode or long name. */
export const renameId: Op = (doc, rng) => {
  const kind = rng.int(10);
  const to = kind < 6 ? rng.pick(RESERVED) : kind < 8 ? `n${rng.pick(UNICODE)}${rng.int(10)}` : longText(rng, 200_000);
  const label = to.length > 40 ? `a ${to.length}-character id` : JSON.stringify(to);
  if (rng.chance(0.6)) {
    const from = rng.pick(ids(nodesOf(doc)));
    if (from === undefined) return "renameId: no node";
    renameNode(doc, from, to);
    return `renameId node ${from} -> ${label}`;
  }
  const from = rng.pick(productIds(doc));
  renameProduct(doc, from, to);
  // Reach the per-product maps too: one stocking node keyed by the new product id.
  const n = rng.pick(stocking(doc));
  if (n && rng.chance(0.6)) {
    const m: Obj = {};
    setOwn(m, to, typeof n.holdingCost === "number" ? n.holdingCost : 1);
    n.holdingCost = m;
    if (isObj(n.policy) && "type" in n.policy && productIds(doc).length === 1) {
      const p: Obj = {};
      setOwn(p, to, n.policy);
      n.policy = p;
    }
  }
  return `renameId product ${from} -> ${label}`;
};

/** A reserved name as a key of some object (a per-product map, a policy, the root). */
export const reservedKey: Op = (doc, rng) => {
  const key = rng.pick(["__proto__", "constructor", "prototype"]);
  const value = structuredClone(rng.pick<unknown>([{ polluted: true }, { fillRate: 0.5, totalCost: 1 }, 1, "x", null, [], { type: "base-stock", level: 5 }]));
  const n = rng.pick(stocking(doc));
  const where = rng.int(4);
  let at = "(root)";
  if (where === 1 && n) { const m: Obj = isObj(n.holdingCost) ? n.holdingCost : {}; setOwn(m, key, value); n.holdingCost = m; at = `node ${String(n.id)}.holdingCost`; }
  else if (where === 2 && n && isObj(n.policy)) { setOwn(n.policy, key, value); at = `node ${String(n.id)}.policy`; }
  else if (where === 3) { const o = rng.pick(allObjects(doc)); setOwn(o, key, value); at = "an object"; }
  else setOwn(doc, key, value);
  return `reservedKey ${key} at ${at} = ${JSON.stringify(value)}`;
};

/** A cycle: a lane back up the network, a self-loop, or a lane's source moved downstream. */
export const networkCycle: Op = (doc, rng) => {
  const lanes = lanesOf(doc).filter((l) => typeof l.from === "string" && typeof l.to === "string");
  const l = rng.pick(lanes);
  if (!l || !Array.isArray(doc.lanes)) return "networkCycle: no lane";
  const kind = rng.int(3);
  if (kind === 0) { doc.lanes.push({ ...structuredClone(l), from: l.to, to: l.from }); return `networkCycle lane ${String(l.to)} -> ${String(l.from)} added`; }
  if (kind === 1) { doc.lanes.push({ ...structuredClone(l), from: l.to, to: l.to }); return `networkCycle self-loop on ${String(l.to)}`; }
  const down = rng.pick(lanes.filter((m) => m.from === l.to));
  if (!down) { l.from = l.to; return `networkCycle lane into ${String(l.to)} made a self-loop`; }
  const from = l.from;
  l.from = down.to;
  return `networkCycle lane ${String(from)} -> ${String(l.to)} now from ${String(down.to)}`;
};

/** A reference to something that does not exist, or a node or product deleted while referenced. */
export const missingRef: Op = (doc, rng) => {
  const refs: [Obj, string][] = [];
  for (const o of allObjects(doc)) for (const k of ["from", "to", "node", "product"]) if (typeof o[k] === "string") refs.push([o, k]);
  const kind = rng.int(4);
  if (kind === 0 && Array.isArray(doc.nodes) && doc.nodes.length > 0) {
    const [gone] = doc.nodes.splice(rng.int(doc.nodes.length), 1);
    return `missingRef node ${String(isObj(gone) ? gone.id : gone)} deleted`;
  }
  if (kind === 1 && Array.isArray(doc.products) && doc.products.length > 0) {
    const [gone] = doc.products.splice(rng.int(doc.products.length), 1);
    return `missingRef product ${String(isObj(gone) ? gone.id : gone)} deleted`;
  }
  const r = rng.pick(refs);
  if (!r) return "missingRef: no reference";
  const ghost = rng.pick(["ghost", "Ghost-Node", "", " ", "store-north-1 ", "*", "default", "supplier"]);
  r[0][r[1]] = ghost;
  return `missingRef ${r[1]} = ${JSON.stringify(ghost)}`;
};

/** Copies of a demand node (its lanes and demand too): up to 2,500 more nodes (the limit is 2,000). */
export const scaleNetwork: Op = (doc, rng) => {
  const d = rng.pick(objects(doc.demand));
  const node = nodesOf(doc).find((n) => d && n.id === d.node);
  if (!d || !node || !Array.isArray(doc.nodes) || !Array.isArray(doc.lanes) || !Array.isArray(doc.demand)) return "scaleNetwork: no demand node";
  const inbound = lanesOf(doc).filter((l) => l.to === node.id), demand = objects(doc.demand).filter((x) => x.node === node.id);
  const k = fitting(rng.logInt(1, 2_500), sizeOf(node) + sizeOf(inbound) + sizeOf(demand));
  for (let i = 0; i < k; i++) {
    const id = `${String(node.id)}-fz${i}`;
    doc.nodes.push({ ...structuredClone(node), id });
    for (const l of inbound) doc.lanes.push({ ...structuredClone(l), to: id });
    for (const x of demand) doc.demand.push({ ...structuredClone(x), node: id });
  }
  return `scaleNetwork ${k} copies of ${String(node.id)}`;
};

/** More products (up to 1,200; the limit is 1,000), all stocked everywhere, some with demand. */
export const manyProducts: Op = (doc, rng) => {
  if (!Array.isArray(doc.products)) doc.products = [{ id: "default", unitCost: 1 }];
  const products = doc.products as unknown[];
  const first = productIds(doc)[0] ?? "default";
  const k = rng.logInt(1, 1_200);
  for (let i = 0; i < k; i++) products.push({ id: `fz-p${i}`, unitCost: 1 + (i % 7) });
  const demand = objects(doc.demand);
  for (const d of demand) d.product ??= first;
  if (Array.isArray(doc.demand) && demand.length > 0) {
    for (let i = 0; i < fitting(Math.min(k, 50), sizeOf(demand[0])); i++) doc.demand.push({ ...structuredClone(rng.pick(demand)), product: `fz-p${rng.int(k)}` });
  }
  return `manyProducts +${k}`;
};

/** One lane's lead time made long (the arrival calendar is sized by it). */
export const longLeadTime: Op = (doc, rng) => {
  const l = rng.pick(lanesOf(doc));
  if (!l) return "longLeadTime: no lane";
  const h = horizonOf(doc);
  const value = rng.pick([h - 1, h, h + 1, 7_990, 36_499, 1e5, 1e6, 1e9, 2 ** 31]);
  l.leadTime = rng.chance(0.7) ? { type: "constant", value } : { type: "uniform", min: 0, max: value };
  return `longLeadTime ${String(l.from)} -> ${String(l.to)} = ${JSON.stringify(l.leadTime)}`;
};

const DISTRIBUTIONS = (rng: Rng, big: number): Obj => rng.pick<Obj>([
  { type: "constant", value: big },
  { type: "normal", mean: big, sd: big / 3 },
  { type: "poisson", mean: rng.pick([0, 1e-9, 3, 1e6, big]) },
  { type: "gamma", mean: rng.pick([1e-9, 5, big]), sd: rng.pick([1e-9, 50, big]) },
  { type: "negbin", mean: 5, sd: rng.pick([2.2361, 3, 1e4]) },
  { type: "uniform", min: 0, max: big },
  { type: "discrete", values: [0, 1, big], probs: [0.1, 0.2, 0.7] },
  { type: "discrete", values: [1, 2, 3], probs: [1 / 3, 1 / 3, 1 / 3] },
  { type: "empirical", values: Array.from({ length: rng.logInt(1, 120_000) }, (_, i) => (i * 7919) % 53) },
  { type: "intermittent", probability: rng.pick([0, 1e-6, 0.3, 1]), size: { type: "poisson", mean: big } },
]);

function disruption(doc: Obj, rng: Rng): Obj {
  const h = horizonOf(doc), start = rng.int(h), end = Math.min(h, start + 1 + rng.int(60));
  const node = rng.pick(ids(nodesOf(doc))) ?? "x", lane = rng.pick(lanesOf(doc)) ?? {};
  const win = { start, end };
  return rng.pick<Obj>([
    { type: "lane-delay", from: lane.from, to: lane.to, extraDays: rng.pick([1, 14, h, 36_499]), ...win },
    { type: "lane-outage", from: lane.from, to: lane.to, ...win },
    { type: "node-outage", node, ...win },
    { type: "demand-shock", node: rng.chance(0.3) ? "*" : node, multiplier: rng.pick([0, 2, 1e6, 1e300]), ...win },
    { type: "capacity-cut", node, factor: rng.pick([0, 0.5, 1]), ...win },
    { type: "random-outage", node, mtbf: rng.pick([1e-9, 1, 30, 1e300]), mttr: rng.pick([1e-9, 1, 5, 1e300]) },
  ]);
}

/** A valid-looking feature the library does not use, often at an extreme value. */
export const enrich: Op = (doc, rng) => {
  const big = rng.chance(0.5) ? rng.pick([1, 5, 20, 100]) : rng.pick(EXTREME_NUMBERS.filter((x) => x >= 0));
  const n = rng.pick(stocking(doc));
  const d = rng.pick(objects(doc.demand));
  switch (rng.int(11)) {
    case 0: { if (!Array.isArray(doc.disruptions)) doc.disruptions = []; const x = disruption(doc, rng); (doc.disruptions as unknown[]).push(x); return `enrich disruption ${JSON.stringify(x)}`; }
    case 1: {
      const dcs = stocking(doc).filter((x) => x.kind === (n?.kind ?? "dc")).slice(0, 2 + rng.int(4));
      doc.mitigations = { lateralTransfers: { among: ids(dcs), leadTime: { type: "constant", value: rng.pick([0, 1, 3]) }, costPerUnit: big, trigger: rng.pick(["below-zero", "below-reorder-point"]) } };
      return `enrich lateralTransfers among ${dcs.length} ${String(n?.kind)} costPerUnit ${big}`;
    }
    case 2: {
      const l = rng.pick(lanesOf(doc));
      if (!l) return "enrich: no lane";
      doc.mitigations = { expedite: [{ from: l.from, to: l.to, leadTime: { type: "constant", value: rng.pick([0, 1]) }, costPerUnit: big, when: "position-below", threshold: rng.pick([0, 50, big]) }] };
      return `enrich expedite ${String(l.from)} -> ${String(l.to)} ${JSON.stringify((doc.mitigations as Obj).expedite)}`;
    }
    case 3: doc.demandCorrelation = { rho: rng.pick([0, 0.3, 0.99, 0.999999, 1 - 2 ** -52]) }; return `enrich demandCorrelation ${JSON.stringify(doc.demandCorrelation)}`;
    case 4: if (!d) return "enrich: no demand"; d.dist = DISTRIBUTIONS(rng, big); return `enrich demand ${String(d.node)} dist ${String((d.dist as Obj).type)} (${big})`;
    case 5: {
      if (!d) return "enrich: no demand";
      d.seasonality = { cycle: rng.pick([1, 7, 365, 36_500]), factors: Array.from({ length: rng.logInt(1, 400) }, (_, i) => rng.pick([0, 1, 2, big]) * ((i % 3) + 1)) };
      d.trend = rng.pick([0, 0.0005, -0.01, 0.1, 1, 10]);
      return `enrich seasonality and trend ${String(d.trend)} at ${String(d.node)}`;
    }
    case 6: {
      if (!n) return "enrich: no node";
      const review = rng.pick([1, 7, 30, 365, 36_500]), offset = rng.int(review);
      n.policy = rng.pick<Obj>([
        { type: "base-stock", level: big, review, offset },
        { type: "echelon-base-stock", level: big, review, offset },
        { type: "sS", s: big / 2, S: big, review, offset },
        { type: "sQ", s: rng.pick([0, big]), Q: rng.pick([1e-9, 1, big]), review, offset },
      ]);
      return `enrich policy ${String(n.id)} ${JSON.stringify(n.policy)}`;
    }
    case 7: doc.unmetDemand = rng.pick(["lost", "backorder"]); doc.allocation = rng.pick(["fifo", "proportional", "priority"]);
      for (const x of stocking(doc)) x.priority = rng.int(5);
      return `enrich unmetDemand ${String(doc.unmetDemand)} allocation ${String(doc.allocation)}`;
    case 8: {
      if (!n) return "enrich: no node";
      n.capacity = { storage: rng.pick([0, 1, 50, big]), throughput: rng.pick([0, 1e-9, 10, big]) };
      const l = rng.pick(lanesOf(doc));
      if (l) l.capacity = rng.pick([0, 1, big]);
      return `enrich capacity ${String(n.id)} ${JSON.stringify(n.capacity)}`;
    }
    case 9: doc.costs = { backorderPerUnitDay: rng.pick([0, 2, big]), lostSalePerUnit: rng.pick([0, big]), orderFixed: rng.pick([0, big]) };
      if (n) n.holdingCost = rng.pick([0, big]);
      return `enrich costs ${JSON.stringify(doc.costs)}`;
    default: {
      const h = rng.pick([1, 2, 7, 8, 1_000, 36_500]);
      doc.horizon = h; doc.warmup = rng.pick([0, Math.max(0, h - 1), Math.floor(h / 2)]);
      if (rng.chance(0.5)) doc.seed = rng.pick<unknown>(["", "\u00e9\u{1F4E6}\ud800", 2 ** 53, -1, -0, 0, "x".repeat(10_000), 4294967296]);
      return `enrich horizon ${h} warmup ${String(doc.warmup)} seed ${typeof doc.seed === "string" && doc.seed.length > 20 ? `(${doc.seed.length} chars)` : JSON.stringify(doc.seed)}`;
    }
  }
};
