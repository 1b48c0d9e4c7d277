// Disruption checks (docs/scenario-format.md, "Disruptions"): every issue's exact path and
// message, windows at the horizon's edge, and no second-hand issue from a malformed entry.
import { describe, expect, it } from "vitest";
import { issuesAfter } from "../fixtures.ts";

// small(): supplier → plant → dc-west → store-1, store-2; horizon 100; one product.
const window = { start: 10, end: 20 };
/** A schema issue at `path`, whatever its wording (this file tests the cross-reference checks). */
const schemaIssue = (path: string) => expect.stringMatching(new RegExp(`^${path.replace(/[.[\]]/g, "\\$&")}: `));

describe("disruptions: malformed entries give no second-hand issue", () => {
  it("a null entry is reported once, by the schema, and checking goes on", () => {
    expect(issuesAfter((d) => (d.disruptions = [null]))).toEqual(["disruptions[0]: must be a disruption object, got null"]);
  });

  it("a random-outage has no window: a stray start/end is an unknown key, never checked as a window", () => {
    // start 20 >= end 10 would be "must be after start" on a windowed disruption; here the keys are only unknown.
    expect(issuesAfter((d) => (d.disruptions = [{ type: "random-outage", node: "dc-west", mtbf: 30, mttr: 2, start: 20, end: 10 }]))).toEqual([
      schemaIssue("disruptions[0].start"),
      schemaIssue("disruptions[0].end"),
    ]);
  });

  it("a node-outage takes no product: a stray one is an unknown key, never resolved as a product", () => {
    expect(issuesAfter((d) => (d.disruptions = [{ type: "node-outage", node: "dc-west", product: "nope", ...window }]))).toEqual([
      schemaIssue("disruptions[0].product"),
    ]);
  });
});

describe("disruptions: lanes (lane-delay, lane-outage)", () => {
  it("a lane-outage on two known nodes with no lane between them", () => {
    expect(issuesAfter((d) => (d.disruptions = [{ type: "lane-outage", from: "plant", to: "store-1", ...window }]))).toEqual([
      'disruptions[0]: no lane from "plant" to "store-1"',
    ]);
  });

  it("a lane-outage or lane-delay on an existing lane is accepted", () => {
    expect(issuesAfter((d) => (d.disruptions = [
      { type: "lane-outage", from: "plant", to: "dc-west", ...window },
      { type: "lane-delay", from: "dc-west", to: "store-2", extraDays: 3, ...window },
    ]))).toEqual([]);
  });

  it("an unknown from: one issue at .from, no lane check (the lane cannot be named)", () => {
    expect(issuesAfter((d) => (d.disruptions = [{ type: "lane-delay", from: "nowhere", to: "store-1", extraDays: 2, ...window }]))).toEqual([
      'disruptions[0].from: unknown node "nowhere"',
    ]);
    expect(issuesAfter((d) => (d.disruptions = [{ type: "lane-outage", from: "nowhere", to: "store-1", ...window }]))).toEqual([
      'disruptions[0].from: unknown node "nowhere"',
    ]);
  });

  it("an unknown to: one issue at .to, no lane check", () => {
    expect(issuesAfter((d) => (d.disruptions = [{ type: "lane-delay", from: "plant", to: "nowhere", extraDays: 2, ...window }]))).toEqual([
      'disruptions[0].to: unknown node "nowhere"',
    ]);
  });
});

describe("disruptions: node and demand-shock targets", () => {
  it("a node-outage on an unknown node", () => {
    expect(issuesAfter((d) => (d.disruptions = [{ type: "node-outage", node: "nowhere", ...window }]))).toEqual([
      'disruptions[0].node: unknown node "nowhere"',
    ]);
  });

  it('a demand-shock on an unknown node, at .node; "*" means every node and is never resolved', () => {
    expect(issuesAfter((d) => (d.disruptions = [{ type: "demand-shock", node: "nowhere", multiplier: 2, ...window }]))).toEqual([
      'disruptions[0].node: unknown node "nowhere"',
    ]);
    expect(issuesAfter((d) => (d.disruptions = [{ type: "demand-shock", node: "*", multiplier: 2, ...window }]))).toEqual([]);
  });

  it("a demand-shock on an unknown product, at .product", () => {
    expect(issuesAfter((d) => (d.disruptions = [{ type: "demand-shock", node: "*", product: "nope", multiplier: 2, ...window }]))).toEqual([
      'disruptions[0].product: unknown product "nope"',
    ]);
  });
});

describe("disruptions: windows (0 <= start < end <= horizon)", () => {
  it("end equal to start is an empty window", () => {
    expect(issuesAfter((d) => (d.disruptions = [{ type: "node-outage", node: "dc-west", start: 10, end: 10 }]))).toEqual([
      "disruptions[0].end: must be after start (10), got 10; the window is days start..end-1",
    ]);
  });

  it("the last possible window, start = horizon - 1 and end = horizon, is accepted", () => {
    expect(issuesAfter((d) => (d.disruptions = [{ type: "node-outage", node: "dc-west", start: 99, end: 100 }]))).toEqual([]);
  });

  it("start equal to the horizon is refused (start < horizon), and end past it too", () => {
    // horizon 100: start 100 is not a simulated day; end 101 > 100.
    expect(issuesAfter((d) => (d.disruptions = [{ type: "node-outage", node: "dc-west", start: 100, end: 101 }]))).toEqual([
      "disruptions[0].start: must be before the horizon (100), got 100",
      "disruptions[0].end: must be at most the horizon (100), got 101",
    ]);
  });
});

describe("disruptions: capacity-cut and random-outage name a node or a whole lane", () => {
  it("only a to: from is required", () => {
    expect(issuesAfter((d) => (d.disruptions = [{ type: "random-outage", to: "dc-west", mtbf: 30, mttr: 2 }]))).toEqual([
      'disruptions[0].from: is required with "to": a lane is named by both ends',
    ]);
    expect(issuesAfter((d) => (d.disruptions = [{ type: "capacity-cut", to: "dc-west", factor: 0.5, ...window }]))).toEqual([
      'disruptions[0].from: is required with "to": a lane is named by both ends',
    ]);
  });

  it("only a from: to is required", () => {
    expect(issuesAfter((d) => (d.disruptions = [{ type: "random-outage", from: "plant", mtbf: 30, mttr: 2 }]))).toEqual([
      'disruptions[0].to: is required with "from": a lane is named by both ends',
    ]);
  });

  it("an unknown node, at .node", () => {
    expect(issuesAfter((d) => (d.disruptions = [{ type: "random-outage", node: "nowhere", mtbf: 30, mttr: 2 }]))).toEqual([
      'disruptions[0].node: unknown node "nowhere"',
    ]);
  });

  it("a lane with an unknown end, at that end", () => {
    expect(issuesAfter((d) => (d.disruptions = [{ type: "random-outage", from: "nowhere", to: "dc-west", mtbf: 30, mttr: 2 }]))).toEqual([
      'disruptions[0].from: unknown node "nowhere"',
    ]);
  });
});
