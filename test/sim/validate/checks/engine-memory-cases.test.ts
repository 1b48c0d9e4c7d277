// The engine-memory limits other than transit (checks/engine-memory.ts), each met exactly (accepted:
// every limit is inclusive) and passed by one (refused, with its message), plus malformed documents
// the checks must read without tripping.
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../../../src/sim/validate/index.ts";
import { constant, issuesOf, small } from "../fixtures.ts";

type Doc = Record<string, any>;
const base = { type: "base-stock", level: 10 };

describe("engine memory: malformed recipes", () => {
  it("reads a recipe that is not an object as nothing (the schema reports it), for assembly days and components alike", () => {
    expect(issuesOf({ ...small(), nodes: small().nodes.map((n: Doc, i: number) => (i === 1 ? { ...n, bom: [5] } : n)) })).toEqual([
      "nodes[1].bom[0]: must be an object, got 5",
    ]);
  });
});

describe("engine memory: seasonality and trend tables (LIMITS.seasonalDays = 2^24)", () => {
  /** `n` sources at store-1, each with its own trend: n distinct profiles × horizon 32,768 = n × 2^15. */
  const trends = (n: number) => {
    const d = small();
    d.horizon = 32_768; d.warmup = 0; d.replications = 1;
    d.demand = Array.from({ length: n }, (_, k) => ({ node: "store-1", dist: constant(1), trend: 1e-6 * (k + 1) }));
    return d;
  };
  it("accepts 512 profiles × 32,768 days = 2^24 daily factors", () => {
    expect(LIMITS.seasonalDays).toBe(2 ** 24);
    expect(issuesOf(trends(512))).toEqual([]);
  });
  it("refuses 513 profiles × 32,768 days, at demand", () => {
    expect(issuesOf(trends(513))).toEqual([
      // 16,809,984 against 16,777,216: at one or two digits both would read 1.7e7 or 1.68e7
      "demand: has 513 distinct seasonality and trend profiles × horizon 32,768 = 1.681e7 daily factors, over the limit of 1.678e7 " +
      "(each profile's factors are computed for every day ahead of the run); share profiles between sources or shorten the horizon",
    ]);
  });
  it("counts a seasonality without a trend as a profile, and sources with the same seasonality and trend as one", () => {
    // 513 sources, each with its own two-day cycle [1, 1 + k/1024] and no trend: 513 profiles, refused as above;
    // the same 513 sources all on the first cycle share one profile, and a 514th without either adds none.
    const seasons = (distinct: boolean) => {
      const d = small();
      d.horizon = 32_768; d.warmup = 0; d.replications = 1;
      d.demand = [
        ...Array.from({ length: 513 }, (_, k) => ({ node: "store-1", dist: constant(1), seasonality: { cycle: 2, factors: [1, 1 + (distinct ? k : 0) / 1024] } })),
        { node: "store-1", dist: constant(1) },
      ];
      return d;
    };
    expect(issuesOf(seasons(true)).filter((i) => i.startsWith("demand:"))).toEqual([expect.stringContaining("513 distinct seasonality and trend profiles × horizon 32,768")]);
    expect(issuesOf(seasons(false)).filter((i) => i.startsWith("demand:"))).toEqual([]);
  });
});

