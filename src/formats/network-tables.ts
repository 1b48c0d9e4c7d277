/**
 * A scenario's network as the three tables of csv-columns.ts (nodes, lanes, demand), for the CSV
 * and spreadsheet export. Each row is read back with the importer's own readers before it is
 * written: a row that would not come back as the same node, lane or demand (a note key, a
 * distribution with no columns, a policy with extra keys) is written instead as its key columns
 * and the rest in `extra` as JSON, so export then import always gives the same scenario.
 */
import { CSV_COLUMNS, type CsvKind } from "./csv-columns.ts";
import { demandFromRow, laneFromRow, nodeFromRow, nodesFromRows, RowErrors, type NodeRow, type Obj, type Row } from "./network-rows.ts";
import type { Draft, Json } from "./json.ts";

/** A cell as written: numbers stay numbers (a spreadsheet keeps them exact), empty is undefined. */
export type Cell = string | number | undefined;
/** A table: its header row, then one array of cells per row. */
export interface Table { readonly header: readonly string[]; readonly rows: readonly Cell[][] }

const NETWORK_KINDS: readonly CsvKind[] = ["nodes", "lanes", "demand"];
/** The key columns a row keeps when the rest of it goes to `extra`. */
const KEYS: Record<CsvKind, readonly string[]> = { nodes: ["id", "kind"], lanes: ["from", "to"], demand: ["node"] };

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const num = (v: unknown): Cell => (typeof v === "number" ? v : undefined);
const str = (v: unknown): Cell => (typeof v === "string" && v !== "" ? v : undefined);

/** JSON with keys sorted, so that two objects compare equal whatever their key order. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (isObj(v)) return `{${Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(",")}}`;
  return JSON.stringify(v) ?? "null";
}

/** A row from named cells, in the order of the table's columns. */
function rowOf(kind: CsvKind, cells: Record<string, Cell>): Cell[] {
  return CSV_COLUMNS[kind].map((c) => cells[c.name]);
}

/** Reads rows back as the importer would. */
function readBack(kind: CsvKind, rows: readonly Cell[][]): Obj[] | undefined {
  const names = CSV_COLUMNS[kind].map((c) => c.name);
  const asRows: Row[] = rows.map((cells, i) => ({ line: i + 2, cell: (name: string) => String(cells[names.indexOf(name)] ?? "").trim() }));
  const e = new RowErrors((line) => `line ${line}`);
  const items = kind === "nodes" ? nodesFromRows(asRows.map((r) => nodeFromRow(r, e)).filter((x): x is NodeRow => x !== undefined), e)
    : asRows.map((r) => (kind === "lanes" ? laneFromRow : demandFromRow)(r, e)).filter((x): x is Obj => x !== undefined);
  return e.list.length ? undefined : items;
}

function policyCells(p: unknown): Record<string, Cell> {
  if (!isObj(p)) return {};
  return { policy: str(p.type), level: num(p.level), s: num(p.s), S: num(p.S), Q: num(p.Q), review: num(p.review), offset: num(p.offset) };
}

/** A per-product map (of policies, or of numbers), as opposed to one value for every product. */
function isPerProduct(field: string, v: unknown): v is Obj {
  return isObj(v) && (field !== "policy" || !("type" in v));
}

function nodeRows(n: Obj): Cell[][] {
  const capacity = isObj(n.capacity) ? n.capacity : {}, location = isObj(n.location) ? n.location : {};
  const base: Record<string, Cell> = {
    id: str(n.id), kind: str(n.kind), name: str(n.name), serviceTime: num(n.serviceTime), processingTime: num(n.processingTime), priority: num(n.priority),
    storage: num(capacity.storage), throughput: num(capacity.throughput), lat: num(location.lat), lon: num(location.lon), place: str(location.place),
  };
  const byProduct = new Map<string, Record<string, Cell>>();
  const perProduct = (field: string, value: unknown, cells: (v: unknown) => Record<string, Cell>) => {
    if (!isPerProduct(field, value)) { Object.assign(base, cells(value)); return; }
    for (const [product, v] of Object.entries(value)) byProduct.set(product, { ...byProduct.get(product), id: str(n.id), product, ...cells(v) });
  };
  perProduct("policy", n.policy, policyCells);
  perProduct("holdingCost", n.holdingCost, (v) => ({ holdingCost: num(v) }));
  perProduct("initialInventory", n.initialInventory, (v) => ({ initialInventory: num(v) }));
  return [rowOf("nodes", base), ...[...byProduct.values()].map((cells) => rowOf("nodes", cells))];
}

