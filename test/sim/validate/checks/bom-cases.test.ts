// Bills of materials (docs/scenario-format.md "Bills of materials", src/sim/validate/checks/bom.ts):
// the boundary cases of reading recipes and relating them to lanes, demand and each other, each
// asserted as the exact issue list.
import { describe, expect, it } from "vitest";
import { bs, issuesAfter } from "../fixtures.ts";

const lead = (value: number) => ({ type: "constant", value });
const poisson = { type: "poisson", mean: 1 };
const ID_REQUIRED = "is required: an id of 1 to 64 letters, digits, '_', '.' or '-', other than __proto__, constructor, prototype (reserved by JavaScript)";
const V1 = 'a component feeds only the assemblies at its node (docs/scenario-format.md, "Bills of materials")';
const sells = (node: string, k: number) =>
  `is a component at "${node}", where demand[${k}] also sells it to customers; ${V1}: move that demand to a node the component is shipped to, or make it another product`;

/**
 * small() as an assembly network (as in bom.test.ts): the plant (nodes[1], id `plantId`) makes
 * trucks from an engine and four wheels, which the supplier brings (lanes[0]); trucks go on.
 */
function assembly(d: Record<string, any>, plantId = "plant"): void {
  d.products = [{ id: "truck" }, { id: "engine" }, { id: "wheel" }];
  d.nodes[1].id = plantId;
  d.lanes[0].to = plantId;
  d.lanes[1].from = plantId;
  d.nodes[1].policy = { truck: bs(40), engine: bs(60), wheel: bs(200) };
  d.nodes[1].bom = [{ product: "truck", components: { engine: 1, wheel: 4 }, assemblyTime: 2 }];
  d.lanes[0].products = ["engine", "wheel"];
  d.lanes[1].products = ["truck"];
  for (const n of d.nodes.slice(2)) n.policy = { truck: n.policy };
  d.demand.forEach((x: Record<string, unknown>) => (x.product = "truck"));
}
const after = (edit: (d: Record<string, any>) => void, plantId = "plant") => issuesAfter((d) => { assembly(d, plantId); edit(d); });
const plant = (d: Record<string, any>) => d.nodes[1];

describe("bills of materials: which nodes' recipes are read", () => {
  it("reads no bom of a node without an id: the missing id is the one issue", () => {
    // An extra plant without an id, whose recipe names an unknown product: only the schema speaks.
    expect(after((d) => d.nodes.push({ kind: "plant", policy: bs(1), bom: [{ product: "trukk", components: { wheel: 1 } }] }))).toEqual([
      `nodes[5].id: ${ID_REQUIRED}`,
    ]);
  });
  it("reads no bom of a node whose id repeats an earlier node's: the duplicate is the one issue", () => {
    // nodes[5] reuses "plant"; its recipe (an unknown product) is not read as the plant's.
    expect(after((d) => d.nodes.push({ id: "plant", kind: "plant", policy: bs(1), bom: [{ product: "trukk", components: { wheel: 1 } }] }))).toEqual([
      'nodes[5].id: duplicate node id "plant" (nodes[1] has it too)',
    ]);
  });
  it("skips recipes that are not objects, leaving them to the schema", () => {
    expect(after((d) => plant(d).bom.push(5, null))).toEqual([
      "nodes[1].bom[1]: must be an object, got 5",
      "nodes[1].bom[2]: must be an object, got null",
    ]);
  });
  it("says nothing of stocking at a node without a policy: the missing policy is the issue", () => {
    // Without a policy the plant stocks nothing; the schema asks for the policy, and the recipe's
    // product and components are not each also said to be unstocked.
    expect(after((d) => delete plant(d).policy)).toEqual([
      'nodes[1].policy: is required: a stocking node (kind "plant") needs an inventory policy',
    ]);
  });
});

describe("bills of materials: components and lanes", () => {
  it("reports a component two recipes share where it is first listed", () => {
    // Carts are made of wheels too; no lane brings wheels: one issue, at bom[0] (the first listing).
    expect(after((d) => {
      d.products.push({ id: "cart" });
      plant(d).policy.cart = bs(5);
      plant(d).bom.push({ product: "cart", components: { wheel: 2 } });
      d.lanes[0].products = ["engine"];
      d.lanes[1].products = ["truck", "cart"];
    })).toEqual([
      'nodes[1].bom[0].components.wheel: component "wheel": no lane brings it to "plant" and no recipe makes it there; add a lane with "to": "plant" that carries it, or a recipe for it in nodes[1].bom',
    ]);
  });
  it("does not hold a lane to a node without a kind against the v1 rule (the schema reports the kind)", () => {
    // A node without "kind" is not known to stock anything; the lane carrying wheels there is not
    // judged as shipping a component onward.
    expect(after((d) => {
      d.nodes.push({ id: "x", policy: { wheel: bs(5) } });
      d.lanes.push({ from: "plant", to: "x", leadTime: lead(1), products: ["wheel"] });
    })).toEqual(['nodes[5].kind: is required: one of "supplier", "plant", "dc", "store"']);
  });
  it("does not count a component listed on a lane whose end does not stock it as shipped onward", () => {
    // dc-west's policy lists only trucks: the wheel on lanes[1] goes nowhere, so no v1 issue.
    expect(after((d) => (d.lanes[1].products = ["truck", "wheel"]))).toEqual([]);
    // Once dc-west stocks wheels, the plant ships its component onward.
    expect(after((d) => { d.lanes[1].products = ["truck", "wheel"]; d.nodes[2].policy.wheel = bs(8); })).toEqual([
      `nodes[1].bom[0].components.wheel: is a component at "plant", which also ships it on the lane to "dc-west" (lanes[1]); ${V1}: remove "wheel" from lanes[1].products`,
    ]);
  });
});

