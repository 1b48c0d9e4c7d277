// Bills of materials (extension, docs/scenario-format.md "Bills of materials"): the rules a
// node's `bom` must follow, each refused with the path and the problem.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LIMITS, parseScenarioJson, validateScenario } from "../../../../src/sim/validate/index.ts";
import { bs, issuesAfter, small, withLimit } from "../fixtures.ts";

const lead = (value: number) => ({ type: "constant", value });

/**
 * small() turned into an assembly network: the plant (nodes[1]) makes trucks from an engine and
 * four wheels, which the supplier brings (lanes[0]); the trucks go on to dc-west and the stores.
 */
function assembly(d: Record<string, any>): void {
  d.products = [{ id: "truck" }, { id: "engine" }, { id: "wheel" }];
  d.nodes[1].policy = { truck: bs(40), engine: bs(60), wheel: bs(200) };
  d.nodes[1].bom = [{ product: "truck", components: { engine: 1, wheel: 4 }, assemblyTime: 2 }];
  d.lanes[0].products = ["engine", "wheel"];
  for (const n of d.nodes.slice(2)) n.policy = { truck: n.policy };
  d.demand.forEach((x: Record<string, unknown>) => (x.product = "truck"));
}
/** The assembly network after `edit`: its issues. */
const after = (edit: (d: Record<string, any>) => void) => issuesAfter((d) => { assembly(d); edit(d); });
const plant = (d: Record<string, any>) => d.nodes[1];

describe("bills of materials: valid networks", () => {
  it("accepts an assembly network, with or without an assembly time, and fractional quantities", () => {
    expect(after(() => {})).toEqual([]);
    expect(after((d) => { delete plant(d).bom[0].assemblyTime; plant(d).bom[0].components.wheel = 0.5; })).toEqual([]);
    expect(after((d) => (plant(d).bom[0].assemblyTime = 0))).toEqual([]);
  });
  it("accepts a subassembly made at the same node, and a component from another plant", () => {
    expect(after((d) => {
      d.products.push({ id: "block" });
      plant(d).policy.block = bs(10);
      plant(d).bom.push({ product: "engine", components: { block: 1 } });
      d.lanes[0].products = ["block", "wheel"];
    })).toEqual([]);
    expect(after((d) => {
      d.nodes.push({ id: "engine-plant", kind: "plant", policy: { engine: bs(30) } });
      d.lanes[0].products = ["wheel"];
      d.lanes.push({ from: "supplier", to: "engine-plant", leadTime: lead(3) }, { from: "engine-plant", to: "plant", leadTime: lead(1), products: ["engine"] });
    })).toEqual([]);
  });
  it("accepts a dual-sourced component", () => {
    expect(after((d) => {
      d.nodes.push({ id: "supplier-b", kind: "supplier" });
      d.lanes[0].products = ["engine", "wheel"];
      d.lanes[0].sourcing = { split: 0.6 };
      d.lanes.push({ from: "supplier-b", to: "plant", leadTime: lead(9), products: ["wheel"], sourcing: { split: 0.4 } });
      d.lanes.push({ from: "supplier-b", to: "plant", leadTime: lead(9), products: ["engine"] });
    })).toEqual([
      'lanes[5]: has no "sourcing", but it is one of 2 inbound lanes of "plant" for product "engine" and the lane from "supplier" (lanes[0]) has a rule; every one of them needs one: give each of them "sourcing": {"split": <fraction>} (fractions summing to 1), or {"role": "primary"} on one and {"role": "backup"} on the others',
    ]);
  });
  it("still refuses, at a node with a bom, a stocked product that is neither brought nor made", () => {
    expect(after((d) => { d.products.push({ id: "paint" }); plant(d).policy.paint = bs(5); })).toEqual([
      'nodes[1]: "plant" stocks product "paint" but no lane brings it; add a lane with "to": "plant"',
    ]);
  });
});

