/**
 * The CSV files the workbench imports, one table per file, recognised by their header row.
 * docs/workbench.md documents the same columns; `csvTemplate` writes a file with the header
 * and example rows for each.
 */
export type CsvKind = "nodes" | "lanes" | "demand";

export interface CsvColumn {
  readonly name: string;
  readonly required?: boolean;
  readonly doc: string;
}

export const CSV_COLUMNS: Record<CsvKind, readonly CsvColumn[]> = {
  nodes: [
    { name: "id", required: true, doc: "unique node id, letters, digits, _ . -" },
    { name: "kind", required: true, doc: "supplier, plant, dc or store" },
    { name: "name", doc: "display name" },
    { name: "policy", doc: "base-stock (default when level is given), echelon-base-stock, sS or sQ; empty for a supplier" },
    { name: "level", doc: "base-stock level (base-stock, echelon-base-stock)" },
    { name: "s", doc: "reorder point (sS, sQ)" },
    { name: "S", doc: "order-up-to level (sS)" },
    { name: "Q", doc: "batch size (sQ)" },
    { name: "review", doc: "days between reviews, whole number >= 1 (default 1)" },
    { name: "offset", doc: "review offset in days (default 0)" },
    { name: "holdingCost", doc: "cost per unit per day on hand" },
    { name: "initialInventory", doc: "units on hand on day 0 (default: order-up-to level)" },
    { name: "storage", doc: "storage capacity, units" },
    { name: "throughput", doc: "shipping capacity, units per day" },
    { name: "priority", doc: "allocation priority, lower is served first" },
    { name: "lat", doc: "latitude in degrees, -90 to 90 (for the map)" },
    { name: "lon", doc: "longitude in degrees, -180 to 180 (for the map)" },
    { name: "place", doc: "place name shown on the map" },
    { name: "serviceTime", doc: "days the node promises to fill an order in (optimisation)" },
    { name: "processingTime", doc: "days added to the inbound lead time (optimisation)" },
    { name: "product", doc: "a product id: this row gives that product's policy, holdingCost and initialInventory" },
    { name: "extra", doc: "further fields as a JSON object, e.g. {\"x-notes\": \"…\"}" },
  ],
  lanes: [
    { name: "from", required: true, doc: "id of the shipping node" },
    { name: "to", required: true, doc: "id of the receiving node" },
    { name: "leadTime", doc: "lead time in days (the value for constant, the mean for normal, gamma, poisson)" },
    { name: "leadTimeType", doc: "constant (default), normal, gamma, poisson or uniform" },
    { name: "leadTimeSd", doc: "standard deviation in days (normal, gamma)" },
    { name: "leadTimeMin", doc: "shortest lead time in days (uniform)" },
    { name: "leadTimeMax", doc: "longest lead time in days (uniform)" },
    { name: "costPerUnit", doc: "transport cost per unit" },
    { name: "costPerShipment", doc: "fixed cost per shipment" },
    { name: "capacity", doc: "max units departing per day" },
    { name: "overtaking", doc: "true if a shipment may arrive before one that left earlier (default false)" },
    { name: "products", doc: "ids of the products the lane carries, separated by spaces (default: all)" },
    { name: "extra", doc: "further fields as a JSON object, e.g. a leadTime without columns" },
  ],
  demand: [
    { name: "node", required: true, doc: "id of the node that faces the customers" },
    { name: "dist", required: true, doc: "normal, poisson, gamma, negbin, constant, uniform or empirical" },
    { name: "product", doc: "product id (only with several products)" },
    { name: "mean", doc: "mean units per day (normal, poisson, gamma, negbin) or the value (constant)" },
    { name: "sd", doc: "standard deviation (normal, gamma, negbin)" },
    { name: "min", doc: "lowest value (uniform)" },
    { name: "max", doc: "highest value (uniform)" },
    { name: "values", doc: "past daily demands separated by spaces (empirical)" },
    { name: "trend", doc: "growth per day: mean × (1 + trend)^day" },
    { name: "extra", doc: "further fields as a JSON object, e.g. {\"seasonality\": {…}}" },
  ],
};

const EXAMPLES: Record<CsvKind, string[]> = {
  nodes: [
    "supplier,supplier,Raw-material supplier,,,,,,,,,,,,,40.44,-79.99,\"Pittsburgh, PA\",,,,",
    "plant,plant,Plant,base-stock,1900,,,,,,0.01,,,,,39.76,-84.19,\"Dayton, OH\",,,,",
    "dc-east,dc,DC East,sS,,300,450,,7,0,0.03,,5000,800,,40.27,-76.88,\"Harrisburg, PA\",,,,",
    "store-1,store,Store 1,sQ,,40,,60,,,0.05,,,,1,39.95,-75.17,\"Philadelphia, PA\",,,,",
  ],
  lanes: [
    "supplier,plant,5,constant,,,,0.1,,,,,",
    "plant,dc-east,3,normal,1,,,0.4,25,1000,,,",
    "dc-east,store-1,,uniform,,1,3,0.6,,,,,",
  ],
  demand: [
    "store-1,normal,,20,6,,,,,",
    "dc-east,poisson,,15,,,,,0.0005,",
    "plant,empirical,,,,,,12 18 25 9 20,,",
  ],
};

/** A CSV file with the header of `kind` and example rows. */
export function csvTemplate(kind: CsvKind): string {
  return [CSV_COLUMNS[kind].map((c) => c.name).join(","), ...EXAMPLES[kind]].join("\n") + "\n";
}

/** Which table a header row describes, by its columns. */
export function detectCsvKind(header: readonly string[]): CsvKind | undefined {
  const h = new Set(header.map((c) => c.trim()));
  if (h.has("kind") && h.has("id")) return "nodes";
  if (h.has("from") && h.has("to")) return "lanes";
  if (h.has("node") && h.has("dist")) return "demand";
  return undefined;
}
