/** A file name from a scenario name: "Three-echelon retail" → "three-echelon-retail.json". */
export function fileNameFor(name: unknown, ext = "json"): string {
  const base = String(name ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  return `${base || "scenario"}.${ext}`;
}