describe("bills of materials: refusals", () => {
  it("refuses a bom on a supplier", () => {
    expect(after((d) => (d.nodes[0].bom = [{ product: "truck", components: { engine: 1 } }]))).toEqual([
      'nodes[0].bom: a supplier holds no inventory, so it makes nothing; remove "bom" or make the node a "plant" or "dc"',
    ]);
  });
  it("refuses an unknown product or component, with the nearest id", () => {
    expect(after((d) => { plant(d).bom[0].product = "truk"; })).toEqual([
      'nodes[1].bom[0].product: unknown product "truk" (did you mean "truck"?)',
    ]);
    expect(after((d) => { plant(d).bom[0].components = { engine: 1, whel: 4, wheel: 4 }; })).toEqual([
      'nodes[1].bom[0].components.whel: unknown product "whel" (did you mean "wheel"?)',
    ]);
  });
  it("refuses a product or a component the node does not stock", () => {
    expect(after((d) => { delete plant(d).policy.truck; })).toContain(
      `nodes[1].bom[0].product: "plant" does not stock product "truck"; add it to the node's policy (the policy of a made product orders its production)`,
    );
    expect(after((d) => { delete plant(d).policy.wheel; })).toEqual([
      `nodes[1].bom[0].components.wheel: "plant" does not stock product "wheel"; add it to the node's policy (a component's policy orders it from the node's inbound lanes)`,
    ]);
  });
  it("refuses a product among its own components", () => {
    expect(after((d) => (plant(d).bom[0].components.truck = 1))).toEqual([
      "nodes[1].bom[0].components.truck: is the product this recipe makes; a product is not made from itself",
    ]);
  });
  it("refuses two recipes for one product at a node", () => {
    expect(after((d) => plant(d).bom.push({ product: "truck", components: { wheel: 6 } }))).toEqual([
      'nodes[1].bom[1].product: "truck" already has a recipe at "plant" (bom[0]); one recipe per product and node',
    ]);
  });
  it("refuses a made product that a lane also brings, saying how to take it off the lane", () => {
    const brought = 'nodes[1].bom[0].product: "truck" is made here and also brought by the lane from "supplier" (lanes[0]); a product made at a node has no inbound lane there: ';
    expect(after((d) => delete d.lanes[0].products)).toEqual([
      `${brought}give lanes[0] a "products" list without "truck" (without one, a lane carries every product), or remove this recipe`,
    ]);
    expect(after((d) => d.lanes[0].products.push("truck"))).toEqual([`${brought}remove "truck" from lanes[0].products, or remove this recipe`]);
    expect(after((d) => d.lanes.push({ from: "supplier", to: "plant", leadTime: lead(1), products: ["truck"] }))).toEqual([
      `${brought.replace("lanes[0]", "lanes[4]")}remove lanes[4], or remove this recipe`,
    ]);
  });
  it("refuses a component that no lane brings and no recipe makes", () => {
    expect(after((d) => (d.lanes[0].products = ["engine"]))).toEqual([
      'nodes[1].bom[0].components.wheel: component "wheel": no lane brings it to "plant" and no recipe makes it there; add a lane with "to": "plant" that carries it, or a recipe for it in nodes[1].bom',
    ]);
  });
  it("refuses a component the node also ships onward (v1)", () => {
    expect(after((d) => { d.lanes[1].products = ["truck", "wheel"]; d.nodes[2].policy.wheel = bs(8); })).toContain(
      'nodes[1].bom[0].components.wheel: is a component at "plant", which also ships it on the lane to "dc-west" (lanes[1]); a component feeds only the assemblies at its node (docs/scenario-format.md, "Bills of materials"): remove "wheel" from lanes[1].products',
    );
    expect(after((d) => (d.nodes[2].policy = bs(50)))).toEqual([
      'nodes[1].bom[0].components.engine: is a component at "plant", which also ships it on the lane to "dc-west" (lanes[1]); a component feeds only the assemblies at its node (docs/scenario-format.md, "Bills of materials"): give lanes[1] a "products" list without "engine" (without one, a lane carries every product)',
      'nodes[1].bom[0].components.wheel: is a component at "plant", which also ships it on the lane to "dc-west" (lanes[1]); a component feeds only the assemblies at its node (docs/scenario-format.md, "Bills of materials"): give lanes[1] a "products" list without "wheel" (without one, a lane carries every product)',
    ]);
  });
  it("refuses a component the node also sells to customers (v1)", () => {
    expect(after((d) => d.demand.push({ node: "plant", product: "wheel", dist: { type: "poisson", mean: 2 } }))).toEqual([
      'nodes[1].bom[0].components.wheel: is a component at "plant", where demand[2] also sells it to customers; a component feeds only the assemblies at its node (docs/scenario-format.md, "Bills of materials"): move that demand to a node the component is shipped to, or make it another product',
    ]);
  });
  it("refuses a cycle of recipes at a node, directly or through a subassembly", () => {
    expect(after((d) => plant(d).bom.push({ product: "engine", components: { truck: 0.5 } }))).toContain(
      'nodes[1].bom[1].components.truck: closes a cycle of recipes at "plant": truck → engine → truck, each made from the next; a product cannot be made from itself, directly or through its components',
    );
    expect(after((d) => {
      d.products.push({ id: "block" });
      plant(d).policy.block = bs(10);
      plant(d).bom.push({ product: "engine", components: { block: 1 } }, { product: "block", components: { truck: 1 } });
    })).toContain(
      'nodes[1].bom[2].components.truck: closes a cycle of recipes at "plant": truck → engine → block → truck, each made from the next; a product cannot be made from itself, directly or through its components',
    );
  });
  it("refuses a cycle through recipes and lanes as the cycle of lanes it passes through", () => {
    // engine-plant makes engines from trucks that the plant sends it, and sends the engines back.
    const issues = after((d) => {
      d.nodes.push({ id: "engine-plant", kind: "plant", policy: { engine: bs(30), truck: bs(5) }, bom: [{ product: "engine", components: { truck: 1 } }] });
      d.lanes[0].products = ["wheel"];
      d.lanes.push({ from: "plant", to: "engine-plant", leadTime: lead(1), products: ["truck"] }, { from: "engine-plant", to: "plant", leadTime: lead(1), products: ["engine"] });
    });
    expect(issues.filter((i) => i.includes("closes a cycle"))).toEqual([
      'lanes[5]: closes a cycle: plant → engine-plant → plant; lanes must not form a cycle',
    ]);
  });
});

