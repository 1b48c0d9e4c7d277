/**
 * Which statistics of a run must be finite (docs/kpis.md, "Definitions as computed"). Some KPIs
 * are legitimately undefined — fill rate with no demand, turns with no stock held, recovery days
 * that never come — and are NaN (null in JSON). The rest are sums and means over measured days,
 * defined in every replication; a NaN or infinite figure there means an overflow or a bug.
 */
import type { RunResult, Stat } from "../../src/sim/model/result.ts";

/** Defined in every replication, at every scope that has them. */
const ALWAYS = new Set([
  "onHand", "onHandValue", "inTransit", "backorders", "owedDownstream", "lostSales", "demand", "orders",
  "holdingCost", "pipelineCost", "backorderCost", "lostSaleCost", "orderCost", "transportCost", "transferCost",
  "expediteCost", "totalCost", "maxBackorders", "transferred", "expedited",
]);

type Scope = "network" | "node" | "product";

/** Defined when another KPI of the same scope says so (its mean > 0). */
function definedBy(scope: Scope, key: string): string | undefined {
  if (key === "fillRate" || key === "cycleServiceLevel" || key === "stockoutDays") return "demand";
  if (key === "daysOfSupply" && scope !== "node") return "demand";
  if (key === "inventoryTurns") return "onHandValue";
  return undefined;
}

const finite = (s: Stat) => [s.mean, s.sd, s.ci95[0], s.ci95[1], s.p05, s.p50, s.p95].every(Number.isFinite);

/** One line per statistic that should be finite and is not. */
export function nonFiniteStats(r: RunResult): string[] {
  const out: string[] = [];
  const check = (scope: Scope, id: string, stats: Readonly<Record<string, Stat>>) => {
    for (const key of Object.keys(stats)) {
      const s = stats[key], where = scope === "network" ? `network.${key}` : `${scope}s[${JSON.stringify(id.length > 30 ? `${id.slice(0, 27)}...` : id)}].${key}`;
      const by = definedBy(scope, key), gate = by === undefined ? undefined : stats[by];
      if (ALWAYS.has(key) && s.n < r.replications) out.push(`${where}: undefined in ${r.replications - s.n} of ${r.replications} replications`);
      else if (gate !== undefined && gate.mean > 0 && Number.isFinite(gate.mean) && s.n === 0) out.push(`${where}: undefined although ${by} is ${gate.mean}`);
      else if (s.n > 0 && !finite(s)) out.push(`${where}: mean ${s.mean}, ci95 [${s.ci95[0]}, ${s.ci95[1]}] (n = ${s.n})`);
    }
  };
  check("network", "", r.network);
  for (const id of Object.keys(r.nodes)) check("node", id, r.nodes[id]);
  for (const id of Object.keys(r.products)) check("product", id, r.products[id]);
  return out;
}
