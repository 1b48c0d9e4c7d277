/**
 * The largest daily mean each demand source can reach: its distribution's mean (or largest value)
 * × its largest seasonality factor × its trend's growth over the horizon × the demand shocks that
 * may apply to it (all of them at once: windows are not compared). Each field alone is within
 * LIMITS.amount, but their product is not, and beyond it the engine's sums lose their units or
 * overflow to Infinity, which would leave statistics empty without saying why.
 */
import { LIMITS } from "../limits.ts";
import { addIssue, arr, num, obj, str, type Context, type Json } from "./context.ts";
import { overLimit, scientific } from "./over-limit.ts";

const sci = (x: number) => scientific(x, 2);

/** A demand distribution's mean, or its largest value when it draws from listed values or a range. */
function dailyMean(d: Json | undefined): number {
  if (d === undefined) return 0;
  switch (str(d.type)) {
    case "constant": return num(d.value) ?? 0;
    case "uniform": return num(d.max) ?? 0;
    case "discrete": case "empirical": return arr(d.values).reduce<number>((most, v) => Math.max(most, num(v) ?? 0), 0);
    case "intermittent": return dailyMean(obj(d.size));
    default: return num(d.mean) ?? 0;
  }
}

/**
 * Entries of the table of cumulative probabilities a correlated count source keeps for its
 * exact quantile (random/dist/count-table.ts: about 17 sd, at most MAX_TABLE = 2²² entries),
 * 0 when its quantile needs none (not a count distribution, or a small mean summed from 0).
 */
function countTable(d: Json | undefined, scale: number): number {
  if (d === undefined) return 0;
  const type = str(d.type), mean = (num(d.mean) ?? 0) * scale;
  if (type === "intermittent") return countTable(obj(d.size), scale);
  if (type !== "poisson" && type !== "negbin") return 0;
  const sd = type === "poisson" ? Math.sqrt(mean) : (num(d.sd) ?? 0) * scale;
  if (type === "poisson" ? mean <= 200 : mean + 6 * sd <= 400) return 0;   // summed from 0 (random/dist/poisson.ts DIRECT_MAX, negbin.ts)
  return Math.min(2 ** 22, Math.ceil(20 * sd) + 1);
}

/** Whether a demand entry's node is correlated with others (demandCorrelation). */
function correlated(ctx: Context): (node: string) => boolean {
  const c = obj(ctx.doc.demandCorrelation);
  if (c === undefined) return () => false;
  if ((num(c.rho) ?? 0) > 0) return () => true;
  const inGroup = new Set<string>();
  for (const g of arr(c.groups)) if ((num(obj(g)?.rho) ?? 0) > 0) for (const n of arr(obj(g)?.nodes)) inGroup.add(String(n));
  return (node) => inGroup.has(node);
}

export function checkDemandScale(ctx: Context): void {
  const horizon = ctx.horizon ?? 1;
  // Shocks by target: every source ("*"), or one node; every product (""), or one.
  const shocks = new Map<string, number>();
  for (const raw of arr(ctx.doc.disruptions)) {
    const d = obj(raw), m = num(d?.multiplier);
    if (str(d?.type) !== "demand-shock" || m === undefined || m <= 1) continue;
    const key = `${str(d!.node)}\n${str(d!.product) ?? ""}`;
    shocks.set(key, (shocks.get(key) ?? 1) * m);
  }
  // A source whose product is not known (several products and none named, refused in demand.ts)
  // counts only the shocks on every product: its own product's key would repeat theirs.
  const shock = (node: string, product: string | undefined) =>
    (shocks.get(`*\n`) ?? 1) * (shocks.get(`${node}\n`) ?? 1) *
    (product === undefined ? 1 : (shocks.get(`*\n${product}`) ?? 1) * (shocks.get(`${node}\n${product}`) ?? 1));
  const isCorrelated = correlated(ctx);
  let tables = 0;
  arr(ctx.doc.demand).forEach((raw, k) => {
    const d = obj(raw);
    if (d === undefined) return;
    const mean = dailyMean(obj(d.dist));
    const factors = arr(obj(d.seasonality)?.factors);
    const season = factors.length > 0 ? factors.reduce<number>((most, f) => Math.max(most, num(f) ?? 0), 0) : 1;
    const trend = num(d.trend) ?? 0, growth = trend > 0 ? Math.pow(1 + trend, horizon - 1) : 1;
    const shocked = shock(str(d.node) ?? "", str(d.product) ?? (ctx.products.length === 1 ? ctx.products[0] : undefined));
    const largest = mean * season * growth * shocked;
    if (isCorrelated(str(d.node) ?? "")) tables += countTable(obj(d.dist), season * growth * shocked);
    if (!(largest > LIMITS.amount)) return;
    const terms = [`mean ${sci(mean)}`];
    if (season !== 1) terms.push(`largest seasonality factor ${sci(season)}`);
    if (growth !== 1) terms.push(`trend growth (1 + ${trend})^${horizon - 1} = ${sci(growth)}`);
    if (shocked !== 1) terms.push(`demand-shock multipliers ${sci(shocked)}, if they overlap`);
    const shown = overLimit(largest, LIMITS.amount, 2);
    addIssue(ctx, ["demand", k],
      `can reach a daily mean of ${shown.value} units (${terms.join(" × ")}), over the limit of ${shown.limit} units a day, ` +
      `beyond which totals over the horizon lose their precision or overflow; lower the ${growth !== 1 ? "trend" : season !== 1 ? "seasonality factors" : "shock multipliers"}`);
  });
  if (tables > LIMITS.countTables) {
    const shown = overLimit(tables, LIMITS.countTables, 2);
    addIssue(ctx, ["demandCorrelation"],
      `makes poisson and negbin sources with large means keep tables of ${shown.value} cumulative probabilities in all for their exact quantiles ` +
      `(about 20 sd each, 8 bytes an entry), over the limit of ${shown.limit}; correlate fewer of them, or use normal or gamma demand for the large ones`);
  }
}
