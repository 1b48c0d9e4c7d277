import { describe, expect, it } from "vitest";
import { LIMITS, validateScenario } from "../../../src/sim/validate/index.ts";
import { issuesAfter, large, retail, small } from "./fixtures.ts";

const twoProducts = (doc: Record<string, any>) => {
  doc.products = [{ id: "sku1" }, { id: "sku2" }];
  doc.demand.forEach((d: any) => (d.product = "sku1"));
};

describe("validateScenario accepts", () => {
  it("the retail scenario, returning the input itself", () => {
    const doc = retail();
    expect(validateScenario(doc)).toEqual({ ok: true, scenario: doc });
    expect((validateScenario(doc) as { scenario: unknown }).scenario).toBe(doc);
  });
  it("the small test scenario", () => expect(issuesAfter(() => {})).toEqual([]));
  it('"x-…" note keys anywhere and "$schema" at the top level', () => {
    expect(issuesAfter((d) => {
      d.$schema = "./echelon-scenario.schema.json";
      d["x-author"] = "me";
      d.nodes[1]["x-notes"] = "the plant";
      d.nodes[1].policy["x-why"] = { any: ["thing"] };
      d.lanes[0].leadTime["x-source"] = "ERP";
    })).toEqual([]);
  });
  it("per-product maps, lane product lists and a multi-product network", () => {
    expect(issuesAfter((d) => {
      twoProducts(d);
      d.nodes[3].policy = { sku1: { type: "base-stock", level: 5 }, sku2: { type: "sS", s: 1, S: 4 } };
      d.nodes[3].holdingCost = { sku1: 0.1, sku2: 0.2 };
      d.demand.push({ node: "store-1", product: "sku2", dist: { type: "empirical", values: [0, 1, 3] } });
    })).toEqual([]);
  });
  it("discrete probabilities that sum to 1 only up to rounding", () => {
    expect(issuesAfter((d) => (d.demand[0].dist = { type: "discrete", values: [0, 1, 2], probs: [0.1, 0.2, 0.7] }))).toEqual([]);
  });
});

