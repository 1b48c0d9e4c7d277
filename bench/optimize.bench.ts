// Optimiser speed: the UI may call optimizeScenario on the main thread ("Optimise safety
// stock"). Target: the 27-node retail scenario well under 16 ms (one frame); 2,000 nodes
// under ~100 ms.   npx vitest bench --run bench/optimize.bench.ts
import { bench, describe } from "vitest";
import type { Scenario } from "../src/sim/model/index.ts";
import { optimizeScenario } from "../src/sim/optimize/index.ts";
import { large, retail } from "../test/sim/validate/fixtures.ts";

const retailDoc = retail() as Scenario;
const largeDoc = large() as Scenario;

describe("optimizeScenario", () => {
  bench("retail-3-echelon, single-echelon", () => void optimizeScenario(retailDoc, { method: "single-echelon" }));
  bench("retail-3-echelon, gsm", () => void optimizeScenario(retailDoc, { method: "gsm" }));
  bench("retail-3-echelon, gsm with lead-time variance", () => void optimizeScenario(retailDoc, { method: "gsm", leadTimeVariance: true }));
  bench("2,000 nodes, gsm", () => void optimizeScenario(largeDoc, { method: "gsm" }));
});
