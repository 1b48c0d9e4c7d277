// Ids are chosen by users, and a result, comparison, optimisation or series is keyed by them.
// "__proto__", "constructor" and "prototype" are refused by the validator; and should one get past
// it (a program calling the engine directly), every id-keyed record is built without a prototype,
// so no id can drop a node from the output or write onto Object.prototype.
import { afterEach, describe, expect, it } from "vitest";
import { join } from "node:path";
import type { Scenario } from "../../src/sim/model/scenario.ts";
import { own } from "../../src/sim/model/dict.ts";
import { kpiColumns, runBatch, seriesLayout } from "../../src/sim/engine/index.ts";
import { createKpiTable } from "../../src/sim/montecarlo/kpi-table.ts";
import { buildComparison, buildRunResult } from "../../src/sim/montecarlo/run-result.ts";
import { createSeriesReducer } from "../../src/sim/montecarlo/series-reducer.ts";
import { noTick } from "../../src/sim/montecarlo/tick.ts";
import { optimizeScenario } from "../../src/sim/optimize/index.ts";
import { parseScenarioJson, RESERVED_IDS, validateScenario } from "../../src/sim/validate/index.ts";
import { importCsv } from "../../src/formats/csv-import.ts";
import { getIn, setIn } from "../../src/ui/editor/paths.ts";
import { main } from "../../src/cli/main.ts";
import { diffScenarios } from "../../src/ui/compare/scenario-diff.ts";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";

const root = join(import.meta.dirname, "../..");
const serialText = readFileSync(join(root, "scenarios/serial-example-6-1.json"), "utf8");

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();
const before = prototypeNames();
afterEach(() => {
  // Nothing was added to Object.prototype, and no id reads as inherited.
  expect(prototypeNames()).toEqual(before);
  expect(({} as Record<string, unknown>).fillRate).toBeUndefined();
});

/**
 * Two products and the serial example's three stages, with `names` as the stage ids and the
 * product ids. Built from JSON text, as a file or a share link would be, so a "__proto__" key is
 * an own property, the way JSON.parse makes it.
 */
function scenarioWithIds(names: readonly [string, string, string], products: readonly [string, string]): Scenario {
  const s = JSON.parse(serialText);
  const rename = new Map([["stage-3", names[0]], ["stage-2", names[1]], ["stage-1", names[2]]]);
  const id = (x: string) => rename.get(x) ?? x;
  const policyText = (level: number) => `{ "type": "echelon-base-stock", "level": ${level} }`;
  const nodes = s.nodes.map((n: { id: string; policy?: { level: number } }) => {
    const copy = { ...n, id: id(n.id) } as Record<string, unknown>;
    if (n.policy) copy.policy = JSON.parse(`{ ${JSON.stringify(products[0])}: ${policyText(n.policy.level)}, ${JSON.stringify(products[1])}: ${policyText(n.policy.level)} }`);
    delete copy.initialInventory;
    return copy;
  });
  const lanes = s.lanes.map((l: { from: string; to: string }) => ({ ...l, from: id(l.from), to: id(l.to) }));
  const demand = s.demand.flatMap((d: { node: string }) => products.map((p) => ({ ...d, node: id(d.node), product: p })));
  return { ...s, nodes, lanes, demand, products: products.map((p) => ({ id: p })), horizon: 60, warmup: 5, replications: 6 } as Scenario;
}

async function resultOf(s: Scenario) {
  const columns = kpiColumns(s);
  const batch = runBatch(s, { from: 0, to: s.replications, series: true });
  const table = createKpiTable(s.replications, columns.length);
  table.add(batch);
  const reducer = createSeriesReducer(seriesLayout(s), s.replications);
  await reducer.add(batch.series!, s.replications, noTick);
  const series = await reducer.finish(noTick);
  const result = await buildRunResult({ scenario: s, columns, table, series, workers: 1, elapsedMs: 0 }, noTick);
  const comparison = await buildComparison({ scenario: s, columns, table }, { scenario: s, columns, table }, noTick);
  return { result, comparison };
}

