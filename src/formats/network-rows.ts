/**
 * Reading rows of the nodes, lanes and demand tables (csv-columns.ts) into scenario parts, for
 * the CSV and the spreadsheet import alike. Each problem is reported where it is: the caller's
 * `locate` turns a line and a column into "nodes.csv line 7" or "Nodes!C7".
 *
 * Two columns go beyond one value per cell:
 * - `product` on a nodes row makes its policy, holdingCost and initialInventory that product's
 *   (the node's per-product maps); the node's other fields come from its row without a product.
 * - `extra` holds, as a JSON object, fields the columns do not cover (notes, seasonality, a
 *   distribution without columns); they are laid over the row's fields.
 */
import { ID_PATTERN, ID_RULE, quote } from "../sim/validate/index.ts";
import type { Json } from "./json.ts";

export type Obj = { [key: string]: Json };

/** One data row: its line number and cells by column name (trimmed, "" when absent). */
export interface Row { readonly line: number; readonly cell: (name: string) => string }

/** Where a cell is, for messages: "nodes.csv line 7" or "Nodes!C7". */
export type Locate = (line: number, column?: string) => string;

export class RowErrors {
  readonly list: string[] = [];
  constructor(private readonly locate: Locate) {}
  add(line: number, message: string, column?: string) { this.list.push(`${this.locate(line, column)}: ${message}`); }
  /** A number >= min (or undefined when the cell is empty and not required). */
  number(row: Row, col: string, opts: { min?: number; integer?: boolean; required?: boolean } = {}): number | undefined {
    const text = row.cell(col);
    const { min = 0, integer = false, required = false } = opts;
    if (text === "") {
      if (required) this.add(row.line, `${col} is required`, col);
      return undefined;
    }
    const n = Number(text);
    if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
      this.add(row.line, `${col} must be ${integer ? "a whole number" : "a number"} >= ${min}, got ${quote(text, "'")}`, col);
      return undefined;
    }
    return n;
  }
  /** A number from -bound to bound (degrees). */
  degrees(row: Row, col: string, bound: number): number | undefined {
    const text = row.cell(col);
    if (text === "") return undefined;
    const n = Number(text);
    if (!Number.isFinite(n) || Math.abs(n) > bound) {
      this.add(row.line, `${col} must be a number from -${bound} to ${bound} (degrees), got ${quote(text, "'")}`, col);
      return undefined;
    }
    return n;
  }
  oneOf(row: Row, col: string, options: readonly string[], fallback?: string): string | undefined {
    const text = row.cell(col) || fallback || "";
    if (!options.includes(text)) {
      this.add(row.line, text ? `${col} must be one of ${options.join(", ")}, got ${quote(text, "'")}` : `${col} is required (one of ${options.join(", ")})`, col);
      return undefined;
    }
    return text;
  }
  /** The `extra` cell: a JSON object, or {} when empty. */
  extra(row: Row): Obj | undefined {
    const text = row.cell("extra");
    if (text === "") return {};
    let value: unknown;
    try { value = JSON.parse(text); } catch { value = undefined; }
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Obj;
    this.add(row.line, `extra must be a JSON object of further fields, such as {"x-notes": "…"}, got ${quote(text, "'")}`, "extra");
    return undefined;
  }
}

/** Drops keys whose value is undefined. */
export const clean = (o: Record<string, unknown>): Obj => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Obj;

const POLICY_TYPES = ["base-stock", "echelon-base-stock", "sS", "sQ"];
const PER_PRODUCT = ["policy", "holdingCost", "initialInventory"] as const;

/** A nodes row read: the node's own fields, or (with `product`) one product's policy and costs. */
export interface NodeRow { readonly line: number; readonly id: string; readonly product: string; readonly fields: Obj }