describe("engine memory: demand-shock source lists (LIMITS.shockSources = 2^24)", () => {
  /** 4,096 sources at store-1 and one at store-2, with `shocks` demand shocks on `node`. */
  const shocked = (shocks: number, node: unknown, extra: Doc[] = []) => {
    const d = small();
    d.demand = [...Array.from({ length: 4096 }, () => ({ node: "store-1", dist: constant(1) })), { node: "store-2", dist: constant(1) }, ...extra];
    d.disruptions = Array.from({ length: shocks }, () => ({ type: "demand-shock", node, multiplier: 1, start: 0, end: 5 }));
    return d;
  };
  /** Sources listed and the limit 2^24 = 16,777,216, at the precision that tells them apart. */
  const refusal = (listed: string, limit: string) => `disruptions: has demand shocks that together apply to ${listed} demand sources (a shock on "*" applies to every one), ` +
    `over the limit of ${limit}; merge shocks with the same window, or name the nodes they hit`;

  it("accepts 4,096 shocks on store-1 × its 4,096 sources = 2^24 (store-2's source is not listed)", () => {
    expect(LIMITS.shockSources).toBe(2 ** 24);
    expect(issuesOf(shocked(4096, "store-1"))).toEqual([]);
  });
  it("refuses 4,097 shocks on store-1 × 4,096 sources, at disruptions", () => {
    expect(issuesOf(shocked(4097, "store-1"))).toEqual([refusal("1.6781e7", "1.6777e7")]);   // 16,781,312
  });
  it("counts a shock on \"*\" for every source that names its node, not one without (which the schema refuses)", () => {
    // 4,095 × 4,097 sources = 16,777,215 <= 2^24; a source with no node adds nothing
    expect(issuesOf(shocked(4095, "*", [{ dist: constant(1) }])).filter((i) => i.startsWith("disruptions:"))).toEqual([]);
  });
  it("refuses 4,097 shocks on \"*\" × 4,097 sources, at disruptions", () => {
    expect(issuesOf(shocked(4097, "*"))).toEqual([refusal("1.679e7", "1.678e7")]);   // 16,785,409
  });
});

describe("engine memory: demand-shock source lists, malformed", () => {
  it("counts a shock whose node is not a string for the sources at the node \"\" (both refused by the schema)", () => {
    // 4,097 sources at "" × 4,096 shocks without a node = 16,781,312 > 2^24
    const d = small();
    d.demand = Array.from({ length: 4097 }, () => ({ node: "", dist: constant(1) }));
    d.disruptions = Array.from({ length: 4096 }, () => ({ type: "demand-shock", multiplier: 1, start: 0, end: 5 }));
    expect(issuesOf(d).filter((i) => i.startsWith("disruptions:"))).toEqual([
      "disruptions: has demand shocks that together apply to 1.6781e7 demand sources (a shock on \"*\" applies to every one), " +
      "over the limit of 1.6777e7; merge shocks with the same window, or name the nodes they hit",
    ]);
  });
});

describe("engine memory: lateral-transfer peers (LIMITS.lateralPeers = 2^24)", () => {
  /**
   * 1,000 products. The node with id "" (refused by the schema) stocks all of them; `among` lists
   * `k` items that are not ids, each of which resolves to that node, then "r1" and "r2", which stock
   * p488..p999. Peer links: 488 × k(k − 1) + 512 × (k + 2)(k + 1).
   */
  const peers = (k: number) => {
    const d = small();
    d.horizon = 10; d.warmup = 0; d.replications = 1;
    d.products = Array.from({ length: 1000 }, (_, p) => ({ id: `p${p}` }));
    const upper = Object.fromEntries(Array.from({ length: 512 }, (_, p) => [`p${488 + p}`, base]));
    d.nodes = [{ id: "sup", kind: "supplier" }, { id: "", kind: "store", policy: base }, { id: "r1", kind: "store", policy: upper }, { id: "r2", kind: "store", policy: upper }];
    d.lanes = [{ from: "sup", to: "r1", leadTime: constant(1) }, { from: "sup", to: "r2", leadTime: constant(1) }];
    d.demand = [{ node: "r1", product: "p500", dist: constant(1) }];
    d.mitigations = { lateralTransfers: { among: [...Array.from({ length: k }, (_, j) => j), "r1", "r2"], leadTime: constant(1), trigger: "below-zero" } };
    return d;
  };
  const links = (d: Doc) => issuesOf(d).filter((i) => i.includes("peer links"));
  it("accepts 488 × 129 × 128 + 512 × 131 × 130 = 16,777,216 = 2^24 links", () => {
    expect(LIMITS.lateralPeers).toBe(2 ** 24);
    expect(488 * 129 * 128 + 512 * 131 * 130).toBe(2 ** 24);
    expect(links(peers(129))).toEqual([]);
  });
  it("refuses 488 × 130 × 129 + 512 × 132 × 131 = 17,037,264 links, at mitigations.lateralTransfers.among", () => {
    expect(links(peers(130))).toEqual([
      "mitigations.lateralTransfers.among: pairs every node with every other for each product they share: 1.70e7 peer links, over the limit of 1.68e7; list fewer nodes",
    ]);
  });
});

