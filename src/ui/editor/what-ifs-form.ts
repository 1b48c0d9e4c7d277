/**
 * The "What-ifs" panel of the editor: disruptions, mitigations, products and demand
 * correlation, each validated as typed like the rest of the editor.
 */
import { css, html, nothing } from "lit";
import type { FieldContext } from "./fields.ts";
import { renderDisruptionsForm, type WhatIfActions } from "./disruptions-form.ts";
import { renderMitigationsForm } from "./mitigations-form.ts";
import { renderProductsForm } from "./products-form.ts";
import { renderCorrelationFields } from "./correlation-fields.ts";

export function renderWhatIfsForm(ctx: FieldContext, actions: WhatIfActions, notice?: string) {
  return html`
    ${notice ? html`<p class="notice" role="status">${notice}</p>` : nothing}
    ${renderDisruptionsForm(ctx, actions)}
    ${renderMitigationsForm(ctx, actions)}
    ${renderProductsForm(ctx, actions)}
    ${renderCorrelationFields(ctx, actions)}`;
}

/** Styles of the what-if forms (lists of items, presets, checkbox groups). */
export const whatIfStyles = css`
  fieldset.field, li.field, .field.lane-pick { display: block; }
  .field.lane-pick { margin: 0; }
  .presets { display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0.3rem 0 0.5rem; }
  .pick-target { display: flex; flex-wrap: wrap; gap: 0.2rem 0.5rem; align-items: baseline; margin: 0.1rem 0 0.4rem; font-size: 0.9em; }
  .pick-target button[aria-pressed="true"] { background: var(--ech-accent); border-color: var(--ech-accent); color: var(--ech-on-accent); }
  .disruption-list, .expedite-list, .product-list, .group-list { list-style: none; margin: 0.3rem 0; padding: 0; }
  .disruption, .item { border-top: 1px dashed var(--ech-border); padding: 0.3rem 0; margin-bottom: 0.3rem; }
  .item-head { display: flex; justify-content: space-between; align-items: baseline; gap: 0.5rem; }
  .summary { font-weight: 600; overflow-wrap: anywhere; }
  .help { font-size: 0.85em; margin: 0.2rem 0; }
  .choices .checks { display: grid; gap: 0.2rem; max-height: 12rem; overflow: auto; }
  .choices .hint { margin: 0 0 0.2rem; font-size: 0.8em; }
  .notice { border-left: 3px solid var(--ech-accent, #36c); padding-left: 0.5rem; }
  .disruption .field, .item .field { grid-template-columns: minmax(6rem, 9rem) minmax(0, 1fr); }
  .disruption .field select, .item .field select { max-width: 100%; }
  h3 { font-size: 0.95rem; margin: 0.6rem 0 0.2rem; }
`;
