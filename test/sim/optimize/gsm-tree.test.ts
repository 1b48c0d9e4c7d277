import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { protectedDays, solveGsm, stageCost } from "../../../src/sim/optimize/gsm.ts";
import { labelStages, optimizeServiceTimes } from "../../../src/sim/optimize/gsm-tree-dp.ts";
import { checkGsmTree, netDemand, solveGsmTree, type GsmArc, type GsmStage, type GsmTreeInstance } from "../../../src/sim/optimize/gsm-tree.ts";
import type { Stage } from "../../../src/sim/optimize/network.ts";

// Published instances. Snyder & Shen, *Fundamentals of Supply Chain Theory* (2nd ed., Wiley 2019),
// chapter 6 (the guaranteed-service model on trees). The data are the book's; the optimal service
// times and costs are the ones the book's author checks in stockpyl's test suite
// (tests/test_gsm_tree.py, TestOptimizeCommittedServiceTimes), which reproduces the book.

const serviceTimes = (sol: ReturnType<typeof solveGsmTree>) => Object.fromEntries(sol.stages.map((s) => [s.id, s.serviceTime]));

/** Example 6.5: stage 1 feeds 3, which feeds the demand stages 2 and 4 (a distribution tree); z = 1. */
const example6_5: GsmTreeInstance = {
  z: 1,
  stages: [
    { id: "1", processingTime: 2, holdingCost: 1, externalInboundServiceTime: 1 },
    { id: "2", processingTime: 1, holdingCost: 3, demandSd: 1, maxServiceTime: 0 },
    { id: "3", processingTime: 1, holdingCost: 2 },
    { id: "4", processingTime: 1, holdingCost: 3, demandSd: 1, maxServiceTime: 1 },
  ],
  arcs: [{ from: "1", to: "3" }, { from: "3", to: "2" }, { from: "3", to: "4" }],
};

/**
 * Figure 6.14: a digital-camera supply chain (after Graves & Willems), a pure assembly tree.
 * Two assemblies: Imager Assembly (wafers + imager base) and Build/Test/Pack (shipped imager,
 * camera body, circuit board, other parts). σ = 10 at the end item, z = Φ⁻¹(0.95) at every stage.
 */
const Z_95 = 1.6448536269514722;
const figure6_14 = (promise: number): GsmTreeInstance => ({
  z: Z_95,
  stages: [
    { id: "Raw_Material", processingTime: 2, holdingCost: 0.01 },
    { id: "Process_Wafers", processingTime: 3, holdingCost: 0.03 },
    { id: "Package_Test_Wafers", processingTime: 2, holdingCost: 0.04 },
    { id: "Imager_Base", processingTime: 4, holdingCost: 0.06 },
    { id: "Imager_Assembly", processingTime: 2, holdingCost: 0.12 },
    { id: "Ship_to_Final_Assembly", processingTime: 3, holdingCost: 0.13 },
    { id: "Camera", processingTime: 6, holdingCost: 0.2 },
    { id: "Circuit_Board", processingTime: 4, holdingCost: 0.08 },
    { id: "Other_Parts", processingTime: 3, holdingCost: 0.04 },
    { id: "Build_Test_Pack", processingTime: 2, holdingCost: 0.5, demandSd: 10, maxServiceTime: promise },
  ],
  arcs: [
    { from: "Raw_Material", to: "Process_Wafers" }, { from: "Process_Wafers", to: "Package_Test_Wafers" },
    { from: "Package_Test_Wafers", to: "Imager_Assembly" }, { from: "Imager_Base", to: "Imager_Assembly" },
    { from: "Imager_Assembly", to: "Ship_to_Final_Assembly" }, { from: "Ship_to_Final_Assembly", to: "Build_Test_Pack" },
    { from: "Camera", to: "Build_Test_Pack" }, { from: "Circuit_Board", to: "Build_Test_Pack" }, { from: "Other_Parts", to: "Build_Test_Pack" },
  ],
});
const cameraOrder = ["Raw_Material", "Process_Wafers", "Package_Test_Wafers", "Imager_Base", "Imager_Assembly", "Ship_to_Final_Assembly", "Camera", "Circuit_Board", "Other_Parts", "Build_Test_Pack"];
const byOrder = (ids: readonly string[], s: readonly number[]) => Object.fromEntries(ids.map((id, i) => [id, s[i]]));

