/**
 * Pure edits of a draft's what-ifs (disruptions, mitigations, products, demand correlation):
 * the one-click presets, a fresh disruption of a type, product renames that follow references.
 * Draft in, new draft out; they never throw on a broken draft.
 */
import type { Draft, Json } from "./paths.ts";

type Obj = { [key: string]: Json };
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const nodesOf = (d: Draft) => list(d.nodes);
const lanesOf = (d: Draft) => list(d.lanes);

/** The horizon when it is a usable number, else a year. */
export function horizonOf(draft: Draft): number {
  const h = draft.horizon;
  return typeof h === "number" && Number.isInteger(h) && h >= 1 ? h : 365;
}

/**
 * A window of `length` days: from day 120 when it fits in the horizon, else centred in it
 * (and cut to the horizon when the horizon is shorter than `length`).
 */
export function presetWindow(draft: Draft, length: number): { start: number; end: number } {
  const horizon = horizonOf(draft);
  if (120 + length <= horizon) return { start: 120, end: 120 + length };
  const start = Math.max(0, Math.floor((horizon - length) / 2));
  return { start, end: Math.min(horizon, start + length) };
}

/** "days 120–133 (weeks 18–20)" for a window [start, end), or undefined when it is not a window. */
export function describeWindow(start: unknown, end: unknown): string | undefined {
  if (typeof start !== "number" || typeof end !== "number" || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) return undefined;
  const last = end - 1;
  const week = (day: number) => Math.floor(day / 7) + 1;
  const days = last === start ? `day ${start}` : `days ${start}–${last}`;
  const weeks = week(start) === week(last) ? `week ${week(start)}` : `weeks ${week(start)}–${week(last)}`;
  return `${days} (${weeks})`;
}

/** The first lane from a supplier into a stocking node, in node order. */
export function firstSupplierLane(draft: Draft): { from: string; to: string } | undefined {
  const kinds = new Map(nodesOf(draft).map((n) => [n.id, n.kind]));
  for (const node of nodesOf(draft)) {
    if (node.kind === "supplier") continue;
    const lane = lanesOf(draft).find((l) => l.to === node.id && kinds.get(l.from as string) === "supplier");
    if (lane) return { from: String(lane.from), to: String(lane.to) };
  }
  return undefined;
}

export type PresetId = "supplier-late" | "demand-surge" | "dc-outage" | "capacity-cut" | "supplier-outages";
export interface Preset { readonly id: PresetId; readonly label: string }
export const PRESETS: readonly Preset[] = [
  { id: "supplier-late", label: "Supplier two weeks late" },
  { id: "demand-surge", label: "Demand surge +50% for 4 weeks" },
  { id: "dc-outage", label: "DC outage 1 week" },
  { id: "capacity-cut", label: "Capacity cut 50%" },
  { id: "supplier-outages", label: "Random supplier outages" },
];

/**
 * Random supplier outages: about one week down in every two months, the figures of the library's
 * random-supplier-outages scenario (downtime 7/(60+7) ≈ 10%).
 */
const SUPPLIER_OUTAGE = { mtbf: 60, mttr: 7 } as const;

/**
 * The capacity a cut acts on: the first node with a throughput capacity, else the first lane with
 * one. None: a cut would change nothing (unlimited stays unlimited), and validation refuses it.
 */
function capacityTarget(draft: Draft): Obj | undefined {
  const node = nodesOf(draft).find((n) => isObj(n.capacity) && n.capacity.throughput !== undefined);
  if (node) return { node: node.id };
  const lane = lanesOf(draft).find((l) => l.capacity !== undefined);
  return lane ? { from: lane.from, to: lane.to } : undefined;
}

/** The disruption a preset adds to `draft`, or a sentence saying why it cannot. */
export function presetDisruption(draft: Draft, id: PresetId): Obj | string {
  switch (id) {
    case "supplier-late": {
      const lane = firstSupplierLane(draft);
      if (!lane) return "This network has no lane from a supplier into a stocking node.";
      return { type: "lane-delay", from: lane.from, to: lane.to, extraDays: 14, ...presetWindow(draft, 14) };
    }
    case "demand-surge":
      return { type: "demand-shock", node: "*", multiplier: 1.5, ...presetWindow(draft, 28) };
    case "dc-outage": {
      const dc = nodesOf(draft).find((n) => n.kind === "dc");
      if (!dc) return "This network has no DC.";
      return { type: "node-outage", node: dc.id, ...presetWindow(draft, 7) };
    }
    case "capacity-cut": {
      const target = capacityTarget(draft);
      if (!target) return "This network has no node throughput or lane capacity to cut: give one a capacity first, or use a DC outage.";
      return { type: "capacity-cut", ...target, factor: 0.5, ...presetWindow(draft, 28) };
    }
    case "supplier-outages": {
      const lane = firstSupplierLane(draft);
      if (!lane) return "This network has no lane from a supplier into a stocking node.";
      return { type: "random-outage", from: lane.from, to: lane.to, ...SUPPLIER_OUTAGE };
    }
  }
}