describe("validateScenario reports structural problems", () => {
  it("a wrong type, in the words of the spec", () => {
    expect(issuesAfter((d) => (d.nodes[3].policy = { type: "base-stock", level: "abc" })))
      .toEqual(['nodes[3].policy.level: must be a number >= 0, got "abc"']);
  });
  it("a missing field", () => {
    expect(issuesAfter((d) => delete d.horizon)).toEqual(["horizon: is required: a whole number from 1 to 36,500"]);
  });
  it("a document that is not an object at the root path", () => {
    expect(validateScenario([1])).toEqual({ ok: false, errors: [{ path: "", message: "must be an object, got a list" }] });
    expect(validateScenario(undefined)).toEqual({ ok: false, errors: [{ path: "", message: "is required: an object" }] });
  });
  it("a wrong format", () => {
    expect(issuesAfter((d) => (d.format = "echelon-scenario@2"))).toEqual(['format: must be "echelon-scenario@1", got "echelon-scenario@2"']);
  });
  it("a misspelt choice, with a suggestion", () => {
    expect(issuesAfter((d) => (d.unmetDemand = "Lost"))).toEqual(['unmetDemand: must be one of "backorder", "lost", got "Lost" (did you mean "lost"?)']);
    expect(issuesAfter((d) => (d.nodes[2].policy.type = "base_stock")))
      .toEqual(['nodes[2].policy.type: must be one of "base-stock", "echelon-base-stock", "sS", "sQ", got "base_stock" (did you mean "base-stock"?)']);
    expect(issuesAfter((d) => delete d.nodes[2].policy.type))
      .toEqual(['nodes[2].policy.type: is required: one of "base-stock", "echelon-base-stock", "sS", "sQ"']);
  });
  it("an unknown key, with a suggestion, at the key's own path", () => {
    expect(issuesAfter((d) => {
      d.nodes[1].kinds = "dc";
      d.lanes[0].leadtime = 3;
      d.$schemas = "x";
    })).toEqual([
      'nodes[1].kinds: unknown key (did you mean "kind"?); notes go in keys that start with "x-"',
      'lanes[0].leadtime: unknown key (did you mean "leadTime"?); notes go in keys that start with "x-"',
      '$schemas: unknown key (did you mean "$schema"?); notes go in keys that start with "x-"',
    ]);
  });
  it("non-finite, negative, fractional and huge numbers", () => {
    expect(issuesAfter((d) => {
      d.horizon = NaN;
      d.warmup = 2.5;
      d.replications = 1e12;
      d.nodes[2].holdingCost = -1;
      d.lanes[1].costPerUnit = Infinity;
    })).toEqual([
      "horizon: must be a whole number from 1 to 36,500, got NaN",
      "warmup: must be a whole number from 0 to 36,500, got 2.5",
      "replications: must be a whole number from 1 to 1,000,000, got 1000000000000",
      "nodes[2].holdingCost: must be a number >= 0, got -1",
      "lanes[1].costPerUnit: must be a number >= 0, got Infinity",
    ]);
  });
  it("sQ with Q <= 0, rho outside [0, 1), a probability above 1", () => {
    expect(issuesAfter((d) => {
      d.nodes[4].policy.Q = 0;
      d.demandCorrelation = { rho: 1 };
      d.demand[1].dist = { type: "intermittent", probability: 1.5, size: { type: "constant", value: 3 } };
    })).toEqual([
      "nodes[4].policy.Q: must be a number > 0, got 0",
      "demand[1].dist.probability: must be a number from 0 to 1, got 1.5",
      "demandCorrelation.rho: must be a number >= 0 and < 1, got 1",
    ]);
  });
  it("lead times that could be negative or fractional days", () => {
    expect(issuesAfter((d) => {
      d.lanes[0].leadTime = { type: "constant", value: -1 };
      d.lanes[1].leadTime = { type: "uniform", min: 0.5, max: 2 };
      d.lanes[2].leadTime = { type: "empirical", values: [1, -2] };
    })).toEqual([
      "lanes[0].leadTime.value: must be a whole number >= 0, got -1",
      "lanes[1].leadTime.min: must be a whole number >= 0, got 0.5",
      "lanes[2].leadTime.values[1]: must be a whole number >= 0, got -2",
    ]);
  });
  it("a per-product map with a malformed entry, and a product key that is not an id", () => {
    expect(issuesAfter((d) => {
      twoProducts(d);
      d.nodes[3].policy = { sku1: { type: "sS", s: "x", S: 4 }, sku2: { type: "base-stock", level: 1 } };
      d.nodes[2].holdingCost = { "sku 1": 0.1 };
    })).toEqual([
      "nodes[2].holdingCost[\"sku 1\"]: \"sku 1\" is not a product id (1 to 64 letters, digits, '_', '.' or '-', other than __proto__, constructor, prototype (reserved by JavaScript))",
      'nodes[3].policy.sku1.s: must be a number >= 0, got "x"',
      'nodes[2].holdingCost["sku 1"]: unknown product "sku 1" (did you mean "sku1"?)',
    ]);
  });
  it("a missing union-typed field, and a malformed policy without second-hand errors", () => {
    expect(issuesAfter((d) => {
      delete d.seed;
      d.nodes[2].policy = "base-stock";
    })).toEqual([
      "seed: is required: a whole number or a string",
      'nodes[2].policy: must be a policy object or an object mapping product ids to policy objects, got "base-stock"',
    ]);
  });
  it("an unknown key that begins a known one", () => {
    expect(issuesAfter((d) => (d.costs = { backorder: 1 }))).toEqual(['costs.backorder: unknown key (did you mean "backorderPerUnitDay"?); notes go in keys that start with "x-"']);
  });
  it("lists beyond the size limits", () => {
    expect(issuesAfter((d) => {
      d.nodes = Array.from({ length: LIMITS.nodes + 1 }, (_, i) => ({ id: `n${i}`, kind: "supplier" }));
      d.lanes = [];
      d.demand = [];
    })).toEqual(["nodes: has 2,001 items; at most 2,000 allowed"]);
    expect(issuesAfter((d) => (d.nodes = []))).toContain("nodes: must not be empty");
    expect(issuesAfter((d) => (d.mitigations = { lateralTransfers: { among: ["store-1"], leadTime: { type: "constant", value: 1 }, trigger: "below-zero" } })))
      .toEqual(["mitigations.lateralTransfers.among: has 1 item; at least 2 needed"]);
  });
});

