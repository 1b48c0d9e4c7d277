/**
 * Tables for Marsaglia & Tsang's ziggurat ("The Ziggurat Method for Generating Random
 * Variables", J. Stat. Softw. 5(8), 2000), 128 layers, for the standard normal.
 *
 * One difference from the paper's RNOR: the layer index is the low 7 bits of the 32-bit draw
 * and the signed value is the remaining 25 bits (`hz >> 7`), so layer and value never share
 * bits. The paper reuses the low bits for both, which makes the value's low bits depend on the
 * layer (Doornik, "An Improved Ziggurat Method", 2005). The price is 24 bits of resolution
 * inside a layer (steps of about 2e-7 near 3.4), far finer than any demand or lead time needs.
 */
export const ZIG_R = 3.442619855899;          // start of the tail
const V = 9.91256303526217e-3;                // area of each layer
const M = 16777216;                           // 2^24: magnitude range of the 25-bit signed value

/** kn[i]: |value| below which layer i accepts at once; wn[i]: value → x; fn[i] = φ(x_i)·√(2π). */
export const kn = new Float64Array(128);
export const wn = new Float64Array(128);
export const fn = new Float64Array(128);

{
  let dn = ZIG_R, tn = dn;
  const q = V / Math.exp(-0.5 * dn * dn);
  kn[0] = Math.floor((dn / q) * M); kn[1] = 0;
  wn[0] = q / M; wn[127] = dn / M;
  fn[0] = 1; fn[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = Math.floor((dn / tn) * M);
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / M;
  }
}
