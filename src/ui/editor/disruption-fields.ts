/**
 * The fields of one disruption: a type picker, then what that type needs — window, node or
 * lane, product, and its size (extra days, multiplier, factor, or mtbf/mttr for random outages).
 */
import { html, nothing } from "lit";
import { DISRUPTION_TYPES } from "../../sim/model/scenario.ts";
import { getIn, setIn, type Json } from "./paths.ts";
import { renderNumberField, renderSelectField, type FieldContext } from "./fields.ts";
import { nodeChoices, renderChoiceField, renderLanePicker } from "./pick-fields.ts";
import { describeWindow, disruptionOfType, productIds } from "./what-if-edits.ts";

type Obj = Record<string, Json>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** What each type does, in a planner's words (shared/spec/scenario.md "Disruptions"). */
export const DISRUPTION_HELP: Readonly<Record<string, string>> = {
  "lane-delay": "Shipments departing on the lane in the window take extra days.",
  "lane-outage": "Nothing departs on the lane in the window; orders wait.",
  "node-outage": "The node neither ships nor receives in the window (a supplier outage is a node outage of a supplier).",
  "demand-shock": "Demand mean (and spread) multiplied in the window.",
  "capacity-cut": "Throughput of a node, or capacity of a lane, multiplied by the factor in the window. Unlimited capacity stays unlimited.",
  "random-outage": "Outages arrive at random: up-times average mtbf days, down-times mttr days, drawn per replication.",
};

/** A one-line summary for the list: "lane-delay supplier → plant, +14 days, days 120–133 (weeks 18–20)". */
export function summarizeDisruption(d: unknown): string {
  if (!isObj(d)) return "not a disruption object";
  const target = d.node !== undefined ? (d.node === "*" ? "all demand" : String(d.node)) : d.from !== undefined || d.to !== undefined ? `${String(d.from ?? "?")} → ${String(d.to ?? "?")}` : "";
  const size = d.type === "lane-delay" ? `+${String(d.extraDays)} days`
    : d.type === "demand-shock" ? `×${String(d.multiplier)}`
    : d.type === "capacity-cut" ? `×${String(d.factor)}`
    : d.type === "random-outage" ? `mtbf ${String(d.mtbf)}, mttr ${String(d.mttr)} days` : "";
  const when = d.type === "random-outage" ? "" : describeWindow(d.start, d.end) ?? `days ${String(d.start)}–${String(d.end)}`;
  return [String(d.type ?? "?"), [target, size].filter(Boolean).join(", "), when].filter(Boolean).join(" · ");
}

/**
 * "Pick on diagram" beside a disruption's target: `armed` while the diagram is picking it;
 * `toggle` arms or cancels.
 */
export interface TargetPicker { readonly armed: boolean; readonly toggle: () => void }