describe("validateScenario reports cross-reference problems", () => {
  it("duplicate node and product ids", () => {
    expect(issuesAfter((d) => {
      d.products = [{ id: "default" }, { id: "default" }];
      d.nodes.push({ id: "store-1", kind: "supplier" });
    })).toEqual([
      'products[1].id: duplicate product id "default" (products[0] has it too)',
      'nodes[5].id: duplicate node id "store-1" (nodes[3] has it too)',
    ]);
  });
  it("a lane to an unknown node, naming the nearest id", () => {
    expect(issuesAfter((d) => (d.lanes[2].to = "dc-weast"))).toEqual([
      'lanes[2].to: unknown node "dc-weast" (did you mean "dc-west"?)',
      'nodes[3]: "store-1" stocks product "default" but no lane brings it; add a lane with "to": "store-1"',
    ]);
    expect(issuesAfter((d) => (d.lanes[2].from = "elsewhere"))[0]).toBe('lanes[2].from: unknown node "elsewhere"');
  });
  it("a lane into a supplier", () => {
    expect(issuesAfter((d) => d.lanes.push({ from: "plant", to: "supplier", leadTime: { type: "constant", value: 1 } }))).toEqual([
      'lanes[4].to: "supplier" is a supplier, and suppliers have no inbound lanes',
      "lanes[4]: closes a cycle: supplier → plant → supplier; lanes must not form a cycle",
    ]);
  });
  it("a cycle, naming the nodes on it", () => {
    expect(issuesAfter((d) => (d.lanes[1].from = "store-2"))).toEqual([
      "lanes[1]: closes a cycle: dc-west → store-2 → dc-west; lanes must not form a cycle",
    ]);
  });
  it("a long cycle by its first five and last three nodes", () => {
    const doc = small();
    for (let i = 0; i < 20; i++) {
      doc.nodes.push({ id: `n${i}`, kind: "dc", policy: { type: "base-stock", level: 1 } });
      doc.lanes.push({ from: i === 0 ? "n19" : `n${i - 1}`, to: `n${i}`, leadTime: { type: "constant", value: 1 } });
    }
    expect(issuesAfter(() => {}, doc)).toContain("lanes[4]: closes a cycle: n0 → n1 → n2 → n3 → n4 → … → n18 → n19 → n0 (20 nodes); lanes must not form a cycle");
  });
  it("a lane from a node to itself, as a cycle of one", () => {
    expect(issuesAfter((d) => (d.lanes[2].from = "store-1"))).toEqual(["lanes[2]: closes a cycle: store-1 → store-1; lanes must not form a cycle"]);
  });
  it("a stocking node with no inbound lane, or two, for a product", () => {
    expect(issuesAfter((d) => d.lanes.pop())).toEqual(['nodes[4]: "store-2" stocks product "default" but no lane brings it; add a lane with "to": "store-2"']);
    expect(issuesAfter((d) => d.lanes.push({ from: "plant", to: "store-1", leadTime: { type: "constant", value: 2 } }))).toEqual([
      'lanes[4]: is a second inbound lane of "store-1" for product "default" (the lane from "dc-west" (lanes[2]) is the first); several inbound lanes need a sourcing rule: give each of them "sourcing": {"split": <fraction>} (fractions summing to 1), or {"role": "primary"} on one and {"role": "backup"} on the others (docs/scenario-format.md, "Several sources")',
    ]);
  });
  it("two inbound lanes are fine when their products lists split the products (extension)", () => {
    const edit = (d: Record<string, any>) => {
      twoProducts(d);
      d.lanes[2].products = ["sku1"];
      d.lanes.push({ from: "plant", to: "store-1", leadTime: { type: "constant", value: 2 }, products: ["sku2"] });
    };
    expect(issuesAfter(edit)).toEqual([]);
    expect(issuesAfter((d) => { edit(d); d.lanes[4].products = ["sku3"]; })).toEqual([
      'lanes[4].products[0]: unknown product "sku3" (did you mean "sku1"?)',
      'nodes[3]: "store-1" stocks product "sku2" but no lane brings it; add a lane with "to": "store-1"',
    ]);
  });
  it("a lane from a node that does not stock the product", () => {
    expect(issuesAfter((d) => {
      twoProducts(d);
      d.nodes[2].policy = { sku1: { type: "base-stock", level: 50 } };
    })).toEqual(['lanes[2]: "dc-west" does not stock product "sku2", so it cannot supply "store-1" with it', 'lanes[3]: "dc-west" does not stock product "sku2", so it cannot supply "store-2" with it']);
  });
  it("a stocking node without a policy, a supplier with one", () => {
    expect(issuesAfter((d) => {
      delete d.nodes[2].policy;
      d.nodes[0].policy = { type: "base-stock", level: 1 };
    })).toEqual([
      'nodes[0].policy: a supplier holds no inventory, so it takes no policy; remove it or make the node a "plant" or "dc"',
      'nodes[2].policy: is required: a stocking node (kind "dc") needs an inventory policy',
    ]);
  });
  it("a policy map naming an unknown product", () => {
    expect(issuesAfter((d) => (d.nodes[2].policy = { defualt: { type: "base-stock", level: 5 }, default: { type: "base-stock", level: 5 } })))
      .toEqual(['nodes[2].policy.defualt: unknown product "defualt" (did you mean "default"?)']);
  });
  it("sS with S < s, and offset >= review", () => {
    expect(issuesAfter((d) => {
      d.nodes[3].policy.S = 5;
      d.nodes[4].policy.offset = 7;
    })).toEqual([
      "nodes[3].policy.S: must be >= s (10), got 5",
      "nodes[4].policy.offset: must be less than review (7), got 7; reviews fall on days t with t % review == offset",
    ]);
  });
  it("demand on a supplier, an unknown node or product, and a missing product among several", () => {
    expect(issuesAfter((d) => {
      twoProducts(d);
      d.demand.push({ node: "supplier", product: "sku1", dist: { type: "constant", value: 1 } });
      d.demand.push({ node: "stor-1", product: "sku9", dist: { type: "constant", value: 1 } });
      d.demand.push({ node: "store-1", dist: { type: "constant", value: 1 } });
    })).toEqual([
      'demand[2].node: "supplier" is a supplier; demand belongs on a stocking node',
      'demand[3].node: unknown node "stor-1" (did you mean "store-1"?)',
      'demand[3].product: unknown product "sku9" (did you mean "sku1"?)',
      'demand[4].product: is required when there are several products: one of "sku1", "sku2"',
    ]);
  });
  it("demand for a product the node does not stock", () => {
    expect(issuesAfter((d) => {
      twoProducts(d);
      d.nodes[3].policy = { sku2: { type: "base-stock", level: 5 } };
      d.nodes[2].policy = { sku2: { type: "base-stock", level: 5 } };
      d.nodes[1].policy = { sku2: { type: "base-stock", level: 5 } };
    })).toContain('demand[0].product: "store-1" does not stock product "sku1"; add it to the node\'s policy');
  });
  it("discrete distributions whose probabilities do not pair up or sum to 1", () => {
    expect(issuesAfter((d) => {
      d.demand[0].dist = { type: "discrete", values: [1, 2], probs: [0.5, 0.4, 0.2] };
      d.demand[1].dist = { type: "discrete", values: [1, 2], probs: [0.5, 0.5 + 2e-9] };
    })).toEqual([
      "demand[0].dist.probs: must have one probability per value: 2 values, 3 probabilities",
      "demand[0].dist.probs: must sum to 1, got 1.1",
      "demand[1].dist.probs: must sum to 1, got 1.000000002",
    ]);
  });
  it("negbin with sd² <= mean, uniform with max < min", () => {
    expect(issuesAfter((d) => {
      d.demand[0].dist = { type: "negbin", mean: 4, sd: 2 };
      d.lanes[1].leadTime = { type: "uniform", min: 3, max: 1 };
      d.demand[1].dist = { type: "intermittent", probability: 0.2, size: { type: "uniform", min: 5, max: 4 } };
    })).toEqual([
      "lanes[1].leadTime.max: must be >= min (3), got 1",
      'demand[0].dist.sd: must satisfy sd² > mean for a negative binomial (sd² = 4, mean = 4); use "poisson" when sd² = mean',
      "demand[1].dist.size.max: must be >= min (5), got 4",
    ]);
  });
  it("seasonality with more factors than days in its cycle", () => {
    expect(issuesAfter((d) => (d.demand[0].seasonality = { cycle: 7, factors: [1, 1, 1, 1, 1, 1, 1, 1] })))
      .toEqual(["demand[0].seasonality.factors: has 8 factors for a cycle of 7 days; some would never be used"]);
  });
  it("warmup >= horizon", () => {
    expect(issuesAfter((d) => (d.warmup = 100))).toEqual(["warmup: must be less than the horizon (100), got 100; no day would be measured"]);
  });
  it("disruption windows outside the horizon or empty, and unknown targets", () => {
    expect(issuesAfter((d) => (d.disruptions = [
      { type: "node-outage", node: "plant", start: 90, end: 120 },
      { type: "lane-delay", from: "plant", to: "store-1", extraDays: 2, start: 5, end: 5 },
      { type: "demand-shock", node: "*", product: "defualt", multiplier: 2, start: 0, end: 10 },
      { type: "capacity-cut", factor: 0.5, start: 0, end: 10 },
      { type: "capacity-cut", node: "plant", from: "plant", to: "dc-west", factor: 0.5, start: 0, end: 10 },
      { type: "random-outage", from: "plant", mtbf: 30, mttr: 2 },
      { type: "node-outage", node: "dc-wast", start: 0, end: 1 },
    ]))).toEqual([
      "disruptions[0].end: must be at most the horizon (100), got 120",
      "disruptions[1].end: must be after start (5), got 5; the window is days start..end-1",
      'disruptions[1]: no lane from "plant" to "store-1"',
      'disruptions[2].product: unknown product "defualt" (did you mean "default"?)',
      'disruptions[3]: names no target; give either "node" or "from" and "to"',
      'disruptions[4]: names both a node and a lane; give either "node" or "from" and "to"',
      'disruptions[5].to: is required with "from": a lane is named by both ends',
      'disruptions[6].node: unknown node "dc-wast" (did you mean "dc-west"?)',
    ]);
  });
  it("mitigations and correlation groups naming unknown or unsuitable nodes", () => {
    expect(issuesAfter((d) => {
      d.mitigations = {
        lateralTransfers: { among: ["store-1", "store-3", "supplier", "store-1"], leadTime: { type: "constant", value: 1 }, trigger: "below-zero" },
        expedite: [{ from: "plant", to: "supplier", leadTime: { type: "constant", value: 1 }, when: "position-below", threshold: 5 }],
      };
      d.demandCorrelation = { groups: [{ nodes: ["store-1", "store-2"], rho: 0.3 }, { nodes: ["store-2", "store-9"], rho: 0.1 }] };
    })).toEqual([
      'demandCorrelation.groups[1].nodes[0]: "store-2" is already in groups[0]; a node belongs to at most one group',
      'demandCorrelation.groups[1].nodes[1]: unknown node "store-9" (did you mean "store-1"?)',
      'mitigations.lateralTransfers.among[1]: unknown node "store-3" (did you mean "store-1"?)',
      'mitigations.lateralTransfers.among[2]: "supplier" is a supplier; only stocking nodes transfer stock',
      'mitigations.lateralTransfers.among[3]: "store-1" is listed twice',
      'mitigations.expedite[0].to: "supplier" is a supplier; suppliers are never expedited to',
    ]);
  });
  it("a run beyond the work limit, saying how to reduce it", () => {
    expect(issuesAfter((d) => {
      d.replications = 1_000_000;
      d.horizon = 36_500;
    })).toEqual([
      "replications: asks for too much work: replications × horizon × stocked (node, product) pairs = 1,000,000 × 36,500 × 4 = 1.46e11 node-days, over the limit of 2.00e10; use at most 136,986 replications with this horizon and network, or shorten the horizon",
    ]);
  });
});