describe("bills of materials: the schema", () => {
  it("refuses unknown keys in a recipe, with a suggestion", () => {
    expect(after((d) => { plant(d).bom[0].assemblytime = 2; })).toEqual([
      'nodes[1].bom[0].assemblytime: unknown key (did you mean "assemblyTime"?); notes go in keys that start with "x-"',
    ]);
    expect(after((d) => { plant(d).bom[0]["x-note"] = "kept"; })).toEqual([]);
  });
  it("refuses a recipe without components, or without a product", () => {
    expect(after((d) => (plant(d).bom[0].components = {}))).toEqual([
      "nodes[1].bom[0].components: must not be empty: it must be an object mapping component product ids to units per unit made (numbers > 0)",
    ]);
    expect(after((d) => delete plant(d).bom[0].product)).toEqual(["nodes[1].bom[0].product: is required: an id of 1 to 64 letters, digits, '_', '.' or '-', other than __proto__, constructor, prototype (reserved by JavaScript)"]);
    expect(after((d) => (plant(d).bom[0].components = [["engine", 1]]))).toEqual([
      "nodes[1].bom[0].components: must be an object mapping component product ids to units per unit made (numbers > 0), got a list",
    ]);
    expect(after((d) => (plant(d).bom = { product: "truck" }))).toEqual(["nodes[1].bom: must be a list, got an object"]);
  });
  it.each([
    [0, "must be a number > 0, got 0"],
    [-4, "must be a number > 0, got -4"],
    [Number.NaN, "must be a number > 0, got NaN"],
    [Number.POSITIVE_INFINITY, "must be a number > 0, got Infinity"],
    ["4", 'must be a number > 0, got "4"'],
    [null, "must be a number > 0, got null"],
    [1e13, "must be at most 1e12, got 10000000000000"],
    [1e-12, "must be 0 or at least 1e-9 (a smaller amount is below what the engine can count in), got 1e-12"],
  ])("refuses the component quantity %s", (value, message) => {
    const issues = after((d) => (plant(d).bom[0].components.wheel = value));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^nodes\[1\]\.bom\[0\]\.components\.wheel: /);
    expect(issues[0].slice("nodes[1].bom[0].components.wheel: ".length)).toBe(message);
  });
  it.each([
    [1.5, "must be a whole number >= 0, got 1.5"],
    [-1, "must be a whole number >= 0, got -1"],
    [40_000, "must be at most 36,500 days (the longest horizon), got 40000"],
    ["2", 'must be a whole number >= 0, got "2"'],
  ])("refuses the assembly time %s", (value, message) => {
    expect(after((d) => (plant(d).bom[0].assemblyTime = value))).toEqual([`nodes[1].bom[0].assemblyTime: ${message}`]);
  });
  it("refuses a component key that is not a product id", () => {
    expect(after((d) => (plant(d).bom[0].components["wheel 1"] = 4))).toContain(
      `nodes[1].bom[0].components["wheel 1"]: "wheel 1" is not a product id (1 to 64 letters, digits, '_', '.' or '-', other than __proto__, constructor, prototype (reserved by JavaScript))`,
    );
  });
});

