/**
 * What the engine must hold in memory for one replication, refused beyond LIMITS with the fields
 * that ask for it (docs/scenario-format.md, "Limits"). Each measure is what the engine allocates
 * (engine/compile.ts, kernel/state.ts) or, for what it allocates as the run needs it, the most
 * it can need: a file within these limits cannot exhaust memory however it runs.
 */
import { LIMITS } from "../limits.ts";
import { addIssue, arr, count, isStocking, num, obj, quote, str, type Context, type Json } from "./context.ts";
import { overLimit } from "./over-limit.ts";

export function checkEngineMemory(ctx: Context): void {
  checkPairs(ctx);
  checkTransit(ctx);
  checkSeasonalTables(ctx);
  checkShockLists(ctx);
  checkLateralPeers(ctx);
  checkEchelonLists(ctx);
  checkRandomOutages(ctx);
  checkRecipeComponents(ctx);
}

/** Stocked (node, product) pairs: the engine's state is about 0.6 KB per pair (kernel/state.ts, accounting.ts). */
function checkPairs(ctx: Context): void {
  let pairs = 0;
  for (const node of ctx.nodes.values()) pairs += node.stocks.size;
  if (pairs <= LIMITS.stockedPairs) return;
  addIssue(ctx, ["nodes"],
    `stock ${count(pairs)} (node, product) pairs in all, over the limit of ${count(LIMITS.stockedPairs)}: the engine keeps about 0.6 KB of state per pair ` +
    `(${count(Math.round(pairs * 0.6 / 1000))} MB); list fewer products in the nodes' policies, or split the network`);
}

/** The largest lead time a distribution draws in practice (bounded ones: their maximum; others: mean + 6 sd), in days. */
export function longestLead(d: Json | undefined): number {
  if (d === undefined) return 0;
  const values = () => arr(d.values).reduce<number>((most, v) => Math.max(most, num(v) ?? 0), 0);
  switch (str(d.type)) {
    case "constant": return num(d.value) ?? 0;
    case "uniform": return num(d.max) ?? 0;
    case "discrete": case "empirical": return values();
    case "intermittent": return longestLead(obj(d.size));
    case "poisson": { const m = num(d.mean) ?? 0; return m + 6 * Math.sqrt(m); }
    case "normal": case "gamma": case "negbin": return (num(d.mean) ?? 0) + 6 * (num(d.sd) ?? 0);
    default: return 0;
  }
}

interface Transit { readonly path: readonly (string | number)[]; readonly what: string; readonly pairs: number; readonly days: number }

/**
 * Shipments in transit at once (and units in assembly, which the engine keeps alike): each stocked pair can have one in transit per day of its longest
 * transit (at most the horizon). The arrival calendar is bounded (kernel/far-arrivals.ts), but
 * what lies beyond it is kept shipment by shipment: Σ pairs × transit days must stay within
 * LIMITS.transitDays.
 */
