/**
 * 32-bit keys for seeds and random-source ids. The engine hashes each id once (when it compiles
 * a scenario), so only reseeding with three integers happens per replication.
 */

/** murmur3's 32-bit finaliser: a bijection on 32-bit integers with full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * 32-bit key for a seed (number or string) or a source id such as "demand:store-1:sku1" or
 * "lead:plant>dc". Stable across platforms: strings are hashed with FNV-1a over their UTF-16
 * code units, then finalised with fmix32; integers in the safe range mix their high and low
 * 32-bit words. Any other number (a fraction, NaN, ±Infinity) is hashed as its decimal string,
 * which JavaScript prints identically everywhere. A number and its string (1 vs "1") give
 * different keys.
 */
export function hashKey(value: string | number): number {
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) return hashString(`#${String(value)}`);
    const lo = value >>> 0;                           // value mod 2^32 (also for negatives)
    const hi = Math.floor(value / 4294967296) | 0;    // the high word, two's complement
    return fmix32((fmix32(lo ^ 0x6a09e667) + Math.imul(hi, 0x9e3779b9)) ^ 0x3c6ef372);
  }
  return hashString(value);
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h ^ s.length);
}
