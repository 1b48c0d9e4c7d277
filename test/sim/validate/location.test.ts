// Node locations (an extension for the workbench's map): degrees in range, messages naming the field.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBatch } from "../../../src/sim/engine/batch.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { issuesAfter, root } from "./fixtures.ts";

describe("nodes[].location", () => {
  it("accepts a point with a place name, and the extreme corners of the globe", () => {
    expect(issuesAfter((d) => {
      d.nodes[0].location = { lat: 39.96, lon: -82.99, place: "Columbus, OH" };
      d.nodes[1].location = { lat: -90, lon: 180 };
    })).toEqual([]);
  });
  it("refuses latitudes and longitudes off the globe, naming the field and the value", () => {
    expect(issuesAfter((d) => { d.nodes[0].location = { lat: 90.5, lon: -180.01 }; })).toEqual([
      "nodes[0].location.lat: must be a number from -90 to 90 (degrees), got 90.5",
      "nodes[0].location.lon: must be a number from -180 to 180 (degrees), got -180.01",
    ]);
  });
  it("refuses a missing coordinate, text for a number and unknown keys", () => {
    expect(issuesAfter((d) => { d.nodes[1].location = { lat: "51.5", x: 1 }; })).toEqual([
      'nodes[1].location.lat: must be a number from -90 to 90 (degrees), got "51.5"',
      "nodes[1].location.lon: is required: a number from -180 to 180 (degrees)",
      'nodes[1].location.x: unknown key; notes go in keys that start with "x-"',
    ]);
  });
});

describe("the engine and locations", () => {
  it("gives bit-identical KPIs with and without locations (the built-in retail network)", () => {
    const located = JSON.parse(readFileSync(join(root, "scenarios", "retail-3-echelon.json"), "utf8")) as Scenario;
    expect(located.nodes.every((n) => n.location !== undefined)).toBe(true);
    const bare: Scenario = { ...located, nodes: located.nodes.map(({ location: _, ...n }) => n) };
    const request = { from: 0, to: 3, series: true };
    const a = runBatch(located, request), b = runBatch(bare, request);
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(Array.from(a.series ?? [])).toEqual(Array.from(b.series ?? []));
  });
});
