/**
 * Node by node calibrated by simulation, the second baseline of the frontier's headline: the
 * textbook single-echelon placement (safety stock z·σ·√τ at every node, τ its own lead time)
 * with one safety factor z for all nodes, z found by simulation so that the network fill rate on
 * the frontier's replications reaches F. A planner who sizes every node on its own but tunes the
 * one factor by simulation gets this; what the multi-echelon plan saves against it is what moving
 * stock between echelons buys, not what a better formula buys.
 *
 * z is bracketed (1.645, then doubled up to 16, or 0 tried when 1.645 already reaches F), then
 * bisected; the placement is read at F by interpolating replication by replication between the
 * last two z that bracket it (frontier-headline.ts), so it stays paired with the other curves.
 */
import type { Scenario } from "../model/index.ts";
import { interpolateAt, type Interpolated, type PointReplications } from "./frontier-headline.ts";
import { optimizeScenario } from "./optimize-scenario.ts";

/** z of a 95% cycle service level: where the bracket starts. */
const Z95 = 1.6448536269514722;
const MAX_Z = 16;

export interface Calibration {
  /** The two safety factors that bracket F, and the weight of the upper one. */
  readonly z: readonly [number, number];
  readonly at: Interpolated;
}

interface Probe { readonly z: number; readonly values: PointReplications; readonly fill: number }

export async function calibrateNodeByNode(
  scenario: Scenario, fill: number, simulate: (s: Scenario) => Promise<PointReplications>, bisections = 10,
): Promise<Calibration | null> {
  const at = async (z: number): Promise<Probe> => {
    const values = await simulate(optimizeScenario(scenario, { method: "single-echelon", z }).scenario);
    let sum = 0, n = 0;
    for (const f of values.fillRate) if (!Number.isNaN(f)) { sum += f; n++; }
    return { z, values, fill: sum / n };
  };
  let hi = await at(Z95), lo: Probe;
  if (hi.fill >= fill) {
    lo = await at(0);
    if (lo.fill >= fill) return null; // reached with no safety stock: nothing to calibrate
  } else {
    lo = hi;
    while (hi.fill < fill && hi.z < MAX_Z) { lo = hi; hi = await at(Math.min(2 * hi.z, MAX_Z)); }
    if (hi.fill < fill) return null;
  }
  for (let i = 0; i < bisections; i++) {
    const mid = await at((lo.z + hi.z) / 2);
    if (mid.fill >= fill) hi = mid; else lo = mid;
  }
  const read = interpolateAt([lo.values, hi.values], fill);
  return read && { z: [lo.z, hi.z], at: read };
}
