/** The form of one node: identity, policy, costs, capacity, its bill of materials, its lanes and its customer demand. */
import { html, nothing } from "lit";
import { NODE_KINDS } from "../../sim/model/scenario.ts";
import { nodeName } from "./readable.ts";
import { getIn, type Draft, type Json } from "./paths.ts";
import { renderNumberField, renderSelectField, renderTextField, renderListField, type FieldContext } from "./fields.ts";
import { renderPolicyFields } from "./policy-fields.ts";
import { renderDistributionFields } from "./distribution-fields.ts";
import { demandIndices } from "./edits.ts";
import { renderBomFields } from "./bom-fields.ts";

export interface NodeFormActions {
  readonly renameId: (id: string) => void;
  readonly selectLane: (index: number) => void;
  readonly addDemand: () => void;
  readonly removeDemand: (index: number) => void;
  /** Replaces the whole draft (the bill of materials' structural edits). */
  readonly replace: (draft: Draft) => void;
}

type Obj = Record<string, Json>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** Paths of a per-product value: the path itself for one value, one path per product for a map. */
function perProduct(value: unknown, path: string, isSingle: (v: Obj) => boolean): { path: string; product?: string }[] {
  if (isObj(value) && !isSingle(value)) return Object.keys(value).map((k) => ({ path: `${path}.${k}`, product: k }));
  return [{ path }];
}

export function renderNodeForm(ctx: FieldContext, index: number, actions: NodeFormActions) {
  const base = `nodes[${index}]`;
  const node = getIn(ctx.draft, base) as Obj | undefined;
  if (!isObj(node)) return html`<p>This node no longer exists.</p>`;
  const id = String(node.id ?? "");
  const stocking = node.kind !== "supplier";
  const lanes = (Array.isArray(ctx.draft.lanes) ? ctx.draft.lanes : []) as Obj[];
  const inbound = lanes.flatMap((l, i) => (l?.to === id ? [i] : []));
  const outbound = lanes.flatMap((l, i) => (l?.from === id ? [i] : []));
  const idCtx: FieldContext = { ...ctx, edit: (_p, v) => actions.renameId(String(v ?? "")) };
  return html`
    <fieldset><legend>Node</legend>
      ${renderTextField(idCtx, `${base}.id`, "Id", { hint: "letters, digits, _ . -" })}
      ${renderTextField(ctx, `${base}.name`, "Name", { optional: true })}
      ${renderSelectField(ctx, `${base}.kind`, "Kind", NODE_KINDS, (kind) => ctx.edit(base, withKind(node, kind)))}
    </fieldset>
    ${stocking ? html`
      ${perProduct(node.policy, `${base}.policy`, (v) => "type" in v).map((p) => renderPolicyFields(ctx, p.path, p.product ? `Policy for ${p.product}` : "Inventory policy"))}
      <fieldset><legend>Costs and stock</legend>
        ${perProduct(node.holdingCost, `${base}.holdingCost`, () => false).map((p) => renderNumberField(ctx, p.path, p.product ? `Holding cost, ${p.product} (per unit-day)` : "Holding cost (per unit per day)", { optional: true }))}
        ${perProduct(node.initialInventory, `${base}.initialInventory`, () => false).map((p) => renderNumberField(ctx, p.path, p.product ? `Initial inventory, ${p.product}` : "Initial inventory", { optional: true, hint: "default: the order-up-to level" }))}
        ${renderNumberField(ctx, `${base}.capacity.storage`, "Storage capacity (units)", { optional: true })}
        ${renderNumberField(ctx, `${base}.priority`, "Priority (allocation)", { optional: true, hint: "lower is served first" })}
      </fieldset>
      ${renderBomFields(ctx, index, actions)}` : nothing}
    <fieldset><legend>Shipping</legend>
      ${renderNumberField(ctx, `${base}.capacity.throughput`, "Throughput capacity (units per day)", { optional: true })}
      ${lanesList(ctx.draft, "Supplied by", inbound, lanes, "from", actions)}
      ${lanesList(ctx.draft, "Supplies", outbound, lanes, "to", actions)}
    </fieldset>
    ${stocking ? demandSection(ctx, id, actions) : nothing}
    <fieldset><legend>Location (for the map)</legend>
      ${renderNumberField(ctx, `${base}.location.lat`, "Latitude (degrees)", { optional: true, hint: "-90 to 90, north positive" })}
      ${renderNumberField(ctx, `${base}.location.lon`, "Longitude (degrees)", { optional: true, hint: "-180 to 180, east positive" })}
      ${renderTextField(ctx, `${base}.location.place`, "Place", { optional: true, hint: "e.g. Columbus, OH" })}
    </fieldset>`;
}

function lanesList(draft: Draft, label: string, indices: number[], lanes: Obj[], end: "from" | "to", actions: NodeFormActions) {
  return html`<div class="lanes-list"><span class="muted">${label}:</span>
    ${indices.length ? indices.map((i) => html`<button class="link" @click=${() => actions.selectLane(i)}>${nodeName(draft, lanes[i][end])}</button> `) : html`<span class="muted">none</span>`}
  </div>`;
}

function demandSection(ctx: FieldContext, id: string, actions: NodeFormActions) {
  const indices = demandIndices(ctx.draft as Draft, id);
  return html`<fieldset><legend>Customer demand (units per day)</legend>
    ${indices.length === 0 ? html`<p class="muted">No customer demand at this node.</p>` : nothing}
    ${indices.map((i) => html`<div class="demand">
      ${renderTextField(ctx, `demand[${i}].product`, "Product", { optional: true, hint: "only with several products" })}
      ${renderDistributionFields(ctx, `demand[${i}].dist`, "Daily demand")}
      ${renderNumberField(ctx, `demand[${i}].seasonality.cycle`, "Season cycle (days)", { optional: true })}
      ${renderListField(ctx, `demand[${i}].seasonality.factors`, "Season factors", { optional: true, hint: "e.g. 12 monthly factors around 1" })}
      ${renderNumberField(ctx, `demand[${i}].trend`, "Trend (per day)", { optional: true, hint: "mean × (1 + trend)^day" })}
      <button @click=${() => actions.removeDemand(i)}>Remove this demand</button>
    </div>`)}
    <button @click=${actions.addDemand}>Add demand</button>
  </fieldset>`;
}

/** The node as `kind`: a supplier drops its stock fields and recipes, a node that starts stocking gets a base-stock policy. */
export function withKind(node: Obj, kind: string): Obj {
  if (kind === "supplier") {
    const { policy: _p, holdingCost: _h, initialInventory: _i, bom: _b, ...rest } = node;
    return { ...rest, kind };
  }
  return node.kind === "supplier" && node.policy === undefined ? { ...node, kind, policy: { type: "base-stock", level: 0 } } : { ...node, kind };
}
