/**
 * `echelon-base-stock` (Clark–Scarf): order up to `level` on the echelon inventory position,
 * i.e. max(0, S − echelon P). The caller passes the echelon position (inventory/position.ts).
 */
export function echelonBaseStockOrder(echelonPosition: number, level: number): number {
  const q = level - echelonPosition;
  return q > 0 ? q : 0;
}