/** `draft` with `disruption` appended; returns its index. */
export function addDisruption(draft: Draft, disruption: Obj): { draft: Draft; index: number } {
  const disruptions = [...(Array.isArray(draft.disruptions) ? draft.disruptions : []), disruption];
  return { draft: { ...draft, disruptions }, index: disruptions.length - 1 };
}

/** `draft` without disruption `index` (the key is dropped with the last one). */
export function removeDisruption(draft: Draft, index: number): Draft {
  const rest = (Array.isArray(draft.disruptions) ? draft.disruptions : []).filter((_, i) => i !== index);
  const { disruptions: _d, ...others } = draft;
  return rest.length ? { ...draft, disruptions: rest } : others;
}

/**
 * A disruption of `type` keeping what carries over from `previous` (window, node or lane) and
 * filling the rest with defaults that validate on `draft`.
 */
export function disruptionOfType(draft: Draft, type: string, previous: unknown): Obj {
  const p = isObj(previous) ? previous : {};
  const window = p.start !== undefined || p.end !== undefined ? { start: p.start ?? 0, end: p.end ?? 1 } : presetWindow(draft, 14);
  const lane = p.from !== undefined && p.to !== undefined ? { from: p.from, to: p.to } : firstLane(draft);
  const node = typeof p.node === "string" && p.node !== "*" ? p.node : firstStockingNode(draft);
  switch (type) {
    case "lane-delay": return { type, ...lane, extraDays: typeof p.extraDays === "number" ? p.extraDays : 7, ...window };
    case "lane-outage": return { type, ...lane, ...window };
    case "node-outage": return { type, node, ...window };
    case "demand-shock": return { type, node: p.node === "*" || p.node === undefined ? "*" : node, multiplier: typeof p.multiplier === "number" ? p.multiplier : 1.5, ...window };
    case "capacity-cut": return { type, ...(p.node !== undefined || p.from === undefined ? { node } : lane), factor: typeof p.factor === "number" ? p.factor : 0.5, ...window };
    case "random-outage": return { type, ...(p.node !== undefined || p.from === undefined ? { node } : lane), mtbf: typeof p.mtbf === "number" ? p.mtbf : 90, mttr: typeof p.mttr === "number" ? p.mttr : 3 };
    default: return { ...p, type };
  }
}

function firstLane(draft: Draft): { from: Json; to: Json } {
  const lane = firstSupplierLane(draft) ?? lanesOf(draft)[0];
  return { from: lane?.from ?? "", to: lane?.to ?? "" };
}

function firstStockingNode(draft: Draft): string {
  return String(nodesOf(draft).find((n) => n.kind !== "supplier")?.id ?? "");
}

/** Product ids of the draft (empty when it has no products list: one implicit product). */
export function productIds(draft: Draft): string[] {
  return list(draft.products).map((p) => String(p.id ?? ""));
}

/** Where product `id` is referenced: "demand[2].product", "nodes[3].policy", … (empty when nowhere). */
export function productReferences(draft: Draft, id: string): string[] {
  const out: string[] = [];
  list(draft.demand).forEach((d, i) => { if (d.product === id) out.push(`demand[${i}].product`); });
  list(draft.disruptions).forEach((d, i) => { if (d.product === id) out.push(`disruptions[${i}].product`); });
  list(draft.lanes).forEach((l, i) => { if (Array.isArray(l.products) && l.products.includes(id)) out.push(`lanes[${i}].products`); });
  nodesOf(draft).forEach((n, i) => {
    for (const key of PER_PRODUCT) if (isProductMap(n[key], key) && id in (n[key] as Obj)) out.push(`nodes[${i}].${key}`);
    (Array.isArray(n.bom) ? n.bom : []).forEach((r, j) => { if (isObj(r) && (r.product === id || (isObj(r.components) && Object.hasOwn(r.components, id)))) out.push(`nodes[${i}].bom[${j}]`); });
  });
  return out;
}

