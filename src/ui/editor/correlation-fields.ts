/** Demand correlation: none, one rho for every demand node, or groups of nodes each with a rho. */
import { html, nothing } from "lit";
import type { Json } from "./paths.ts";
import { messages, renderNumberField, renderSelectField, type FieldContext } from "./fields.ts";
import { nodeChoices, renderCheckboxGroup } from "./pick-fields.ts";
import type { WhatIfActions } from "./disruptions-form.ts";

type Obj = Record<string, Json>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

export type CorrelationMode = "none" | "one rho for all" | "groups";
const MODES: readonly CorrelationMode[] = ["none", "one rho for all", "groups"];

export function correlationMode(value: unknown): CorrelationMode {
  if (value === undefined) return "none";
  return isObj(value) && "groups" in value ? "groups" : "one rho for all";
}

/** Ids of nodes with customer demand, in node order. */
function demandNodes(ctx: FieldContext): string[] {
  const ids = new Set((Array.isArray(ctx.draft.demand) ? ctx.draft.demand : []).filter(isObj).map((d) => String(d.node)));
  return nodeChoices(ctx.draft).map((c) => c.value).filter((id) => ids.has(id));
}

export function renderCorrelationFields(ctx: FieldContext, actions: WhatIfActions) {
  const value = ctx.draft.demandCorrelation;
  const mode = correlationMode(value);
  const set = (v: Json | undefined) => {
    const { demandCorrelation: _c, ...rest } = ctx.draft;
    actions.replace(v === undefined ? rest : { ...rest, demandCorrelation: v });
  };
  const pick = (m: string) => set(m === "none" ? undefined : m === "groups" ? { groups: [{ nodes: demandNodes(ctx).slice(0, 2), rho: 0.5 }] } : { rho: 0.5 });
  const groups: Json[] = isObj(value) && Array.isArray(value.groups) ? value.groups : [];
  const choices = nodeChoices(ctx.draft, (n) => demandNodes(ctx).includes(String(n.id)));
  const modeCtx: FieldContext = { ...ctx, draft: { ...ctx.draft, demandCorrelation: { ...(isObj(value) ? value : {}), mode } } };
  const top = messages(ctx, "demandCorrelation");
  return html`<fieldset class="correlation field" data-path="demandCorrelation"><legend>Demand correlation</legend>
    ${top.note}
    ${renderSelectField(modeCtx, "demandCorrelation.mode", "Correlation", MODES, pick, { hint: "daily demand of nodes moving together (Gaussian copula)" })}
    ${mode === "one rho for all" ? renderNumberField(ctx, "demandCorrelation.rho", "Correlation rho", { hint: "between 0 and 1, for every pair of demand nodes" }) : nothing}
    ${mode === "groups" ? html`<ol class="group-list">${groups.map((_, g) => html`<li class="item">
        ${renderCheckboxGroup(ctx, `demandCorrelation.groups[${g}].nodes`, `Group ${g + 1}: nodes`, choices)}
        ${renderNumberField(ctx, `demandCorrelation.groups[${g}].rho`, "Correlation rho")}
        <button type="button" aria-label=${`Remove group ${g + 1}`} @click=${() => set(groups.length > 1 ? { groups: groups.filter((_x, j) => j !== g) } : undefined)}>Remove group</button>
      </li>`)}</ol>
      <button type="button" @click=${() => set({ groups: [...groups, { nodes: [], rho: 0.5 }] })}>Add group</button>` : nothing}
  </fieldset>`;
}
