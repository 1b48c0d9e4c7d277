/**
 * The products of a scenario: ids, names and unit costs. Renaming an id moves its references
 * (demand, disruptions, lane product lists, per-product policies and costs of nodes, recipes) along;
 * a product still referenced cannot be removed. Per-product policies and holding costs are
 * edited on each node, and kept as they are in the file.
 */
import { html, nothing } from "lit";
import type { Json } from "./paths.ts";
import { messages, renderNumberField, renderTextField, type FieldContext } from "./fields.ts";
import { addProduct, removeProduct, renameProduct } from "./what-if-edits.ts";
import type { WhatIfActions } from "./disruptions-form.ts";

export function renderProductsForm(ctx: FieldContext, actions: WhatIfActions) {
  const products: Json[] = Array.isArray(ctx.draft.products) ? ctx.draft.products : [];
  const top = messages(ctx, "products");
  const remove = (i: number) => {
    const next = removeProduct(ctx.draft, i);
    if (typeof next === "string") actions.notify(next);
    else actions.replace(next);
  };
  return html`<fieldset class="products field" data-path="products"><legend>Products</legend>
    ${top.note}
    ${products.length === 0 ? html`<p class="muted">One product, "default", with unit cost 1.</p>` : nothing}
    <ol class="product-list">${products.map((_, i) => {
      const p = `products[${i}]`;
      const idCtx: FieldContext = { ...ctx, edit: (_path, v) => actions.replace(renameProduct(ctx.draft, i, String(v ?? ""))) };
      return html`<li class="item">
        ${renderTextField(idCtx, `${p}.id`, "Id", { hint: "renaming moves its references along" })}
        ${renderTextField(ctx, `${p}.name`, "Name", { optional: true })}
        ${renderNumberField(ctx, `${p}.unitCost`, "Unit cost", { optional: true, hint: "value of one unit; default 1" })}
        <button type="button" aria-label=${`Remove product ${i + 1}`} @click=${() => remove(i)}>Remove</button>
      </li>`;
    })}</ol>
    <button type="button" @click=${() => actions.replace(addProduct(ctx.draft).draft)}>Add product</button>
    <p class="hint muted">With several products, each demand entry names its product, and a node's policy, holding cost and initial inventory may be per product (edit those on the node, or in the file).</p>
  </fieldset>`;
}
