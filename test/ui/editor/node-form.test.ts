import { describe, expect, it } from "vitest";
import { withKind } from "../../../src/ui/editor/node-form.ts";

describe("withKind", () => {
  it("withKind drops the stock fields of a node that becomes a supplier and gives a new stocking node a policy", () => {
    const dc = { id: "d", kind: "dc", policy: { type: "base-stock", level: 5 }, holdingCost: 1, initialInventory: 3, name: "D" };
    expect(withKind(dc, "supplier")).toEqual({ id: "d", kind: "supplier", name: "D" });
    expect(withKind({ id: "s", kind: "supplier" }, "plant")).toEqual({ id: "s", kind: "plant", policy: { type: "base-stock", level: 0 } });
    expect(withKind(dc, "store")).toEqual({ ...dc, kind: "store" });
  });
});
