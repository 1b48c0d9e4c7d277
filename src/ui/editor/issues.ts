/**
 * From validation issues to the editor's fields. The validator reports paths such as
 * `nodes[3].policy.level` or `demand[2].dist.sd`; the editor shows each issue next to the field
 * whose path is the longest prefix of the issue's path, and a link in the issue list selects
 * the node, lane or settings panel that holds that field.
 */
import { getIn, parsePath, type Draft } from "./paths.ts";

export interface Issue { readonly path: string; readonly message: string }
/** What the editor shows: the settings, the what-ifs (disruptions, mitigations, products, correlation), or a node or lane by index. */
export type EditorSelection = { readonly kind: "settings" } | { readonly kind: "whatifs" } | { readonly kind: "node"; readonly index: number } | { readonly kind: "lane"; readonly index: number };

/** Top-level keys whose fields are on the what-ifs panel. */
const WHAT_IF_KEYS = new Set(["disruptions", "mitigations", "products", "demandCorrelation"]);

/** True when `path` is `field` or lies under it (`nodes[1].policy` covers `nodes[1].policy.level`, not `nodes[1].policyX`). */
export function pathWithin(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
}

/** Issues grouped by the field (among `fields`) that is the longest prefix of their path; the rest under "". */
export function issuesByField(issues: readonly Issue[], fields: readonly string[]): Map<string, Issue[]> {
  const out = new Map<string, Issue[]>();
  const sorted = [...fields].sort((a, b) => b.length - a.length);
  for (const issue of issues) {
    const field = sorted.find((f) => pathWithin(issue.path, f)) ?? "";
    const bucket = out.get(field) ?? [];
    bucket.push(issue);
    out.set(field, bucket);
  }
  return out;
}

/** The panel that shows the field of an issue at `path`: a node for `nodes[i]…` and its `demand[j]…`, a lane for `lanes[i]…`, the what-ifs for disruptions, mitigations, products and correlation. */
export function issueSelection(draft: Draft, path: string): EditorSelection {
  const [head, index] = parsePath(path);
  if (typeof head === "string" && WHAT_IF_KEYS.has(head)) return { kind: "whatifs" };
  if (head === "nodes" && typeof index === "number") return { kind: "node", index };
  if (head === "lanes" && typeof index === "number") return { kind: "lane", index };
  if (head === "demand" && typeof index === "number") {
    const id = getIn(draft, ["demand", index, "node"]);
    const nodes = Array.isArray(draft.nodes) ? draft.nodes : [];
    const n = nodes.findIndex((node) => node !== null && typeof node === "object" && !Array.isArray(node) && node.id === id);
    if (n >= 0) return { kind: "node", index: n };
  }
  return { kind: "settings" };
}

/** Node indices that have at least one issue (their own, or their demand's). */
export function nodesWithIssues(draft: Draft, issues: readonly Issue[]): Set<number> {
  const out = new Set<number>();
  for (const i of issues) {
    const s = issueSelection(draft, i.path);
    if (s.kind === "node") out.add(s.index);
  }
  return out;
}

/** A stable DOM id for the message element of a field (for aria-describedby). */
export function issueElementId(field: string): string {
  return `issue-${field.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}
