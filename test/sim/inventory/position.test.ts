import { describe, expect, it } from "vitest";
import { echelonInventoryPosition, inventoryPosition, netInventory, weightedEchelonPosition } from "../../../src/sim/inventory/position.ts";
import type { CompiledNetwork } from "../../../src/sim/kernel/network.ts";
import type { NetworkState } from "../../../src/sim/kernel/state.ts";
import { ITEM } from "../../../src/sim/kernel/state.ts";

// Three items with a different value in every field (powers of two for the fields the positions
// read, so a field read twice, left out or read from the wrong item gives another sum), checked
// against timeline.md "Positions" written out by hand.
const FIELDS = { onHand: 1, inTransit: 2, owedToMe: 4, backorders: 8, owedDown: 16 } as const;
const item = new Float64Array(3 * ITEM.stride);
for (let i = 0; i < 3; i++) {
  for (const [field, value] of Object.entries(FIELDS)) item[i * ITEM.stride + ITEM[field as keyof typeof FIELDS]] = value * 10 ** i;
}
const st = { item } as unknown as NetworkState;
// Item 2's echelon is items 2, 1, 0 (itself and below); item 0's only itself.
const net = { echStart: Int32Array.from([0, 1, 1, 4]), echList: Int32Array.from([0, 2, 1, 0]), assembly: { echWeight: Float64Array.from([1, 1, 3, 0.5]) } } as unknown as CompiledNetwork;
const at = (i: number) => Object.fromEntries(Object.entries(FIELDS).map(([k, v]) => [k, v * 10 ** i])) as Record<keyof typeof FIELDS, number>;

describe("inventory positions", () => {
  it("installation: on hand + in transit + owed to it − backorders − owed downstream", () => {
    for (const i of [0, 1, 2]) {
      const f = at(i);
      expect(inventoryPosition(st, i)).toBe(f.onHand + f.inTransit + f.owedToMe - f.backorders - f.owedDown);
    }
  });
  it("net inventory: on hand − backorders − owed downstream", () => {
    for (const i of [0, 1, 2]) {
      const f = at(i);
      expect(netInventory(st, i)).toBe(f.onHand - f.backorders - f.owedDown);
    }
  });
  it("echelon: what the item's supplier owes it + on hand and in transit − backorders at or below it", () => {
    const local = (i: number) => at(i).onHand + at(i).inTransit - at(i).backorders;
    expect(echelonInventoryPosition(net, st, 0)).toBe(at(0).owedToMe + local(0));
    expect(echelonInventoryPosition(net, st, 2)).toBe(at(2).owedToMe + local(2) + local(1) + local(0));
  });
  it("weighted echelon: each item below counts its units times the weight of its place in the echelon", () => {
    const local = (i: number) => at(i).onHand + at(i).inTransit - at(i).backorders;
    expect(weightedEchelonPosition(net, st, 0)).toBe(at(0).owedToMe + 1 * local(0));
    expect(weightedEchelonPosition(net, st, 2)).toBe(at(2).owedToMe + 1 * local(2) + 3 * local(1) + 0.5 * local(0));
  });
});
