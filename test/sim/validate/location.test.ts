// Node locations (an extension for the workbench's map): degrees in range, messages naming the field.
import { describe, expect, it } from "vitest";
import { issuesAfter } from "./fixtures.ts";

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
