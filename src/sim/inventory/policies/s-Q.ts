/**
 * `sQ` (reorder point, batch Q): if P <= s, order n·Q with the smallest n such that
 * P + n·Q > s, i.e. n = floor((s − P) / Q) + 1.
 */
export function sQOrder(position: number, s: number, Q: number): number {
  if (position > s) return 0;
  return (Math.floor((s - position) / Q) + 1) * Q;
}
