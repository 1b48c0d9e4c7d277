// A small valid scenario to mutate in tests: supplier → plant → dc → two stores, one product.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LIMITS, validateScenario, type ValidationIssue } from "../../../src/sim/validate/index.ts";

export const root = join(import.meta.dirname, "..", "..", "..");
export const retailText = readFileSync(join(root, "scenarios", "retail-3-echelon.json"), "utf8");
export const retail = (): Record<string, any> => JSON.parse(retailText);

export function small(): Record<string, any> {
  const lead = (value: number) => ({ type: "constant", value });
  return {
    format: "echelon-scenario@1",
    name: "Small",
    horizon: 100,
    warmup: 10,
    replications: 20,
    seed: 1,
    unmetDemand: "backorder",
    allocation: "fifo",
    nodes: [
      { id: "supplier", kind: "supplier" },
      { id: "plant", kind: "plant", policy: { type: "base-stock", level: 100 } },
      { id: "dc-west", kind: "dc", holdingCost: 0.1, policy: { type: "base-stock", level: 50 } },
      { id: "store-1", kind: "store", policy: { type: "sS", s: 10, S: 30 } },
      { id: "store-2", kind: "store", policy: { type: "sQ", s: 10, Q: 20, review: 7, offset: 3 } },
    ],
    lanes: [
      { from: "supplier", to: "plant", leadTime: lead(5) },
      { from: "plant", to: "dc-west", leadTime: { type: "uniform", min: 1, max: 3 } },
      { from: "dc-west", to: "store-1", leadTime: lead(1) },
      { from: "dc-west", to: "store-2", leadTime: lead(1) },
    ],
    demand: [
      { node: "store-1", dist: { type: "normal", mean: 5, sd: 2 } },
      { node: "store-2", dist: { type: "poisson", mean: 4 } },
    ],
  };
}

/** The issues for `doc` after `edit`, as "path: message" strings ([] when valid). */
export function issuesAfter(edit: (doc: Record<string, any>) => void, doc = small()): string[] {
  edit(doc);
  const r = validateScenario(doc);
  return r.ok ? [] : r.errors.map((e: ValidationIssue) => (e.path === "" ? e.message : `${e.path}: ${e.message}`));
}

/** The issues for `doc` as it is. */
export const issuesOf = (doc: Record<string, any>): string[] => issuesAfter(() => {}, doc);

/** A constant distribution, and a base-stock policy: the shapes most cases build. */
export const constant = (value: number) => ({ type: "constant", value });
export const bs = (level: number) => ({ type: "base-stock", level });

/** A distribution network at the node limit: supplier → plant → `dcs` DCs → stores, demand at every store. */
export function large(nodes = 2_000, dcs = 40): Record<string, any> {
  const doc = small();
  const lead = { type: "uniform", min: 1, max: 3 };
  doc.nodes = [doc.nodes[0], doc.nodes[1]];
  doc.lanes = [doc.lanes[0]];
  doc.demand = [];
  for (let i = 0; i < nodes - 2; i++) {
    const isDc = i < dcs;
    const id = isDc ? `dc-${i}` : `store-${i}`;
    doc.nodes.push({ id, kind: isDc ? "dc" : "store", holdingCost: 0.1, policy: { type: "base-stock", level: isDc ? 500 : 50 } });
    doc.lanes.push({ from: isDc ? "plant" : `dc-${i % dcs}`, to: id, leadTime: lead, costPerUnit: 0.1 });
    if (!isDc) doc.demand.push({ node: id, dist: { type: "normal", mean: 5, sd: 2 } });
  }
  return doc;
}

/** Runs `body` with LIMITS[key] set to `value`, restoring it afterwards: a limit far too large to reach in a test is lowered to test its boundary. */
export function withLimit(key: keyof typeof LIMITS, value: number, body: () => void): void {
  const limits = LIMITS as Record<keyof typeof LIMITS, number>;
  const saved = limits[key];
  limits[key] = value;
  try { body(); } finally { limits[key] = saved; }
}
