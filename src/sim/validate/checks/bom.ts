/**
 * Bills of materials (extension, docs/scenario-format.md "Bills of materials"): a stocking node's
 * `bom` lists the products it makes, each from components it stocks. Refused, each at the recipe
 * or the component it concerns: a recipe on a supplier; a product or component that is unknown or
 * not stocked at the node; a product among its own components; two recipes for one product at a
 * node; a made product that a lane also brings; a component that no lane brings and no recipe
 * makes; a component the node also ships onward or sells (v1: a component feeds only the
 * assemblies at its node); and a cycle of recipes.
 *
 * Cycles: items are (node, product) pairs, with an edge for each product a lane carries and from
 * each component to the product made of it. Recipe edges stay inside one node, so a cycle through
 * any lane edge passes through a cycle of lanes, which network.ts refuses; what is left to find
 * here is a cycle of recipes at one node.
 */
import { formatPath, type PathSegment } from "../issue.ts";
import { RESERVED_IDS } from "../schema/fields.ts";
import { addIssue, arr, cyclePath, isStocking, itemKey, obj, quote, str, type Context, type NodeInfo } from "./context.ts";
import { resolveProduct } from "./network.ts";
import type { LaneInfo } from "./sourcing.ts";

/** One recipe as read: its product and components, each only if known and stocked at the node. */
export interface RecipeInfo {
  readonly node: NodeInfo;
  readonly path: readonly PathSegment[];
  readonly product: string | undefined;
  readonly components: readonly { readonly id: string; readonly path: readonly PathSegment[] }[];
}

/** The recipes, and the items (`itemKey`) they make and consume, for the lane checks. */
export interface BomInfo {
  readonly recipes: readonly RecipeInfo[];
  /** Each made item, with its (first) recipe. */
  readonly made: ReadonlyMap<string, RecipeInfo>;
  /** Each component item, with where it is first listed. */
  readonly components: ReadonlyMap<string, readonly PathSegment[]>;
  /**
   * Ids of nodes with a malformed `bom` or a recipe whose product is not a known id: reported
   * already, so the products they stock are not also said to lack a lane (a second-hand error).
   */
  readonly unsure: ReadonlySet<string>;
}

const RESERVED = new Set(RESERVED_IDS);

const V1 = "a component feeds only the assemblies at its node (docs/scenario-format.md, \"Bills of materials\")";

/** Reads every node's `bom`, reporting what a recipe alone shows to be wrong. */
export function readBom(ctx: Context): BomInfo {
  const recipes: RecipeInfo[] = [];
  const made = new Map<string, RecipeInfo>();
  const components = new Map<string, readonly PathSegment[]>();
  const unsure = new Set<string>();
  arr(ctx.doc.nodes).forEach((rawNode, index) => {
    const raw = obj(rawNode), id = str(raw?.id), bom = raw?.bom;
    const node = id === undefined ? undefined : ctx.nodes.get(id);
    if (bom === undefined || node === undefined || node.index !== index) return;
    if (node.kind === "supplier") {
      addIssue(ctx, ["nodes", index, "bom"], `a supplier holds no inventory, so it makes nothing; remove "bom" or make the node a "plant" or "dc"`);
      return;
    }
    if (!Array.isArray(bom)) unsure.add(node.id);
    arr(bom).forEach((rawRecipe, r) => {
      const recipe = readRecipe(ctx, node, obj(rawRecipe), ["nodes", index, "bom", r]);
      if (!ctx.productSet.has(str(obj(rawRecipe)?.product) ?? "")) unsure.add(node.id);
      if (recipe === undefined) return;
      recipes.push(recipe);
      if (recipe.product !== undefined) {
        const first = made.get(itemKey(node.id, recipe.product));
        if (first !== undefined) addIssue(ctx, [...recipe.path, "product"], `${quote(recipe.product)} already has a recipe at ${quote(node.id)} (bom[${first.path[3]}]); one recipe per product and node`);
        else made.set(itemKey(node.id, recipe.product), recipe);
      }
      for (const c of recipe.components) if (!components.has(itemKey(node.id, c.id))) components.set(itemKey(node.id, c.id), c.path);
    });
  });
  return { recipes, made, components, unsure };
}

function readRecipe(ctx: Context, node: NodeInfo, recipe: ReturnType<typeof obj>, path: readonly PathSegment[]): RecipeInfo | undefined {
  if (recipe === undefined) return undefined;
  const product = stockedProduct(ctx, node, str(recipe.product), [...path, "product"], "the policy of a made product orders its production");
  const components: { id: string; path: readonly PathSegment[] }[] = [];
  for (const c of Object.keys(obj(recipe.components) ?? {})) {
    if (RESERVED.has(c)) continue;   // refused as a key by reserved-keys.ts
    const at = [...path, "components", c];
    if (c === str(recipe.product)) {
      addIssue(ctx, at, `is the product this recipe makes; a product is not made from itself`);
      continue;
    }
    if (stockedProduct(ctx, node, c, at, "a component's policy orders it from the node's inbound lanes") !== undefined) components.push({ id: c, path: at });
  }
  return { node, path, product, components };
}