describe("bills of materials: hostile input", () => {
  const text = (components: string) => {
    const d = small();
    assembly(d);
    return JSON.stringify(d).replace('"components":{"engine":1,"wheel":4}', `"components":${components}`);
  };
  const issuesOf = (json: string) => { const r = parseScenarioJson(json); return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`); };

  it("refuses reserved keys in components as keys, and pollutes no prototype", () => {
    for (const key of ["__proto__", "constructor", "prototype"]) {
      expect(issuesOf(text(`{"engine":1,"wheel":4,"${key}":{"polluted":true}}`))).toContain(
        `nodes[1].bom[0].components.${key}: "${key}" is reserved by JavaScript and cannot be used as a key or an id; rename it`,
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(issuesOf(text('{"__proto__":{"engine":1}}'))).toEqual([
      'nodes[1].bom[0].components.__proto__: "__proto__" is reserved by JavaScript and cannot be used as a key or an id; rename it',
      "nodes[1].bom[0].components: must not be empty: it must be an object mapping component product ids to units per unit made (numbers > 0)",
    ]);
  });
  it("reads only the own entries of components: an inherited or prototype-less map is read as written", () => {
    // A JavaScript caller's literal `__proto__` sets the prototype; the inherited "engine" is not a component.
    expect(after((d) => (plant(d).bom[0].components = { __proto__: { engine: 1 }, wheel: 4 }))).toEqual([]);
    expect(after((d) => (plant(d).bom[0].components = Object.assign(Object.create(null), { engine: 1, wheel: 4 })))).toEqual([]);
    expect(after((d) => { d.products.push({ id: "toString" }); plant(d).policy.toString = bs(1); plant(d).bom[0].components.toString = 2; d.lanes[0].products.push("toString"); })).toEqual([]);
  });
  it("refuses more recipes at a node, or more components in a recipe, than LIMITS allows", () => {
    expect(after((d) => (plant(d).bom = Array.from({ length: LIMITS.recipesPerNode + 1 }, () => plant(d).bom[0]))))
      .toContain("nodes[1].bom: has 1,001 items; at most 1,000 allowed");
    expect(after((d) => { for (let k = 0; k < LIMITS.componentsPerRecipe; k++) plant(d).bom[0].components[`c${k}`] = 1; }))
      .toContain("nodes[1].bom[0].components: has 1,002 entries; at most 1,000 allowed");
  });
  it("refuses more (recipe, component) entries in all than LIMITS.recipeComponents, at the node with the most", () => {
    // the real bound, 2^24 entries, takes a 17-million-entry document to reach
    withLimit("recipeComponents", 2, () => expect(after((d) => plant(d).bom.push({ product: "engine", components: { wheel: 1 } }))).toContain(
      "nodes[1].bom: the recipes of all nodes list 3.0e0 components in all, over the limit of 2.0e0; the most here: 3; make fewer products at each node, or from fewer components",
    ));
  });
  it("counts units in assembly as in transit for the memory limit, naming the recipe", () => {
    const issues = issuesAfter((d) => {
      const made = Array.from({ length: 300 }, (_, k) => `p${k}`);
      d.horizon = 36_500; d.replications = 1;
      d.products = [{ id: "base" }, ...made.map((id) => ({ id }))];
      d.nodes = [d.nodes[0], { id: "plant", kind: "plant", policy: bs(10), bom: made.map((product) => ({ product, components: { base: 1 }, assemblyTime: 36_500 })) }];
      d.lanes = [{ from: "supplier", to: "plant", leadTime: lead(5), products: ["base"] }];
      d.demand = [{ node: "plant", product: "p0", dist: { type: "poisson", mean: 1 } }];
    });
    expect(issues).toEqual([expect.stringMatching(/^nodes\[1\]\.bom\[0\]\.assemblyTime: lets too much be in transit at once: .* sum to 1\.1e7 .* the largest share is nodes\[1\]\.bom\[0\] \(the assembly of "p0"\): 1 pairs × 36,500 days;/)]);
  });
  it("never throws on hostile recipes, and every issue names a place inside nodes[1].bom or the lanes", () => {
    const hostile = fc.oneof(fc.constant(Number.NaN), fc.constant(-0), fc.double(), fc.string(), fc.constant(null), fc.constant([]), fc.object({ maxDepth: 1 }));
    const recipe = fc.record({
      product: fc.oneof(fc.constantFrom("truck", "engine", "wheel", "__proto__", "toString"), hostile),
      components: fc.oneof(fc.dictionary(fc.constantFrom("truck", "engine", "wheel", "__proto__", "constructor", "a b", "x-note"), hostile), hostile),
      assemblyTime: hostile,
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.array(recipe, { maxLength: 4 }), (bom) => {
      const d = small();
      assembly(d);
      d.nodes[1].bom = bom;
      const r = validateScenario(d);
      const paths = r.ok ? [] : r.errors.map((e) => e.path);
      expect(paths.every((p) => /^(nodes\[1\]\.bom|nodes\[1\]$|lanes\[\d\]|nodes\[[2-4]\]$)/.test(p))).toBe(true);
      expect(({} as Record<string, unknown>).truck).toBeUndefined();
    }), { seed: 12, numRuns: 300 });
  });
});
