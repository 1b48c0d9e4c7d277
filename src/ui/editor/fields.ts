/**
 * Form fields bound to a path of the draft. Numbers are typed in text inputs so that whatever
 * the user types is kept (an invalid value stays in the draft and the validator says why), and
 * each field shows the issues whose path falls under it, linked by aria-describedby.
 */
import { html, nothing, type TemplateResult } from "lit";
import { getIn, type Draft } from "./paths.ts";
import { issueElementId, type Issue } from "./issues.ts";

export interface FieldContext {
  readonly draft: Draft;
  /** Issues by field path (from `issuesByField`). */
  readonly issues: ReadonlyMap<string, readonly Issue[]>;
  /** Sets `value` at `path` (undefined removes the key). */
  readonly edit: (path: string, value: unknown) => void;
  /** When set, every rendered field adds its path here (a first pass that learns the form's fields). */
  readonly collect?: Set<string>;
}

/** Text typed into a number field → number when it reads as one, undefined when empty and optional, else the text itself. */
export function parseNumberInput(text: string, optional: boolean): unknown {
  const t = text.trim();
  if (t === "") return optional ? undefined : "";
  const n = Number(t);
  return Number.isFinite(n) ? n : text;
}

/** "1, 2.5, 3" → [1, 2.5, 3] (entries that are not numbers are kept as text). */
export function parseListInput(text: string): unknown[] {
  return text.split(/[,;\s]+/).filter(Boolean).map((s) => (Number.isFinite(Number(s)) ? Number(s) : s));
}

const show = (v: unknown): string => (v === undefined || v === null ? "" : Array.isArray(v) ? v.join(", ") : typeof v === "object" ? JSON.stringify(v) : String(v));

/** Collects `path` and returns its issues as aria attributes and a note. */
export function messages(ctx: FieldContext, path: string) {
  ctx.collect?.add(path);
  const list = ctx.issues.get(path);
  if (!list?.length) return { invalid: false, describedBy: undefined, note: nothing };
  const id = issueElementId(path);
  return {
    invalid: true,
    describedBy: id,
    note: html`<p class="issue" id=${id}>${list.map((i) => html`<span>${i.message}</span> `)}</p>`,
  };
}

interface FieldOptions {
  readonly optional?: boolean;
  readonly hint?: string;
}

/** A labelled field row bound to `path`, with its issues and an optional hint. */
export function wrap(ctx: FieldContext, path: string, label: string, control: (m: ReturnType<typeof messages>, id: string) => TemplateResult, hint?: string) {
  const m = messages(ctx, path);
  const id = `field-${path.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  return html`<div class="field" data-path=${path}>
    <label for=${id}>${label}</label>${control(m, id)}${hint ? html`<span class="hint muted">${hint}</span>` : nothing}${m.note}
  </div>`;
}

export function renderNumberField(ctx: FieldContext, path: string, label: string, opts: FieldOptions = {}) {
  return wrap(ctx, path, label, (m, id) => html`<input id=${id} type="text" inputmode="decimal" autocomplete="off"
    .value=${show(getIn(ctx.draft, path))} aria-invalid=${m.invalid ? "true" : "false"} aria-describedby=${m.describedBy ?? nothing}
    placeholder=${opts.optional ? "optional" : ""}
    @input=${(e: InputEvent) => ctx.edit(path, parseNumberInput((e.target as HTMLInputElement).value, !!opts.optional))}>`, opts.hint);
}

export function renderTextField(ctx: FieldContext, path: string, label: string, opts: FieldOptions = {}) {
  return wrap(ctx, path, label, (m, id) => html`<input id=${id} type="text" autocomplete="off"
    .value=${show(getIn(ctx.draft, path))} aria-invalid=${m.invalid ? "true" : "false"} aria-describedby=${m.describedBy ?? nothing}
    @input=${(e: InputEvent) => { const v = (e.target as HTMLInputElement).value; ctx.edit(path, opts.optional && v === "" ? undefined : v); }}>`, opts.hint);
}

/** A text over several lines (a scenario's description), its label above it at full width. */
export function renderTextAreaField(ctx: FieldContext, path: string, label: string, opts: FieldOptions & { rows?: number } = {}) {
  const m = messages(ctx, path);
  const id = `field-${path.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  return html`<div class="field wide" data-path=${path}>
    <label for=${id}>${label}</label><textarea id=${id} rows=${opts.rows ?? 4} autocomplete="off"
      .value=${show(getIn(ctx.draft, path))} aria-invalid=${m.invalid ? "true" : "false"} aria-describedby=${m.describedBy ?? nothing}
      @input=${(e: InputEvent) => { const v = (e.target as HTMLTextAreaElement).value; ctx.edit(path, opts.optional && v === "" ? undefined : v); }}></textarea>${m.note}
  </div>`;
}

export function renderListField(ctx: FieldContext, path: string, label: string, opts: FieldOptions = {}) {
  return wrap(ctx, path, label, (m, id) => html`<input id=${id} type="text" autocomplete="off"
    .value=${show(getIn(ctx.draft, path))} aria-invalid=${m.invalid ? "true" : "false"} aria-describedby=${m.describedBy ?? nothing}
    @change=${(e: Event) => { const v = (e.target as HTMLInputElement).value; ctx.edit(path, opts.optional && v.trim() === "" ? undefined : parseListInput(v)); }}>`,
  opts.hint ?? "numbers separated by commas");
}

/** A select; `onPick` replaces the default edit (e.g. to reset dependent fields when a type changes). */
export function renderSelectField(ctx: FieldContext, path: string, label: string, options: readonly string[], onPick?: (value: string) => void, opts: FieldOptions = {}) {
  const current = show(getIn(ctx.draft, path));
  return wrap(ctx, path, label, (m, id) => html`<select id=${id} aria-invalid=${m.invalid ? "true" : "false"} aria-describedby=${m.describedBy ?? nothing}
    @change=${(e: Event) => { const v = (e.target as HTMLSelectElement).value; if (onPick) onPick(v); else ctx.edit(path, opts.optional && v === "" ? undefined : v); }}>
    ${opts.optional || !options.includes(current) ? html`<option value="" ?selected=${current === "" || !options.includes(current)}>${current && !options.includes(current) ? current : "—"}</option>` : nothing}
    ${options.map((o) => html`<option value=${o} ?selected=${o === current}>${o}</option>`)}
  </select>`, opts.hint);
}

export function renderCheckboxField(ctx: FieldContext, path: string, label: string) {
  const m = messages(ctx, path);
  return html`<div class="field check" data-path=${path}><label><input type="checkbox" .checked=${getIn(ctx.draft, path) === true}
    aria-invalid=${m.invalid ? "true" : "false"} aria-describedby=${m.describedBy ?? nothing}
    @change=${(e: Event) => ctx.edit(path, (e.target as HTMLInputElement).checked ? true : undefined)}> ${label}</label>${m.note}</div>`;
}