function policyFromRow(row: Row, e: RowErrors): Obj | undefined {
  if (!row.cell("policy") && !row.cell("level") && !row.cell("s")) return undefined;
  const type = e.oneOf(row, "policy", POLICY_TYPES, row.cell("level") ? "base-stock" : undefined);
  const review = e.number(row, "review", { min: 1, integer: true });
  const offset = e.number(row, "offset", { integer: true });
  if (type === "sS") return clean({ type, s: e.number(row, "s", { required: true }), S: e.number(row, "S", { required: true }), review, offset });
  if (type === "sQ") return clean({ type, s: e.number(row, "s", { required: true }), Q: e.number(row, "Q", { min: 1, required: true }), review, offset });
  return type ? clean({ type, level: e.number(row, "level", { required: true }), review, offset }) : undefined;
}

export function nodeFromRow(row: Row, e: RowErrors): NodeRow | undefined {
  const before = e.list.length;
  const id = row.cell("id"), product = row.cell("product");
  if (!ID_PATTERN.test(id)) e.add(row.line, `id must be ${ID_RULE}, got ${quote(id, "'")}`, "id");
  if (product && !ID_PATTERN.test(product)) e.add(row.line, `product must be ${ID_RULE}, got ${quote(product, "'")}`, "product");
  // A product row gives only that product's fields; the node's row gives its kind, and a supplier has no policy.
  const kind = product ? undefined : e.oneOf(row, "kind", ["supplier", "plant", "dc", "store"]);
  const extra = e.extra(row);
  const readPolicy = extra && !("policy" in extra) && (product || (kind && kind !== "supplier"));
  const perProduct = clean({
    policy: readPolicy ? policyFromRow(row, e) : undefined,
    holdingCost: e.number(row, "holdingCost"), initialInventory: e.number(row, "initialInventory"),
  });
  if (product) return e.list.length === before ? { line: row.line, id, product, fields: { ...perProduct, ...extra } } : undefined;
  const storage = e.number(row, "storage"), throughput = e.number(row, "throughput");
  const lat = e.degrees(row, "lat", 90), lon = e.degrees(row, "lon", 180), place = row.cell("place");
  if ((lat === undefined) !== (lon === undefined) && e.list.length === before) e.add(row.line, `${lat === undefined ? "lat" : "lon"} is required with ${lat === undefined ? "lon" : "lat"} (a location needs both)`, lat === undefined ? "lat" : "lon");
  const fields = clean({
    id, kind, name: row.cell("name") || undefined,
    ...perProduct,
    serviceTime: e.number(row, "serviceTime"), processingTime: e.number(row, "processingTime"),
    priority: e.number(row, "priority"),
    capacity: storage !== undefined || throughput !== undefined ? clean({ storage, throughput }) : undefined,
    location: lat !== undefined && lon !== undefined ? clean({ lat, lon, place: place || undefined }) : undefined,
    ...extra,
  });
  return e.list.length === before ? { line: row.line, id, product: "", fields } : undefined;
}

/**
 * Nodes from their rows, in the order their ids first appear: a node's row without a product
 * gives its fields, and each product row adds that product's entries to the per-product maps.
 * A stocking node must end with a policy (unless `existing` has one for it already).
 */
export function nodesFromRows(rows: readonly NodeRow[], e: RowErrors, existing: ReadonlySet<string> = new Set()): Obj[] {
  const byId = new Map<string, { base?: NodeRow; products: NodeRow[] }>();
  for (const r of rows) {
    const entry = byId.get(r.id) ?? { products: [] };
    if (r.product) entry.products.push(r);
    else if (entry.base) e.add(r.line, `node ${quote(r.id, "'")} has a row without a product already (line ${entry.base.line}); give the rows for its products a product`, "id");
    else entry.base = r;
    byId.set(r.id, entry);
  }
  const out: Obj[] = [];
  for (const [id, { base, products }] of byId) {
    if (!base) { e.add(products[0].line, `node ${quote(id, "'")} has only product rows; add a row without a product that gives its kind`, "kind"); continue; }
    const node: Obj = { ...base.fields };
    for (const field of PER_PRODUCT) {
      const given = products.filter((p) => p.fields[field] !== undefined);
      if (!given.length) continue;
      if (node[field] !== undefined) { e.add(given[0].line, `${field} is given for every product on line ${base.line}; leave it empty there or here`, field); continue; }
      node[field] = Object.fromEntries(given.map((p) => [p.product, p.fields[field]]));
    }
    if (typeof node.kind === "string" && node.kind !== "supplier" && node.policy === undefined && !existing.has(id)) e.add(base.line, `policy is required (one of ${POLICY_TYPES.join(", ")})`, "policy");
    out.push(node);
  }
  return out;
}