const PER_PRODUCT = ["policy", "holdingCost", "initialInventory"] as const;
/** A per-product map (a policy map has no "type"; numbers are never maps). */
const isProductMap = (v: unknown, key: string): v is Obj => isObj(v) && !(key === "policy" && "type" in v);

/**
 * Product `index` renamed to `id`, with its references (demand, disruptions, lane product lists,
 * per-product maps of nodes, recipes' products and components) following — unless the old id is shared by another product or the
 * new one is taken, in which case only the product's own id changes (the validator flags the duplicate).
 */
export function renameProduct(draft: Draft, index: number, id: string): Draft {
  const products = list(draft.products);
  if (!products[index]) return draft;
  const old = String(products[index].id ?? "");
  const next: Draft = { ...draft, products: (draft.products as Json[]).map((p, i) => (i === index && isObj(p) ? { ...p, id } : p)) };
  const others = products.filter((_, i) => i !== index).map((p) => p.id);
  if (old === id || others.includes(old) || others.includes(id)) return next;
  const swap = (o: Json): Json => (isObj(o) && o.product === old ? { ...o, product: id } : o);
  const rekey = (m: Obj): Obj => Object.fromEntries(Object.entries(m).map(([k, v]) => [k === old ? id : k, v]));
  if (Array.isArray(draft.demand)) next.demand = draft.demand.map(swap);
  if (Array.isArray(draft.disruptions)) next.disruptions = draft.disruptions.map(swap);
  if (Array.isArray(draft.lanes)) next.lanes = draft.lanes.map((l) => (isObj(l) && Array.isArray(l.products) ? { ...l, products: l.products.map((p) => (p === old ? id : p)) } : l));
  if (Array.isArray(draft.nodes)) {
    next.nodes = draft.nodes.map((n) => {
      if (!isObj(n)) return n;
      let out = n;
      for (const key of PER_PRODUCT) if (isProductMap(n[key], key)) out = { ...out, [key]: rekey(n[key] as Obj) };
      if (Array.isArray(n.bom)) out = { ...out, bom: n.bom.map((r) => (isObj(r) ? { ...(swap(r) as Obj), ...(isObj(r.components) ? { components: rekey(r.components) } : {}) } : r)) };
      return out;
    });
  }
  return next;
}

/** A new product with a fresh id; a draft without a products list first gets its implicit "default". */
export function addProduct(draft: Draft): { draft: Draft; index: number } {
  const products: Json[] = Array.isArray(draft.products) ? [...draft.products] : [{ id: "default", unitCost: 1 }];
  const used = new Set(products.filter(isObj).map((p) => p.id));
  let n = products.length + 1;
  while (used.has(`product-${n}`)) n++;
  products.push({ id: `product-${n}`, unitCost: 1 });
  return { draft: { ...draft, products }, index: products.length - 1 };
}

/** Product `index` removed, or a sentence saying why not (it is referenced). */
export function removeProduct(draft: Draft, index: number): Draft | string {
  const products = Array.isArray(draft.products) ? draft.products : [];
  const p = products[index];
  if (p === undefined) return draft;
  const id = isObj(p) ? String(p.id ?? "") : "";
  const refs = productIds(draft).filter((x) => x === id).length === 1 ? productReferences(draft, id) : [];
  if (refs.length) return `"${id}" is still used by ${refs.slice(0, 3).join(", ")}${refs.length > 3 ? ` and ${refs.length - 3} more` : ""}; remove those first.`;
  const rest = products.filter((_, i) => i !== index);
  const { products: _p, ...others } = draft;
  return rest.length ? { ...draft, products: rest } : others;
}

/** Regional DCs (DCs that supply no other DC): the default peers for lateral transfers. */
export function defaultTransferPeers(draft: Draft): string[] {
  const kinds = new Map(nodesOf(draft).map((n) => [n.id, n.kind]));
  const dcs = nodesOf(draft).filter((n) => n.kind === "dc");
  const regional = dcs.filter((n) => !lanesOf(draft).some((l) => l.from === n.id && kinds.get(l.to as string) === "dc"));
  return regional.map((n) => String(n.id));
}

/** A new expedite route: a copy of the first supplier lane's ends, lead time 1 day. */
export function newExpedite(draft: Draft): Obj {
  const lane = firstLane(draft);
  return { from: lane.from, to: lane.to, leadTime: { type: "constant", value: 1 }, costPerUnit: 1, when: "position-below", threshold: 0 };
}
