/** `base-stock` (timeline.md "Policies"): order up to `level` on installation position P. */
export function baseStockOrder(position: number, level: number): number {
  const q = level - position;
  return q > 0 ? q : 0;
}
