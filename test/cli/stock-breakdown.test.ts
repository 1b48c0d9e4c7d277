import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runEchelonHere } from "../helpers/echelon-cli.ts";

const root = join(import.meta.dirname, "../..");
const retail = join(root, "scenarios/retail-3-echelon.json");
const tmp = mkdtempSync(join(tmpdir(), "echelon-stock-"));
const SHORT = ["--replications", "6", "--horizon", "120", "--warmup", "20", "--workers", "2"];

// In this process: what the command prints and its exit status (main.test.ts runs bin/echelon.mjs).
const echelon = (...args: string[]) => runEchelonHere(args);

describe("echelon --stock-breakdown", () => {
  it("run adds where the stock sits, after the KPIs; each node's parts add up to its on hand + in transit", async () => {
    const [plain, withIt] = await Promise.all([echelon("run", retail, ...SHORT), echelon("run", retail, ...SHORT, "--stock-breakdown", "--replication-values")]);
    expect([plain.code, withIt.code]).toEqual([0, 0]);
    expect(Object.keys(JSON.parse(plain.stdout))).not.toContain("stockBreakdown");
    const r = JSON.parse(withIt.stdout);
    expect(Object.keys(r).slice(-4)).toEqual(["stockBreakdown", "replicationValues", "workers", "elapsedMs"]);
    const b = r.stockBreakdown;
    expect(b.echelons.map((e: { label: string }) => e.label)).toEqual(["Plant", "Central DC", "Regional DCs", "Stores"]);
    for (const [id, s] of Object.entries<Record<string, { mean: number }>>(b.nodes)) {
      const expected = r.nodes[id].onHand.mean + r.nodes[id].inTransit.mean;
      expect(Math.abs(s.total.mean - expected)).toBeLessThan(1e-9 * expected);
      expect(s.pipeline.mean).toBe(r.nodes[id].inTransit.mean);
    }
    // Stores serve customers only; DCs serve no customer: their buffer is held for downstream.
    expect([b.nodes["store-north-1"].heldForDownstream.mean, b.nodes["dc-north"].safety.mean]).toEqual([0, 0]);
    expect(b.nodes["dc-north"].heldForDownstream.mean).toBeGreaterThan(0);
  });

  it("compare adds A's and B's breakdowns; more stock at DC North shows in its held-for-downstream stock", async () => {
    const file = join(tmp, "b.json");
    const doc = JSON.parse(readFileSync(retail, "utf8"));
    doc.name = "More stock at DC North";
    doc.nodes.find((n: { id: string }) => n.id === "dc-north").policy.level += 200;
    writeFileSync(file, JSON.stringify(doc));
    const r = await echelon("compare", retail, file, ...SHORT, "--stock-breakdown");
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.format).toBe("echelon-comparison@1");
    const held = (side: "a" | "b") => c.stockBreakdown[side].nodes["dc-north"].heldForDownstream;
    expect(held("b").mean - held("a").mean).toBeGreaterThan(100);
    expect(c.stockBreakdown.a.echelons[2].label).toBe("Regional DCs");
  });

  it("a shard cannot give it (it needs the whole run): usage error", async () => {
    const r = await echelon("run", retail, ...SHORT, "--shard", "0/2", "--stock-breakdown");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--stock-breakdown needs the whole run");
  });
});
