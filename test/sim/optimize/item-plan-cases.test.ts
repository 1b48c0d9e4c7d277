import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { gsmRefusal, NotASpanningTreeError } from "../../../src/sim/optimize/item-plan.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { cyclicItems } from "./bom-fixtures.ts";
import { base, bs, c } from "./fixtures.ts";

describe("gsmRefusal", () => {
  it("names the lane that closes a cycle once directions are ignored", () => {
    // Products in the order W, Q, P. A gets P from supplier S; B gets P from A and makes Q from
    // it; C gets P from A and Q from B, and makes W from both. Items: 0 (A,P), 1 (B,Q), 2 (B,P),
    // 3 (C,W), 4 (C,Q), 5 (C,P). Joining inputs item by item: 2–1, 0–2, 4–3, 5–3, 1–4, and then
    // (C,P)'s lane from (A,P) — item 0, its parent — joins two items already connected.
    const s = {
      ...base,
      products: [{ id: "W" }, { id: "Q" }, { id: "P" }],
      nodes: [
        { id: "S", kind: "supplier" },
        { id: "A", kind: "plant", policy: { P: bs } },
        { id: "B", kind: "plant", policy: { Q: bs, P: bs }, bom: [{ product: "Q", components: { P: 1 } }] },
        { id: "C", kind: "plant", policy: { W: bs, Q: bs, P: bs }, bom: [{ product: "W", components: { Q: 1, P: 1 } }] },
      ],
      lanes: [
        { from: "S", to: "A", leadTime: c(1), products: ["P"] },
        { from: "A", to: "B", leadTime: c(1), products: ["P"] },
        { from: "B", to: "C", leadTime: c(1), products: ["Q"] },
        { from: "A", to: "C", leadTime: c(1), products: ["P"] },
      ],
      demand: [{ node: "C", product: "W", dist: c(1) }],
    } as Scenario;
    expect(validateScenario(s).ok).toBe(true);
    expect(gsmRefusal(s)).toBe(
      "gsm: item (C, P) is joined to (A, P) by its lane and also through other items (a cycle once directions are ignored). " +
      "The guaranteed-service optimiser solves networks whose items (node, product) form a spanning tree; " +
      "plan it with the single-echelon method, or with the network optimiser (simulation), which then starts from the single-echelon plan alone.",
    );
  });

  it("passes on an error that is not about the spanning tree (a cyclic item graph, which validation refuses)", () => {
    // A makes y from x and ships y to B; B makes x from y and ships x back to A.
    const s = cyclicItems;
    expect(() => gsmRefusal(s)).toThrow(/from itself/);
  });

  it("NotASpanningTreeError says its name", () => {
    const e = new NotASpanningTreeError("m");
    expect(e.name).toBe("NotASpanningTreeError");
    expect(String(e)).toBe("NotASpanningTreeError: m");
  });
});