describe("engine memory: echelon lists (LIMITS.echelonPairs = 2^24)", () => {
  /**
   * One product ("default"). "top" (an echelon-base-stock policy on p0 of a per-product map, the
   * other two products base-stock) sits over a ladder of 23 layers of two stocking nodes, each
   * node with a lane to both nodes of the next layer, and over `leaves` leaf stores. Counted over
   * the lanes (paths, not distinct nodes), a layer-k node sees 2^(24−k) − 1 pairs: layer 23 sees 1,
   * each layer above 1 + 2 × the one below; "top" sees 1 + 2 × (2^23 − 1) + leaves = 2^24 − 1 + leaves.
   */
  function ladder(leaves: number): Doc {
    const d = small();
    d.horizon = 10; d.warmup = 0; d.replications = 1;
    d.products = [{ id: "p0" }, { id: "p1" }, { id: "p2" }];
    const layer = (k: number) => [`a${k}`, `b${k}`];
    const lead = constant(1);
    d.nodes = [{ id: "sup", kind: "supplier" },
      { id: "top", kind: "dc", policy: { p0: { type: "echelon-base-stock", level: 10 }, p1: base, p2: base } }];
    d.lanes = [{ from: "sup", to: "top", leadTime: lead }];
    for (let k = 1; k <= 23; k++) {
      for (const id of layer(k)) d.nodes.push({ id, kind: k < 23 ? "dc" : "store", policy: base });
      for (const from of k === 1 ? ["top"] : layer(k - 1)) for (const to of layer(k)) d.lanes.push({ from, to, leadTime: lead, ...(k > 1 ? { sourcing: { split: 0.5 } } : {}) });
    }
    for (let j = 0; j < leaves; j++) {
      d.nodes.push({ id: `leaf${j}`, kind: "store", policy: base });
      d.lanes.push({ from: "top", to: `leaf${j}`, leadTime: lead });
    }
    d.demand = [...layer(23), ...Array.from({ length: leaves }, (_, j) => `leaf${j}`)].flatMap((node) => ["p0", "p1", "p2"].map((product) => ({ node, product, dist: constant(1) })));
    return d;
  }
  const echelon = (d: Doc) => issuesOf(d).filter((i) => i.includes("echelon-base-stock policies"));
  /** `listed` and `limit`: the pairs listed and 2^24, at the precision that tells them apart. */
  const refusal = (at: string, listed: string, limit: string, worst: string, size: string) =>
    `nodes[${at}].policy: echelon-base-stock policies look down the network at ${listed} (node, product) pairs in all (each echelon position sums every pair at or below it), ` +
    `over the limit of ${limit}; the most from "${worst}": ${size}; use base-stock on the upper stages or fewer products`;

  const notTree = `nodes[1].policy: is "echelon-base-stock", which needs one supplier per product (a tree), but the scenario has a sourcing rule; use "base-stock", "sS" or "sQ" here`;
  it("lets one echelon position look at exactly 2^24 pairs (only p0 of top's map is echelon; base-stock nodes list nothing)", () => {
    expect(LIMITS.echelonPairs).toBe(2 ** 24);
    // The ladder is no tree, which echelon-base-stock refuses (policies.ts); the lists are measured all the same.
    expect(issuesOf(ladder(1))).toEqual([notTree]);
  });
  it("refuses one that looks at 2^24 + 1 pairs, at its policy", () => {
    expect(issuesOf(ladder(2))).toEqual([notTree, refusal("1", "1.6777217e7", "1.6777216e7", "top", "16,777,217")]);
  });
  it("names the first of two positions that look at as many pairs", () => {
    const d = ladder(1);
    d.nodes.splice(2, 0, { id: "twin", kind: "dc", policy: { type: "echelon-base-stock", level: 10 } });   // stocks p0..p2: 3 positions
    d.lanes.push({ from: "sup", to: "twin", leadTime: constant(1) }, { from: "twin", to: "top", leadTime: constant(1) });
    // twin sees itself + top's 2^24 = 2^24 + 1 pairs, × 3 products; top 2^24: 4 × 2^24 + 3 in all
    expect(echelon(d)).toEqual([refusal("2", "6.7e7", "1.7e7", "twin", "50,331,651")]);
    // two equal positions: the first in the file is named
    d.nodes[2].policy = { p1: { type: "echelon-base-stock", level: 10 } };
    d.nodes.push({ id: "twin2", kind: "dc", policy: { p2: { type: "echelon-base-stock", level: 10 } } });
    d.lanes.push({ from: "sup", to: "twin2", leadTime: constant(1) }, { from: "twin2", to: "top", leadTime: constant(1) });
    expect(echelon(d)).toEqual([refusal("2", "5.0e7", "1.7e7", "twin", "16,777,217")]);
  });
  it("ignores lanes whose from or to is not an id (the schema reports them)", () => {
    const d = ladder(1);
    d.lanes.push({ from: "top", to: 5, leadTime: constant(1) }, { from: 6, to: "leaf0", leadTime: constant(1) });
    expect(echelon(d)).toEqual([]);
  });
  it("counts a node with an unusual id only where lanes reach it", () => {
    // The id is the string a mutation-testing tool substitutes for string literals (engine-memory.ts 184).
    const d = ladder(1);
    d.nodes.push({ id: "Stryker was here", kind: "store", policy: base });
    expect(echelon(d)).toEqual([]);
  });
  it("counts a cycle back to the position as nothing more, with a node of the cycle listed before the position", () => {
    // leaf0 → top closes a cycle (reported elsewhere); top still sees 2^24 + 1 pairs with two leaves
    const d = ladder(2);
    d.lanes.push({ from: "leaf0", to: "top", leadTime: constant(1) });
    const leaf0 = d.nodes.findIndex((n: Doc) => n.id === "leaf0");
    d.nodes.splice(1, 0, ...d.nodes.splice(leaf0, 1));   // leaf0 first, top now nodes[2]
    expect(echelon(d)).toEqual([refusal("2", "1.6777217e7", "1.6777216e7", "top", "16,777,217")]);
  });
});

describe("engine memory: random outages (LIMITS.outageDays = 4e6)", () => {
  const outages = (n: number) => {
    const d = small();
    d.horizon = 32_000; d.warmup = 0; d.replications = 1;
    d.disruptions = [
      ...Array.from({ length: n }, () => ({ type: "random-outage", node: "plant", mtbf: 100, mttr: 1 })),
      { type: "node-outage", node: "plant", start: 1, end: 2 },   // not drawn: not counted
    ];
    return d;
  };
  it("accepts 125 random outages × horizon 32,000 = 4e6 outage-days", () => {
    expect(LIMITS.outageDays).toBe(4e6);
    expect(issuesOf(outages(125))).toEqual([]);
  });
  it("refuses 126 × 32,000, at disruptions", () => {
    expect(issuesOf(outages(126))).toEqual([
      "disruptions: has 126 random outages × horizon 32,000 = 4.03e6 outage-days, over the limit of 4.00e6 " +
      "(each replication lists every outage's start and end, up to two a day); use fewer random outages or a shorter horizon",
    ]);
  });
});
