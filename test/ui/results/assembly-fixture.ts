// A hand-built result of a scenario with a bill of materials (issue 12): the DC makes trucks from
// engines. Every number is chosen here, not captured from a run.
import type { KpiStats, RunResult } from "../../../src/sim/model/result.ts";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { runResult, scenario, stat } from "../fixtures.ts";

const assembly = (assembled: number, consumed: number, stock: number, days: number, units: number): KpiStats => ({
  unitsAssembled: stat(assembled, 5), unitsConsumed: stat(consumed, 10), componentStock: stat(stock, 2), starvedDays: stat(days, 0.5), starvedUnits: stat(units, 0.1),
});

export function assemblyScenario(): Scenario {
  const base = scenario();
  return scenario({
    products: [{ id: "truck", name: "Truck" }, { id: "engine", name: "Engine" }, { id: "manual" }],
    nodes: base.nodes.map((n) => (n.id === "dc" ? { ...n, bom: [{ product: "truck", components: { engine: 2 }, assemblyTime: 1 }] } : n)),
  });
}

export function assemblyResult(): RunResult {
  const base = runResult();
  return runResult({
    network: { ...base.network, ...assembly(300, 600, 40, 3, 1.5) },
    nodes: { dc: { ...base.nodes.dc, ...assembly(300, 600, 40, 3, 1.5) }, s1: { ...base.nodes.s1, ...assembly(0, 0, 0, 0, 0) }, s2: base.nodes.s2 },
    products: {
      truck: { onHand: stat(50, 1), unitsAssembled: stat(300, 5), unitsConsumed: stat(0, 0), componentStock: stat(0, 0), starvedDays: stat(0, 0), starvedUnits: stat(0, 0) },
      engine: { onHand: stat(40, 1), unitsAssembled: stat(0, 0), unitsConsumed: stat(600, 10), componentStock: stat(40, 2), starvedDays: stat(3, 0.5), starvedUnits: stat(1.5, 0.1) },
      manual: { onHand: stat(7, 1) },
    },
  });
}
