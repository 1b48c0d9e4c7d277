// The "would silently do nothing" checks (no-effect.ts, docs/scenario-format.md): which node or
// lane a capacity-cut names, the window quoted in the suggested fix, and initialInventory totals.
import { describe, expect, it } from "vitest";
import { issuesAfter } from "../fixtures.ts";

// small(): nodes[2] is dc-west (no capacity); lanes: [0] supplier→plant, [1] plant→dc-west,
// [2] dc-west→store-1, [3] dc-west→store-2, none with a capacity.
const window = { start: 10, end: 20 };
/** A schema (or other check's) issue at `path`, whatever its wording: this file tests no-effect.ts. */
const issueAt = (path: string) => expect.stringMatching(new RegExp(`^${path.replace(/[.[\]]/g, "\\$&")}: `));
const nodeCutIssue = (index: number, start: string, end: string) =>
  'disruptions[0].node: "dc-west" has no capacity.throughput, so a capacity-cut on it changes nothing (unlimited stays unlimited). ' +
  `To close the node use {"type": "node-outage", "node": "dc-west", "start": ${start}, "end": ${end}}, or give nodes[${index}].capacity a throughput to cut`;
const laneCutIssue = (from: string, to: string, k: number) =>
  `disruptions[0]: the lane from "${from}" to "${to}" has no capacity, so a capacity-cut on it changes nothing (unlimited stays unlimited). ` +
  `To stop the lane use {"type": "lane-outage", "from": "${from}", "to": "${to}", "start": 10, "end": 20}, or give lanes[${k}] a capacity to cut`;
const cut = (target: Record<string, string>) => ({ type: "capacity-cut", ...target, factor: 0, ...window });

describe("capacity-cut on a node", () => {
  it("a null disruption entry is skipped (the schema reports it)", () => {
    expect(issuesAfter((d) => (d.disruptions = [null, cut({ node: "dc-west" })]))).toEqual([
      "disruptions[0]: must be a disruption object, got null",
      nodeCutIssue(2, "10", "20").replace("disruptions[0]", "disruptions[1]"),
    ]);
  });

  it("a duplicated node id means its first node, as everywhere (ids.ts): the first has no throughput", () => {
    expect(issuesAfter((d) => {
      d.nodes.push({ id: "dc-west", kind: "dc", capacity: { throughput: 80 }, policy: { type: "base-stock", level: 50 } });
      d.disruptions = [cut({ node: "dc-west" })];
    })).toEqual(['nodes[5].id: duplicate node id "dc-west" (nodes[2] has it too)', nodeCutIssue(2, "10", "20")]);
  });

  it("a duplicated node id means its first node: the first has a throughput, so the cut is fine", () => {
    expect(issuesAfter((d) => {
      d.nodes[2].capacity = { throughput: 80 };
      d.nodes.push({ id: "dc-west", kind: "dc", policy: { type: "base-stock", level: 50 } });
      d.disruptions = [cut({ node: "dc-west" })];
    })).toEqual(['nodes[5].id: duplicate node id "dc-west" (nodes[2] has it too)']);
  });

  it('a missing start or end shows as "…" in the suggested node-outage', () => {
    expect(issuesAfter((d) => (d.disruptions = [{ type: "capacity-cut", node: "dc-west", factor: 0, end: 20 }]))).toEqual([
      issueAt("disruptions[0].start"),
      nodeCutIssue(2, "…", "20"),
    ]);
    expect(issuesAfter((d) => (d.disruptions = [{ type: "capacity-cut", node: "dc-west", factor: 0, start: 10 }]))).toEqual([
      issueAt("disruptions[0].end"),
      nodeCutIssue(2, "10", "…"),
    ]);
  });

  it("a node plus one lane end names no single target: only that is reported, not the node's capacity", () => {
    const both = 'disruptions[0]: names both a node and a lane; give either "node" or "from" and "to"';
    expect(issuesAfter((d) => (d.disruptions = [cut({ node: "dc-west", from: "plant" })]))).toEqual([both]);
    expect(issuesAfter((d) => (d.disruptions = [cut({ node: "dc-west", to: "store-1" })]))).toEqual([both]);
  });

  it("a node plus a whole lane without capacity: only the two-targets issue, not the lane's capacity", () => {
    expect(issuesAfter((d) => (d.disruptions = [cut({ node: "dc-west", from: "plant", to: "dc-west" })]))).toEqual([
      'disruptions[0]: names both a node and a lane; give either "node" or "from" and "to"',
    ]);
  });
});

