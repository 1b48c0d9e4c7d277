/** The form of one node: identity, policy, costs, capacity, its lanes and its customer demand. */
import { html, nothing } from "lit";
import { NODE_KINDS } from "../../sim/model/scenario.ts";
import { getIn, type Draft, type Json } from "./paths.ts";
import { checkboxField, numberField, selectField, textField, listField, type FieldContext } from "./fields.ts";
import { policyFields } from "./policy-fields.ts";
import { distributionFields } from "./distribution-fields.ts";
import { demandIndices } from "./edits.ts";

export interface NodeFormActions {
  readonly renameId: (id: string) => void;
  readonly selectLane: (index: number) => void;
  readonly addDemand: () => void;
  readonly removeDemand: (index: number) => void;
}

type Obj = Record<string, Json>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** Paths of a per-product value: the path itself for one value, one path per product for a map. */
function perProduct(value: unknown, path: string, isSingle: (v: Obj) => boolean): { path: string; product?: string }[] {
  if (isObj(value) && !isSingle(value)) return Object.keys(value).map((k) => ({ path: `${path}.${k}`, product: k }));
  return [{ path }];
}

export function nodeForm(ctx: FieldContext, index: number, actions: NodeFormActions) {
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
      ${textField(idCtx, `${base}.id`, "Id", { hint: "letters, digits, _ . -" })}
      ${textField(ctx, `${base}.name`, "Name", { optional: true })}
      ${selectField(ctx, `${base}.kind`, "Kind", NODE_KINDS, (kind) => ctx.edit(base, withKind(node, kind)))}
    </fieldset>
    ${stocking ? html`
      ${perProduct(node.policy, `${base}.policy`, (v) => "type" in v).map((p) => policyFields(ctx, p.path, p.product ? `Policy for ${p.product}` : "Inventory policy"))}
      <fieldset><legend>Costs and stock</legend>
        ${perProduct(node.holdingCost, `${base}.holdingCost`, () => false).map((p) => numberField(ctx, p.path, p.product ? `Holding cost, ${p.product} (per unit-day)` : "Holding cost (per unit per day)", { optional: true }))}
        ${perProduct(node.initialInventory, `${base}.initialInventory`, () => false).map((p) => numberField(ctx, p.path, p.product ? `Initial inventory, ${p.product}` : "Initial inventory", { optional: true, hint: "default: the order-up-to level" }))}
        ${numberField(ctx, `${base}.capacity.storage`, "Storage capacity (units)", { optional: true })}
        ${numberField(ctx, `${base}.priority`, "Priority (allocation)", { optional: true, hint: "lower is served first" })}
      </fieldset>` : nothing}
    <fieldset><legend>Shipping</legend>
      ${numberField(ctx, `${base}.capacity.throughput`, "Throughput capacity (units per day)", { optional: true })}
      ${lanesList("Supplied by", inbound, lanes, "from", actions)}
      ${lanesList("Supplies", outbound, lanes, "to", actions)}
    </fieldset>
    ${stocking ? demandSection(ctx, id, actions) : nothing}`;
}

function lanesList(label: string, indices: number[], lanes: Obj[], end: "from" | "to", actions: NodeFormActions) {
  return html`<div class="lanes-list"><span class="muted">${label}:</span>
    ${indices.length ? indices.map((i) => html`<button class="link" @click=${() => actions.selectLane(i)}>${String(lanes[i][end])}</button> `) : html`<span class="muted">none</span>`}
  </div>`;
}

function demandSection(ctx: FieldContext, id: string, actions: NodeFormActions) {
  const indices = demandIndices(ctx.draft as Draft, id);
  return html`<fieldset><legend>Customer demand (units per day)</legend>
    ${indices.length === 0 ? html`<p class="muted">No customer demand at this node.</p>` : nothing}
    ${indices.map((i) => html`<div class="demand">
      ${textField(ctx, `demand[${i}].product`, "Product", { optional: true, hint: "only with several products" })}
      ${distributionFields(ctx, `demand[${i}].dist`, "Daily demand")}
      ${numberField(ctx, `demand[${i}].seasonality.cycle`, "Season cycle (days)", { optional: true })}
      ${listField(ctx, `demand[${i}].seasonality.factors`, "Season factors", { optional: true, hint: "e.g. 12 monthly factors around 1" })}
      ${numberField(ctx, `demand[${i}].trend`, "Trend (per day)", { optional: true, hint: "mean × (1 + trend)^day" })}
      <button @click=${() => actions.removeDemand(i)}>Remove this demand</button>
    </div>`)}
    <button @click=${actions.addDemand}>Add demand</button>
  </fieldset>`;
}

/** The form of one lane. */
export function laneForm(ctx: FieldContext, index: number, nodeIds: readonly string[], selectNode: (id: string) => void) {
  const base = `lanes[${index}]`;
  const lane = getIn(ctx.draft, base) as Obj | undefined;
  if (!isObj(lane)) return html`<p>This lane no longer exists.</p>`;
  return html`
    <fieldset><legend>Lane</legend>
      ${selectField(ctx, `${base}.from`, "From", nodeIds)}
      ${selectField(ctx, `${base}.to`, "To", nodeIds)}
      <div class="lanes-list"><button class="link" @click=${() => selectNode(String(lane.from))}>Open ${String(lane.from)}</button>
        <button class="link" @click=${() => selectNode(String(lane.to))}>Open ${String(lane.to)}</button></div>
    </fieldset>
    ${distributionFields(ctx, `${base}.leadTime`, "Lead time (whole days)")}
    <fieldset><legend>Costs and capacity</legend>
      ${numberField(ctx, `${base}.costPerUnit`, "Cost per unit shipped", { optional: true })}
      ${numberField(ctx, `${base}.costPerShipment`, "Cost per shipment", { optional: true })}
      ${numberField(ctx, `${base}.capacity`, "Capacity (units per day)", { optional: true })}
      ${checkboxField(ctx, `${base}.overtaking`, "Shipments may overtake each other")}
    </fieldset>`;
}

/** Scenario-wide settings. */
export function settingsForm(ctx: FieldContext) {
  return html`
    <fieldset><legend>Scenario</legend>
      ${textField(ctx, "name", "Name")}
      ${textField(ctx, "description", "Description", { optional: true })}
    </fieldset>
    <fieldset><legend>Simulation</legend>
      ${numberField(ctx, "horizon", "Horizon (days)")}
      ${numberField(ctx, "warmup", "Warm-up (days)", { hint: "excluded from every KPI" })}
      ${numberField(ctx, "replications", "Replications")}
      ${textField(seedCtx(ctx), "seed", "Seed", { hint: "same seed, same results" })}
      ${selectField(ctx, "unmetDemand", "Unmet demand", ["backorder", "lost"])}
      ${selectField(ctx, "allocation", "Allocation of short stock", ["fifo", "proportional", "priority"])}
    </fieldset>
    <fieldset><legend>Costs</legend>
      ${numberField(ctx, "costs.backorderPerUnitDay", "Backorder cost (per unit per day)", { optional: true })}
      ${numberField(ctx, "costs.lostSalePerUnit", "Lost sale cost (per unit)", { optional: true })}
      ${numberField(ctx, "costs.orderFixed", "Fixed cost per order", { optional: true })}
    </fieldset>`;
}

/** The seed is an integer when it reads as one, else text (both are valid seeds). */
function seedCtx(ctx: FieldContext): FieldContext {
  return { ...ctx, edit: (path, v) => ctx.edit(path, typeof v === "string" && /^-?\d+$/.test(v.trim()) && Number.isSafeInteger(Number(v)) ? Number(v) : v) };
}

/** The node as `kind`: a supplier drops its stock fields, a node that starts stocking gets a base-stock policy. */
export function withKind(node: Obj, kind: string): Obj {
  if (kind === "supplier") {
    const { policy: _p, holdingCost: _h, initialInventory: _i, ...rest } = node;
    return { ...rest, kind };
  }
  return node.kind === "supplier" && node.policy === undefined ? { ...node, kind, policy: { type: "base-stock", level: 0 } } : { ...node, kind };
}
