/** The form of one lane: its ends, the products it carries, lead-time distribution, costs and capacity, and its sourcing rule when its node has several inbound lanes. */
import { html } from "lit";
import { getIn, type Json } from "./paths.ts";
import { renderCheckboxField, renderNumberField, renderSelectField, type FieldContext } from "./fields.ts";
import { renderDistributionFields } from "./distribution-fields.ts";
import { nodeName } from "./readable.ts";
import { renderSourcingFields } from "./sourcing-fields.ts";
import { renderLaneProductsField } from "./lane-products-fields.ts";

type Obj = Record<string, Json>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

export function renderLaneForm(ctx: FieldContext, index: number, nodeIds: readonly string[], selectNode: (id: string) => void) {
  const base = `lanes[${index}]`;
  const lane = getIn(ctx.draft, base) as Obj | undefined;
  if (!isObj(lane)) return html`<p>This lane no longer exists.</p>`;
  return html`
    <fieldset><legend>Lane</legend>
      ${renderSelectField(ctx, `${base}.from`, "From", nodeIds)}
      ${renderSelectField(ctx, `${base}.to`, "To", nodeIds)}
      <div class="lanes-list"><button class="link" @click=${() => selectNode(String(lane.from))}>Open ${nodeName(ctx.draft, lane.from)}</button>
        <button class="link" @click=${() => selectNode(String(lane.to))}>Open ${nodeName(ctx.draft, lane.to)}</button></div>
    </fieldset>
    ${renderLaneProductsField(ctx, index)}
    ${renderDistributionFields(ctx, `${base}.leadTime`, "Lead time (whole days)")}
    <fieldset><legend>Costs and capacity</legend>
      ${renderNumberField(ctx, `${base}.costPerUnit`, "Cost per unit shipped", { optional: true })}
      ${renderNumberField(ctx, `${base}.costPerShipment`, "Cost per shipment", { optional: true })}
      ${renderNumberField(ctx, `${base}.capacity`, "Capacity (units per day)", { optional: true })}
      ${renderCheckboxField(ctx, `${base}.overtaking`, "Shipments may overtake each other")}
    </fieldset>
    ${renderSourcingFields(ctx, index)}`;
}