/** Problem 6.7: a serial line, forming (3) → firing (2) → glazing (1); μ 45, σ 10, z = 4. */
const problem6_7: GsmTreeInstance = {
  z: 4,
  stages: [
    { id: "3", processingTime: 1, holdingCost: 2, externalInboundServiceTime: 1 },
    { id: "2", processingTime: 1, holdingCost: 3 },
    { id: "1", processingTime: 2, holdingCost: 4, demandMean: 45, demandSd: 10, maxServiceTime: 0 },
  ],
  arcs: [{ from: "3", to: "2" }, { from: "2", to: "1" }],
};

/**
 * Problem 6.9: a mixed tree. Stages 4 and 5 (5 fed by 6) are assembled at 3, which serves the
 * demand stages 1 and 2. Holding cost = 20%/year of the unit value, per day; z = 4.
 */
const problem6_9 = (s1: number, s2: number): GsmTreeInstance => ({
  z: 4,
  stages: [
    { id: "1", processingTime: 7, holdingCost: (220 * 0.2) / 365, demandMean: 22, demandSd: 4.1, maxServiceTime: s1 },
    { id: "2", processingTime: 7, holdingCost: (140 * 0.2) / 365, demandMean: 15.3, demandSd: 6.2, maxServiceTime: s2 },
    { id: "3", processingTime: 21, holdingCost: (90 * 0.2) / 365 },
    { id: "4", processingTime: 3, holdingCost: (5 * 0.2) / 365 },
    { id: "5", processingTime: 8, holdingCost: (20 * 0.2) / 365 },
    { id: "6", processingTime: 2, holdingCost: (7.5 * 0.2) / 365 },
  ],
  arcs: [{ from: "6", to: "5" }, { from: "4", to: "3" }, { from: "5", to: "3" }, { from: "3", to: "1" }, { from: "3", to: "2" }],
});

describe("solveGsmTree on published instances", () => {
  it("solveGsmTree(Snyder & Shen Example 6.5) finds S = (0, 0, 0, 1) at cost 2√2 + √6 + 3", () => {
    const sol = solveGsmTree(example6_5);
    expect(serviceTimes(sol)).toEqual({ 1: 0, 2: 0, 3: 0, 4: 1 });
    expect(sol.cost).toBeCloseTo(2 * Math.SQRT2 + Math.sqrt(6) + 3, 12);
    expect(sol.stages.map((s) => s.sdDemand)).toEqual([Math.SQRT2, 1, Math.SQRT2, 1]);
  });

  it.each([
    [2, 18.8240044725922, [0, 3, 5, 4, 7, 0, 0, 0, 0, 2]],
    [5, 12.4686888061037, [0, 3, 5, 4, 0, 3, 3, 3, 3, 5]],
    [8, 3.25788236403285, [0, 3, 1, 1, 3, 6, 6, 4, 3, 8]],
    [12, 0.232617430735335, [0, 3, 5, 4, 7, 10, 6, 4, 3, 12]],
  ])("solveGsmTree(Snyder & Shen Figure 6.14, camera) promising %i days costs %f", (promise, cost, s) => {
    const sol = solveGsmTree(figure6_14(promise));
    expect(serviceTimes(sol)).toEqual(byOrder(cameraOrder, s));
    expect(sol.cost).toBeCloseTo(cost, 12);
  });

  it("solveGsmTree(Figure 6.14) quotes each assembly the largest of its inputs' service times", () => {
    const sol = solveGsmTree(figure6_14(2)), at = (id: string) => sol.stages.find((s) => s.id === id)!;
    expect(at("Imager_Assembly").inboundServiceTime).toBe(Math.max(at("Package_Test_Wafers").serviceTime, at("Imager_Base").serviceTime));
    expect(at("Imager_Assembly").inboundServiceTime).toBe(5);
    expect(at("Ship_to_Final_Assembly").inboundServiceTime).toBe(7);
  });

  it("solveGsmTree(Snyder & Shen Problem 6.7) costs 160√5 with S = (forming 2, firing 3, glazing 0)", () => {
    const sol = solveGsmTree(problem6_7);
    expect(serviceTimes(sol)).toEqual({ 1: 0, 2: 3, 3: 2 });
    expect(sol.cost).toBeCloseTo(160 * Math.sqrt(5), 12);
    expect(sol.stages.find((s) => s.id === "1")!.baseStock).toBeCloseTo(45 * 5 + 4 * 10 * Math.sqrt(5), 12);
  });

  it.each([
    [3, 3, 15.649530249501, [3, 3, 0, 0, 0, 2]],
    [0, 7, 13.121240238718, [0, 7, 0, 0, 0, 2]],
    [21, 5, 10.5811190103555, [7, 5, 0, 0, 0, 2]],
  ])("solveGsmTree(Snyder & Shen Problem 6.9, s1 = %i, s2 = %i) costs %f", (s1, s2, cost, s) => {
    const sol = solveGsmTree(problem6_9(s1, s2));
    expect(serviceTimes(sol)).toEqual(byOrder(["1", "2", "3", "4", "5", "6"], s));
    expect(sol.cost).toBeCloseTo(cost, 10);
    // The assembly stage 3 serves both demand stages: μ 37.3, σ √(4.1² + 6.2²).
    expect(sol.stages[2].meanDemand).toBeCloseTo(37.3, 12);
    expect(sol.stages[2].sdDemand).toBeCloseTo(Math.hypot(4.1, 6.2), 12);
  });
});

