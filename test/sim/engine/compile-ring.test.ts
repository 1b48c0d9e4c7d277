// The arrival ring compile sizes (engine/compile.ts; docs/scenario-format.md "Limits", in transit):
// the longest usual transit T — over lanes, expedite and lateral-transfer lanes, the largest value
// of a bounded lead time, else mean + 6 sd rounded up; plus every lane delay's extra days; at least
// each recipe's assembly time — and the ring is the smallest power of two ≥ min(T, horizon) + 2,
// at most ringMax, the largest power of two with items × ring ≤ 2^23 (kernel/far-arrivals.ts).
import { describe, expect, it } from "vitest";
import type { Distribution, Scenario } from "../../../src/sim/model/index.ts";
import { build, lane, one, scenario, stock, supplier } from "./fixtures.ts";

/** supplier → dc → store with these lead times, horizon 100 unless given. */
const chain = (dc: number | Distribution, store: number | Distribution, extra: Partial<Scenario> = {}) => scenario({
  horizon: 100, nodes: [supplier, stock("dc", 40), stock("store", 10)],
  lanes: [lane("supplier", "dc", dc), lane("dc", "store", store)], demand: [{ node: "store", dist: one }], ...extra,
});

describe("compiled arrival ring", () => {
  it("constant lead times: the longest, + 2, up to a power of two", () => {
    expect(build(chain(5, 1)).ring).toBe(8);    // 7 → 8
    expect(build(chain(1, 6)).ring).toBe(8);    // 8 → 8
    expect(build(chain(1, 7)).ring).toBe(16);   // 9 → 16
    expect(build(chain(0, 0)).ring).toBe(2);    // 2 → 2
  });

  it("a lead time longer than the horizon counts as the horizon", () => {
    expect(build(chain(50, 1, { horizon: 30 })).ring).toBe(32);   // min(50, 30) + 2 = 32
    expect(build(chain(40, 1, { horizon: 45 })).ring).toBe(64);   // 42 → 64
  });

  it("bounded lead times: their largest value; unbounded ones: mean + 6 sd, rounded up", () => {
    // uniform 1..9: 9 (mean + 6 sd would be 5 + 6 × 2.58 ≈ 20.5)
    expect(build(chain({ type: "uniform", min: 1, max: 9 }, 1)).ring).toBe(16);
    // normal mean 10, sd 2, in whole days: sd ≈ √(4 + 1/12) ≈ 2.02, so 10 + 6 × 2.02 ≈ 22.1 → 23 days → 25 → 32
    expect(build(chain({ type: "normal", mean: 10, sd: 2 }, 1)).ring).toBe(32);
  });

  it("expedite and lateral-transfer lanes count as lanes", () => {
    const twelve = { type: "constant", value: 12 } as const;
    expect(build(chain(2, 1, { mitigations: { expedite: [{ from: "supplier", to: "dc", leadTime: twelve, when: "position-below", threshold: 5 }] } })).ring).toBe(16);
    const lateral = scenario({
      horizon: 100, nodes: [supplier, stock("a", 10), stock("b", 10)], lanes: [lane("supplier", "a", 2), lane("supplier", "b", 2)],
      demand: [{ node: "a", dist: one }, { node: "b", dist: one }],
      mitigations: { lateralTransfers: { among: ["a", "b"], leadTime: twelve, costPerUnit: 1, trigger: "below-zero" } },
    });
    expect(build(lateral).ring).toBe(16);
  });

  it("lane delays add their extra days; other disruptions add nothing", () => {
    const disruptions: Scenario["disruptions"] = [
      { type: "node-outage", node: "dc", start: 5, end: 8 },
      { type: "lane-delay", from: "supplier", to: "dc", extraDays: 10, start: 10, end: 20 },
    ];
    expect(build(chain(2, 1, { disruptions })).ring).toBe(16);   // 2 + 10 + 2 = 14 → 16
    expect(build(chain(2, 1, { disruptions: [disruptions[0]] })).ring).toBe(4);
  });

  it("an assembly time counts as a transit", () => {
    const net = build(scenario({
      horizon: 100, products: [{ id: "e", unitCost: 1 }, { id: "t", unitCost: 5 }],
      nodes: [supplier, { id: "plant", kind: "plant", policy: { type: "base-stock", level: 20 }, bom: [{ product: "t", components: { e: 2 }, assemblyTime: 12 }] }],
      lanes: [lane("supplier", "plant", 1, { products: ["e"] })],
      demand: [{ node: "plant", product: "t", dist: one }],
    }));
    expect(net.ring).toBe(16);
  });

  it("the ring stops at ringMax: 1,025 items fit 4,096 days each in 2^23 slots, not 8,192", () => {
    const stores = Array.from({ length: 1024 }, (_, k) => `s${k}`);
    const net = build(scenario({
      horizon: 5000, nodes: [supplier, ...stores.map((id) => stock(id, 1))], lanes: stores.map((id) => lane("supplier", id, 5000)),
      demand: [{ node: "s0", dist: one }],
    }));
    expect(net.items).toBe(1025);
    expect(net.ringMax).toBe(4096);
    expect(net.ring).toBe(4096);
  });
});
