/**
 * The bill-of-materials editor on a stocking node's form (docs/scenario-format.md, "Bills of
 * materials"): one fieldset per recipe — the product made, its assembly time, and its components
 * with the units of each per unit made — and buttons to add and remove recipes and components.
 * Every field is bound to its path (`nodes[2].bom[0].components.wheel`), so the validator's
 * messages appear beside the field they name as the user types.
 */
import { html, nothing } from "lit";
import { getIn, type Json } from "./paths.ts";
import { messages, renderNumberField, wrap, type FieldContext } from "./fields.ts";
import { productIds } from "./what-if-edits.ts";
import { addComponent, addRecipe, removeComponent, removeRecipe, renameComponent, setRecipeProduct } from "./bom-edits.ts";
import type { Draft } from "./paths.ts";

type Obj = Record<string, Json>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

export interface BomActions {
  /** Replaces the whole draft (a structural edit of the recipes). */
  readonly replace: (draft: Draft) => void;
}

/** A select among `options` (the current value first kept when it is not one of them), calling `pick`. */
function productSelect(id: string, current: string, options: readonly string[], m: ReturnType<typeof messages>, pick: (v: string) => void) {
  const known = options.includes(current);
  return html`<select id=${id} aria-invalid=${m.invalid ? "true" : "false"} aria-describedby=${m.describedBy ?? nothing}
    @change=${(e: Event) => pick((e.target as HTMLSelectElement).value)}>
    ${known ? nothing : html`<option value="" selected>${current || "—"}</option>`}
    ${options.map((o) => html`<option value=${o} ?selected=${o === current}>${o}</option>`)}
  </select>`;
}

export function renderBomFields(ctx: FieldContext, index: number, actions: BomActions) {
  const base = `nodes[${index}].bom`;
  const bom = getIn(ctx.draft, base);
  const recipes = Array.isArray(bom) ? bom : [];
  const products = productIds(ctx.draft);
  const top = messages(ctx, base);
  const add = () => { const r = addRecipe(ctx.draft, index); if (r) actions.replace(r.draft); };
  return html`<fieldset class="bom field" data-path=${base}><legend>Bill of materials</legend>
    ${top.note}
    ${recipes.length === 0 ? html`<p class="muted">This node makes nothing: it only stocks what its lanes bring.</p>` : nothing}
    ${recipes.map((r, i) => renderRecipe(ctx, index, i, isObj(r) ? r : {}, products, actions))}
    ${products.length < 2
      ? html`<p class="hint muted">A recipe makes one product from others: add products first (What-ifs → Products).</p>`
      : html`<button type="button" @click=${add}>Add recipe</button>`}
  </fieldset>`;
}

function renderRecipe(ctx: FieldContext, index: number, i: number, recipe: Obj, products: readonly string[], actions: BomActions) {
  const path = `nodes[${index}].bom[${i}]`;
  const product = String(recipe.product ?? "");
  const components = isObj(recipe.components) ? Object.keys(recipe.components) : [];
  const spare = products.filter((p) => p !== product && !components.includes(p));
  const cm = messages(ctx, `${path}.components`);
  return html`<fieldset class="recipe" data-recipe=${i}><legend>Recipe ${i + 1}${product ? `: ${product}` : ""}</legend>
    ${wrap(ctx, `${path}.product`, "Product made", (m, id) => productSelect(id, product, products, m, (v) => actions.replace(setRecipeProduct(ctx.draft, index, i, v))),
      "its policy at this node orders production; no lane may bring it here")}
    ${renderNumberField(ctx, `${path}.assemblyTime`, "Assembly time (days)", { optional: true, hint: "whole days from start to on hand; default 0" })}
    <div class="components field" data-path=${`${path}.components`} role="group" aria-label=${`Components of recipe ${i + 1}`}>
      ${cm.note}
      ${components.length === 0 ? html`<p class="muted">No components yet.</p>` : nothing}
      ${components.map((c, j) => html`<div class="component" data-component=${c}>
        ${wrap(ctx, `${path}.components.${c}.product`, `Component ${j + 1}`, (m, id) => productSelect(id, c, [c, ...spare], m, (v) => actions.replace(renameComponent(ctx.draft, index, i, c, v))))}
        ${renderNumberField(ctx, `${path}.components.${c}`, `Units of ${c} per unit${product ? ` of ${product}` : ""}`)}
        <button type="button" aria-label=${`Remove component ${c} from recipe ${i + 1}`} @click=${() => actions.replace(removeComponent(ctx.draft, index, i, c))}>Remove</button>
      </div>`)}
      ${spare.length ? html`<button type="button" @click=${() => actions.replace(addComponent(ctx.draft, index, i))}>Add component</button>` : nothing}
    </div>
    <button type="button" aria-label=${`Remove recipe ${i + 1}`} @click=${() => actions.replace(removeRecipe(ctx.draft, index, i))}>Remove recipe</button>
  </fieldset>`;
}
