import { describe, expect, it } from "vitest";
import { createInOrder } from "../../../src/sim/montecarlo/in-order.ts";

describe("in-order", () => {
  it("createInOrder releases chunks in replication order", () => {
    const seen: number[] = [];
    const push = createInOrder<{ from: number; to: number }>(0, (c) => seen.push(c.from));
    push({ from: 10, to: 20 });
    push({ from: 20, to: 25 });
    expect(seen).toEqual([]);
    push({ from: 0, to: 10 });
    expect(seen).toEqual([0, 10, 20]);
  });
});
