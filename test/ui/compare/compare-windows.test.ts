// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { compareWindows } from "../../../src/ui/compare/compare-view.ts";
import { scenario } from "../fixtures.ts";

const outage = (node: string, start: number, end: number) => ({ type: "node-outage", node, start, end });
const withDisruptions = (...disruptions: object[]) => ({ ...scenario(), disruptions } as unknown as Scenario);

describe("compareWindows", () => {
  it("names each window by the scenario it belongs to, and draws a shared window once", () => {
    const a = withDisruptions(outage("dc", 10, 15)), b = withDisruptions(outage("dc", 10, 15), outage("s1", 40, 42));
    expect(compareWindows(a, b).map((w) => [w.start, w.end, w.label])).toEqual([
      [10, 15, "A and B: node-outage dc, days 10–14"],
      [40, 42, "B: node-outage s1, days 40–41"],
    ]);
  });

  it("has no window when neither scenario has one", () => {
    expect(compareWindows(scenario(), scenario())).toEqual([]);
  });
});