function checkTransit(ctx: Context): void {
  const horizon = ctx.horizon;
  if (horizon === undefined) return;
  const delays = new Map<string, number>();
  for (const raw of arr(ctx.doc.disruptions)) {
    const d = obj(raw);
    if (str(d?.type) !== "lane-delay") continue;
    const key = `${str(d!.from)}>${str(d!.to)}`;
    delays.set(key, (delays.get(key) ?? 0) + (num(d!.extraDays) ?? 0));
  }
  const stocked = (nodeId: unknown, products?: unknown) => {
    const node = ctx.nodes.get(str(nodeId) ?? "");
    if (!isStocking(node)) return 0;
    const carried = Array.isArray(products) ? products.filter((p) => node!.stocks.has(p as string)).length : node!.stocks.size;
    return carried;
  };
  const parts: Transit[] = [];
  const add = (path: Transit["path"], what: string, pairs: number, lead: number) => {
    // A lead time the schema refuses (a poisson with a negative mean) reads NaN: it adds nothing,
    // rather than hide the other lanes' total behind a NaN.
    const days = Math.min(Math.ceil(lead), horizon);
    if (pairs > 0 && !Number.isNaN(days)) parts.push({ path, what, pairs, days });
  };
  arr(ctx.doc.lanes).forEach((raw, k) => {
    const l = obj(raw);
    if (l === undefined) return;
    add(["lanes", k, "leadTime"], `lanes[${k}] (${quote(str(l.from) ?? "?")} → ${quote(str(l.to) ?? "?")})`,
      stocked(l.to, l.products), longestLead(obj(l.leadTime)) + (delays.get(`${str(l.from)}>${str(l.to)}`) ?? 0));
  });
  const m = obj(ctx.doc.mitigations);
  arr(m?.expedite).forEach((raw, k) => {
    const e = obj(raw);
    add(["mitigations", "expedite", k, "leadTime"], `mitigations.expedite[${k}]`, stocked(e?.to), longestLead(obj(e?.leadTime)));
  });
  const lateral = obj(m?.lateralTransfers);
  if (lateral !== undefined) {
    const pairs = arr(lateral.among).reduce<number>((n, id) => n + stocked(id), 0);
    add(["mitigations", "lateralTransfers", "leadTime"], "mitigations.lateralTransfers", pairs, longestLead(obj(lateral.leadTime)));
  }
  arr(ctx.doc.nodes).forEach((raw, i) => arr(obj(raw)?.bom).forEach((recipe, r) => {
    // Units in assembly are the made item's in transit, one batch a day for assemblyTime days.
    add(["nodes", i, "bom", r, "assemblyTime"], `nodes[${i}].bom[${r}] (the assembly of ${quote(str(obj(recipe)?.product) ?? "?")})`, 1, num(obj(recipe)?.assemblyTime) ?? 0);
  }));
  const total = parts.reduce((n, p) => n + p.pairs * p.days, 0);
  if (total <= LIMITS.transitDays) return;
  const worst = parts.reduce((a, b) => (b.pairs * b.days > a.pairs * a.days ? b : a));
  const shown = overLimit(total, LIMITS.transitDays, 1);
  addIssue(ctx, worst.path,
    `lets too much be in transit at once: stocked pairs × longest transit (days, at most the horizon) sum to ${shown.value} over the lanes, ` +
    `over the limit of ${shown.limit} (each shipment in transit is kept until it arrives); ` +
    `the largest share is ${worst.what}: ${count(worst.pairs)} pairs × ${count(worst.days)} days; shorten the lead time or the horizon`);
}

/** Daily seasonality × trend factors, precomputed over the horizon for each distinct (seasonality, trend) (engine/compile.ts). */
function checkSeasonalTables(ctx: Context): void {
  const horizon = ctx.horizon;
  if (horizon === undefined) return;
  const profiles = new Set<string>();
  arr(ctx.doc.demand).forEach((raw) => {
    const d = obj(raw), s = obj(d?.seasonality), trend = num(d?.trend) ?? 0;
    if (s !== undefined || trend !== 0) profiles.add(JSON.stringify([s?.cycle, s?.factors, trend]));
  });
  const factors = profiles.size * horizon;
  if (factors <= LIMITS.seasonalDays) return;
  const shown = overLimit(factors, LIMITS.seasonalDays, 1);
  addIssue(ctx, ["demand"],
    `has ${count(profiles.size)} distinct seasonality and trend profiles × horizon ${count(horizon)} = ${shown.value} daily factors, ` +
    `over the limit of ${shown.limit} (each profile's factors are computed for every day ahead of the run); share profiles between sources or shorten the horizon`);
}

/** Demand shocks list the sources they multiply (engine/compile-disruptions.ts). */
function checkShockLists(ctx: Context): void {
  const atNode = new Map<string, number>();
  let all = 0;
  for (const raw of arr(ctx.doc.demand)) {
    const node = str(obj(raw)?.node);
    if (node === undefined) continue;
    atNode.set(node, (atNode.get(node) ?? 0) + 1);
    all++;
  }
  let listed = 0;
  for (const raw of arr(ctx.doc.disruptions)) {
    const d = obj(raw);
    if (str(d?.type) !== "demand-shock") continue;
    const node = str(d!.node);
    listed += node === "*" ? all : atNode.get(node ?? "") ?? 0;
  }
  if (listed <= LIMITS.shockSources) return;
  const shown = overLimit(listed, LIMITS.shockSources, 1);
  addIssue(ctx, ["disruptions"],
    `has demand shocks that together apply to ${shown.value} demand sources (a shock on "*" applies to every one), over the limit of ${shown.limit}; ` +
    `merge shocks with the same window, or name the nodes they hit`);
}

