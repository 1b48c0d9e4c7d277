// The arrival calendar's measure (checks/engine-memory.ts, checkTransit): Σ over lanes, expedites
// and lateral transfers of stocked pairs × the longest lead time in days (at most the horizon),
// refused above LIMITS.transitDays = 1e7. Each case puts the total exactly at the limit (accepted:
// the limit is inclusive) or one day's pair over it (refused), with the lead time under test deciding.
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../../../src/sim/validate/index.ts";
import { constant, issuesOf, small } from "../fixtures.ts";

type Doc = Record<string, any>;

/**
 * 1,000 products; store "big" stocks all of them (1,000 pairs) behind a lane of `bigLead` days,
 * store "one" stocks only p0 (1 pair) behind a lane of lead time `lead`. With bigLead 9,999 the
 * lanes hold 9,999,000 + ⌈longest lead of `lead`⌉: exactly the limit when that is 1,000 days.
 */
function net(lead: unknown, bigLead = 9999): Doc {
  const d = small();
  d.horizon = 36_500; d.warmup = 0; d.replications = 1;
  d.products = Array.from({ length: 1000 }, (_, p) => ({ id: `p${p}` }));
  d.nodes = [
    { id: "sup", kind: "supplier" },
    { id: "big", kind: "store", policy: { type: "base-stock", level: 10 } },
    { id: "one", kind: "store", policy: { p0: { type: "base-stock", level: 10 } } },
  ];
  d.lanes = [{ from: "sup", to: "big", leadTime: constant(bigLead) }, { from: "sup", to: "one", leadTime: lead }];
  d.demand = [{ node: "big", product: "p0", dist: { type: "constant", value: 1 } }];
  return d;
}

/**
 * The transit issue: the total and the limit 1e7 at one precision, one digit after the point or as
 * many more as the total needs to print above the limit (10,000,001 as 1.0000001e7 against
 * 1.0000000e7), and the largest share.
 */
const transit = (path: string, total: string, limit: string, what: string, pairs: string, days: string) =>
  `${path}: lets too much be in transit at once: stocked pairs × longest transit (days, at most the horizon) sum to ${total} over the lanes, ` +
  `over the limit of ${limit} (each shipment in transit is kept until it arrives); the largest share is ${what}: ${pairs} pairs × ${days} days; shorten the lead time or the horizon`;
/** 9,999,000 + 1,001 = 10,000,001; 1,000 pairs × 9,999 days at lanes[0] is the largest share. */
const bigLane = transit("lanes[0].leadTime", "1.0000001e7", "1.0000000e7", `lanes[0] ("sup" → "big")`, "1,000", "9,999");

