/**
 * Pickers for what-if fields: a node (select of ids with names), a lane (one select of
 * "from → to" that sets both ends), a set of nodes (checkboxes). A value that is not among the
 * choices (typed by hand in the file) stays selected and is shown as it is, so the validator's
 * message next to it makes sense.
 */
import { html, nothing } from "lit";
import { getIn, type Draft, type Json } from "./paths.ts";
import { messages, wrap, type FieldContext } from "./fields.ts";

type Obj = Record<string, Json>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

export interface Choice { readonly value: string; readonly label: string }

/** Nodes as choices ("dc-east — DC East"), optionally only those `keep` accepts. */
export function nodeChoices(draft: Draft, keep: (node: Obj) => boolean = () => true): Choice[] {
  return (Array.isArray(draft.nodes) ? draft.nodes : []).filter(isObj).filter(keep).map((n) => {
    const id = String(n.id ?? "");
    return { value: id, label: n.name && n.name !== id ? `${id} — ${String(n.name)}` : id };
  });
}

/** A select among `choices` bound to `path`; `onPick` replaces the default edit. */
export function renderChoiceField(ctx: FieldContext, path: string, label: string, choices: readonly Choice[], opts: { hint?: string; onPick?: (v: string) => void } = {}) {
  const raw = getIn(ctx.draft, path);
  const current = raw === undefined || raw === null ? "" : String(raw);
  const known = choices.some((c) => c.value === current);
  return wrap(ctx, path, label, (m, id) => html`<select id=${id} aria-invalid=${m.invalid ? "true" : "false"} aria-describedby=${m.describedBy ?? nothing}
    @change=${(e: Event) => { const v = (e.target as HTMLSelectElement).value; if (opts.onPick) opts.onPick(v); else ctx.edit(path, v); }}>
    ${known ? nothing : html`<option value=${current} selected>${current === "" ? "—" : `${current} (unknown)`}</option>`}
    ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === current}>${c.label}</option>`)}
  </select>`, opts.hint);
}

/**
 * One select for a lane, bound to `${base}.from` and `${base}.to`: picking a lane sets both.
 * Issues about either end are shown at it.
 */
export function renderLanePicker(ctx: FieldContext, base: string, label = "Lane") {
  const lanes = (Array.isArray(ctx.draft.lanes) ? ctx.draft.lanes : []).filter(isObj);
  const key = (from: unknown, to: unknown) => `${String(from ?? "")}\u0000${String(to ?? "")}`;
  const from = getIn(ctx.draft, `${base}.from`), to = getIn(ctx.draft, `${base}.to`);
  const current = key(from, to);
  const keys = lanes.map((l) => key(l.from, l.to));
  const toPath = `${base}.to`;
  const toIssues = messages(ctx, toPath);
  const pick = (v: string) => {
    const [f, t] = v.split("\u0000");
    ctx.edit(base, { ...(getIn(ctx.draft, base) as Obj), from: f, to: t });
  };
  // The outer element stands for the "to" end, so that focusing an issue there lands on this select.
  return html`<div class="field lane-pick" data-path=${toPath}>${wrap(ctx, `${base}.from`, label, (m, id) => html`<select id=${id} aria-invalid=${m.invalid || toIssues.invalid ? "true" : "false"}
      aria-describedby=${[m.describedBy, toIssues.describedBy].filter(Boolean).join(" ") || nothing}
      @change=${(e: Event) => pick((e.target as HTMLSelectElement).value)}>
    ${keys.includes(current) ? nothing : html`<option value=${current} selected>${from === undefined && to === undefined ? "—" : `${String(from ?? "?")} → ${String(to ?? "?")} (no such lane)`}</option>`}
    ${lanes.map((l, i) => html`<option value=${keys[i]} ?selected=${keys[i] === current}>${String(l.from)} → ${String(l.to)}</option>`)}
  </select>${toIssues.note}`)}</div>`;
}

/** A group of checkboxes bound to the list at `path` (a multi-select that reads well with a keyboard and a screen reader). */
export function renderCheckboxGroup(ctx: FieldContext, path: string, legend: string, choices: readonly Choice[], hint?: string) {
  const raw = getIn(ctx.draft, path);
  const picked = Array.isArray(raw) ? raw.map(String) : [];
  const m = messages(ctx, path);
  const extra = picked.filter((p) => !choices.some((c) => c.value === p));
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...picked, value] : picked.filter((p) => p !== value);
    ctx.edit(path, next);
  };
  return html`<fieldset class="field choices" data-path=${path} aria-describedby=${m.describedBy ?? nothing}>
    <legend>${legend}</legend>
    ${hint ? html`<p class="hint muted">${hint}</p>` : nothing}
    <div class="checks">${[...choices, ...extra.map((e) => ({ value: e, label: `${e} (unknown)` }))].map((c) => html`<label><input type="checkbox"
      .checked=${picked.includes(c.value)} @change=${(e: Event) => toggle(c.value, (e.target as HTMLInputElement).checked)}> ${c.label}</label>`)}</div>
    ${m.note}
  </fieldset>`;
}
