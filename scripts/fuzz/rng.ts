/**
 * The campaign's own seeded generator: sfc32 keyed by (seed, case number), so case K is the same
 * mutant on every machine and every day, whatever happens to the engine's random module.
 */
export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
  /** A whole number 0 … n − 1. */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Log-uniform whole number in [lo, hi]. */
  logInt(lo: number, hi: number): number;
}

/** FNV-1a of a string, for mixing the seed. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function createRng(seed: number, caseNumber: number): Rng {
  let a = fnv(`fuzz:${seed}`), b = fnv(`case:${caseNumber}`), c = (caseNumber * 0x9e3779b9) >>> 0, d = 1;
  const u32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 16; i++) u32();
  const next = () => u32() / 4294967296;
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[int(items.length)],
    logInt: (lo, hi) => Math.min(hi, Math.floor(Math.exp(Math.log(lo) + next() * (Math.log(hi + 1) - Math.log(lo))))),
  };
}
