import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { chunkSizeFor, nodeDays } from "../../../src/sim/montecarlo/chunk-size.ts";

const constant = { type: "constant", value: 1 } as const;
/** A supplier and `stocking` stocking nodes; nodeDays reads only the nodes' kinds, the products and the horizon. */
function network(stocking: number, horizon: number, products?: number): Scenario {
  return {
    format: "echelon-scenario@1", name: "n", horizon, warmup: 0, replications: 1, seed: 1, unmetDemand: "backorder", allocation: "fifo", demand: [],
    nodes: [{ id: "s", kind: "supplier" }, ...Array.from({ length: stocking }, (_, i) => ({ id: `n${i}`, kind: i ? "store" : "dc", policy: { type: "base-stock", level: 1 } }) as const)],
    lanes: [{ from: "s", to: "n0", leadTime: constant }],
    ...(products === undefined ? {} : { products: Array.from({ length: products }, (_, i) => ({ id: `p${i}` })) }),
  } as Scenario;
}

describe("chunk-size", () => {
  it("nodeDays counts stocking nodes × products (at least one) × horizon; suppliers hold no stock", () => {
    expect(nodeDays(network(3, 30))).toBe(3 * 1 * 30);
    expect(nodeDays(network(3, 30, 2))).toBe(3 * 2 * 30);
    expect(nodeDays(network(3, 30, 0))).toBe(3 * 1 * 30);
  });

  // The rule: a worker's share ⌈total / workers⌉; ⌈total / (8 · workers)⌉ but at least min(25, share),
  // at most 50; then at most ⌊5,000,000 / node-days⌋ (at least 1) so a chunk takes about a second.
  it("deals 25 to a cheap run's chunk, more for long runs (an eighth of a worker's share), at most 50", () => {
    expect(chunkSizeFor(100, 2, 1000)).toBe(25);      // share 50, 100 / 16 → 7: the floor of 25
    expect(chunkSizeFor(320, 1, 1000)).toBe(40);      // 320 / 8 = 40
    expect(chunkSizeFor(650, 2, 1000)).toBe(41);      // 650 / 16 = 40.6 → 41
    expect(chunkSizeFor(640, 2, 1000)).toBe(40);      // 640 / 16 = 40 (not 640 / 4)
    expect(chunkSizeFor(808, 2, 1000)).toBe(50);      // 808 / 16 = 50.5: capped at 50
    expect(chunkSizeFor(10_000, 4, 1000)).toBe(50);
  });

  it("gives a short run's workers a share each, never less than one replication", () => {
    expect(chunkSizeFor(10, 2, 1000)).toBe(5);        // share 5 < 25
    expect(chunkSizeFor(9, 2, 1000)).toBe(5);         // share ⌈4.5⌉
    expect(chunkSizeFor(1, 4, 1000)).toBe(1);
    expect(chunkSizeFor(0, 2, 1000)).toBe(1);
  });

  it("caps an expensive replication's chunk at about 5 M node-days", () => {
    expect(chunkSizeFor(1000, 2, 1_000_000)).toBe(5);   // 5e6 / 1e6
    expect(chunkSizeFor(1000, 2, 300_000)).toBe(16);    // ⌊16.7⌋
    expect(chunkSizeFor(1000, 2, 200_000)).toBe(25);    // exactly 25: the cap allows 25
    expect(chunkSizeFor(1000, 2, 5e6)).toBe(1);
    expect(chunkSizeFor(1000, 2, 1e8)).toBe(1);         // ⌊0.05⌋ = 0 → 1
    expect(chunkSizeFor(1000, 2, 0)).toBe(50);          // no node-days: no cap
    expect(chunkSizeFor(1000, 2, 0.5)).toBe(50);
  });
});