// The existing distribution-tree GSM's test cases (test/sim/optimize/gsm.test.ts), written as stage graphs.
describe("solveGsmTree agrees with solveGsm on distribution trees", () => {
  const toStage = (p: Partial<Stage> & { id: string }): Stage => ({
    parent: -1, processingTime: 1, externalInbound: 0, holdingCost: 1, meanDemand: 10, sdDemand: 1,
    isDemandNode: false, maxServiceTime: Infinity, leadTimeVariance: 0, ...p,
  });
  const stageCostOf = (stages: Stage[], plans: ReturnType<typeof solveGsm>, z: number) =>
    plans.reduce((a, p, i) => a + stageCost(stages[i], z, p.netReplenishmentTime), 0);

  it("on the serial lines, the pooling DC and the single stage of gsm.test.ts", () => {
    const cases: [Stage[], GsmTreeInstance][] = [
      [[toStage({ id: "u", processingTime: 2 }), toStage({ id: "d", parent: 0, holdingCost: 10, isDemandNode: true, maxServiceTime: 0 })],
        { z: 1, stages: [{ id: "u", processingTime: 2, holdingCost: 1 }, { id: "d", processingTime: 1, holdingCost: 10, demandSd: 1 }], arcs: [{ from: "u", to: "d" }] }],
      [[toStage({ id: "u", processingTime: 2, holdingCost: 10 }), toStage({ id: "d", parent: 0, isDemandNode: true, maxServiceTime: 0 })],
        { z: 1, stages: [{ id: "u", processingTime: 2, holdingCost: 10 }, { id: "d", processingTime: 1, holdingCost: 1, demandSd: 1 }], arcs: [{ from: "u", to: "d" }] }],
      [[toStage({ id: "dc", processingTime: 3, sdDemand: Math.SQRT2 }), toStage({ id: "a", parent: 0, holdingCost: 1.5, isDemandNode: true, maxServiceTime: 0 }),
        toStage({ id: "b", parent: 0, holdingCost: 1.5, isDemandNode: true, maxServiceTime: 0 })],
        { z: 2, stages: [{ id: "dc", processingTime: 3, holdingCost: 1 }, { id: "a", processingTime: 1, holdingCost: 1.5, demandSd: 1 }, { id: "b", processingTime: 1, holdingCost: 1.5, demandSd: 1 }],
          arcs: [{ from: "dc", to: "a" }, { from: "dc", to: "b" }] }],
      [[toStage({ id: "s", processingTime: 2, isDemandNode: true, maxServiceTime: 2 })],
        { z: 1.645, stages: [{ id: "s", processingTime: 2, holdingCost: 1, demandSd: 1, maxServiceTime: 2 }], arcs: [] }],
      [[toStage({ id: "1", processingTime: 2, externalInbound: 1, sdDemand: Math.SQRT2 }), toStage({ id: "3", parent: 0, holdingCost: 2, sdDemand: Math.SQRT2 }),
        toStage({ id: "2", parent: 1, holdingCost: 3, isDemandNode: true, maxServiceTime: 0 }), toStage({ id: "4", parent: 1, holdingCost: 3, isDemandNode: true, maxServiceTime: 1 })], example6_5],
    ];
    for (const [stages, instance] of cases) {
      const z = instance.z, old = solveGsm(stages, z), tree = solveGsmTree(instance);
      const byId = new Map(tree.stages.map((s) => [s.id, s]));
      expect(tree.cost).toBeCloseTo(stageCostOf(stages, old, z), 12);
      expect(stages.map((s) => byId.get(s.id)!.serviceTime)).toEqual(old.map((p) => p.serviceTime));
    }
  });

  it("optimizeServiceTimes with solveGsm's own stage cost gives its optimum on random distribution trees", () => {
    // Integer holding costs and σ make ties likely; the optimum must agree, the plan may differ only on ties.
    // Demand nodes have T ≥ 1, where solveGsm's one-day floor for a demand node promising 0
    // (protectedDays) never binds: that floor makes the cost fall as the inbound service time
    // rises past 0, which the spanning-tree DP (exact for costs nondecreasing in τ) does not model.
    const tree = fc.integer({ min: 1, max: 7 }).chain((n) => fc.tuple(
      fc.tuple(...Array.from({ length: n }, (_, k) => (k === 0 ? fc.constant(-1) : fc.integer({ min: 0, max: k - 1 })))),
      fc.array(fc.record({ T: fc.constantFrom(0, 1, 2, 2.5, 3), h: fc.integer({ min: 1, max: 4 }), sd: fc.integer({ min: 1, max: 3 }),
        demand: fc.boolean(), smax: fc.integer({ min: 0, max: 2 }), si: fc.integer({ min: 0, max: 2 }), lt: fc.constantFrom(0, 0, 0.5) }), { minLength: n, maxLength: n }),
      fc.constantFrom(1, 1.645, 2),
    ));
    fc.assert(fc.property(tree, ([parents, attrs, z]) => {
      const leaf = (k: number) => !parents.includes(k);
      const stages = parents.map((parent, k): Stage => ({
        id: String(k), parent, processingTime: leaf(k) || attrs[k].demand ? Math.max(1, attrs[k].T) : attrs[k].T, externalInbound: parent < 0 ? attrs[k].si : 0, holdingCost: attrs[k].h,
        meanDemand: 10, sdDemand: attrs[k].sd, leadTimeVariance: attrs[k].lt,
        isDemandNode: leaf(k) || attrs[k].demand, maxServiceTime: leaf(k) || attrs[k].demand ? attrs[k].smax : Infinity,
      }));
      const old = solveGsm(stages, z);
      const dp = optimizeServiceTimes(
        stages.map((s) => ({ processingTime: s.processingTime, externalInbound: s.externalInbound, maxServiceTime: s.maxServiceTime })),
        stages.flatMap((s, k) => (s.parent < 0 ? [] : [{ from: s.parent, to: k }])),
        (k, si, s) => stageCost(stages[k], z, protectedDays(stages[k], si, s)),
      );
      const oldCost = old.reduce((a, p, k) => a + stageCost(stages[k], z, p.netReplenishmentTime), 0);
      expect(dp.cost).toBeCloseTo(oldCost, 9);
    }), { seed: 6120, numRuns: 300 });
  });
});