describe("validateScenario collects every problem and never throws", () => {
  it("reports structural and cross-reference problems in one pass", () => {
    expect(issuesAfter((d) => {
      d.nodes[3].policy.level = -1;
      d.nodes[3].policy = { type: "sS", s: "x", S: 5 };
      d.lanes[2].to = "dc-weast";
    })).toEqual([
      'nodes[3].policy.s: must be a number >= 0, got "x"',
      'lanes[2].to: unknown node "dc-weast" (did you mean "dc-west"?)',
      'nodes[3]: "store-1" stocks product "default" but no lane brings it; add a lane with "to": "store-1"',
    ]);
  });
  it("refuses a document nested too deeply, or one that contains itself", () => {
    let deep: unknown = { type: "constant", value: 1 };
    for (let k = 0; k < 10_000; k++) deep = { type: "intermittent", probability: 0.5, size: deep };
    const r = validateScenario({ ...small(), demand: [{ node: "store-1", dist: deep }] });
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([`is nested more than ${LIMITS.depth} levels deep; a scenario never needs that many`]);
    const doc = small();
    doc.nodes[1].policy = doc.nodes[1];
    expect(validateScenario(doc)).toEqual({ ok: false, errors: [{ path: "nodes[1].policy", message: "contains itself (a JavaScript object that refers back to one that holds it); a scenario is a tree" }] });
    // A loop a few levels down, through an array, is found where it closes.
    const loop = small() as unknown as { demand: { dist: Record<string, unknown> }[] };
    const dist = loop.demand[0].dist, ring: unknown[] = [dist];
    dist.extra = { list: ring };
    expect(validateScenario(loop)).toEqual({ ok: false, errors: [{ path: "demand[0].dist.extra.list[0]", message: "contains itself (a JavaScript object that refers back to one that holds it); a scenario is a tree" }] });
    // The same object twice, side by side, is not a cycle.
    const shared = small() as unknown as { nodes: Record<string, unknown>[] };
    const cap = { storage: 10 };
    shared.nodes[1].capacity = cap; shared.nodes[2].capacity = cap;
    expect(validateScenario(shared).ok ? [] : (validateScenario(shared) as { errors: unknown[] }).errors).toEqual([]);
  });
  it("turns an input that throws when read into one issue", () => {
    const doc = small();
    Object.defineProperty(doc, "name", { enumerable: true, get() { throw new Error("boom"); } });
    expect(validateScenario(doc)).toEqual({ ok: false, errors: [{ path: "", message: "could not be checked: boom" }] });
  });
});