export function laneFromRow(row: Row, e: RowErrors): Obj | undefined {
  const before = e.list.length;
  const from = row.cell("from"), to = row.cell("to");
  if (!from) e.add(row.line, "from is required", "from");
  if (!to) e.add(row.line, "to is required", "to");
  const extra = e.extra(row);
  let leadTime: Obj | undefined;
  if (!extra || !("leadTime" in extra)) {
    const type = e.oneOf(row, "leadTimeType", ["constant", "normal", "gamma", "poisson", "uniform"], "constant");
    if (type === "uniform") leadTime = { type, min: e.number(row, "leadTimeMin", { integer: true, required: true }) ?? 0, max: e.number(row, "leadTimeMax", { integer: true, required: true }) ?? 0 };
    else if (type === "constant") leadTime = { type, value: e.number(row, "leadTime", { required: true }) ?? 0 };
    else if (type === "poisson") leadTime = { type, mean: e.number(row, "leadTime", { required: true }) ?? 0 };
    else if (type) leadTime = { type, mean: e.number(row, "leadTime", { required: true }) ?? 0, sd: e.number(row, "leadTimeSd", { required: true }) ?? 0 };
  }
  const overtaking = e.oneOf(row, "overtaking", ["", "true", "false"], "");
  const products = row.cell("products").split(/\s+/).filter(Boolean);
  const lane = clean({
    from, to, leadTime, costPerUnit: e.number(row, "costPerUnit"), costPerShipment: e.number(row, "costPerShipment"), capacity: e.number(row, "capacity"),
    overtaking: overtaking ? overtaking === "true" : undefined, products: products.length ? products : undefined, ...extra,
  });
  return e.list.length === before ? lane : undefined;
}

export function demandFromRow(row: Row, e: RowErrors): Obj | undefined {
  const before = e.list.length;
  const node = row.cell("node");
  if (!node) e.add(row.line, "node is required", "node");
  const extra = e.extra(row);
  let dist: Obj | undefined;
  if (!extra || !("dist" in extra)) {
    const type = e.oneOf(row, "dist", ["normal", "poisson", "gamma", "negbin", "constant", "uniform", "empirical"]);
    const req = { required: true };
    if (type === "constant") dist = { type, value: e.number(row, "mean", req) ?? 0 };
    else if (type === "poisson") dist = { type, mean: e.number(row, "mean", req) ?? 0 };
    else if (type === "uniform") dist = { type, min: e.number(row, "min", req) ?? 0, max: e.number(row, "max", req) ?? 0 };
    else if (type === "empirical") {
      const cells = row.cell("values").split(/\s+/).filter(Boolean);
      const values = cells.map(Number);
      const bad = cells.find((c) => !Number.isFinite(Number(c)) || Number(c) < 0);
      if (!cells.length) e.add(row.line, "values is required for an empirical distribution (numbers separated by spaces)", "values");
      else if (bad !== undefined) e.add(row.line, `values must be numbers >= 0 separated by spaces, got ${quote(bad, "'")}`, "values");
      dist = { type, values };
    } else if (type) dist = { type, mean: e.number(row, "mean", req) ?? 0, sd: e.number(row, "sd", req) ?? 0 };
  }
  const demand = clean({ node, product: row.cell("product") || undefined, dist, trend: e.number(row, "trend", { min: -1 }), ...extra });
  return e.list.length === before ? demand : undefined;
}
