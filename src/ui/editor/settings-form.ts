/** The scenario-wide settings form: name, simulation settings and costs. */
import { html } from "lit";
import { renderNumberField, renderSelectField, renderTextAreaField, renderTextField, type FieldContext } from "./fields.ts";

/** Scenario-wide settings. */
export function renderSettingsForm(ctx: FieldContext) {
  return html`
    <fieldset><legend>Scenario</legend>
      ${renderTextField(ctx, "name", "Name")}
      ${renderTextAreaField(ctx, "description", "Description", { optional: true, rows: 5 })}
    </fieldset>
    <fieldset><legend>Simulation</legend>
      ${renderNumberField(ctx, "horizon", "Horizon (days)")}
      ${renderNumberField(ctx, "warmup", "Warm-up (days)", { hint: "excluded from every KPI" })}
      ${renderNumberField(ctx, "replications", "Replications")}
      ${renderTextField(seedCtx(ctx), "seed", "Seed", { hint: "same seed, same results" })}
      ${renderSelectField(ctx, "unmetDemand", "Unmet demand", ["backorder", "lost"])}
      ${renderSelectField(ctx, "allocation", "Allocation of short stock", ["fifo", "proportional", "priority"])}
    </fieldset>
    <fieldset><legend>Costs</legend>
      ${renderNumberField(ctx, "costs.backorderPerUnitDay", "Backorder cost (per unit per day)", { optional: true })}
      ${renderNumberField(ctx, "costs.lostSalePerUnit", "Lost sale cost (per unit)", { optional: true })}
      ${renderNumberField(ctx, "costs.orderFixed", "Fixed cost per order", { optional: true })}
    </fieldset>`;
}


/** The seed is an integer when it reads as one, else text (both are valid seeds). */
function seedCtx(ctx: FieldContext): FieldContext {
  return { ...ctx, edit: (path, v) => ctx.edit(path, typeof v === "string" && /^-?\d+$/.test(v.trim()) && Number.isSafeInteger(Number(v)) ? Number(v) : v) };
}