describe("validateScenario at the size limits", () => {
  it("accepts a 2,000-node network, and reports one unknown id in it", () => {
    expect(issuesAfter(() => {}, large())).toEqual([]);
    expect(issuesAfter((d) => (d.demand[500].node = "nowhere"), large())).toEqual(['demand[500].node: unknown node "nowhere"']);
  });
  it("quotes a 1,000,000-character id in short messages: its first 60 characters, … and its length", () => {
    const long = "a".repeat(1_000_000), short = `"${"a".repeat(60)}…" (1,000,000 characters)`;
    const issues = issuesAfter((d) => {
      d.nodes.push({ id: long, kind: "store", policy: { type: "base-stock", level: 1 } }, { id: long, kind: "store", policy: { type: "base-stock", level: 1 } });
      d.lanes[2].to = `${long}b`; // one letter from a known id: no edit distance over a million characters
      d.demand[0].node = long;
      d.nodes[3].holdingCost = { [long]: 1 };
    });
    expect(issues).toContain(`nodes[6].id: duplicate node id ${short} (nodes[5] has it too)`);
    expect(issues).toContain(`lanes[2].to: unknown node "${"a".repeat(60)}…" (1,000,001 characters)`);
    expect(issues).toContain(`nodes[5]: ${short} stocks product "default" but no lane brings it; add a lane with "to": ${short}`);
    expect(issues.filter((m) => m.length > 500)).toEqual([]);
  });
});