describe("capacity-cut on a lane", () => {
  it("the first lane (lanes[0]) is checked like any other", () => {
    expect(issuesAfter((d) => (d.disruptions = [cut({ from: "supplier", to: "plant" })]))).toEqual([laneCutIssue("supplier", "plant", 0)]);
  });

  it("a lane must match on both ends: a missing lane is only reported as missing", () => {
    // lanes[1] also ends at dc-west and lanes[1] also starts at plant, but neither is the lane named.
    expect(issuesAfter((d) => (d.disruptions = [cut({ from: "supplier", to: "dc-west" })]))).toEqual([
      'disruptions[0]: no lane from "supplier" to "dc-west"',
    ]);
    expect(issuesAfter((d) => (d.disruptions = [cut({ from: "plant", to: "store-1" })]))).toEqual([
      'disruptions[0]: no lane from "plant" to "store-1"',
    ]);
  });

  it("a null lane entry is skipped when looking the lane up, and the index is the lane's own", () => {
    expect(issuesAfter((d) => {
      d.lanes.unshift(null);
      d.disruptions = [cut({ from: "plant", to: "dc-west" })];
    })).toEqual([issueAt("lanes[0]"), laneCutIssue("plant", "dc-west", 2)]);
  });

  it("a cut naming one end is never matched to a lane missing the other end", () => {
    const lead = { type: "constant", value: 1 };
    expect(issuesAfter((d) => {
      d.lanes.push({ from: "plant", leadTime: lead });
      d.disruptions = [cut({ from: "plant" })];
    })).toEqual([issueAt("lanes[4].to"), 'disruptions[0].to: is required with "from": a lane is named by both ends']);
    expect(issuesAfter((d) => {
      d.lanes.push({ to: "store-1", leadTime: lead });
      d.disruptions = [cut({ to: "store-1" })];
    })).toEqual([issueAt("lanes[4].from"), 'disruptions[0].from: is required with "to": a lane is named by both ends']);
  });
});

describe("initialInventory above capacity.storage", () => {
  it("no initialInventory is never compared with storage (even a negative one the schema refuses)", () => {
    expect(issuesAfter((d) => (d.nodes[2].capacity = { storage: -1 }))).toEqual([issueAt("nodes[2].capacity.storage")]);
  });

  it("a per-product map counts the sum of its values", () => {
    const twoProducts = (d: Record<string, any>) => {
      d.products = [{ id: "a" }, { id: "b" }];
      d.demand.forEach((x: { product?: string }) => (x.product = "a"));
      d.nodes[2].capacity = { storage: 40 };
    };
    // 30 + 15 = 45 > 40; a map is not a number "for each product", so no "(… for each …)".
    expect(issuesAfter((d) => {
      twoProducts(d);
      d.nodes[2].initialInventory = { a: 30, b: 15 };
    })).toEqual([
      "nodes[2].initialInventory: totals 45 units, above the node's storage capacity (capacity.storage 40): on hand can never hold it. " +
        "Lower initialInventory to at most 40 in all, or raise capacity.storage",
    ]);
    // 25 + 15 = 40: exactly the storage, accepted.
    expect(issuesAfter((d) => {
      twoProducts(d);
      d.nodes[2].initialInventory = { a: 25, b: 15 };
    })).toEqual([]);
  });

  it("a node without an id (refused by the schema) still has its number checked, counted once", () => {
    expect(issuesAfter((d) => d.nodes.push({ kind: "dc", capacity: { storage: 10 }, initialInventory: 20 }))).toEqual([
      issueAt("nodes[5].id"),
      issueAt("nodes[5].policy"),
      "nodes[5].initialInventory: totals 20 units, above the node's storage capacity (capacity.storage 10): on hand can never hold it. " +
        "Lower initialInventory to at most 10 in all, or raise capacity.storage",
    ]);
  });
});
