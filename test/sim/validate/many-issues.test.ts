// A scenario with very many issues still gets them back, not "could not be checked": 200 nodes
// stocking 1,000 products with no lane to them make 200,000 "no lane brings it" issues (one per
// node and product, network.ts). Spread into one call as arguments, they overflowed the stack of
// the test suite's forked workers from about 125,000 (a worker thread's larger stack holds ~500,000,
// so under Stryker, which runs its tests in threads, the old line would pass this test).
import { describe, expect, it } from "vitest";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { small } from "./fixtures.ts";

describe("validateScenario with very many issues", () => {
  it("returns every one of them", () => {
    const doc = small();
    doc.products = Array.from({ length: 1_000 }, (_, i) => ({ id: `p${i}` }));
    for (let i = 0; i < 200; i++) doc.nodes.push({ id: `n${i}`, kind: "dc", policy: { type: "base-stock", level: 1 } });
    for (const d of doc.demand) d.product = "p0";
    const r = validateScenario(doc);
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    const noLane = errors.filter((e) => e.message.includes("but no lane brings it"));
    // 200 new nodes × 1,000 products, plus the small network's own stocking nodes, which now stock
    // every product while their lanes carry all of them (no "products" list): none of theirs.
    expect(noLane.length).toBe(200 * 1_000);
    expect(noLane[0]).toEqual({ path: "nodes[5]", message: '"n0" stocks product "p0" but no lane brings it; add a lane with "to": "n0"' });
    expect(errors.some((e) => e.message.startsWith("could not be checked"))).toBe(false);
  });
});
