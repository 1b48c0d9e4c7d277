/** Mitigations: lateral transfers among stocking nodes, and expedite routes. */
import { html, nothing } from "lit";
import { getIn, type Json } from "./paths.ts";
import { messages, renderNumberField, renderSelectField, type FieldContext } from "./fields.ts";
import { renderDistributionFields } from "./distribution-fields.ts";
import { nodeChoices, renderCheckboxGroup, renderChoiceField } from "./pick-fields.ts";
import { defaultTransferPeers, newExpedite } from "./what-if-edits.ts";
import type { WhatIfActions } from "./disruptions-form.ts";

type Obj = Record<string, Json>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** The draft with `mitigations` set to `m`, or without it when `m` is empty. */
function withMitigations(ctx: FieldContext, m: Obj) {
  if (Object.keys(m).length) return { ...ctx.draft, mitigations: m };
  const { mitigations: _m, ...rest } = ctx.draft;
  return rest;
}

export function renderMitigationsForm(ctx: FieldContext, actions: WhatIfActions) {
  const m: Obj = isObj(ctx.draft.mitigations) ? ctx.draft.mitigations : {};
  const lateral = m.lateralTransfers;
  const expedite: Json[] = Array.isArray(m.expedite) ? m.expedite : [];
  const base = "mitigations.lateralTransfers";
  const toggleLateral = (on: boolean) => {
    const { lateralTransfers: _l, ...rest } = m;
    actions.replace(withMitigations(ctx, on ? { ...m, lateralTransfers: { among: defaultTransferPeers(ctx.draft), leadTime: { type: "constant", value: 1 }, costPerUnit: 1, trigger: "below-zero" } } : rest));
  };
  const setExpedite = (list: Json[]) => {
    const { expedite: _e, ...rest } = m;
    actions.replace(withMitigations(ctx, list.length ? { ...m, expedite: list } : rest));
  };
  const stocking = nodeChoices(ctx.draft, (n) => n.kind !== "supplier");
  // DCs first: they are the usual peers, and a network has many more stores.
  const kindOf = new Map((Array.isArray(ctx.draft.nodes) ? ctx.draft.nodes : []).filter(isObj).map((n) => [String(n.id), n.kind]));
  const rank = (id: string) => ({ dc: 0, plant: 1, store: 2 } as Record<string, number>)[String(kindOf.get(id))] ?? 3;
  const peers = [...stocking].sort((a, b) => rank(a.value) - rank(b.value));
  const nodes = nodeChoices(ctx.draft);
  const top = messages(ctx, "mitigations");
  return html`<fieldset class="mitigations field" data-path="mitigations"><legend>Mitigations</legend>
    ${top.note}
    <div class="field check"><label><input type="checkbox" .checked=${lateral !== undefined} @change=${(e: Event) => toggleLateral((e.target as HTMLInputElement).checked)}>
      Lateral transfers between stocking nodes</label></div>
    ${lateral !== undefined ? html`<div class="item">
      ${renderCheckboxGroup(ctx, `${base}.among`, "Nodes that share stock", peers, "usually DCs of the same echelon")}
      ${renderDistributionFields(ctx, `${base}.leadTime`, "Transfer lead time (whole days)")}
      ${renderNumberField(ctx, `${base}.costPerUnit`, "Cost per unit moved", { optional: true })}
      ${renderSelectField(ctx, `${base}.trigger`, "Ask peers when", ["below-zero", "below-reorder-point"], undefined, { hint: "net inventory below zero, or below the reorder point" })}
    </div>` : nothing}
    <h3>Expedite routes</h3>
    ${expedite.length === 0 ? html`<p class="muted">None: every order takes its lane's lead time.</p>` : nothing}
    <ol class="expedite-list">${expedite.map((_, k) => {
      const p = `mitigations.expedite[${k}]`;
      const own = messages(ctx, p);
      return html`<li class="item field" data-path=${p}>
        <div class="item-head"><strong>${String(getIn(ctx.draft, `${p}.from`) ?? "?")} → ${String(getIn(ctx.draft, `${p}.to`) ?? "?")}</strong>
          <button type="button" aria-label=${`Remove expedite route ${k + 1}`} @click=${() => setExpedite(expedite.filter((_e, j) => j !== k))}>Remove</button></div>
        ${own.note}
        ${renderChoiceField(ctx, `${p}.from`, "From", nodes)}
        ${renderChoiceField(ctx, `${p}.to`, "To", stocking)}
        ${renderDistributionFields(ctx, `${p}.leadTime`, "Expedited lead time (whole days)")}
        ${renderNumberField(ctx, `${p}.costPerUnit`, "Cost per unit", { optional: true })}
        ${renderNumberField(ctx, `${p}.threshold`, "Expedite when position is below", { hint: "inventory position, units" })}
      </li>`;
    })}</ol>
    <button type="button" @click=${() => setExpedite([...expedite, newExpedite(ctx.draft)])}>Add expedite route</button>
  </fieldset>`;
}
