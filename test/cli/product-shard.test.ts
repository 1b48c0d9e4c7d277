import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../src/sim/model/scenario.ts";
import { FractionalUnitsError, itemKeys, laneKey, runProductTerms } from "../../src/sim/engine/product-terms.ts";
import { createReplay } from "../../src/sim/engine/product-replay.ts";
import { compiled } from "../../src/sim/engine/compiled.ts";
import { runBatch } from "../../src/sim/engine/batch.ts";
import { parseArgs } from "../../src/cli/args.ts";
import { openProductPart } from "../../src/cli/product-part.ts";
import { productShardOf } from "../../src/cli/product-shard.ts";
import { parseProducts, productBlock, splitProblems, subScenario } from "../../src/cli/product-split.ts";
import { runEchelonHere } from "../helpers/echelon-cli.ts";

const root = join(import.meta.dirname, "../..");
const tmp = mkdtempSync(join(tmpdir(), "echelon-product-shard-"));
const multi = JSON.parse(readFileSync(join(root, "scenarios/multi-product-network.json"), "utf8")) as Scenario;

/**
 * The multi-product example in whole units (Poisson cola, fifo → priority allocation) with what a
 * product subset must still reproduce: per-shipment lane costs, fixed order costs, sS and sQ
 * policies, a random lane outage, a node outage, a lane delay, a demand shock of one product, an
 * expedite lane, lateral transfers, correlated demand, a primary/backup supplier whose backup lane carries two of the products (and has
 * an outage), and a store that does not stock one product.
 */
function wholeUnits(): Scenario {
  // A fixture edited in place.
  const s = structuredClone(multi) as any;
  s.allocation = "priority";
  for (const d of s.demand) if (d.dist.type === "normal") d.dist = { type: "poisson", mean: d.dist.mean };
  // Each shipment takes its own lead time: without overtaking, a product's arrivals would wait for another's.
  for (const l of s.lanes) { l.costPerShipment = 7.5; if (l.leadTime.type !== "constant") l.overtaking = true; }
  s.costs.orderFixed = 3;
  s.nodes[2].policy.chips = { type: "sS", s: 20, S: 45, review: 2 };
  s.nodes[3].policy.batteries = { type: "sQ", s: 2, Q: 6 };
  s.nodes.push({ id: "supplier-2", kind: "supplier" });
  s.lanes[0].sourcing = { role: "primary" };
  s.lanes.push({ from: "supplier-2", to: "dc", leadTime: { type: "uniform", min: 2, max: 6 }, costPerUnit: 0.08, costPerShipment: 2, sourcing: { role: "backup" }, products: ["cola", "chips"], overtaking: true });
  s.disruptions = [
    { type: "random-outage", from: "dc", to: "store-1", mtbf: 60, mttr: 3 },
    { type: "node-outage", node: "dc", start: 100, end: 110 },
    { type: "demand-shock", node: "store-2", product: "chips", multiplier: 2, start: 150, end: 170 },
    { type: "lane-outage", from: "supplier", to: "dc", start: 50, end: 70 },
  ];
  // store-4 stocks no batteries, and the backup lane carries none: in a batteries shard the node keeps no items, the lane nothing.
  const store4 = s.nodes.find((n: any) => n.id === "store-4");
  for (const k of ["policy", "holdingCost"]) if (store4[k] && typeof store4[k] === "object" && !("type" in store4[k])) delete store4[k].batteries;
  s.demand = s.demand.filter((d: any) => !(d.node === "store-4" && d.product === "batteries"));
  s.disruptions.push({ type: "lane-outage", from: "supplier-2", to: "dc", start: 80, end: 95 });
  // Demand correlation has one common factor per product (and group): it correlates a product's demand across nodes, never products.
  s.demandCorrelation = { groups: [{ nodes: ["store-1", "store-2"], rho: 0.6 }] };
  // Lateral transfers draw one lead time a day from a stream shared by every product, whatever moves: no coupling.
  s.mitigations = {
    expedite: [{ from: "supplier", to: "store-3", leadTime: { type: "constant", value: 1 }, costPerUnit: 0.3, when: "position-below", threshold: 10 }],
    lateralTransfers: { among: ["store-1", "store-2", "store-3"], leadTime: { type: "uniform", min: 1, max: 2 }, costPerUnit: 0.2, trigger: "below-zero" },
  };
  return s as Scenario;
}
const scenarioFile = join(tmp, "whole-units.json");
writeFileSync(scenarioFile, JSON.stringify(wholeUnits()));

