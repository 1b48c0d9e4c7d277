/** Fields for an inventory policy: type, then its levels and review schedule. */
import { html } from "lit";
import { POLICY_TYPES } from "../../sim/model/policy.ts";
import { getIn } from "./paths.ts";
import { renderNumberField, renderSelectField, type FieldContext } from "./fields.ts";

/** A policy of `type` carrying over the order-up-to level of the previous one. */
export function defaultPolicy(type: string, previous: unknown): Record<string, unknown> {
  const p = previous as Record<string, unknown> | undefined;
  const up = Number(p?.level ?? p?.S ?? (Number(p?.s ?? 0) + Number(p?.Q ?? 0))) || 0;
  const review = p?.review !== undefined ? { review: p.review } : {};
  switch (type) {
    case "sS": return { type, s: Math.round(up / 2), S: up, ...review };
    case "sQ": return { type, s: Math.round(up / 2), Q: Math.max(1, Math.round(up / 2)), ...review };
    default: return { type, level: up, ...review };
  }
}

export function renderPolicyFields(ctx: FieldContext, path: string, label: string) {
  const policy = getIn(ctx.draft, path);
  const type = String(getIn(policy, ["type"]) ?? "");
  const levels = type === "sS" ? html`${renderNumberField(ctx, `${path}.s`, "Reorder point s")}${renderNumberField(ctx, `${path}.S`, "Order-up-to S")}`
    : type === "sQ" ? html`${renderNumberField(ctx, `${path}.s`, "Reorder point s")}${renderNumberField(ctx, `${path}.Q`, "Batch size Q")}`
    : renderNumberField(ctx, `${path}.level`, type === "echelon-base-stock" ? "Echelon base-stock level" : "Base-stock level");
  return html`<fieldset><legend>${label}</legend>
    ${renderSelectField(ctx, `${path}.type`, "Policy", POLICY_TYPES, (t) => ctx.edit(path, defaultPolicy(t, policy)))}
    ${levels}
    ${renderNumberField(ctx, `${path}.review`, "Review every (days)", { optional: true, hint: "default 1" })}
    ${renderNumberField(ctx, `${path}.offset`, "Review offset (days)", { optional: true, hint: "default 0" })}
  </fieldset>`;
}