function laneRow(l: Obj): Cell[] {
  const t = isObj(l.leadTime) ? l.leadTime : {};
  return rowOf("lanes", {
    from: str(l.from), to: str(l.to), leadTimeType: str(t.type), leadTime: num(t.value ?? t.mean), leadTimeSd: num(t.sd), leadTimeMin: num(t.min), leadTimeMax: num(t.max),
    costPerUnit: num(l.costPerUnit), costPerShipment: num(l.costPerShipment), capacity: num(l.capacity),
    overtaking: typeof l.overtaking === "boolean" ? String(l.overtaking) : undefined, products: Array.isArray(l.products) ? l.products.join(" ") : undefined,
  });
}

function demandRow(d: Obj): Cell[] {
  const dist = isObj(d.dist) ? d.dist : {};
  return rowOf("demand", {
    node: str(d.node), product: str(d.product), dist: str(dist.type), mean: num(dist.value ?? dist.mean), sd: num(dist.sd), min: num(dist.min), max: num(dist.max),
    values: Array.isArray(dist.values) && dist.type === "empirical" ? dist.values.join(" ") : undefined, trend: num(d.trend),
  });
}

/** The item's key columns, and everything else as JSON in `extra`. */
function fallbackRow(kind: CsvKind, item: Obj): Cell[] {
  const cells: Record<string, Cell> = {}, rest: Obj = {};
  for (const [k, v] of Object.entries(item)) {
    if (KEYS[kind].includes(k) && typeof v === "string") cells[k] = v;
    else rest[k] = v;
  }
  return rowOf(kind, { ...cells, extra: Object.keys(rest).length ? JSON.stringify(rest) : undefined });
}

/** The field of each table whose columns cover only some of its forms (a distribution or policy). */
const STRUCTURED: Record<CsvKind, string> = { nodes: "policy", lanes: "leadTime", demand: "dist" };

/** The item's rows by columns, with the fields named in `moved` in `extra` instead. */
function rowsWith(kind: CsvKind, item: Obj, moved: readonly string[]): Cell[][] {
  const kept = Object.fromEntries(Object.entries(item).filter(([k]) => !moved.includes(k))) as Obj;
  const rows = kind === "nodes" ? nodeRows(kept) : [kind === "lanes" ? laneRow(kept) : demandRow(kept)];
  if (moved.length) rows[0][CSV_COLUMNS[kind].findIndex((c) => c.name === "extra")] = JSON.stringify(Object.fromEntries(moved.map((k) => [k, item[k]])));
  return rows;
}

/** Keys whose values differ between two objects. */
const differing = (a: Obj, b: Obj) => [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => canonical(a[k]) !== canonical(b[k]));

/**
 * The rows of one item: by columns when they read back to the same item; else with the fields
 * that did not come back moved to `extra` (a note key, a distribution with no columns), tried
 * twice; else its key columns and everything else in `extra`.
 */
function itemRows(kind: CsvKind, item: Obj): Cell[][] {
  let moved: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const rows = rowsWith(kind, item, moved);
    const back = readBack(kind, rows);
    if (back?.length === 1 && canonical(back[0]) === canonical(item)) return rows;
    const next = [...new Set([...moved, ...(back?.length === 1 ? differing(item, back[0]) : [STRUCTURED[kind]])])]
      .filter((k) => !KEYS[kind].includes(k) && k in item);
    if (next.length === moved.length) break;
    moved = next;
  }
  return [fallbackRow(kind, item)];
}

/** The draft's nodes, lanes and demand as tables with every column of csv-columns.ts. */
export function networkTables(draft: Draft): Record<CsvKind, Table> {
  const tables = {} as Record<CsvKind, Table>;
  for (const kind of NETWORK_KINDS) {
    tables[kind] = { header: CSV_COLUMNS[kind].map((c) => c.name), rows: list(draft[kind] as Json).flatMap((item) => itemRows(kind, item)) };
  }
  return tables;
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
function csvCell(v: Cell): string {
  const text = v === undefined ? "" : String(v);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A table as CSV text, which the CSV import reads back (papaparse keeps quoted spaces). */
export function tableCsv(table: Table): string {
  return [table.header, ...table.rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