export function renderDisruptionFields(ctx: FieldContext, index: number, picker?: TargetPicker) {
  const base = `disruptions[${index}]`;
  const d = getIn(ctx.draft, base);
  if (!isObj(d)) return html`<p class="muted">Not a disruption object; remove it.</p>`;
  const type = String(d.type ?? "");
  const nodes = nodeChoices(ctx.draft);
  const stocking = nodeChoices(ctx.draft, (n) => n.kind !== "supplier");
  const onLane = d.node === undefined && (d.from !== undefined || d.to !== undefined);
  const products = productIds(ctx.draft);
  const target = (kinds: "node" | "both") => html`
    ${kinds === "both" ? renderSelectField({ ...ctx, draft: setIn(ctx.draft, `${base}.target`, onLane ? "lane" : "node") }, `${base}.target`, "Acts on", ["node", "lane"], (t) => ctx.edit(base, switchTarget(ctx, d, t))) : nothing}
    ${kinds === "node" || !onLane ? renderChoiceField(ctx, `${base}.node`, "Node", nodes) : renderLanePicker(ctx, base)}
    ${renderPickButton(picker, index)}`;
  return html`
    ${renderSelectField(ctx, `${base}.type`, "Type", DISRUPTION_TYPES, (t) => ctx.edit(base, disruptionOfType(ctx.draft, t, d)))}
    <p class="help muted">${DISRUPTION_HELP[type] ?? ""}</p>
    ${type === "lane-delay" || type === "lane-outage" ? html`${renderLanePicker(ctx, base)}${renderPickButton(picker, index)}` : nothing}
    ${type === "node-outage" ? target("node") : nothing}
    ${type === "capacity-cut" || type === "random-outage" ? target("both") : nothing}
    ${type === "demand-shock" ? html`
      ${renderChoiceField(ctx, `${base}.node`, "Demand at", [{ value: "*", label: "every demand node (*)" }, ...stocking])}
      ${renderPickButton(picker, index)}
      ${products.length > 1 || d.product !== undefined ? renderChoiceField(ctx, `${base}.product`, "Product", [{ value: "", label: "all products" }, ...products.map((p) => ({ value: p, label: p }))],
        { onPick: (v) => ctx.edit(`${base}.product`, v === "" ? undefined : v) }) : nothing}
      ${renderNumberField(ctx, `${base}.multiplier`, "Demand multiplier", { hint: "1.5 = +50%" })}` : nothing}
    ${type === "lane-delay" ? renderNumberField(ctx, `${base}.extraDays`, "Extra days", { hint: "whole days added to the lead time" }) : nothing}
    ${type === "capacity-cut" ? renderNumberField(ctx, `${base}.factor`, "Capacity factor", { hint: capacityHint(ctx, d) }) : nothing}
    ${type === "random-outage" ? html`
      ${renderNumberField(ctx, `${base}.mtbf`, "Mean time between failures (days)")}
      ${renderNumberField(ctx, `${base}.mttr`, "Mean time to repair (days)")}` : html`
      ${renderNumberField(ctx, `${base}.start`, "Start day", { hint: "first day, inclusive" })}
      ${renderNumberField(ctx, `${base}.end`, "End day", { hint: describeWindow(d.start, d.end) ? `exclusive: ${describeWindow(d.start, d.end)}` : "first day after the window" })}`}`;
}

/** The button that arms picking this disruption's target on the network diagram. */
function renderPickButton(picker: TargetPicker | undefined, index: number) {
  if (!picker) return nothing;
  return html`<div class="pick-target"><button type="button" aria-pressed=${picker.armed ? "true" : "false"} @click=${picker.toggle}
      aria-label=${`Pick on diagram (target of disruption ${index + 1})`}>Pick on diagram</button>
    ${picker.armed ? html`<span class="muted">Picking: click the target in the diagram, or press Esc to cancel.</span>` : nothing}</div>`;
}

/** Capacity-cut hint: what 0.5 means, and a warning when the target has no capacity to cut. */
function capacityHint(ctx: FieldContext, d: Obj): string {
  const nodes = (Array.isArray(ctx.draft.nodes) ? ctx.draft.nodes : []).filter(isObj);
  const lanes = (Array.isArray(ctx.draft.lanes) ? ctx.draft.lanes : []).filter(isObj);
  const uncapped = d.node !== undefined
    ? nodes.some((n) => n.id === d.node && !(isObj(n.capacity) && n.capacity.throughput !== undefined))
    : lanes.some((l) => l.from === d.from && l.to === d.to && l.capacity === undefined);
  return uncapped ? "0.5 = half; this target has no capacity set, so the cut changes nothing" : "0.5 = half";
}

/** The disruption acting on a node or on a lane instead (`target` is not a stored field). */
function switchTarget(ctx: FieldContext, d: Obj, target: string): Obj {
  const { node: _n, from: _f, to: _t, ...rest } = d;
  const lanes = (Array.isArray(ctx.draft.lanes) ? ctx.draft.lanes : []).filter(isObj);
  if (target === "lane") return { ...rest, from: lanes[0]?.from ?? "", to: lanes[0]?.to ?? "" };
  const node = nodeChoices(ctx.draft, (n) => n.kind !== "supplier")[0]?.value ?? "";
  return { ...rest, node };
}
