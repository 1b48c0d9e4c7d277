import { describe, expect, it } from "vitest";
import { issuesAfter } from "../fixtures.ts";

describe("validation refuses input that would silently do nothing", () => {
  it("a capacity-cut on a node without a throughput capacity, suggesting a node outage", () => {
    expect(issuesAfter((d) => (d.disruptions = [{ type: "capacity-cut", node: "dc-west", factor: 0, start: 10, end: 20 }]))).toEqual([
      'disruptions[0].node: "dc-west" has no capacity.throughput, so a capacity-cut on it changes nothing (unlimited stays unlimited). ' +
        'To close the node use {"type": "node-outage", "node": "dc-west", "start": 10, "end": 20}, or give nodes[2].capacity a throughput to cut',
    ]);
  });

  it("a capacity-cut on a lane without a capacity, suggesting a lane outage", () => {
    expect(issuesAfter((d) => (d.disruptions = [{ type: "capacity-cut", from: "plant", to: "dc-west", factor: 0.5, start: 0, end: 5 }]))).toEqual([
      'disruptions[0]: the lane from "plant" to "dc-west" has no capacity, so a capacity-cut on it changes nothing (unlimited stays unlimited). ' +
        'To stop the lane use {"type": "lane-outage", "from": "plant", "to": "dc-west", "start": 0, "end": 5}, or give lanes[1] a capacity to cut',
    ]);
  });

  it("accepts a capacity-cut on a node with a throughput or a lane with a capacity (a storage capacity alone is not cut)", () => {
    expect(issuesAfter((d) => {
      d.nodes[2].capacity = { throughput: 80 };
      d.lanes[1].capacity = 60;
      d.disruptions = [
        { type: "capacity-cut", node: "dc-west", factor: 0, start: 10, end: 20 },
        { type: "capacity-cut", from: "plant", to: "dc-west", factor: 0.5, start: 0, end: 5 },
      ];
    })).toEqual([]);
    expect(issuesAfter((d) => {
      d.nodes[2].capacity = { storage: 500 };
      d.disruptions = [{ type: "capacity-cut", node: "dc-west", factor: 0.5, start: 10, end: 20 }];
    })).toHaveLength(1);
  });

  it("an initial inventory above the node's storage capacity, all products together", () => {
    expect(issuesAfter((d) => {
      d.nodes[2].capacity = { storage: 40 };
      d.nodes[2].initialInventory = 45;
    })).toEqual([
      "nodes[2].initialInventory: totals 45 units, above the node's storage capacity (capacity.storage 40): on hand can never hold it. " +
        "Lower initialInventory to at most 40 in all, or raise capacity.storage",
    ]);
    expect(issuesAfter((d) => {
      d.products = [{ id: "a" }, { id: "b" }];
      d.demand.forEach((x: { product?: string }) => (x.product = "a"));
      d.nodes[2].capacity = { storage: 40 };
      d.nodes[2].initialInventory = 25;
    })).toEqual([
      "nodes[2].initialInventory: totals 50 units (25 for each of its 2 products), above the node's storage capacity (capacity.storage 40): " +
        "on hand can never hold it. Lower initialInventory to at most 40 in all, or raise capacity.storage",
    ]);
    expect(issuesAfter((d) => {
      d.nodes[2].capacity = { storage: 40 };
      d.nodes[2].initialInventory = 40;
    })).toEqual([]);
  });
});
