/**
 * A scenario with bills of materials as the optimisers see it (docs/optimize.md "Bills of
 * materials"): one stage per item — a (node, product) that a stocking node holds — in scenario
 * order (nodes, then products). A made item's inputs are its components at the same node, each
 * unit made using the recipe's quantity of each; its processing time is the recipe's
 * `assemblyTime` plus the node's `processingTime`. Every other item's input is the item that
 * feeds it by its inbound lane (with several sources, the modelled lane: network.ts), and its
 * processing time is that lane's mean lead time plus the node's `processingTime`, as without a
 * bill of materials.
 *
 * Demand reaches upstream through the quantities: an item serves every customer demand below
 * it, each multiplied by the units of the item that one unit sold uses (r·demand for both the
 * mean and the standard deviation), pooled as `pooledVariance` pools demands.
 */
import type { NodeSpec, Scenario } from "../model/index.ts";
import { createLeadTimeSampler } from "../random/sampler.ts";
import { holdingOf, modelledLane, moments, policyOf, pooledVariance, productIdsOf, productOf, type Stage } from "./network.ts";

/** One unit of the item uses `quantity` units of the stage at `index` (1 along a lane). */
export interface ItemInput {
  readonly index: number;
  readonly quantity: number;
}

/** A stage of the item graph. `parent` is the lane's input, or -1 (a made item, or an outside supplier). */
export interface ItemStage extends Stage {
  readonly product: string;
  readonly inputs: readonly ItemInput[];
}

/** "(plant, truck)": how messages name an item. */
export const itemName = (stage: ItemStage) => `(${stage.id}, ${stage.product})`;

interface Supply {
  readonly inputs: ItemInput[];
  readonly processingTime: number;
  readonly externalInbound: number;
  readonly leadTimeVariance: number;
}

export function itemStagesOf(s: Scenario, opts: { readonly leadTimeVariance?: boolean } = {}): ItemStage[] {
  const items = s.nodes.filter((n) => n.kind !== "supplier")
    .flatMap((node) => productIdsOf(s).filter((p) => policyOf(node.policy, p) !== undefined).map((product) => ({ node, product })));
  const key = (node: string, product: string) => JSON.stringify([node, product]);
  const index = new Map(items.map((it, i) => [key(it.node.id, it.product), i]));
  const supplies = items.map(({ node, product }) => supplyOf(s, node, product, (n, p) => index.get(key(n, p)), opts.leadTimeVariance === true));

  const entries = s.demand.map((d) => ({ node: d.node, product: productOf(d, s), ...moments(d) }));
  const ownEntries = items.map(() => [] as number[]);
  entries.forEach((e, k) => {
    const i = index.get(key(e.node, e.product));
    if (i !== undefined) ownEntries[i].push(k);
  });
  const served = servedDemand(items.map(({ node, product }) => `(${node.id}, ${product})`), supplies, ownEntries);

  return items.map(({ node, product }, i): ItemStage => {
    const { inputs, processingTime, externalInbound, leadTimeVariance } = supplies[i];
    const parts = [...served[i]].map(([k, r]) => ({ node: entries[k].node, product: entries[k].product, sd: r * entries[k].sd }));
    const isDemandNode = ownEntries[i].length > 0;
    const isMade = node.bom?.some((r) => r.product === product) === true;
    return {
      id: node.id, product, inputs,
      parent: !isMade && inputs.length === 1 ? inputs[0].index : -1,
      processingTime, externalInbound, leadTimeVariance,
      holdingCost: holdingOf(node, product),
      meanDemand: [...served[i]].reduce((a, [k, r]) => a + r * entries[k].mean, 0),
      sdDemand: Math.sqrt(pooledVariance(s, parts)),
      isDemandNode,
      maxServiceTime: isDemandNode ? (node.serviceTime ?? 0) : Infinity,
    };
  });
}

/** Where an item's stock comes from: its recipe's components, or its inbound lane. */
function supplyOf(s: Scenario, node: NodeSpec, product: string, indexOf: (node: string, product: string) => number | undefined, leadTimeVariance: boolean): Supply {
  const own = node.processingTime ?? 0;
  const recipe = node.bom?.find((r) => r.product === product);
  if (recipe) {
    const inputs = Object.entries(recipe.components).flatMap(([component, quantity]) => {
      const i = indexOf(node.id, component);
      return i === undefined ? [] : [{ index: i, quantity }];
    });
    return { inputs, processingTime: (recipe.assemblyTime ?? 0) + own, externalInbound: 0, leadTimeVariance: 0 };
  }
  const lane = modelledLane(s, node.id, product);
  if (!lane) return { inputs: [], processingTime: own, externalInbound: 0, leadTimeVariance: 0 };
  const lead = createLeadTimeSampler(lane.leadTime), from = indexOf(lane.from, product);
  const supplier = s.nodes.find((n) => n.id === lane.from);
  return {
    inputs: from === undefined ? [] : [{ index: from, quantity: 1 }],
    processingTime: lead.mean + own,
    externalInbound: from === undefined && supplier?.kind === "supplier" ? (supplier.serviceTime ?? 0) : 0,
    leadTimeVariance: leadTimeVariance ? lead.sd * lead.sd : 0,
  };
}

/**
 * For each item, the demand entries it serves and the units of it one unit of each uses: 1 for
 * its own entries, and a customer's multipliers times the quantity along each arc (summed over
 * the paths, so a component that reaches a product two ways counts both).
 */
function servedDemand(names: readonly string[], supplies: readonly Supply[], ownEntries: readonly number[][]): Map<number, number>[] {
  const customers = supplies.map(() => [] as ItemInput[]);
  supplies.forEach((sup, j) => sup.inputs.forEach((inp) => customers[inp.index].push({ index: j, quantity: inp.quantity })));
  const served: (Map<number, number> | undefined)[] = new Array(supplies.length);
  const visiting = new Set<number>();
  const serve = (i: number): Map<number, number> => {
    const known = served[i];
    if (known) return known;
    if (visiting.has(i)) throw new Error(`item ${names[i]} is made, through its lanes and recipes, from itself: the optimiser needs an acyclic item graph`);
    visiting.add(i);
    const out = new Map(ownEntries[i].map((k) => [k, 1]));
    for (const c of customers[i]) for (const [k, r] of serve(c.index)) out.set(k, (out.get(k) ?? 0) + c.quantity * r);
    visiting.delete(i);
    return (served[i] = out);
  };
  return supplies.map((_, i) => serve(i));
}