describe("ids named like JavaScript's own properties", () => {
  it.each(RESERVED_IDS)("the validator refuses %s as a node id, a product id and a per-product key, naming the path", (name) => {
    const s = scenarioWithIds([name, "stage-2", "stage-1"], [name, "b"]);
    const r = validateScenario(JSON.parse(JSON.stringify(s)));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toContain("nodes[1].id");
    expect(paths).toContain("products[0].id");
    expect(r.errors.find((e) => e.path === "nodes[1].id")!.message).toContain("reserved by JavaScript");
    // The per-product policy map keyed by the reserved product id is refused at its key.
    expect(r.errors.some((e) => e.path.startsWith("nodes[2].policy") && e.message.includes("reserved by JavaScript"))).toBe(true);
  });

  it("after a refused file, the untouched retail scenario still validates (nothing leaked into later validations)", () => {
    const hostile = serialText.replace(/"stage-1"/g, '"__proto__"').replace(/"stage-2"/g, '"constructor"');
    expect(parseScenarioJson(hostile).ok).toBe(false);
    const retail = parseScenarioJson(readFileSync(join(root, "scenarios/retail-3-echelon.json"), "utf8"));
    expect(retail.ok ? [] : retail.errors).toEqual([]);
  });

  it.each([["validate"], ["run"], ["compare", join(root, "scenarios/serial-example-6-1.json")], ["optimize", "--method", "gsm"]])("echelon %s refuses a file with reserved ids, naming each place, and writes nothing", async (command, ...options) => {
    const file = join(mkdtempSync(join(tmpdir(), "echelon-ids-")), "hostile.json");
    writeFileSync(file, serialText.replace(/"stage-1"/g, '"__proto__"').replace(/"stage-2"/g, '"constructor"'));
    let out = "", err = "";
    const code = await main([command, file, ...options], { stdout: { write: (t: string) => (out += t, true) }, stderr: { write: (t: string) => (err += t, true) } });
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toContain("nodes[2].id");
    expect(err).toContain("nodes[3].id");
    expect(err).toContain("reserved by JavaScript");
  });

  it("a reserved name inside an \"x-\" note is the user's own text and is kept", () => {
    const s = JSON.parse(serialText.replace('"horizon": 1000,', '"x-meta": { "constructor": "Ann", "prototype": 2 }, "horizon": 1000,'));
    const r = validateScenario(s);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it("Compare lists a per-product entry keyed by valueOf that only B has, never reading an inherited method", () => {
    const base = scenarioWithIds(["a", "b", "c"], ["valueOf", "toString"]);
    const withCost = (cost: object) => ({ ...base, nodes: base.nodes.map((n) => (n.id === "c" ? { ...n, holdingCost: cost } : n)) }) as unknown as Scenario;
    const changes = diffScenarios(withCost({ toString: 1 }), withCost({ toString: 1, valueOf: 3 }));
    expect(changes).toEqual([{ path: "nodes[c].holdingCost.valueOf", kind: "added", after: 3 }]);
    expect(changes.every((c) => typeof c.before !== "function" && typeof c.after !== "function")).toBe(true);
  });

  it("ids such as toString and valueOf stay valid and are never confused with inherited members", () => {
    const s = scenarioWithIds(["toString", "valueOf", "hasOwnProperty"], ["toLocaleString", "isPrototypeOf"]);
    const r = validateScenario(JSON.parse(JSON.stringify(s)));
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it("a run, a comparison and a series past validation keep every node and product, and leave Object.prototype alone", async () => {
    const names = ["__proto__", "constructor", "prototype"] as const;
    const s = scenarioWithIds(names, ["__proto__", "constructor"]);
    const { result, comparison } = await resultOf(s);
    for (const id of names) {
      expect(Object.hasOwn(result.nodes, id)).toBe(true);
      expect(result.nodes[id].onHand.n).toBe(6);
      expect(Object.hasOwn(comparison.nodes, id)).toBe(true);
      expect(comparison.nodes[id].onHand.diff.mean).toBe(0);
      expect(comparison.nodes[id].onHand.a.n).toBe(6);
      expect(Object.hasOwn(result.series!.nodes, id)).toBe(true);
      expect(result.series!.nodes[id].onHand.mean).toHaveLength(60);
    }
    expect(result.nodes.prototype.fillRate.n).toBe(6);
    expect(Object.keys(result.products).sort()).toEqual(["__proto__", "constructor"]);
    expect(own(result.products, "constructor")!.fillRate.n).toBe(6);
    // The output is the same JSON other programs read: every node is in it.
    const json = JSON.parse(JSON.stringify(result));
    expect(Object.keys(json.nodes).sort()).toEqual([...names].sort());
  });

  it("optimisation past validation gives every node and product the plan it gives under plain names", () => {
    const plain = optimizeScenario(scenarioWithIds(["a", "b", "c"], ["p", "q"]), { method: "gsm" });
    const odd = optimizeScenario(scenarioWithIds(["__proto__", "constructor", "prototype"], ["__proto__", "toString"]), { method: "gsm" });
    const pairs = [["a", "__proto__"], ["b", "constructor"], ["c", "prototype"]] as const;
    for (const [p, o] of pairs) {
      expect(Object.hasOwn(odd.nodes, o)).toBe(true);
      const mine = odd.nodes[o] as Record<string, unknown>, theirs = plain.nodes[p] as Record<string, unknown>;
      expect(Object.keys(mine).sort()).toEqual(["__proto__", "toString"]);
      expect(mine.__proto__).toEqual(theirs.p);
      expect(mine.toString).toEqual(theirs.q);
    }
    expect((plain.nodes.c as Record<string, { baseStock: number }>).p.baseStock).toBeGreaterThan(0);
    const stage = odd.scenario.nodes.find((n) => n.id === "prototype")!;
    expect(Object.keys(stage.policy!).sort()).toEqual(["__proto__", "toString"]);
    expect(odd.safetyStockUnits).toBe(plain.safetyStockUnits);
  });

  it.each(RESERVED_IDS)("CSV import refuses %s as a node id with the line and the reason", (name) => {
    const r = importCsv({}, "nodes.csv", `id,kind,level\n${name},dc,5\nok,store,5\n`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([`nodes.csv line 2: id must be 1 to 64 letters, digits, '_', '.' or '-', other than __proto__, constructor, prototype (reserved by JavaScript), got '${name}'`]);
  });

  it("the editor reads and writes a draft's \"__proto__\" key as data", () => {
    const draft = JSON.parse('{ "nodes": [{ "id": "x", "policy": { "__proto__": { "type": "base-stock", "level": 1 } } }] }');
    const edited = setIn(draft, ["nodes", 0, "policy", "__proto__", "level"], 5);
    expect(getIn(edited, ["nodes", 0, "policy", "__proto__", "level"])).toBe(5);
    expect(Object.hasOwn(getIn(edited, ["nodes", 0, "policy"]) as object, "__proto__")).toBe(true);
    expect(getIn({}, ["__proto__"])).toBeUndefined();
    expect(getIn({}, ["toString"])).toBeUndefined();
  });
});