/** Every feasible plan, enumerated: S_k in 0..min(smax, ⌊SI_k + T_k⌋), SI_k the largest input's S (or si). */
function bruteForce(instance: GsmTreeInstance): number {
  const { stages, arcs, z } = instance, p = instance.pooling ?? 2, n = stages.length;
  const idx = new Map(stages.map((s, i) => [s.id, i]));
  const into = stages.map((s) => arcs.filter((a) => a.to === s.id).map((a) => idx.get(a.from)!));
  const sd = (k: number): number => ((stages[k].demandSd ?? 0) ** p
    + arcs.filter((a) => a.from === stages[k].id).reduce((acc, a) => acc + ((a.quantity ?? 1) * sd(idx.get(a.to)!)) ** p, 0)) ** (1 / p);
  const sds = stages.map((_, k) => sd(k));
  const order: number[] = [];
  const visit = (k: number) => { if (order.includes(k)) return; into[k].forEach(visit); order.push(k); };
  stages.forEach((_, k) => visit(k));
  const S = new Array<number>(n);
  let best = Infinity;
  const go = (t: number, acc: number) => {
    if (t === n) { best = Math.min(best, acc); return; }
    const k = order[t], st = stages[k];
    const si = into[k].reduce((m, i) => Math.max(m, S[i]), st.externalInboundServiceTime ?? 0);
    const smax = st.maxServiceTime ?? (st.demandMean !== undefined || st.demandSd !== undefined ? 0 : Infinity);
    for (let s = 0; s <= Math.min(smax, Math.floor(si + st.processingTime + 1e-9)); s++) {
      S[k] = s;
      go(t + 1, acc + st.holdingCost * z * sds[k] * Math.sqrt(Math.max(0, si + st.processingTime - s)));
    }
  };
  go(0, 0);
  return best;
}

