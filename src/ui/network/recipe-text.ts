/**
 * A node's bill of materials in words, for the diagram (docs/scenario-format.md, "Bills of
 * materials"): "makes truck from engine×1, wheel×4 in 2 days". The recipe edges (component →
 * made product inside one node) are drawn as these lines under the node, not as lanes: they
 * stay inside the node, and a line of text reads at any zoom where extra marks would not.
 * Reads a draft, which may be invalid while the user edits it: what is not a recipe is skipped.
 */
import { format } from "d3-format";

/** Quantities as typed, without float noise: 0.5, 4, 0.333. */
const quantity = format("~r");

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** One sentence per recipe of `bom`, in its order. */
export function recipeTexts(bom: unknown): string[] {
  if (!Array.isArray(bom)) return [];
  return bom.filter(isObj).map((r) => {
    const parts = isObj(r.components)
      ? Object.entries(r.components).map(([c, q]) => `${c}×${typeof q === "number" && Number.isFinite(q) ? quantity(q) : "?"}`)
      : [];
    const days = typeof r.assemblyTime === "number" && r.assemblyTime > 0 ? ` in ${r.assemblyTime} day${r.assemblyTime === 1 ? "" : "s"}` : "";
    return `makes ${String(r.product ?? "?")}${parts.length ? ` from ${parts.join(", ")}` : ""}${days}`;
  });
}

/** `text` broken between words into lines of at most `max` characters (a longer word is cut). */
export function wrapWords(text: string, max: number): string[] {
  const width = Math.max(1, Math.floor(max));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    for (let w = word; w.length; ) {
      const next = line ? `${line} ${w}` : w;
      if (next.length <= width) { line = next; w = ""; }
      else if (line) { lines.push(line); line = ""; }
      else { lines.push(w.slice(0, width)); w = w.slice(width); }
    }
  }
  if (line) lines.push(line);
  return lines;
}