/** Lateral transfers: each item of `among` lists its peers with the same product (engine/compile-mitigations.ts). */
function checkLateralPeers(ctx: Context): void {
  const among = arr(obj(obj(ctx.doc.mitigations)?.lateralTransfers)?.among);
  const perProduct = new Map<string, number>();
  for (const id of new Set(among)) {
    const node = ctx.nodes.get(str(id) ?? "");
    if (isStocking(node)) for (const p of node!.stocks) perProduct.set(p, (perProduct.get(p) ?? 0) + 1);
  }
  let peers = 0;
  for (const n of perProduct.values()) peers += n * (n - 1);
  if (peers <= LIMITS.lateralPeers) return;
  const shown = overLimit(peers, LIMITS.lateralPeers, 1);
  addIssue(ctx, ["mitigations", "lateralTransfers", "among"],
    `pairs every node with every other for each product they share: ${shown.value} peer links, over the limit of ${shown.limit}; list fewer nodes`);
}

/**
 * Echelon base-stock: each (node, product) with that policy lists the pairs at or below it
 * (engine/compile.ts), counted here over the lanes (an upper bound where lanes meet again).
 */
function checkEchelonLists(ctx: Context): void {
  const below = new Map<string, string[]>();
  for (const raw of arr(ctx.doc.lanes)) {
    const l = obj(raw), from = str(l?.from), to = str(l?.to);
    if (from !== undefined && to !== undefined) { const list = below.get(from); if (list) list.push(to); else below.set(from, [to]); }
  }
  const size = new Map<string, number>();   // stocking nodes at or below a node (a cycle, reported elsewhere, counts 0)
  const visit = (id: string): number => {
    const known = size.get(id);
    if (known !== undefined) return known;
    size.set(id, 0);
    let n = isStocking(ctx.nodes.get(id)) ? 1 : 0;
    for (const next of below.get(id) ?? []) n += visit(next);
    size.set(id, n);
    return n;
  };
  let listed = 0, worst = "", worstSize = 0;
  arr(ctx.doc.nodes).forEach((raw) => {
    const node = obj(raw), id = str(node?.id), policy = obj(node?.policy);
    if (id === undefined || policy === undefined) return;
    const echelonProducts = policy.type === "echelon-base-stock" ? ctx.nodes.get(id)?.stocks.size ?? 0
      : Object.values(policy).filter((p) => obj(p)?.type === "echelon-base-stock").length;
    if (echelonProducts === 0) return;
    const s = visit(id) * echelonProducts;
    listed += s;
    if (s > worstSize) { worst = id; worstSize = s; }
  });
  if (listed <= LIMITS.echelonPairs) return;
  const shown = overLimit(listed, LIMITS.echelonPairs, 1);
  addIssue(ctx, ["nodes", ctx.nodes.get(worst)?.index ?? 0, "policy"],
    `echelon-base-stock policies look down the network at ${shown.value} (node, product) pairs in all (each echelon position sums every pair at or below it), ` +
    `over the limit of ${shown.limit}; the most from ${quote(worst)}: ${count(worstSize)}; use base-stock on the upper stages or fewer products`);
}

/** Random outages: each is drawn over the whole horizon, and can start and end on every day (kernel/disruptions.ts). */
function checkRandomOutages(ctx: Context): void {
  const horizon = ctx.horizon;
  if (horizon === undefined) return;
  const outages = arr(ctx.doc.disruptions).filter((raw) => str(obj(raw)?.type) === "random-outage").length;
  const days = outages * horizon;
  if (days <= LIMITS.outageDays) return;
  const shown = overLimit(days, LIMITS.outageDays, 1);
  addIssue(ctx, ["disruptions"],
    `has ${count(outages)} random outages × horizon ${count(horizon)} = ${shown.value} outage-days, over the limit of ${shown.limit} ` +
    `(each replication lists every outage's start and end, up to two a day); use fewer random outages or a shorter horizon`);
}

/** Bills of materials: the engine lists every (recipe, component) with its ratio. */
function checkRecipeComponents(ctx: Context): void {
  let total = 0, worst = -1, worstCount = 0;
  arr(ctx.doc.nodes).forEach((raw, i) => {
    const n = arr(obj(raw)?.bom).reduce<number>((sum, recipe) => sum + Object.keys(obj(obj(recipe)?.components) ?? {}).length, 0);
    total += n;
    if (n > worstCount) [worst, worstCount] = [i, n];
  });
  if (total <= LIMITS.recipeComponents) return;
  const shown = overLimit(total, LIMITS.recipeComponents, 1);
  addIssue(ctx, ["nodes", worst, "bom"],
    `the recipes of all nodes list ${shown.value} components in all, over the limit of ${shown.limit}; ` +
    `the most here: ${count(worstCount)}; make fewer products at each node, or from fewer components`);
}