/** A random spanning tree of 1..6 stages: each stage k ≥ 1 hangs off an earlier one, as its supplier or its customer. */
const randomTree: fc.Arbitrary<GsmTreeInstance> = fc.integer({ min: 1, max: 6 }).chain((n) => fc.record({
  links: fc.array(fc.record({ to: fc.nat(), upstream: fc.boolean(), quantity: fc.constantFrom(1, 1, 2, 0.5, 3) }), { minLength: n - 1, maxLength: n - 1 }),
  stages: fc.array(fc.record({
    T: fc.constantFrom(0, 1, 2, 3, 1.5), h: fc.integer({ min: 1, max: 40 }).map((x) => x / 10), sd: fc.integer({ min: 0, max: 5 }),
    demand: fc.boolean(), smax: fc.option(fc.integer({ min: 0, max: 3 })), si: fc.option(fc.integer({ min: 0, max: 2 })),
  }), { minLength: n, maxLength: n }),
  z: fc.constantFrom(1, 1.645, 2.33),
  pooling: fc.constantFrom(undefined, 1, 2, 3),
})).map(({ links, stages, z, pooling }) => ({
  z, pooling,
  stages: stages.map((s, k): GsmStage => ({
    id: `s${k}`, processingTime: s.T, holdingCost: s.h,
    ...(s.demand ? { demandMean: 5, demandSd: s.sd } : {}),
    ...(s.smax !== null ? { maxServiceTime: s.smax } : {}),
    ...(s.si !== null ? { externalInboundServiceTime: s.si } : {}),
  })),
  arcs: links.map((l, i): GsmArc => {
    const k = i + 1, other = `s${l.to % k}`;
    return l.upstream ? { from: `s${k}`, to: other, quantity: l.quantity } : { from: other, to: `s${k}`, quantity: l.quantity };
  }),
}));

describe("solveGsmTree against enumeration", () => {
  it("finds the least cost of every feasible plan on random spanning trees (assembly, distribution, mixed)", () => {
    fc.assert(fc.property(randomTree, (instance) => {
      const sol = solveGsmTree(instance);
      expect(sol.cost).toBeCloseTo(bruteForce(instance), 9);
      // The plan is feasible and states its own cost.
      const byId = new Map(sol.stages.map((s) => [s.id, s]));
      for (const s of sol.stages) {
        const st = instance.stages.find((x) => x.id === s.id)!;
        const inputs = instance.arcs.filter((a) => a.to === s.id).map((a) => byId.get(a.from)!.serviceTime);
        expect(s.inboundServiceTime).toBe(Math.max(st.externalInboundServiceTime ?? 0, ...inputs));
        expect(s.serviceTime).toBeLessThanOrEqual(Math.floor(s.inboundServiceTime + st.processingTime + 1e-9));
      }
      expect(sol.stages.reduce((a, s) => a + s.holdingCost, 0)).toBeCloseTo(sol.cost, 12);
    }), { seed: 20001, numRuns: 400 });
  });

  it("a bill of materials moves the optimum: 2 units of A per F doubles A's σ and stock moves upstream", () => {
    // A (T 2) and B (T 3) are assembled into F (T 1, h 4, σ 2, promises 0); z = 1. With φ_A = 1 the
    // best plan holds everywhere: 2√2 + 2√3 + 8 = 14.29; with φ_A = 2 (σ_A = 4) A and B quote 2 days
    // and F covers 3: 0 + 2 + 8√3 = 15.86 (against 4√2 + 2√3 + 8 = 17.12 for holding everywhere).
    const assembly = (phi: number): GsmTreeInstance => ({
      z: 1,
      stages: [
        { id: "A", processingTime: 2, holdingCost: 1 }, { id: "B", processingTime: 3, holdingCost: 1 },
        { id: "F", processingTime: 1, holdingCost: 4, demandMean: 10, demandSd: 2 },
      ],
      arcs: [{ from: "A", to: "F", quantity: phi }, { from: "B", to: "F" }],
    });
    const one = solveGsmTree(assembly(1)), two = solveGsmTree(assembly(2));
    expect(serviceTimes(one)).toEqual({ A: 0, B: 0, F: 0 });
    expect(one.cost).toBeCloseTo(2 * Math.SQRT2 + 2 * Math.sqrt(3) + 8, 12);
    expect(serviceTimes(two)).toEqual({ A: 2, B: 2, F: 0 });
    expect(two.stages[2].inboundServiceTime).toBe(2);
    expect(two.cost).toBeCloseTo(2 + 8 * Math.sqrt(3), 12);
    expect(two.stages[0].meanDemand).toBe(20);
    expect(two.stages[0].sdDemand).toBe(4);
  });
});

