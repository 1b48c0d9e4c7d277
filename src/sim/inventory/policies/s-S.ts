/** `sS` (min/max): if P <= s order S − P, else nothing. */
export function sSOrder(position: number, s: number, S: number): number {
  return position <= s ? S - position : 0;
}
