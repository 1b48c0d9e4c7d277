/**
 * The products a lane carries (extension, docs/scenario-format.md: `lanes[].products`, default
 * all), as one checkbox per product, shown when the scenario has several products. A component
 * lane into an assembly carries its components only: the product made there must not arrive by lane.
 */
import { html, nothing } from "lit";
import { getIn } from "./paths.ts";
import { messages, type FieldContext } from "./fields.ts";
import { productIds } from "./what-if-edits.ts";

/** The lane's list with `product` in (`on`) or out, in the products' order; undefined (all) when every product is in. */
export function toggledProducts(carried: readonly string[] | undefined, all: readonly string[], product: string, on: boolean): string[] | undefined {
  const now = new Set(carried ?? all);
  if (on) now.add(product); else now.delete(product);
  const next = all.filter((p) => now.has(p));
  return next.length === all.length && carried === undefined ? undefined : next;
}

export function renderLaneProductsField(ctx: FieldContext, index: number) {
  const path = `lanes[${index}].products`;
  const all = productIds(ctx.draft);
  const value = getIn(ctx.draft, path);
  if (all.length < 2 && value === undefined) return nothing;
  const carried = Array.isArray(value) ? value.map(String) : undefined;
  const m = messages(ctx, path);
  return html`<fieldset class="field lane-products" data-path=${path} aria-describedby=${m.describedBy ?? nothing}><legend>Products carried</legend>
    ${all.map((p) => html`<label class="check"><input type="checkbox" .checked=${!carried || carried.includes(p)} aria-invalid=${m.invalid ? "true" : "false"}
      @change=${(e: Event) => ctx.edit(path, toggledProducts(carried, all, p, (e.target as HTMLInputElement).checked))}> ${p}</label> `)}
    <span class="hint muted">${carried ? "only the products ticked" : "all products (the default)"}; a lane into an assembly brings its components, never the product made there</span>
    ${m.note}
  </fieldset>`;
}