describe("engine memory: the longest lead time of each distribution, against LIMITS.transitDays", () => {
  it("takes a constant's value: 1,000 days is exactly the limit, 1,001 one pair-day over", () => {
    expect(LIMITS.transitDays).toBe(1e7);
    expect(issuesOf(net(constant(1000)))).toEqual([]);
    expect(issuesOf(net(constant(1001)))).toEqual([bigLane]);
  });

  it("takes a uniform's max", () => {
    expect(issuesOf(net({ type: "uniform", min: 0, max: 1000 }))).toEqual([]);
    expect(issuesOf(net({ type: "uniform", min: 0, max: 1001 }))).toEqual([bigLane]);
  });

  it("takes the largest of a discrete's or an empirical's values, wherever it is in the list", () => {
    const discrete = (big: number) => ({ type: "discrete", values: [3, big, 7], probs: [0.25, 0.5, 0.25] });
    expect(issuesOf(net(discrete(1000)))).toEqual([]);
    expect(issuesOf(net(discrete(1001)))).toEqual([bigLane]);
    expect(issuesOf(net({ type: "empirical", values: [1000, 5] }))).toEqual([]);
    expect(issuesOf(net({ type: "empirical", values: [5, 1001] }))).toEqual([bigLane]);
  });

  it("takes an intermittent's size distribution", () => {
    expect(issuesOf(net({ type: "intermittent", probability: 0.5, size: constant(1000) }))).toEqual([]);
    expect(issuesOf(net({ type: "intermittent", probability: 0.5, size: { type: "uniform", min: 2, max: 1001 } }))).toEqual([bigLane]);
  });

  it("takes a poisson's mean + 6 √mean, rounded up", () => {
    // 827 + 6 × 28.758 = 999.55 → 1,000 days; 828 + 6 × 28.775 = 1,000.65 → 1,001 days
    expect(issuesOf(net({ type: "poisson", mean: 827 }))).toEqual([]);
    expect(issuesOf(net({ type: "poisson", mean: 828 }))).toEqual([bigLane]);
  });

  it.each(["normal", "gamma", "negbin"])("takes a %s's mean + 6 sd, rounded up", (type) => {
    expect(issuesOf(net({ type, mean: 400, sd: 100 }))).toEqual([]);           // 400 + 600 = 1,000
    expect(issuesOf(net({ type, mean: 400, sd: 100.1 }))).toEqual([bigLane]);  // 400 + 600.6 → 1,001
    expect(issuesOf(net({ type, mean: 401, sd: 100 }))).toEqual([bigLane]);    // 401 + 600 = 1,001
  });

  it("reports only the schema's issue for a poisson lead time with a negative mean (its √mean is NaN)", () => {
    const found = issuesOf(net({ type: "poisson", mean: -4 }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^lanes\[1\]\.leadTime\.mean: /);
  });

  it("still counts the other lanes beside such a lead time: it adds nothing, and the total stays a number", () => {
    // big's lane alone: 1,000 pairs × 10,001 days = 10,001,000 > 10^7, beside one's refused lead time
    const found = issuesOf(net({ type: "poisson", mean: -4 }, 10_001)).filter((i) => i.includes("in transit"));
    expect(found).toEqual([transit("lanes[0].leadTime", "1.0001e7", "1.0000e7", `lanes[0] ("sup" → "big")`, "1,000", "10,001")]);
  });

  it("counts nothing for a lead time of an unknown type, which only the schema reports", () => {
    expect(issuesOf(net({ type: "weird", value: 1e6 }))).toEqual([
      `lanes[1].leadTime.type: must be one of "constant", "normal", "poisson", "gamma", "negbin", "uniform", "discrete", "empirical", "intermittent", got "weird"`,
    ]);
  });
});

describe("engine memory: what else adds to the transit days", () => {
  it("adds the extra days of lane delays on that lane (from → to), summed, to its lead time", () => {
    const delayed = (...extra: number[]) => {
      const d = net(constant(600));
      d.disruptions = extra.map((extraDays, k) => ({ type: "lane-delay", from: "sup", to: "one", extraDays, start: 10 * k, end: 10 * k + 5 }));
      return d;
    };
    expect(issuesOf(delayed(400))).toEqual([]);                 // 600 + 400 = 1,000
    expect(issuesOf(delayed(401))).toEqual([bigLane]);          // 600 + 401 = 1,001
    expect(issuesOf(delayed(200, 201))).toEqual([bigLane]);     // 600 + 200 + 201 = 1,001
    const other = delayed();                                   // a delay on another lane, or another kind of disruption, adds nothing here
    other.disruptions = [
      { type: "lane-outage", from: "sup", to: "one", start: 0, end: 5 },
      { type: "lane-delay", from: "one", to: "sup", extraDays: 30_000, start: 0, end: 5 },
    ];
    other.lanes[1].leadTime = constant(1000);
    expect(issuesOf(other).filter((i) => i.includes("in transit"))).toEqual([]);
  });

  it("counts only the products a lane carries that its destination stocks", () => {
    const d = net(constant(1000));
    d.lanes[1].products = ["p0", "p1", "p2"];   // "one" stocks only p0: 1 pair, the total stays at the limit
    expect(issuesOf(d)).toEqual([]);
    d.lanes[1].leadTime = constant(1001);
    expect(issuesOf(d)).toEqual([bigLane]);
  });

  it("counts an expedite's lead time for the pairs stocked at its destination, at mitigations.expedite[k].leadTime", () => {
    // lanes: 1,000 pairs × 1 day + 1 pair × 0 days; expedite to "big": 1,000 pairs × 9,999 or 10,000 days (10,001,000 in all)
    const expedite = (days: number) => {
      const d = net(constant(0), 1);
      d.mitigations = { expedite: [{ from: "sup", to: "big", leadTime: constant(days), when: "position-below", threshold: 5 }] };
      return d;
    };
    expect(issuesOf(expedite(9999))).toEqual([]);
    expect(issuesOf(expedite(10_000))).toEqual([
      transit("mitigations.expedite[0].leadTime", "1.0001e7", "1.0000e7", "mitigations.expedite[0]", "1,000", "10,000"),
    ]);
  });

  it("counts a lateral transfer's lead time for the pairs stocked at every node of among, at mitigations.lateralTransfers.leadTime", () => {
    // lanes: 1,000 pairs × 1 day; among "big" and "one": 1,001 pairs × 9,989 days = 9,998,989 (total 9,999,989) or × 9,990 = 10,000,990 in all
    const lateral = (days: number) => {
      const d = net(constant(0), 1);
      d.mitigations = { lateralTransfers: { among: ["big", "one"], leadTime: constant(days), trigger: "below-zero" } };
      return d;
    };
    expect(issuesOf(lateral(9989))).toEqual([]);
    expect(issuesOf(lateral(9990))).toEqual([
      transit("mitigations.lateralTransfers.leadTime", "1.0001e7", "1.0000e7", "mitigations.lateralTransfers", "1,001", "9,990"),
    ]);
  });

  it("names a lane by its from and to, \"?\" for one that is not an id, and counts it into a node whose id is not one either", () => {
    // A lane whose "to" is not a string resolves to the node with id "" (both refused by the schema): its 1,000 pairs × 10,001 days are the largest share
    // (1,000 × 1 + 1 × 1,000 + 10,001,000 = 10,003,000 in all).
    const d = net(constant(1000), 1);
    d.nodes.push({ id: "", kind: "store", policy: { type: "base-stock", level: 10 } });
    d.lanes.push({ from: 5, to: 7, leadTime: constant(10_001) });
    expect(issuesOf(d).filter((i) => i.includes("in transit"))).toEqual([
      transit("lanes[2].leadTime", "1.0003e7", "1.0000e7", `lanes[2] ("?" → "?")`, "1,000", "10,001"),
    ]);
  });
});

describe("engine memory: assembly and degenerate transit parts", () => {
  it("counts units in assembly as one pair per recipe × its assemblyTime, naming a recipe whose product is not an id \"?\"", () => {
    // 300 recipes × 1 pair × 36,500 days = 1.095e7: the first recipe (a tie) is the largest share
    const d = small();
    d.horizon = 36_500; d.warmup = 0; d.replications = 1;
    d.products = Array.from({ length: 300 }, (_, p) => ({ id: `p${p}` }));
    d.nodes[1].bom = Array.from({ length: 300 }, (_, r) => ({ product: r === 0 ? 5 : `p${r}`, components: {}, assemblyTime: 36_500 }));
    expect(issuesOf(d).filter((i) => i.includes("in transit"))).toEqual([
      transit("nodes[1].bom[0].assemblyTime", "1.1e7", "1.0e7", `nodes[1].bom[0] (the assembly of "?")`, "1", "36,500"),
    ]);
    d.nodes[1].bom.length = 273;   // 273 × 36,500 = 9,964,500
    expect(issuesOf(d).filter((i) => i.includes("in transit"))).toEqual([]);
  });

  it("leaves out a lane that carries nothing its destination stocks, however its days add up", () => {
    // lanes[1] carries only p1, which "one" does not stock: 0 pairs. Two lane delays of -1e308 days
    // (refused by the schema) make its transit -Infinity days; 0 pairs × -Infinity would be NaN.
    const d = net(constant(0));
    d.lanes[1].products = ["p1"];
    d.disruptions = [1, 2].map((k) => ({ type: "lane-delay", from: "sup", to: "one", extraDays: -1e308, start: k, end: k + 1 }));
    expect(issuesOf(d).filter((i) => i.includes("in transit"))).toEqual([]);
  });
});
