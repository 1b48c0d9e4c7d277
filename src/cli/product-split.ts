/**
 * Which products a product shard simulates (`--products a,b,c`, `--products @FILE`,
 * `--product-shard K/N`), whether a scenario may be split by product at all, and the sub-network
 * a shard runs (docs/scale-out.md, "Product shards").
 *
 * A product subset reproduces the whole run's figures for its items only when nothing couples the
 * products (a shared capacity, a recipe, a lane whose shipments keep their order; demand
 * correlation is not one: its common factor is per product, engine/compile.ts), and the
 * merge adds the products' daily shares back bit for bit only when they are whole numbers of units
 * (engine/product-terms.ts). `splitProblems` names every feature of a scenario that breaks one or
 * the other.
 */
import { readFileSync } from "node:fs";
import type { Distribution } from "../sim/model/distribution.ts";
import type { PerProduct, Policy } from "../sim/model/index.ts";
import type { Scenario } from "../sim/model/scenario.ts";
import { productsOf } from "../sim/engine/defaults.ts";
import { UsageError } from "./args.ts";
import type { Shard } from "./shard.ts";

const whole = (x: number) => Number.isInteger(x);

/** Why a demand distribution can draw a fractional number of units, or null. */
function fractionalDraws(d: Distribution): string | null {
  switch (d.type) {
    case "normal": case "gamma": case "uniform": return `a ${d.type} distribution draws fractional units`;
    case "constant": return whole(d.value) ? null : `the constant ${d.value} is not a whole number`;
    case "discrete": case "empirical": { const v = d.values.find((x) => !whole(x)); return v === undefined ? null : `the value ${v} is not a whole number`; }
    case "intermittent": return fractionalDraws(d.size);
    case "poisson": case "negbin": return null;
  }
}

const policyNumbers = (p: Policy): number[] =>
  p.type === "sS" ? [p.s, p.S] : p.type === "sQ" ? [p.s, p.Q] : [p.level];

function perProduct<T>(v: PerProduct<T> | undefined, single: (x: unknown) => boolean): [string, T][] {
  if (v === undefined) return [];
  return single(v) ? [["", v as T]] : Object.entries(v as Record<string, T>);
}
const isPolicy = (x: unknown) => typeof x === "object" && x !== null && "type" in x;

/**
 * Every reason the scenario's products cannot be simulated apart and merged back exactly, each
 * naming the field; empty when they can.
 */
export function splitProblems(s: Scenario): string[] {
  const out: string[] = [];
  if (productsOf(s).length < 2) out.push("products: the scenario has one product, so there is nothing to split; use --shard K/N to split its replications");
  s.nodes.forEach((n, i) => {
    if (n.capacity?.storage !== undefined) out.push(`nodes[${i}].capacity.storage: the products share "${n.id}"'s storage capacity`);
    if (n.capacity?.throughput !== undefined) out.push(`nodes[${i}].capacity.throughput: the products share "${n.id}"'s throughput capacity`);
    if (n.bom !== undefined && n.bom.length > 0) out.push(`nodes[${i}].bom: "${n.id}" makes products from other products (a recipe ties them together)`);
    for (const [p, pol] of perProduct(n.policy, isPolicy)) {
      const odd = policyNumbers(pol).find((x) => !whole(x));
      if (odd !== undefined) out.push(`nodes[${i}].policy${p ? `.${p}` : ""}: ${odd} is not a whole number of units (the merge adds products' units back exactly only when they are whole)`);
    }
    for (const [p, v] of perProduct(n.initialInventory, (x) => typeof x === "number")) {
      if (!whole(v)) out.push(`nodes[${i}].initialInventory${p ? `.${p}` : ""}: ${v} is not a whole number of units (the merge adds products' units back exactly only when they are whole)`);
    }
  });
  const products = productsOf(s).map((p) => p.id);
  s.lanes.forEach((l, i) => {
    if (l.capacity !== undefined) out.push(`lanes[${i}].capacity: the products share the lane ${l.from} → ${l.to}'s capacity`);
    // Without overtaking a shipment arrives no earlier than the lane's last one, whatever product that
    // carried: a product's arrival days then depend on the days the others shipped, unless every
    // shipment takes the same days (a constant lead time and no lane delay).
    const delayed = (s.disruptions ?? []).some((d) => d.type === "lane-delay" && d.from === l.from && d.to === l.to);
    if (!l.overtaking && (l.products ?? products).length > 1 && (l.leadTime.type !== "constant" || delayed)) {
      out.push(`lanes[${i}].overtaking: the products' shipments on the lane ${l.from} → ${l.to} keep their order (overtaking false) with ${delayed ? "a lane delay" : `a ${l.leadTime.type} lead time`}, so one product's arrivals wait for another's; set "overtaking": true if each shipment may take its own lead time`);
    }
    if (l.sourcing && "split" in l.sourcing) out.push(`lanes[${i}].sourcing.split: a split share orders fractional units (the merge adds products' units back exactly only when they are whole)`);
  });
  if (s.allocation === "proportional") out.push(`allocation: "proportional" shares short stock in fractional units (the merge adds products' units back exactly only when they are whole; "fifo" and "priority" ship whole units)`);
  s.demand.forEach((d, i) => {
    const why = fractionalDraws(d.dist);
    if (why) out.push(`demand[${i}].dist: ${why} (the merge adds products' units back exactly only when they are whole)`);
    else if ((d.seasonality || d.trend) && d.dist.type !== "poisson" && d.dist.type !== "negbin") out.push(`demand[${i}]: seasonality or trend scales a ${d.dist.type} demand to fractional units`);
  });
  // An expedite's lead-time stream is seeded with its product's place in the product list
  // (kernel/state.ts), which a subset changes: only a constant lead time draws nothing.
  (s.mitigations?.expedite ?? []).forEach((e, i) => {
    if (e.leadTime.type !== "constant") out.push(`mitigations.expedite[${i}].leadTime: a ${e.leadTime.type} expedite lead time is drawn from a stream seeded by the product's place in the list, which a product subset moves; give it a constant lead time or use --shard K/N`);
  });
  (s.disruptions ?? []).forEach((d, i) => {
    if (d.type === "demand-shock" && s.demand.some((x) => x.node === d.node && (d.product === undefined || (x.product ?? productsOf(s)[0].id) === d.product) && x.dist.type !== "poisson" && x.dist.type !== "negbin")) {
      out.push(`disruptions[${i}]: a demand shock scales a demand that is not poisson or negbin to fractional units`);
    }
  });
  return out;
}

