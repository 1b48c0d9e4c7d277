/**
 * "Did you mean …?" for a misspelt id or key: the closest candidate by edit distance
 * (Levenshtein), if it is close enough to be a plausible typo, or else one that the word begins.
 */
import { quote } from "./issue.ts";

/**
 * Words and candidates longer than this get no suggestion: ids are at most 64 characters, and
 * the edit distance of two pasted megabyte-long strings would take hours.
 */
const MAX_WORD = 100;

/** The candidate nearest to `word`, or undefined if none is within a third of its length (at least 1, at most 3 edits). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > MAX_WORD) return undefined;
  const budget = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = budget + 1;
  let bestPrefix = -1;
  for (const c of candidates) {
    if (c.length > MAX_WORD || Math.abs(c.length - word.length) > bestDistance) continue;
    const d = editDistance(w, c.toLowerCase(), bestDistance + 1);
    // On a tie, prefer the candidate that shares the longer start: typos rarely hit the first letters.
    const prefix = d === bestDistance ? commonPrefix(w, c.toLowerCase()) : 0;
    if (d < bestDistance || (d === bestDistance && d <= budget && prefix > bestPrefix)) {
      [best, bestDistance, bestPrefix] = [c, d, commonPrefix(w, c.toLowerCase())];
    }
  }
  return best ?? shortestExtension(w, candidates);
}

/** A candidate that begins with `word` (3 letters or more): `"backorder"` → `"backorderPerUnitDay"`. */
function shortestExtension(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length < 3) return undefined;
  let best: string | undefined;
  for (const c of candidates) if (c.length <= MAX_WORD && c.toLowerCase().startsWith(word) && (best === undefined || c.length < best.length)) best = c;
  return best;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

/** `' (did you mean "dc-west"?)'` or `""`. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c === undefined ? "" : ` (did you mean ${quote(c)}?)`;
}

/** Levenshtein distance with one rolling row; gives up (returns `limit`) once every cell exceeds it. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + cost);
      rowMin = Math.min(rowMin, next[j]);
    }
    if (rowMin >= limit) return limit;
    row = next;
  }
  return row[b.length];
}
