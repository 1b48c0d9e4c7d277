/**
 * What a person reads in place of the validator's paths and the scenario's ids: a node's name
 * ("DC East", not `nodes[9]` or `dc-east`), a lane by the names of its ends, and a field in words
 * (`policy.level` → "policy level"). The path stays available (as a tooltip) for the JSON file.
 */
import { getIn, parsePath, type Draft } from "./paths.ts";

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** A node's name by its id, or the id when the node has no name or does not exist. */
export function nodeName(draft: Draft, id: unknown): string {
  const nodes = Array.isArray(draft.nodes) ? draft.nodes : [];
  const node = nodes.find((n) => isObj(n) && n.id === id);
  return isObj(node) && typeof node.name === "string" && node.name.trim() ? node.name : String(id ?? "");
}

/** "Central DC → DC East". */
export function laneName(draft: Draft, index: number): string {
  return `${nodeName(draft, getIn(draft, ["lanes", index, "from"]))} → ${nodeName(draft, getIn(draft, ["lanes", index, "to"]))}`;
}

/** Keys read better as other words: a node's `bom` holds recipes ("recipe #1 component wheel"). */
const KEY_WORDS: Record<string, string> = { bom: "recipe", components: "component" };

/** `policy.level` → "policy level"; `leadTime.sd` → "lead time sd"; list indices count from 1. */
export function fieldWords(keys: readonly (string | number)[]): string {
  return keys.map((k) => (typeof k === "number" ? `#${k + 1}` : Object.hasOwn(KEY_WORDS, k) ? KEY_WORDS[k] : k.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase())).join(" ");
}

const SINGULAR: Record<string, string> = {
  disruptions: "Disruption", mitigations: "Mitigation", products: "Product", whatIfs: "What-if", demandCorrelation: "Demand correlation",
};

/**
 * The place of a validation issue in words: "DC East: policy level", "Lane Plant → Central DC:
 * lead time mean", "Demand at Store North 1: dist sd", "Disruption 2: start", "Horizon".
 */
export function issuePlace(draft: Draft, path: string): string {
  const [head, index, ...rest] = parsePath(path);
  const tail = rest.length ? `: ${fieldWords(rest)}` : "";
  if (head === undefined) return "Scenario";
  if (typeof index !== "number") {
    const words = fieldWords([head, ...(index === undefined ? [] : [index]), ...rest]);
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  if (head === "nodes") return `${nodeName(draft, getIn(draft, ["nodes", index, "id"])) || `Node ${index + 1}`}${tail}`;
  if (head === "lanes") return `Lane ${laneName(draft, index)}${tail}`;
  if (head === "demand") return `Demand at ${nodeName(draft, getIn(draft, ["demand", index, "node"]))}${tail}`;
  return `${SINGULAR[String(head)] ?? fieldWords([head])} ${index + 1}${tail}`;
}
