import { describe, expect, it } from "vitest";
import { runBatch } from "../../../src/sim/engine/index.ts";
import { lane, singleNode } from "./fixtures.ts";

describe("checkReferences", () => {
  it("names the field of an unknown node instead of crashing inside the kernel", () => {
    const s = singleNode(20, 10, 2, { lanes: [lane("supplier", "stor", 2)] });
    expect(() => runBatch(s, { from: 0, to: 1 })).toThrow(/^lanes\[0\]\.to: unknown node "stor"/);
  });
  it("names a disruption on a lane that does not exist", () => {
    const s = singleNode(20, 10, 2, { disruptions: [{ type: "lane-outage", from: "store", to: "supplier", start: 1, end: 2 }] });
    expect(() => runBatch(s, { from: 0, to: 1 })).toThrow(/^disruptions\[0\]: no lane from "store" to "supplier"/);
  });
  it("rejects a bad replication range with a message naming from/to", () => {
    expect(() => runBatch(singleNode(20, 10, 2), { from: 3, to: 1 })).toThrow(/^from\/to:/);
  });
});
