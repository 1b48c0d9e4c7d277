/** Fields for a distribution (demand or lead time): a type select, then that type's parameters. */
import { html, nothing } from "lit";
import { DISTRIBUTION_TYPES } from "../../sim/model/distribution.ts";
import { getIn } from "./paths.ts";
import { renderListField, renderNumberField, renderSelectField, type FieldContext } from "./fields.ts";

/** Parameters a fresh distribution of `type` starts with, keeping a mean when there was one. */
export function defaultDistribution(type: string, previous: unknown): Record<string, unknown> {
  const mean = typeof (previous as { mean?: unknown })?.mean === "number" ? (previous as { mean: number }).mean
    : typeof (previous as { value?: unknown })?.value === "number" ? (previous as { value: number }).value : 10;
  switch (type) {
    case "constant": return { type, value: mean };
    case "normal": case "gamma": return { type, mean, sd: Math.max(1, Math.round(mean * 0.3 * 100) / 100) };
    case "negbin": return { type, mean, sd: Math.round(Math.sqrt(mean * 2) * 100) / 100 + 1 };
    case "poisson": return { type, mean };
    case "uniform": return { type, min: 0, max: mean * 2 };
    case "discrete": return { type, values: [mean], probs: [1] };
    case "empirical": return { type, values: [mean] };
    case "intermittent": return { type, probability: 0.2, size: { type: "poisson", mean } };
    default: return { type };
  }
}

export function renderDistributionFields(ctx: FieldContext, path: string, label: string, depth = 0): unknown {
  const dist = getIn(ctx.draft, path);
  const type = String(getIn(dist, ["type"]) ?? "");
  const types = depth > 0 ? DISTRIBUTION_TYPES.filter((t) => t !== "intermittent") : DISTRIBUTION_TYPES;
  return html`<fieldset class="dist"><legend>${label}</legend>
    ${renderSelectField(ctx, `${path}.type`, "Distribution", types, (t) => ctx.edit(path, defaultDistribution(t, dist)))}
    ${paramFields(ctx, path, type, depth)}
  </fieldset>`;
}

function paramFields(ctx: FieldContext, path: string, type: string, depth: number): unknown {
  switch (type) {
    case "constant": return renderNumberField(ctx, `${path}.value`, "Value");
    case "normal": case "gamma": case "negbin":
      return html`${renderNumberField(ctx, `${path}.mean`, "Mean")}${renderNumberField(ctx, `${path}.sd`, "Std. deviation")}`;
    case "poisson": return renderNumberField(ctx, `${path}.mean`, "Mean");
    case "uniform": return html`${renderNumberField(ctx, `${path}.min`, "Minimum")}${renderNumberField(ctx, `${path}.max`, "Maximum")}`;
    case "discrete": return html`${renderListField(ctx, `${path}.values`, "Values")}${renderListField(ctx, `${path}.probs`, "Probabilities", { hint: "one per value, summing to 1" })}`;
    case "empirical": return renderListField(ctx, `${path}.values`, "Observed values", { hint: "history, resampled with replacement" });
    case "intermittent":
      return html`${renderNumberField(ctx, `${path}.probability`, "Probability of demand on a day")}${renderDistributionFields(ctx, `${path}.size`, "Size when it occurs", depth + 1)}`;
    default: return nothing;
  }
}
