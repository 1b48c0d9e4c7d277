/**
 * A lane's sourcing rule (extension, docs/scenario-format.md "Several sources"), shown when the
 * lane's node has several inbound lanes or the lane already has a rule: none, a split share, or
 * the primary / a backup.
 */
import { html, nothing } from "lit";
import { getIn, type Json } from "./paths.ts";
import { messages, renderNumberField, wrap, type FieldContext } from "./fields.ts";

type Obj = Record<string, Json>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

const RULES = [["", "None"], ["split", "Split share"], ["primary", "Primary"], ["backup", "Backup"]] as const;
/** The share a lane gets when its rule becomes a split: an even split among the node's inbound lanes. */
const evenShare = (lanes: number) => Math.round((1 / Math.max(1, lanes)) * 1000) / 1000;

/** Inbound lanes of `to` in the draft. */
function inboundCount(draft: unknown, to: unknown): number {
  const lanes = getIn(draft as Json, "lanes");
  return Array.isArray(lanes) ? lanes.filter((l) => isObj(l) && l.to === to).length : 0;
}

export function renderSourcingFields(ctx: FieldContext, index: number) {
  const base = `lanes[${index}]`, path = `${base}.sourcing`;
  const lane = getIn(ctx.draft, base);
  if (!isObj(lane)) return nothing;
  const inbound = inboundCount(ctx.draft, lane.to), rule = lane.sourcing;
  if (inbound < 2 && rule === undefined) return nothing;
  const current = isObj(rule) ? ("split" in rule ? "split" : String(rule.role ?? "")) : "";
  const pick = (v: string) => ctx.edit(path, v === "" ? undefined : v === "split" ? { split: evenShare(inbound) } : { role: v });
  const role = messages(ctx, `${path}.role`);
  return html`<fieldset><legend>Sourcing</legend>
    ${wrap(ctx, path, "Sourcing rule", (m, id) => html`<select id=${id} aria-invalid=${m.invalid || role.invalid ? "true" : "false"} aria-describedby=${m.describedBy ?? role.describedBy ?? nothing}
      @change=${(e: Event) => pick((e.target as HTMLSelectElement).value)}>
      ${RULES.map(([v, label]) => html`<option value=${v} ?selected=${v === current}>${label}</option>`)}
    </select>`, `${inbound} lanes into this node: split shares summing to 1, or one primary and backups (a backup takes what the primary cannot ship that day)`)}
    ${role.note}
    ${current === "split" ? renderNumberField(ctx, `${path}.split`, "Share of each order (0–1)") : nothing}
  </fieldset>`;
}
