// The lane graph (docs/scenario-format.md, "Lanes"): a cycle is reported once, at the lane that
// closes it; a made product is not expected from a lane's source.
import { describe, expect, it } from "vitest";
import { bs, issuesAfter } from "../fixtures.ts";

const lead = { type: "constant", value: 2 };

describe("the lane graph", () => {
  it("reports a lane from a node to itself once, also when the node is reached before its turn", () => {
    // store-1 is reached from the supplier through dc-west before the search starts from it
    expect(issuesAfter((d) => d.lanes.push({ from: "store-1", to: "store-1", leadTime: lead }))).toEqual([
      "lanes[4]: closes a cycle: store-1 → store-1; lanes must not form a cycle",
      'lanes[4]: is a second inbound lane of "store-1" for product "default" (the lane from "dc-west" (lanes[2]) is the first); several inbound lanes need a sourcing rule: give each of them "sourcing": {"split": <fraction>} (fractions summing to 1), or {"role": "primary"} on one and {"role": "backup"} on the others (docs/scenario-format.md, "Several sources")',
    ]);
  });

  it("follows every lane out of a node, not only its last: a cycle through dc-west's first lane is found", () => {
    // dc-west's lanes go to store-1 (lanes[2]) and store-2 (lanes[3]); store-1 → dc-west (lanes[4])
    // closes dc-west → store-1 → dc-west, reached only through the first of them
    expect(issuesAfter((d) => d.lanes.push({ from: "store-1", to: "dc-west", leadTime: lead })).filter((i) => i.includes("closes a cycle"))).toEqual([
      "lanes[4]: closes a cycle: dc-west → store-1 → dc-west; lanes must not form a cycle",
    ]);
  });

  it("reports a made product that a lane also carries as made and brought, not as missing at the lane's source", () => {
    // the plant makes trucks from engines and wheels that "parts" brings on a lane without a
    // products list (so it carries trucks too); "parts" does not stock trucks, but the one
    // problem is the lane bringing what the plant makes
    expect(issuesAfter((d) => {
      d.products = [{ id: "truck" }, { id: "engine" }, { id: "wheel" }];
      d.nodes[1].policy = { truck: bs(40), engine: bs(60), wheel: bs(200) };
      d.nodes[1].bom = [{ product: "truck", components: { engine: 1, wheel: 4 }, assemblyTime: 2 }];
      for (const n of d.nodes.slice(2)) n.policy = { truck: n.policy };
      d.demand.forEach((x: Record<string, unknown>) => (x.product = "truck"));
      d.nodes.push({ id: "parts", kind: "dc", policy: { engine: bs(60), wheel: bs(200) } });
      d.lanes[0].to = "parts";
      d.lanes.push({ from: "parts", to: "plant", leadTime: lead });
    })).toEqual([
      'nodes[1].bom[0].product: "truck" is made here and also brought by the lane from "parts" (lanes[4]); a product made at a node has no inbound lane there: give lanes[4] a "products" list without "truck" (without one, a lane carries every product), or remove this recipe',
    ]);
  });
});
