import { describe, expect, it } from "vitest";
import { disruptionWindows, hasDisruptions } from "../../../src/ui/charts/windows.ts";
import { scenario } from "../fixtures.ts";

describe("disruptionWindows", () => {
  it("gives each windowed disruption's days and what it is; a random outage has no window", () => {
    const s = scenario({ disruptions: [
      { type: "lane-delay", from: "sup", to: "dc", extraDays: 14, start: 120, end: 134 },
      { type: "node-outage", node: "dc", start: 10, end: 12 },
      { type: "random-outage", node: "dc", mtbf: 90, mttr: 5 },
    ] });
    expect(disruptionWindows(s)).toEqual([
      { start: 120, end: 134, label: "lane-delay sup → dc, days 120–133" },
      { start: 10, end: 12, label: "node-outage dc, days 10–11" },
    ]);
    expect([hasDisruptions(s), hasDisruptions(scenario()), disruptionWindows(undefined)]).toEqual([true, false, []]);
  });
});