describe("netDemand", () => {
  it("netDemand pools independent demands by default and adds bounds with pooling 1", () => {
    // W supplies R1 (σ 3) one unit each and R2 (σ 2) two units each.
    const base = {
      z: 1,
      stages: [{ id: "W", processingTime: 1, holdingCost: 1 }, { id: "R1", processingTime: 1, holdingCost: 1, demandMean: 4, demandSd: 3 },
        { id: "R2", processingTime: 1, holdingCost: 1, demandMean: 1, demandSd: 2 }],
      arcs: [{ from: "W", to: "R1" }, { from: "W", to: "R2", quantity: 2 }],
    };
    expect(netDemand(base)).toEqual({ mean: [6, 4, 1], sd: [5, 3, 2] });
    expect(netDemand({ ...base, pooling: 1 }).sd).toEqual([7, 3, 2]);
  });
});

describe("labelStages", () => {
  it("labelStages peels leaves so every stage has at most one higher-labelled neighbour", () => {
    const ids = cameraOrder, index = new Map(ids.map((id, i) => [id, i]));
    const arcs = figure6_14(2).arcs.map((a) => ({ from: index.get(a.from)!, to: index.get(a.to)! }));
    const { order, next } = labelStages(ids.length, arcs);
    const label = new Map(order.map((k, l) => [k, l]));
    for (const k of order) {
      const higher = arcs.flatMap((a) => (a.from === k ? [a.to] : a.to === k ? [a.from] : [])).filter((j) => label.get(j)! > label.get(k)!);
      expect(higher).toEqual(next[k] < 0 ? [] : [next[k]]);
    }
    expect(next.filter((p) => p < 0)).toHaveLength(1);
  });
});

describe("checkGsmTree", () => {
  it("checkGsmTree names the path and the problem of every issue", () => {
    const bad: GsmTreeInstance = {
      z: -1,
      stages: [{ id: "a", processingTime: -1, holdingCost: 1 }, { id: "a", processingTime: 1, holdingCost: 1 }, { id: "b", processingTime: 1, holdingCost: 1, maxServiceTime: 1.5 }],
      arcs: [{ from: "a", to: "b" }, { from: "b", to: "a" }, { from: "a", to: "x", quantity: 0 }],
    };
    expect(checkGsmTree(bad)).toEqual([
      "At z: expected a number >= 0, got -1",
      "At stages.0.processingTime: expected a number >= 0, got -1",
      "At stages.1.id: duplicate stage id \"a\" (also stages.0)",
      "At stages.2.maxServiceTime: expected a whole number of periods >= 0, got 1.5",
      "At arcs.1: \"b\" → \"a\" closes a cycle: the guaranteed-service DP needs a spanning tree (no cycle, ignoring arc directions)",
      "At arcs.2.to: unknown stage \"x\"",
      "At arcs.2.quantity: expected a number > 0, got 0",
    ]);
    expect(() => solveGsmTree(bad)).toThrow(/At arcs\.1: "b" → "a" closes a cycle/);
    expect(checkGsmTree(figure6_14(2))).toEqual([]);
  });

  it("solveGsmTree refuses an undirected cycle (two paths from a component to an end item)", () => {
    const diamond: GsmTreeInstance = {
      z: 1,
      stages: ["c", "s1", "s2", "f"].map((id) => ({ id, processingTime: 1, holdingCost: 1 })),
      arcs: [{ from: "c", to: "s1" }, { from: "c", to: "s2" }, { from: "s1", to: "f" }, { from: "s2", to: "f" }],
    };
    expect(checkGsmTree(diamond)).toEqual(["At arcs.3: \"s2\" → \"f\" closes a cycle: the guaranteed-service DP needs a spanning tree (no cycle, ignoring arc directions)"]);
  });
});
