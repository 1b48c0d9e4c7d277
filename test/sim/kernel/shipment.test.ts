import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compiled, kpiColumns } from "../../../src/sim/engine/index.ts";
import { createKpiWriter } from "../../../src/sim/engine/kpis.ts";
import { startReplication } from "../../../src/sim/engine/simulation.ts";
import type { CompiledNetwork } from "../../../src/sim/kernel/index.ts";
import { ITEM, createAccumulators, createState, simulateDay } from "../../../src/sim/kernel/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { normalQuantile } from "../../../src/sim/math/index.ts";
import { owedBefore, ship, shipPlain } from "../../../src/sim/kernel/shipment.ts";
import { drawLeadTimes } from "../../../src/sim/kernel/shipping.ts";
import { DRAW_BLOCK } from "../../../src/sim/kernel/state.ts";
import { constant, lane, scenario, stock, supplier } from "../engine/fixtures.ts";

const retail = JSON.parse(readFileSync(new URL("../../../scenarios/retail-3-echelon.json", import.meta.url), "utf8")) as Scenario;
/** The retail network with every base-stock level cut to 75%: short every day, so both tiers of `proportional` are in play. */
const short: Scenario = {
  ...retail, horizon: 200, warmup: 20,
  nodes: retail.nodes.map((n) => (n.policy?.type === "base-stock" ? { ...n, policy: { ...n.policy, level: Math.round(n.policy.level * 0.75) } } : n)),
};

/** KPI rows of replications 0 … n − 1; `trace`: with a shipment log, which rules out plain days (kernel/shipping.ts). */
function kpiRows(net: CompiledNetwork, n: number, trace = false): { rows: Float64Array; columns: number } {
  const st = createState(net), acc = createAccumulators(net), writer = createKpiWriter(net);
  const rows = new Float64Array(n * writer.columns);
  for (let r = 0; r < n; r++) {
    startReplication(net, st, acc, r);
    if (trace) st.log = [];
    for (let t = 0; t < net.horizon; t++) simulateDay(net, st, acc);
    writer.write(acc, rows, r * writer.columns);
  }
  return { rows, columns: writer.columns };
}

describe("settling open orders under proportional allocation", () => {
  it("keeps no order queue under proportional allocation, only today's open order", () => {
    expect(compiled({ ...short, allocation: "proportional" }).orderQueue).toBe(false);
    expect(compiled({ ...short, allocation: "fifo" }).orderQueue).toBe(true);
    expect(compiled({ ...short, allocation: "priority" }).orderQueue).toBe(true);
  });

  // The open-today bookkeeping is the queue's rule (older orders first) with one number instead
  // of one entry per order, so only rounding differs, and a rounding difference can send a
  // replication down another path. Same model, same draws: every KPI's paired difference over
  // the replications has mean zero. Checked at 99.9% for the whole family of KPI columns
  // (Bonferroni), for a network short every day and for the retail network as it ships.
  for (const [name, s] of [["short every day", short], ["retail", retail]] as const) {
    it(`gives the order queue's KPIs (paired differences of mean zero): ${name}`, () => {
      const net = compiled(s), n = 200;
      const open = kpiRows(net, n), queued = kpiRows({ ...net, orderQueue: true }, n);
      const columns = kpiColumns(s), tested: string[] = [], off: string[] = [];
      const z = normalQuantile(1 - 0.001 / (2 * open.columns));
      for (let c = 0; c < open.columns; c++) {
        let k = 0, mean = 0, m2 = 0;
        for (let r = 0; r < n; r++) {
          const d = open.rows[r * open.columns + c] - queued.rows[r * open.columns + c];
          if (Number.isNaN(d)) continue;
          k++; const delta = d - mean; mean += delta / k; m2 += delta * (d - mean);
        }
        if (k < 2) continue;
        const se = Math.sqrt(m2 / (k - 1) / k), col = columns[c];
        const label = `${col.key}@${col.scope} ${col.id}`;
        if (se > 0) tested.push(label);
        if (Math.abs(mean) > z * se) off.push(`${label}: ${mean} ± ${z * se}`);
      }
      expect(tested.length).toBeGreaterThan(100);   // the two really differ somewhere, so the check has teeth
      expect(off).toEqual([]);
    });
  }

  for (const [name, s] of [["short every day", short], ["retail", retail]] as const) {
    it(`ships the same on plain days as on the general path: ${name}`, () => {
      const net = compiled(s);
      // every day of these networks is plain (lead times 1 … 6 days, a calendar of 8, no queue) …
      const st = createState(net), acc = createAccumulators(net);
      startReplication(net, st, acc, 3);
      for (let t = 0; t < net.horizon; t += DRAW_BLOCK) { drawLeadTimes(net, st); expect(st.leadsPlain).toBe(true); }
      // … and with a trace none is: every KPI of every replication identical, to the bit
      const plain = kpiRows(net, 40), general = kpiRows(net, 40, true);
      expect(Array.from(plain.rows)).toEqual(Array.from(general.rows));
    });
  }

  it("counts as same-day only what exceeds the older open orders", () => {
    const net = compiled(scenario({
      nodes: [supplier, stock("dc", 100), stock("store", 20)],
      lanes: [lane("supplier", "dc", 2), lane("dc", "store", 1)],
      demand: [{ node: "store", dist: constant(5) }],
      allocation: "proportional",
    }));
    const st = createState(net), acc = createAccumulators(net);
    startReplication(net, st, acc, 0);
    const item = (node: string) => Array.from(net.itemNode).indexOf(net.nodeIds.indexOf(node));
    const dc = item("dc"), store = item("store"), S = ITEM.stride, f = (i: number, k: number) => st.item[i * S + k];
    // the store is owed 15: 10 ordered on earlier days, 5 today
    st.item[store * S + ITEM.owedToMe] = 15; st.item[store * S + ITEM.openToday] = 5; st.item[dc * S + ITEM.owedDown] = 15;
    expect(owedBefore(net, st, store, 7)).toBe(10);
    ship(net, st, dc, store, 12, 7);
    expect([f(dc, ITEM.sameDay), f(store, ITEM.openToday), f(store, ITEM.owedToMe), f(dc, ITEM.shipped)]).toEqual([2, 3, 3, 12]);
    ship(net, st, dc, store, 3, 7);
    expect([f(dc, ITEM.sameDay), f(store, ITEM.openToday), f(store, ITEM.owedToMe), f(dc, ITEM.owedDown)]).toEqual([5, 0, 0, 0]);
    // the plain path (kernel/shipping.ts) applies the same rule
    st.item[store * S + ITEM.owedToMe] = 15; st.item[store * S + ITEM.openToday] = 5; st.item[dc * S + ITEM.owedDown] = 15;
    st.item[dc * S + ITEM.sameDay] = 0; st.laneLeads.fill(1);
    shipPlain(net, st, dc, store, 12, 8);
    expect([f(dc, ITEM.sameDay), f(store, ITEM.openToday), f(store, ITEM.owedToMe)]).toEqual([2, 3, 3]);
    shipPlain(net, st, dc, store, 3, 8);
    expect([f(dc, ITEM.sameDay), f(store, ITEM.openToday), f(store, ITEM.owedToMe), f(dc, ITEM.owedDown)]).toEqual([5, 0, 0, 0]);
  });
});