/** `--products a,b,c` or `--products @FILE` (one id a line, or separated by commas or spaces; # starts a comment). */
export function parseProducts(text: string, read: (file: string) => string = (f) => readFileSync(f, "utf8")): string[] {
  let list = text;
  if (text.startsWith("@")) {
    try { list = read(text.slice(1)).split("\n").map((l) => l.replace(/#.*/, "")).join("\n"); }
    catch (e) { throw new UsageError(`--products ${text}: cannot read the file (${(e as Error).message})`); }
  }
  const ids = list.split(/[\s,]+/).filter((x) => x !== "");
  if (ids.length === 0) throw new UsageError(`--products ${text}: no product ids`);
  return ids;
}

/** Products from … to − 1 of block `index` of `count` over the scenario's products (blocks differ by at most one). */
export function productBlock(all: readonly string[], { index, count }: Shard): string[] {
  return all.slice(Math.floor((index * all.length) / count), Math.floor(((index + 1) * all.length) / count));
}

/** The products asked for, in the scenario's order, or a UsageError naming the unknown or repeated ones. */
export function checkProducts(s: Scenario, ids: readonly string[]): string[] {
  const all = productsOf(s).map((p) => p.id), known = new Set(all);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) throw new UsageError(`--products: ${unknown.map((x) => `"${x}"`).join(", ")} ${unknown.length > 1 ? "are not products" : "is not a product"} of "${s.name}" (its products: ${all.join(", ")})`);
  const twice = ids.filter((id, k) => ids.indexOf(id) !== k);
  if (twice.length) throw new UsageError(`--products: ${[...new Set(twice)].map((x) => `"${x}"`).join(", ")} given more than once`);
  const asked = new Set(ids);
  return all.filter((id) => asked.has(id));
}

const pick = <T>(v: PerProduct<T> | undefined, keep: ReadonlySet<string>, single: (x: unknown) => boolean): PerProduct<T> | undefined =>
  v === undefined || single(v) ? v : Object.fromEntries(Object.entries(v as Record<string, T>).filter(([id]) => keep.has(id)));

/**
 * The whole run's scenario with only `ids` among its products: the same nodes (a node that stocks
 * none of them keeps no items) and lanes (each carrying only those of them it carried), their demand. Random streams
 * are keyed by node, lane and product ids (engine/compile.ts), and the shared streams (lateral
 * transfers, outages) draw the same whatever moves, so its items draw what they draw in the whole run.
 */
export function subScenario(s: Scenario, ids: readonly string[]): Scenario {
  const keep = new Set(ids), first = productsOf(s)[0].id;
  // A lane that carries none of them stays, carrying nothing: disruptions may name it, and it draws only from its own stream.
  const lanes = s.lanes.map((l) => (l.products === undefined ? l : { ...l, products: l.products.filter((p) => keep.has(p)) }));
  return {
    ...s,
    products: productsOf(s).filter((p) => keep.has(p.id)),
    nodes: s.nodes.map((n) => ({
      ...n,
      policy: pick(n.policy, keep, isPolicy), holdingCost: pick(n.holdingCost, keep, (x) => typeof x === "number"),
      initialInventory: pick(n.initialInventory, keep, (x) => typeof x === "number"),
    })),
    lanes,
    demand: s.demand.filter((d) => keep.has(d.product ?? first)),
    // A shock of another product becomes a shock of none (×1) rather than going: random outages
    // are keyed by their index among the disruptions, which must not move.
    ...(s.disruptions ? { disruptions: s.disruptions.map((d) => (d.type === "demand-shock" && d.product !== undefined && !keep.has(d.product) ? { ...d, product: ids[0], multiplier: 1 } : d)) } : {}),
  };
}
