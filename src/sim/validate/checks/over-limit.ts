/**
 * A count over its limit and the limit, as an "over the limit" message prints them: in scientific
 * notation at one precision, `digits` after the point, or more where fewer would round the two to
 * the same text. At one digit 2^24 + 1 and 2^24 both read 1.7e7, and "1.7e7 … over the limit of
 * 1.7e7" would contradict itself; 17 significant digits tell any two doubles apart.
 */
const MOST_DIGITS = 16;

/** `x` in scientific notation with `digits` after the point, "e7" rather than "e+7" (schema/fields.ts writes limits so). */
export const scientific = (x: number, digits: number) => (Number.isFinite(x) ? x.toExponential(digits).replace("e+", "e") : String(x));

export function overLimit(value: number, limit: number, digits: number): { readonly value: string; readonly limit: string } {
  for (let d = digits; ; d++) {
    const texts = { value: scientific(value, d), limit: scientific(limit, d) };
    // NaN, or a count not above its limit, has no digits that tell the two apart: printed as asked.
    if (!(value > limit) || d >= MOST_DIGITS || Number(texts.value) > Number(texts.limit)) return texts;
  }
}
