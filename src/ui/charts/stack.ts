/** One bar of a stacked bar chart: its label and a value per series key. */
export interface StackRow {
  readonly label: string;
  readonly values: { readonly [key: string]: number };
}

export interface StackSegment {
  readonly row: string;
  readonly key: string;
  readonly value: number;
  readonly x0: number;
  readonly x1: number;
}

/**
 * Segments of horizontal stacked bars, in `keys` order, starting at 0. Negative or missing values
 * count as 0 (costs are never negative). Pure: tested without DOM.
 */
export function stackSegments(rows: readonly StackRow[], keys: readonly string[]): StackSegment[][] {
  return rows.map((r) => {
    let x = 0;
    return keys.map((key) => {
      const v = r.values[key];
      const value = Number.isFinite(v) && v > 0 ? v : 0;
      const seg = { row: r.label, key, value, x0: x, x1: x + value };
      x += value;
      return seg;
    });
  });
}
