// Hand-built results for UI tests: every number here is chosen by the test, not captured from a run.
import type { Band, ComparisonResult, KpiDiff, KpiStats, RunResult, Stat } from "../../src/sim/model/result.ts";
import type { Trace } from "../../src/sim/model/batch.ts";
import type { Scenario } from "../../src/sim/model/scenario.ts";

/** A Stat with the given mean and CI half-width; percentiles spread symmetrically. */
export function stat(mean: number, half = 0, n = 100): Stat {
  return { mean, sd: half * 5, ci95: [mean - half, mean + half], p05: mean - 3 * half, p50: mean, p95: mean + 3 * half, n };
}

export function scenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    format: "echelon-scenario@1", name: "Two stores", horizon: 20, warmup: 5, replications: 50, seed: 7,
    unmetDemand: "backorder", allocation: "fifo",
    nodes: [
      { id: "sup", kind: "supplier" },
      { id: "dc", name: "Central DC", kind: "dc", holdingCost: 0.1, policy: { type: "base-stock", level: 300 } },
      { id: "s1", name: "Store North", kind: "store", holdingCost: 0.2, policy: { type: "base-stock", level: 60 } },
      { id: "s2", name: "Store South", kind: "store", holdingCost: 0.2, policy: { type: "sS", s: 20, S: 80 } },
    ],
    lanes: [
      { from: "sup", to: "dc", leadTime: { type: "constant", value: 5 } },
      { from: "dc", to: "s1", leadTime: { type: "constant", value: 2 } },
      { from: "dc", to: "s2", leadTime: { type: "constant", value: 3 } },
    ],
    demand: [
      { node: "s1", dist: { type: "normal", mean: 20, sd: 5 } },
      { node: "s2", dist: { type: "poisson", mean: 10 } },
    ],
    ...overrides,
  };
}

const nodeStats = (fillRate: number, onHand: number, holding: number): KpiStats => ({
  fillRate: stat(fillRate, 0.01), cycleServiceLevel: stat(fillRate - 0.05, 0.02), onHand: stat(onHand, 2), backorders: stat(1.5, 0.3),
  holdingCost: stat(holding, 0.1), backorderCost: stat(0.5, 0.05), totalCost: stat(holding + 0.5, 0.12), demand: stat(onHand / 3, 0.5),
});

export function band(values: readonly number[], spread = 2): Band {
  return { mean: [...values], p05: values.map((v) => v - spread), p50: [...values], p95: values.map((v) => v + spread) };
}

export function runResult(overrides: Partial<RunResult> = {}): RunResult {
  const days = Array.from({ length: 20 }, (_, i) => 40 + (i % 5));
  return {
    format: "echelon-result@1", scenario: "Two stores", seed: 7, replications: 100, horizon: 20, warmup: 5,
    network: {
      fillRate: stat(0.953, 0.004), cycleServiceLevel: stat(0.9, 0.01), onHand: stat(412.5, 3.25), onHandValue: stat(412.5, 3.25),
      backorders: stat(3, 0.5), totalCost: stat(123.456, 1.5), inventoryTurns: stat(12, 0.4), daysOfSupply: stat(13.75, 0.2),
      holdingCost: stat(80, 1), pipelineCost: stat(20, 0.5), backorderCost: stat(23.456, 0.8),
    },
    nodes: {
      dc: { onHand: stat(300, 4), holdingCost: stat(30, 0.4), totalCost: stat(30, 0.4), internalFillRate: stat(0.97, 0.01) },
      s1: nodeStats(0.96, 60, 12),
      s2: nodeStats(0.91, 45, 9),
    },
    products: {},
    series: {
      firstDay: 0,
      nodes: { s1: { onHand: band(days), backorders: band(days.map(() => 1), 1), inTransit: band(days) } },
      network: { fillRate: band(days.map(() => 0.95), 0.02) },
    },
    workers: 2, elapsedMs: 1234,
    ...overrides,
  };
}

export function kpiDiff(a: number, b: number, half: number): KpiDiff {
  const d = b - a;
  return { a: stat(a, half), b: stat(b, half), diff: { mean: d, ci95: [d - half, d + half] }, relative: a === 0 ? null : d / Math.abs(a), significant: Math.abs(d) > half };
}

export function comparison(): ComparisonResult {
  return {
    format: "echelon-comparison@1", a: "Base", b: "More stock", seed: 7, replications: 100,
    network: {
      fillRate: kpiDiff(0.9, 0.95, 0.01),          // up, higher is better → better
      totalCost: kpiDiff(100, 110, 2),             // up, lower is better → worse
      backorders: kpiDiff(3, 3.1, 0.5),            // inside the interval → no significant difference
      demand: kpiDiff(30, 32, 1),                  // neither better nor worse → higher
    },
    nodes: { s1: { fillRate: kpiDiff(0.92, 0.9, 0.01) } },
  };
}

/** A 4-day trace of nodes [dc, s1] with one shipment dc → s1 departing day 1, arriving day 3. */
export function trace(): Trace {
  return {
    replication: 3, horizon: 4, nodes: ["dc", "s1"], lanes: [{ from: "dc", to: "s1" }],
    onHand: Float64Array.from([100, 10, 90, 5, 90, 0, 90, 12]),
    backorders: Float64Array.from([0, 0, 0, 0, 0, 4, 0, 0]),
    inTransit: Float64Array.from([0, 0, 0, 10, 0, 10, 0, 0]),
    demand: Float64Array.from([0, 5, 0, 5, 0, 9, 0, 3]),
    fillRate: Float64Array.from([1, 1, 0.5, NaN]),
    shipmentLane: Int32Array.from([0]), shipmentFrom: Int32Array.from([0]), shipmentTo: Int32Array.from([1]),
    shipmentDepart: Int32Array.from([1]), shipmentArrive: Int32Array.from([3]), shipmentQuantity: Float64Array.from([10]),
  };
}
