// @vitest-environment jsdom
// The lane form's sourcing rule (extension, docs/scenario-format.md "Several sources"): shown only
// when the lane's node has several inbound lanes (or the lane has a rule), and writes the rule.
import { render } from "lit";
import { describe, expect, it } from "vitest";
import { renderSourcingFields } from "../../../src/ui/editor/sourcing-fields.ts";
import type { FieldContext } from "../../../src/ui/editor/fields.ts";
import type { Draft } from "../../../src/ui/editor/paths.ts";

const lead = { type: "constant", value: 2 };
const draft = (lanes: unknown[]): Draft => ({
  format: "echelon-scenario@1", name: "T", horizon: 30, warmup: 0, replications: 1, seed: 1, unmetDemand: "backorder", allocation: "fifo",
  nodes: [{ id: "a", kind: "supplier" }, { id: "b", kind: "supplier" }, { id: "dc", kind: "dc", policy: { type: "base-stock", level: 10 } }],
  lanes, demand: [],
} as Draft);

function mount(d: Draft, index: number, issues: [string, string][] = []) {
  const edits: [string, unknown][] = [];
  const ctx: FieldContext = { draft: d, issues: new Map(issues.map(([p, m]) => [p, [{ path: p, message: m }]])), edit: (p: string, v: unknown) => edits.push([p, v]) } as unknown as FieldContext;
  const host = document.createElement("div");
  render(renderSourcingFields(ctx, index), host);
  return { host, edits };
}

describe("renderSourcingFields", () => {
  it("is absent for a node's only inbound lane", () => {
    expect(mount(draft([{ from: "a", to: "dc", leadTime: lead }]), 0).host.querySelector("select")).toBeNull();
  });
  it("offers the rules for a second inbound lane, and writes a split share or a role", () => {
    const { host, edits } = mount(draft([{ from: "a", to: "dc", leadTime: lead }, { from: "b", to: "dc", leadTime: lead }]), 1);
    const select = host.querySelector("select")!;
    expect([...select.options].map((o) => o.value)).toEqual(["", "split", "primary", "backup"]);
    select.value = "split"; select.dispatchEvent(new Event("change"));
    select.value = "backup"; select.dispatchEvent(new Event("change"));
    select.value = ""; select.dispatchEvent(new Event("change"));
    expect(edits).toEqual([["lanes[1].sourcing", { split: 0.5 }], ["lanes[1].sourcing", { role: "backup" }], ["lanes[1].sourcing", undefined]]);
  });
  it("shows the split share field and the rule's issues", () => {
    const { host } = mount(draft([{ from: "a", to: "dc", leadTime: lead, sourcing: { split: 0.6 } }, { from: "b", to: "dc", leadTime: lead, sourcing: { split: 0.3 } }]), 0,
      [["lanes[0].sourcing.split", "the split fractions … sum to 0.9"]]);
    expect(host.querySelector("select")!.value).toBe("split");
    const share = host.querySelector<HTMLInputElement>('.field[data-path="lanes[0].sourcing.split"] input')!;
    expect(share.value).toBe("0.6");
    expect(share.getAttribute("aria-invalid")).toBe("true");
    expect(host.textContent).toContain("sum to 0.9");
  });
});
