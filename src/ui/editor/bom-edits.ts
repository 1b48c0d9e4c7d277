/**
 * Edits of a node's bill of materials (docs/scenario-format.md, "Bills of materials"): add and
 * remove recipes and components, pick a recipe's product or a component. Pure: draft in, new
 * draft out. A node with a per-product policy map gets a base-stock entry (level 0) for each
 * product a recipe brings in, since it must stock the product it makes and its components; a
 * single policy already covers every product. Everything else (a lane still bringing the made
 * product, a component no lane brings) is left for the validator to name.
 */
import type { Draft, Json } from "./paths.ts";
import { productIds } from "./what-if-edits.ts";

type Obj = { [key: string]: Json };
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** The policy a product gets at a node when a recipe makes it or needs it there. */
export const NEW_ITEM_POLICY: Obj = { type: "base-stock", level: 0 };

function nodeAt(draft: Draft, index: number): Obj | undefined {
  const node = Array.isArray(draft.nodes) ? draft.nodes[index] : undefined;
  return isObj(node) ? node : undefined;
}

function recipesOf(node: Obj): Obj[] {
  return Array.isArray(node.bom) ? (node.bom as Json[]).map((r) => (isObj(r) ? r : {})) : [];
}

/** The draft with node `index` replaced by `node`, which also stocks `products` (see the file's note). */
function withNode(draft: Draft, index: number, node: Obj, products: readonly string[]): Draft {
  let next = node;
  if (isObj(node.policy) && !("type" in node.policy)) {
    const missing = products.filter((p) => p && !Object.hasOwn(node.policy as Obj, p));
    if (missing.length) next = { ...node, policy: { ...node.policy, ...Object.fromEntries(missing.map((p) => [p, { ...NEW_ITEM_POLICY }])) } };
  }
  return { ...draft, nodes: (draft.nodes as Json[]).map((n, i) => (i === index ? next : n)) };
}

function withRecipes(draft: Draft, index: number, node: Obj, bom: Obj[], products: readonly string[]): Draft {
  const { bom: _old, ...rest } = node;
  return withNode(draft, index, bom.length ? { ...rest, bom } : rest, products);
}

/** Products a recipe could make at the node: not made there yet, first the ones it stocks. */
function candidates(draft: Draft, node: Obj): string[] {
  const made = new Set(recipesOf(node).map((r) => r.product));
  const free = productIds(draft).filter((p) => !made.has(p));
  const stocked = (p: string) => !isObj(node.policy) || "type" in node.policy || Object.hasOwn(node.policy, p);
  return [...free.filter(stocked), ...free.filter((p) => !stocked(p))];
}

/**
 * A new recipe at node `index`: the first product not made there yet, from one unit of the
 * first other product; undefined when the scenario has fewer than two products.
 */
export function addRecipe(draft: Draft, index: number): { draft: Draft; recipe: number } | undefined {
  const node = nodeAt(draft, index);
  if (!node) return undefined;
  const product = candidates(draft, node)[0];
  const component = productIds(draft).find((p) => p !== product);
  if (product === undefined || component === undefined) return undefined;
  const bom = [...recipesOf(node), { product, components: { [component]: 1 }, assemblyTime: 0 }];
  return { draft: withRecipes(draft, index, node, bom, [product, component]), recipe: bom.length - 1 };
}

/** Recipe `recipe` of node `index` removed (the `bom` key goes with the last one). */
export function removeRecipe(draft: Draft, index: number, recipe: number): Draft {
  const node = nodeAt(draft, index);
  if (!node) return draft;
  return withRecipes(draft, index, node, recipesOf(node).filter((_, i) => i !== recipe), []);
}

/** Recipe `recipe` now makes `product`. */
export function setRecipeProduct(draft: Draft, index: number, recipe: number, product: string): Draft {
  const node = nodeAt(draft, index);
  if (!node) return draft;
  return withRecipes(draft, index, node, recipesOf(node).map((r, i) => (i === recipe ? { ...r, product } : r)), [product]);
}

function componentsOf(recipe: Obj | undefined): Obj {
  return isObj(recipe?.components) ? recipe.components : {};
}

function withComponents(draft: Draft, index: number, recipe: number, edit: (components: Obj, recipe: Obj) => Obj, products: readonly string[] = []): Draft {
  const node = nodeAt(draft, index);
  if (!node) return draft;
  const bom = recipesOf(node).map((r, i) => (i === recipe ? { ...r, components: edit(componentsOf(r), r) } : r));
  return withRecipes(draft, index, node, bom, products);
}

/** One unit of the first product the recipe neither makes nor uses yet, added to its components (unchanged when none is left). */
export function addComponent(draft: Draft, index: number, recipe: number): Draft {
  const r = recipesOf(nodeAt(draft, index) ?? {})[recipe];
  if (!r) return draft;
  const next = productIds(draft).find((p) => p !== r.product && !Object.hasOwn(componentsOf(r), p));
  return next === undefined ? draft : withComponents(draft, index, recipe, (c) => ({ ...c, [next]: 1 }), [next]);
}

export function removeComponent(draft: Draft, index: number, recipe: number, component: string): Draft {
  return withComponents(draft, index, recipe, (c) => Object.fromEntries(Object.entries(c).filter(([k]) => k !== component)));
}

/** Component `from` replaced by `to`, keeping its quantity and place (unchanged when `to` is already a component). */
export function renameComponent(draft: Draft, index: number, recipe: number, from: string, to: string): Draft {
  const r = recipesOf(nodeAt(draft, index) ?? {})[recipe];
  if (!r || from === to || Object.hasOwn(componentsOf(r), to)) return draft;
  return withComponents(draft, index, recipe, (c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k === from ? to : k, v])), [to]);
}
