// Validation speed: the UI validates on every keystroke. Targets: the 27-node retail scenario
// well under 5 ms, a 2,000-node network under ~100 ms.   npx vitest bench --run bench/validate.bench.ts
import { bench, describe } from "vitest";
import { parseScenarioJson, validateScenario } from "../src/sim/validate/index.ts";
import { large, retail, retailText } from "../test/sim/validate/fixtures.ts";

const retailDoc = retail();
const largeDoc = large();
const largeText = JSON.stringify(largeDoc, null, 2);
const broken = retail();
broken.nodes.forEach((n: any) => n.policy && (n.policy.level = "abc"));

describe("validateScenario", () => {
  bench("retail-3-echelon (27 nodes)", () => void validateScenario(retailDoc));
  bench("retail-3-echelon, every policy broken", () => void validateScenario(broken));
  bench("2,000 nodes", () => void validateScenario(largeDoc));
});
describe("parseScenarioJson", () => {
  bench("retail-3-echelon text", () => void parseScenarioJson(retailText));
  bench("2,000 nodes text", () => void parseScenarioJson(largeText));
});