describe("bills of materials: demand on a component", () => {
  it("skips a demand entry that is not an object, leaving it to the schema", () => {
    expect(after((d) => d.demand.push(5))).toEqual(["demand[2]: must be an object, got 5"]);
  });
  it("reads a demand's product as written, not the first declared product", () => {
    // Wheels sold at the plant: demand[2] names "wheel" (products[0] is "truck").
    expect(after((d) => d.demand.push({ node: "plant", product: "wheel", dist: poisson }))).toEqual([`nodes[1].bom[0].components.wheel: ${sells("plant", 2)}`]);
  });
  it("with several products, reads a demand without a product as no product (the schema asks for one)", () => {
    // products[0] is "wheel", a component at the plant; the demand names none, so it sells nothing.
    expect(after((d) => {
      d.products.reverse();
      d.demand.push({ node: "plant", dist: poisson });
    })).toEqual(['demand[2].product: is required when there are several products: one of "wheel", "engine", "truck"']);
  });
  it("with one product, reads a demand without a product as that product, and one with an unknown product as that one", () => {
    // One product "a"; the plant's recipe makes an unknown product from a (so "a" is a component),
    // and the network is the supplier and the plant alone.
    const onlyA = (d: Record<string, any>) => {
      d.products = [{ id: "a" }];
      d.nodes.splice(2);
      d.lanes.splice(1);
      d.nodes[1].bom = [{ product: "zzz", components: { a: 1 } }];
      d.demand = [{ node: "plant", product: "a", dist: poisson }];
    };
    expect(issuesAfter((d) => { onlyA(d); delete d.demand[0].product; })).toEqual([
      'nodes[1].bom[0].product: unknown product "zzz"',
      `nodes[1].bom[0].components.a: ${sells("plant", 0)}`,
    ]);
    expect(issuesAfter((d) => { onlyA(d); d.demand[0].product = "q"; })).toEqual([
      'nodes[1].bom[0].product: unknown product "zzz"',
      'demand[0].product: unknown product "q" (did you mean "a"?)',
    ]);
  });
  it("reads a demand without a node as no node, even beside a node called \"undefined\"", () => {
    expect(after((d) => d.demand.push({ product: "wheel", dist: poisson }), "undefined")).toEqual([`demand[2].node: ${ID_REQUIRED}`]);
  });
  it("reads a demand without a product among several as no product, even beside a component called \"undefined\"", () => {
    expect(after((d) => {
      d.products.push({ id: "undefined" });
      plant(d).policy.undefined = bs(3);
      plant(d).bom[0].components.undefined = 1;
      d.lanes[0].products.push("undefined");
      d.demand.push({ node: "plant", dist: poisson });
    })).toEqual(['demand[2].product: is required when there are several products: one of "truck", "engine", "wheel", "undefined"']);
  });
});

describe("bills of materials: cycles of recipes", () => {
  const cycle = (at: string, ids: string) =>
    `${at}: closes a cycle of recipes at "plant": ${ids}, each made from the next; a product cannot be made from itself, directly or through its components`;

  it("names only the products on the cycle, not the recipes that lead to it", () => {
    // truck ← engine; engine ← block; block ← engine: the search starts at truck, the cycle is engine → block → engine.
    expect(after((d) => {
      d.products.push({ id: "block" });
      plant(d).policy.block = bs(5);
      plant(d).bom.push({ product: "engine", components: { block: 1 } }, { product: "block", components: { engine: 1 } });
      d.lanes[0].products = ["wheel"];
    })).toEqual([cycle("nodes[1].bom[2].components.engine", "engine → block → engine")]);
  });
  it("reports a cycle once, even when another recipe reaches it again", () => {
    // As above, and wheels are made from blocks too: the search reaches block again from wheel.
    expect(after((d) => {
      d.products.push({ id: "block" });
      plant(d).policy.block = bs(5);
      plant(d).bom.push({ product: "engine", components: { block: 1 } }, { product: "block", components: { engine: 1 } }, { product: "wheel", components: { block: 1 } });
      d.lanes.splice(0, 1);   // nothing is brought: every product at the plant is made there
    })).toEqual([cycle("nodes[1].bom[2].components.engine", "engine → block → engine")]);
  });
  it("shortens a cycle of 11 products, counting its products", () => {
    // p0 ← p1 ← … ← p10 ← p0: more than 10 products, so the first 5 and last 3 names are kept
    // (docs/scenario-format.md; context.ts cyclePath) and "(11 products)" added.
    const ps = Array.from({ length: 11 }, (_, k) => `p${k}`);
    expect(issuesAfter((d) => {
      d.products = [{ id: "top" }, ...ps.map((id) => ({ id }))];
      d.nodes.splice(2);
      d.lanes.splice(1);
      d.nodes[1].policy = Object.fromEntries(["top", ...ps].map((p) => [p, bs(5)]));
      d.nodes[1].bom = ps.map((p, k) => ({ product: p, components: { [ps[(k + 1) % 11]]: 1 } }));
      d.lanes[0].products = ["top"];
      d.demand = [{ node: "plant", product: "top", dist: poisson }];
    })).toEqual([cycle("nodes[1].bom[10].components.p0", "p0 → p1 → p2 → p3 → p4 → … → p9 → p10 → p0 (11 products)")]);
  });
});
