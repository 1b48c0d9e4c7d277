import { LitElement, css, html, nothing } from "lit";
import { controlStyles } from "../shared/styles.ts";
import { formatMeanCi, statTooltip, unitSuffix } from "./kpi-format.ts";
import { nodeColumns, sortRows, type NodeRow, type SortState } from "./node-rows.ts";

/**
 * Every node-scope KPI per node (or, with `scope = "product"`, every product-scope KPI per
 * product), mean ± 95% CI half-width with the full Stat in a tooltip; click a column header to sort by it.
 */
export class NodeTable extends LitElement {
  static override styles = [controlStyles, css`
    :host { display: block; overflow-x: auto; max-width: 100%; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.85rem; }
    th, td { padding: 2px 8px; border-bottom: 1px solid var(--ech-border, #ddd); text-align: right; white-space: nowrap; }
    th:first-child, td:first-child { text-align: left; position: sticky; left: 0; background: var(--ech-surface, #fff); }
    thead th { vertical-align: bottom; }
    th button { border: none; background: none; padding: 0; font-weight: 600; cursor: pointer; text-align: inherit; }
    .unit { display: block; font-weight: normal; color: var(--ech-muted, #666); font-size: 0.8em; }
  `];
  static override properties = {
    rows: { attribute: false },
    scope: {},
    keys: { attribute: false },
    caption: {},
    sort: { state: true },
  };
  declare rows: readonly NodeRow[];
  /** Whose rows these are: "node" (default) or "product"; picks the KPI columns and the labels. */
  declare scope: "node" | "product";
  /** Only these KPIs, in this order (default: every KPI of the scope the rows have, in catalogue order). */
  declare keys: readonly string[] | undefined;
  /** What the table is, for its (visually hidden) caption; default "Per-node KPIs" or "Per-product KPIs". */
  declare caption: string | undefined;
  declare sort: SortState;

  constructor() {
    super();
    this.rows = [];
    this.scope = "node";
    this.sort = { key: "", descending: false };
  }

  /** Sort by `key`; the same key again flips the direction. */
  sortBy(key: string): void {
    this.sort = { key, descending: this.sort.key === key ? !this.sort.descending : key !== "name" };
  }

  override render() {
    const product = this.scope === "product";
    const all = nodeColumns(this.rows, product ? "product" : "node");
    const columns = this.keys ? this.keys.flatMap((k) => all.filter((d) => d.key === k)) : all;
    const rows = sortRows(this.rows, this.sort);
    const ariaSort = (key: string) => (this.sort.key === key ? (this.sort.descending ? "descending" : "ascending") : "none");
    const header = (key: string, label: string, unit: string, description: string) => html`
      <th scope="col" aria-sort=${ariaSort(key)} title=${description}>
        <button type="button" @click=${() => this.sortBy(key)}>${label}${this.sort.key === key ? (this.sort.descending ? " ▼" : " ▲") : ""}</button>
        ${unit ? html`<span class="unit">${unit}</span>` : null}
      </th>`;
    return html`<table>
      <caption class="visually-hidden">${this.caption ?? `Per-${product ? "product" : "node"} KPIs`}: mean ± half-width of the 95% confidence interval. Sortable by any column.</caption>
      <thead><tr>${header("name", product ? "Product" : "Node", "", product ? "Product name" : "Node name")}${columns.map((d) => header(d.key, d.label, unitSuffix(d.unit) || "%", d.description))}</tr></thead>
      <tbody>${rows.map((r) => html`<tr data-node=${product ? nothing : r.id} data-product=${product ? r.id : nothing}>
        <th scope="row" title=${r.id}>${r.name}</th>
        ${columns.map((d) => {
          const s = r.stats[d.key];
          return s ? html`<td title=${statTooltip(d, s)}>${formatMeanCi(d, s)}</td>` : html`<td>—</td>`;
        })}
      </tr>`)}</tbody>
    </table>`;
  }
}

customElements.define("ech-node-table", NodeTable);
declare global {
  interface HTMLElementTagNameMap { "ech-node-table": NodeTable }
}