/** `id` when it is a known product that `node` stocks; else reports why not. */
function stockedProduct(ctx: Context, node: NodeInfo, id: string | undefined, path: readonly PathSegment[], why: string): string | undefined {
  if (!resolveProduct(ctx, path, id)) return undefined;
  if (node.stocks.has(id!)) return id;
  if (obj(arr(ctx.doc.nodes)[node.index])?.policy !== undefined) addIssue(ctx, path, `${quote(node.id)} does not stock product ${quote(id!)}; add it to the node's policy (${why})`);
  return undefined;
}

/** The checks that relate recipes to lanes and demand: run after the lanes are read (network.ts). */
export function checkBom(ctx: Context, lanes: readonly LaneInfo[], bom: BomInfo): void {
  if (bom.recipes.length === 0) return;
  checkMadeNotBrought(ctx, lanes, bom);
  checkComponentLanes(ctx, lanes, bom);
  checkComponentDemand(ctx, bom);
  checkRecipeCycles(ctx, bom);
}

/** The products of `atNode` (a map keyed by itemKey) that `lane` carries into or out of `nodeId`. */
function carried<T>(lane: LaneInfo, nodeId: string, atNode: ReadonlyMap<string, T>, ids: Iterable<string>): [string, T][] {
  const out: [string, T][] = [];
  for (const p of lane.products ?? ids) {
    const hit = atNode.get(itemKey(nodeId, p));
    if (hit !== undefined) out.push([p, hit]);
  }
  return out;
}

/** How to take `p` off `lane`: a lane without a `products` list carries every product. */
function dropFromLane(lane: LaneInfo, p: string): string {
  if (lane.products === undefined) return `give lanes[${lane.index}] a "products" list without ${quote(p)} (without one, a lane carries every product)`;
  return lane.products.length === 1 ? `remove lanes[${lane.index}]` : `remove ${quote(p)} from lanes[${lane.index}].products`;
}

function checkMadeNotBrought(ctx: Context, lanes: readonly LaneInfo[], bom: BomInfo): void {
  for (const lane of lanes) {
    for (const [p, recipe] of carried(lane, lane.to.id, bom.made, lane.to.stocks)) {
      addIssue(ctx, [...recipe.path, "product"], `${quote(p)} is made here and also brought by the lane from ${quote(lane.from.id)} (lanes[${lane.index}]); ` +
        `a product made at a node has no inbound lane there: ${dropFromLane(lane, p)}, or remove this recipe`);
    }
  }
}

/** A component reaches its node by a lane or a recipe, and never leaves it on a lane. */
function checkComponentLanes(ctx: Context, lanes: readonly LaneInfo[], bom: BomInfo): void {
  const reached = new Set<string>();
  for (const lane of lanes) {
    for (const [p] of carried(lane, lane.to.id, bom.components, lane.to.stocks)) reached.add(itemKey(lane.to.id, p));
    if (!isStocking(lane.to)) continue;
    for (const [p, path] of carried(lane, lane.from.id, bom.components, lane.to.stocks)) {
      if (!lane.to.stocks.has(p)) continue;
      addIssue(ctx, path, `is a component at ${quote(lane.from.id)}, which also ships it on the lane to ${quote(lane.to.id)} (lanes[${lane.index}]); ${V1}: ${dropFromLane(lane, p)}`);
    }
  }
  for (const [key, path] of bom.components) {
    if (reached.has(key) || bom.made.has(key)) continue;
    const [node, p] = key.split("\u0000");
    addIssue(ctx, path, `component ${quote(p)}: no lane brings it to ${quote(node)} and no recipe makes it there; add a lane with "to": ${quote(node)} that carries it, or a recipe for it in ${formatPath([...path.slice(0, 2), "bom"])}`);
  }
}

/** Demand on a component item: customers would take what the assemblies need (v1). */
function checkComponentDemand(ctx: Context, bom: BomInfo): void {
  arr(ctx.doc.demand).forEach((raw, k) => {
    const d = obj(raw), node = str(d?.node);
    const product = d?.product === undefined && ctx.products.length === 1 ? ctx.products[0] : str(d?.product);
    if (node === undefined || product === undefined) return;
    const path = bom.components.get(itemKey(node, product));
    if (path !== undefined) addIssue(ctx, path, `is a component at ${quote(node)}, where demand[${k}] also sells it to customers; ${V1}: move that demand to a node the component is shipped to, or make it another product`);
  });
}

/** Depth-first search over each node's recipes, made product → its components; a back edge closes a cycle. */
function checkRecipeCycles(ctx: Context, bom: BomInfo): void {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (recipe: RecipeInfo): void => {
    const node = recipe.node.id, key = itemKey(node, recipe.product!);
    state.set(key, "open");
    stack.push(recipe.product!);
    for (const c of recipe.components) {
      const next = bom.made.get(itemKey(node, c.id));
      if (next === undefined) continue;
      const seen = state.get(itemKey(node, c.id));
      if (seen === "open") {
        const cycle = cyclePath([...stack.slice(stack.lastIndexOf(c.id)), c.id], "products");
        addIssue(ctx, c.path, `closes a cycle of recipes at ${quote(node)}: ${cycle}, each made from the next; a product cannot be made from itself, directly or through its components`);
      } else if (seen === undefined) visit(next);
    }
    stack.pop();
    state.set(key, "done");
  };
  for (const recipe of bom.made.values()) if (state.get(itemKey(recipe.node.id, recipe.product!)) === undefined) visit(recipe);
}