// In this process: these tests are about what run, plan and merge print (main.test.ts runs bin/echelon.mjs).
const echelon = runEchelonHere;
/** A result without what depends on the machines (docs/scale-out.md). */
const stable = (text: string) => {
  const { workers: _w, elapsedMs: _e, ...rest } = JSON.parse(text);
  return JSON.stringify(rest);
};
const common = [scenarioFile, "--replications", "10", "--seed", "17", "--horizon", "240", "--warmup", "20"];

describe("echelon run --products and echelon merge", () => {
  it("three product parts merge to the echelon-result@1 of the whole run, byte for byte (series and replication values included)", async () => {
    const files = [0, 1, 2].map((k) => join(tmp, `product-${k}.part`));
    const shards = await Promise.all(files.map((out, k) => echelon(["run", ...common, "--series", "--product-shard", `${k}/3`, "--out", out])));
    expect(shards.map((s) => s.code)).toEqual([0, 0, 0]);
    expect(shards[1].stderr).toMatch(/product shard: 1 of 3 products \(chips\) × replications 0–9 of 10/);
    const [whole, merged] = await Promise.all([
      echelon(["run", ...common, "--series", "--replication-values", "--workers", "1"]),
      echelon(["merge", files[2], files[0], files[1], "--replication-values"]),
    ]);
    expect([whole.code, merged.code]).toEqual([0, 0]);
    expect(stable(merged.stdout)).toBe(stable(whole.stdout));
    const doc = JSON.parse(merged.stdout);
    expect(doc.series).toBeDefined();
    expect(doc.nodes.dc.orderVarianceRatio.n).toBe(10);
    expect(doc.network.transferred.mean).toBeGreaterThan(0);   // the lateral transfers moved stock
    const h = openProductPart(files[2]).header;
    expect([h.products.ids, h.products.total, h.products.shard, h.manifest.from, h.manifest.to]).toEqual([["batteries"], 3, { index: 2, count: 3 }, 0, 10]);
  });

  it("a 2 × 2 grid of replication × product shards from a job array's index merges to the same document, and so does a block of product parts beside a replication shard", async () => {
    const files = [0, 1, 2, 3].map((k) => join(tmp, `grid-${k}.part`));
    // One after another: each task reads its index from process.env.
    const shards = [];
    for (const [k, out] of files.entries()) shards.push(await echelon(["run", ...common, "--shard-from-env", "4", "--product-shards", "2", "--out", out], { SLURM_ARRAY_TASK_ID: String(k) }));
    expect(shards.map((s) => s.code)).toEqual([0, 0, 0, 0]);
    expect(shards[3].stderr).toMatch(/2 of 3 products \(chips, batteries\) × replications 5–9 of 10/);
    const replicationShard = join(tmp, "grid-rep-1.part");
    expect((await echelon(["run", ...common, "--shard", "1/2", "--workers", "1", "--out", replicationShard])).code).toBe(0);
    const [whole, merged, mixed] = await Promise.all([
      echelon(["run", ...common, "--workers", "1"]),
      echelon(["merge", ...files]),
      echelon(["merge", files[0], files[1], replicationShard]),
    ]);
    expect([whole.code, merged.code, mixed.code]).toEqual([0, 0, 0]);
    expect(stable(merged.stdout)).toBe(stable(whole.stdout));
    expect(stable(mixed.stdout)).toBe(stable(whole.stdout));
  });

  it("merge refuses missing, duplicate, overlapping and foreign product parts, naming the products and files", async () => {
    const [cola, rest, chips, otherSeed, colaHalf] = ["cola", "rest", "chips", "seed", "half"].map((n) => join(tmp, `refuse-${n}.part`));
    const r = await Promise.all([
      echelon(["run", ...common, "--products", "cola", "--out", cola]),
      echelon(["run", ...common, "--products", "chips,batteries", "--out", rest]),
      echelon(["run", ...common, "--products", "chips", "--out", chips]),
      echelon(["run", ...common, "--seed", "5", "--products", "chips,batteries", "--out", otherSeed]),
      echelon(["run", ...common, "--shard", "0/2", "--products", "cola", "--out", colaHalf]),
    ]);
    expect(r.map((x) => x.code)).toEqual([0, 0, 0, 0, 0]);
    const missing = await echelon(["merge", cola, chips]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`echelon merge: product "batteries" of replications 0–9 is missing (no part covers it; the parts of that block are ${cola}, ${chips})`);
    const twice = await echelon(["merge", cola, rest, chips]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain(`echelon merge: product "chips" of replications 0–9 is in more than one part: ${rest} and ${chips}`);
    const seeds = await echelon(["merge", cola, otherSeed]);
    expect(seeds.code).toBe(1);
    expect(seeds.stderr).toContain(`the seed differs: ${cola} has 17, ${otherSeed} has 5`);
    const overlap = await echelon(["merge", cola, rest, colaHalf]);
    expect(overlap.code).toBe(1);
    expect(overlap.stderr).toMatch(/product parts of replications 0–4 and 0–9 overlap/);
    // A header edited after the shard wrote it (another scenario's products) no longer matches its hash.
    const forged = join(tmp, "refuse-forged.part"), bytes = readFileSync(rest);
    const nl = bytes.indexOf(10), text = bytes.subarray(0, nl).toString("utf8").replace('"id":"batteries"', '"id":"torches"');
    writeFileSync(forged, Buffer.concat([Buffer.from(text.padEnd(nl, " ")), bytes.subarray(nl)]));
    const foreign = await echelon(["merge", cola, forged]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain(`${forged}: its scenario does not match its hash`);
    const relabelled = join(tmp, "refuse-relabelled.part"), named = bytes.subarray(0, nl).toString("utf8").replace('"ids":["chips","batteries"]', '"ids":["chips"]');
    writeFileSync(relabelled, Buffer.concat([Buffer.from(named.padEnd(nl, " ")), bytes.subarray(nl)]));
    const mislabelled = await echelon(["merge", cola, relabelled, chips]);
    expect(mislabelled.code).toBe(1);
    expect(mislabelled.stderr).toContain(`${relabelled}: the products it names (chips) are not the products it simulated (chips, batteries)`);
  });

  it("a shard is held to one machine's limits on its own products and replications, not the whole catalogue's", async () => {
    const base = JSON.parse(readFileSync(join(root, "scenarios/retail-3-echelon.json"), "utf8"));
    const products = Array.from({ length: 100 }, (_, i) => ({ id: `sku${i}`, unitCost: 25 }));
    const demand = base.demand.flatMap((d: any) => products.map((p) => ({ ...d, product: p.id, dist: { type: "poisson", mean: d.dist.mean } })));
    const file = join(tmp, "retail-100.json");
    writeFileSync(file, JSON.stringify({ ...base, allocation: "fifo", products, demand, lanes: base.lanes.map((l: object) => ({ ...l, overtaking: true })) }));
    const million = [file, "--replications", "1000000"];
    const [whole, small, large] = await Promise.all([
      echelon(["run", ...million]),
      echelon(["run", ...million, "--shard", "0/50000", "--products", "sku7", "--out", join(tmp, "small.part")]),
      echelon(["run", ...million, "--product-shard", "0/2", "--out", join(tmp, "never-large.part")]),
    ]);
    expect(whole.code).toBe(1);
    expect(whole.stderr).toContain("asks for too much work: replications × horizon × stocked (node, product) pairs = 1,000,000 × 365 × 2,600");
    expect(small.code).toBe(0);
    expect(small.stderr).toMatch(/1 of 100 products \(sku7\) × replications 0–19 of 1000000/);
    expect(large.code).toBe(1);
    expect(large.stderr).toContain("asks for too much work: replications × horizon × stocked (node, product) pairs = 1,000,000 × 365 × 1,300");
  });

  it("run --products refuses a scenario whose products are not independent or not in whole units, naming each reason", async () => {
    const refused = await echelon(["run", join(root, "scenarios/multi-product-network.json"), "--products", "cola", "--out", join(tmp, "never.part")]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('allocation: "proportional" shares short stock in fractional units');
    expect(refused.stderr).toContain("demand[0].dist: a normal distribution draws fractional units");
    const unknown = await echelon(["run", ...common, "--products", "cola,torch"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--products: "torch" is not a product of');
  });
});

describe("echelon plan … --product-shards P", () => {
  it("passes --product-shards to every task of the job array, and refuses a grid that does not divide or a scenario that does not split", async () => {
    const [slurm, kube, uneven, refused] = await Promise.all([
      echelon(["plan", "slurm", scenarioFile, "--shards", "6", "--product-shards", "3"]),
      echelon(["plan", "kubernetes", scenarioFile, "--shards", "6", "--product-shards", "3"]),
      echelon(["plan", "slurm", scenarioFile, "--shards", "5", "--product-shards", "3"]),
      echelon(["plan", "slurm", join(root, "scenarios/multi-product-network.json"), "--shards", "6", "--product-shards", "3"]),
    ]);
    expect([slurm.code, kube.code, uneven.code, refused.code]).toEqual([0, 0, 2, 1]);
    expect(slurm.stdout).toMatch(/--array=0-5 /);
    expect(slurm.stdout).toMatch(/run \S+ --shard-from-env 6 --product-shards 3 --out/);
    expect(kube.stdout).toContain("--shard-from-env 6 --product-shards 3");
    expect(uneven.stderr).toContain("the 5 tasks must be a whole number of rounds of 3 product blocks");
    expect(refused.stderr).toContain("cannot be run apart and merged back exactly");
  });
});

describe("the replay of product terms (engine/product-terms.ts, product-replay.ts)", () => {
  /** The retail network with three products in whole units; `overtaking` on every lane or none. */
  function retail3(overtaking: boolean): Scenario {
    const base = JSON.parse(readFileSync(join(root, "scenarios/retail-3-echelon.json"), "utf8"));
    const products = ["a", "b", "c"].map((id) => ({ id, unitCost: 25 }));
    const demand = base.demand.flatMap((d: any) => products.map((p) => ({ ...d, product: p.id, dist: { type: "poisson", mean: d.dist.mean } })));
    return { ...base, allocation: "fifo", products, demand, replications: 3, lanes: base.lanes.map((l: object) => ({ ...l, overtaking })) };
  }
  /** Each replication's KPI row rebuilt from one part per block of products. */
  function replayed(s: Scenario, blocks: string[][]): Float64Array {
    const parts = blocks.map((ids) => {
      const sub = subScenario(s, ids), net = compiled(sub), records: Float64Array[] = [];
      const layout = runProductTerms(sub, { from: 0, to: s.replications, series: false }, (_r, t) => records.push(t.slice()));
      return { records, source: { layout, items: itemKeys(net), lanes: Array.from(net.laneFrom, (_, l) => laneKey(net, l)), products: [...net.productIds] } };
    });
    const replay = createReplay(compiled(s), parts.map((p) => p.source), false), rows = new Float64Array(s.replications * replay.columns);
    for (let r = 0; r < s.replications; r++) replay.replay(parts.map((p) => p.records[r]), rows, r * replay.columns);
    return rows;
  }
  const bits = (a: Float64Array) => Buffer.from(a.buffer).toString("hex");

  it("rebuilds runBatch's rows bit for bit when the products are independent", () => {
    const s = retail3(true);
    expect(splitProblems(s)).toEqual([]);
    expect(bits(replayed(s, [["a", "c"], ["b"]]))).toBe(bits(runBatch(s, { from: 0, to: 3 }).values));
  });

  it("does not when lanes keep their shipments in order (why run --products refuses them)", () => {
    const s = retail3(false);
    expect(splitProblems(s).some((p) => p.includes("overtaking false"))).toBe(true);
    expect(bits(replayed(s, [["a", "c"], ["b"]]))).not.toBe(bits(runBatch(s, { from: 0, to: 3 }).values));
  });
});

describe("which scenarios split by product (product-split.ts)", () => {
  const base = wholeUnits();
  const edit = (f: (s: any) => void): Scenario => { const s = structuredClone(base) as any; f(s); return s; };
  it("the whole-units scenario splits", () => expect(splitProblems(base)).toEqual([]));
  it.each([
    ["a storage capacity", (s: any) => { s.nodes[1].capacity = { storage: 900 }; }, `nodes[1].capacity.storage: the products share "dc"'s storage capacity`],
    ["a throughput capacity", (s: any) => { s.nodes[2].capacity = { throughput: 90 }; }, `nodes[2].capacity.throughput: the products share "store-1"'s throughput capacity`],
    ["a lane capacity", (s: any) => { s.lanes[1].capacity = 200; }, "lanes[1].capacity: the products share the lane dc → store-1's capacity"],
    ["a random lead time without overtaking", (s: any) => { s.lanes[1].overtaking = false; }, `lanes[1].overtaking: the products' shipments on the lane dc → store-1 keep their order (overtaking false) with a uniform lead time`],
    ["a delayed lane without overtaking", (s: any) => { s.disruptions.push({ type: "lane-delay", from: "supplier", to: "dc", extraDays: 3, start: 30, end: 40 }); }, "lanes[0].overtaking: the products' shipments on the lane supplier → dc keep their order (overtaking false) with a lane delay"],
    ["a recipe", (s: any) => { s.nodes[1].bom = [{ product: "chips", components: { cola: 1 } }]; }, `nodes[1].bom: "dc" makes products from other products`],
    ["proportional allocation", (s: any) => { s.allocation = "proportional"; }, 'allocation: "proportional" shares short stock in fractional units'],
    ["normal demand", (s: any) => { s.demand[4].dist = { type: "normal", mean: 15, sd: 3 }; }, "demand[4].dist: a normal distribution draws fractional units"],
    ["a fractional empirical value", (s: any) => { s.demand[4].dist = { type: "empirical", values: [1, 2.5] }; }, "demand[4].dist: the value 2.5 is not a whole number"],
    ["seasonal constant demand", (s: any) => { s.demand[4].dist = { type: "constant", value: 3 }; s.demand[4].seasonality = { cycle: 7, factors: [1, 1.5] }; }, "demand[4]: seasonality or trend scales a constant demand to fractional units"],
    ["a split share", (s: any) => { s.lanes[0].sourcing = { split: 0.6 }; s.lanes[5].sourcing = { split: 0.4 }; }, "lanes[0].sourcing.split: a split share orders fractional units"],
    ["a fractional base-stock level", (s: any) => { s.nodes[1].policy.cola = { type: "base-stock", level: 880.5 }; }, "nodes[1].policy.cola: 880.5 is not a whole number of units"],
    ["one product", (s: any) => { s.products = [s.products[0]]; }, "products: the scenario has one product, so there is nothing to split"],
    ["a random expedite lead time", (s: any) => { s.mitigations.expedite[0].leadTime = { type: "uniform", min: 0, max: 3 }; }, "mitigations.expedite[0].leadTime: a uniform expedite lead time is drawn from a stream seeded by the product's place in the list"],
  ])("refuses %s", (_what, f, message) => {
    expect(splitProblems(edit(f)).join("\n")).toContain(message);
  });

  it("the shard's own check stops a fractional share the scenario check did not foresee", () => {
    const s = edit((x) => { x.demand[0].dist = { type: "normal", mean: 40, sd: 10 }; });
    expect(() => runProductTerms(subScenario(s, ["cola"]), { from: 0, to: 1, series: false }, () => {})).toThrow(FractionalUnitsError);
  });

  it("products come from a list, a file, or a block of the scenario's products; a job array's index walks the grid product-first", () => {
    expect(parseProducts("cola, chips")).toEqual(["cola", "chips"]);
    expect(parseProducts("@list", () => "cola # fast\nbatteries\n")).toEqual(["cola", "batteries"]);
    const all = ["a", "b", "c", "d", "e"];
    expect([0, 1, 2].map((k) => productBlock(all, { index: k, count: 3 }))).toEqual([["a"], ["b", "c"], ["d", "e"]]);
    const p = parseArgs(["run", "x.json", "--shard-from-env", "6", "--product-shards", "3"]);
    expect(productShardOf(p, all, { SLURM_ARRAY_TASK_ID: "4" })).toEqual({ shard: { index: 1, count: 2 }, productShard: { index: 1, count: 3 } });
    expect(() => productShardOf(parseArgs(["run", "x.json", "--shard-from-env", "5", "--product-shards", "3"]), all, { SLURM_ARRAY_TASK_ID: "0" })).toThrow(/must be a whole number of rounds of 3/);
    expect(() => productShardOf(parseArgs(["run", "x.json", "--products", "a", "--product-shard", "0/2"]), all)).toThrow(/cannot be used together/);
    expect(() => productShardOf(parseArgs(["run", "x.json", "--shard-from-env", "12", "--product-shards", "6"]), all, { SLURM_ARRAY_TASK_ID: "0" })).toThrow(/5 products, fewer than 6 blocks/);
    expect(() => productShardOf(parseArgs(["run", "x.json", "--product-shard", "0/6"]), all)).toThrow(/5 products, fewer than 6 blocks/);
  });
});
