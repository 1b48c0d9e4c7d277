import { describe, expect, it } from "vitest";
import { normalQuantile } from "../../../src/sim/math/index.ts";
import { incompleteBeta, tQuantile } from "../../../src/sim/stats/student-t.ts";

/** P(Bin(n, x) ≥ k), summed term by term with log-factorials from a running sum of logs: no gamma function involved. */
function binomialUpperTail(n: number, k: number, x: number): number {
  const logFactorial = [0];
  for (let i = 1; i <= n; i++) logFactorial[i] = logFactorial[i - 1] + Math.log(i);
  let sum = 0;
  for (let j = k; j <= n; j++) sum += Math.exp(logFactorial[n] - logFactorial[j] - logFactorial[n - j] + j * Math.log(x) + (n - j) * Math.log1p(-x));
  return sum;
}

describe("incompleteBeta", () => {
  // For integers k ≤ n, I_x(k, n − k + 1) = P(Bin(n, x) ≥ k): an independent oracle on both sides of
  // (a + 1)/(a + b + 2), where the continued fraction switches to the symmetric form to converge.
  it("I_x(k, n − k + 1) equals the binomial upper tail P(Bin(n, x) ≥ k), for x either side of the switch", () => {
    for (const [n, k] of [[400, 120], [400, 300], [60, 30], [9, 2]]) {
      const a = k, b = n - k + 1, mode = (a + 1) / (a + b + 2);
      for (const x of [mode * 0.9, mode - 0.02, mode + 0.02, mode * 1.1, 0.5].filter((v) => v > 0 && v < 1)) {
        expect(Math.abs(incompleteBeta(x, a, b) - binomialUpperTail(n, k, x)), `n ${n} k ${k} x ${x}`).toBeLessThan(1e-10);
      }
    }
  });

  it("incompleteBeta is 0 below the unit interval and 1 above it", () => {
    expect(incompleteBeta(-0.5, 2, 3)).toBe(0);
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
    expect(incompleteBeta(1.5, 2, 3)).toBe(1);
  });
});

describe("tQuantile", () => {
  it("tQuantile(p, 1) is the Cauchy quantile tan(π(p − ½)) and tQuantile(p, 2) is (2p − 1)/√(2p(1 − p)), exactly", () => {
    for (const p of [0.6, 0.9, 0.975, 0.995]) {
      expect(tQuantile(p, 1)).toBe(Math.tan(Math.PI * (p - 0.5)));
      expect(tQuantile(p, 2)).toBe((2 * p - 1) / Math.sqrt(2 * p * (1 - p)));
    }
  });

  it("tQuantile at df = 10⁷ is the normal quantile plus the Cornish–Fisher term (z³ + z)/(4 df); beyond it, the normal quantile", () => {
    const z = normalQuantile(0.975), df = 1e7;
    // The solver inverts a CDF accurate to ~1e-10, so the quantile is good to 1e-10 / f(1.96) ≈ 1.7e-9
    // (f = 0.058, the density there); the next Cornish–Fisher term is O(1/df²) ≈ 1e-14. The first term is 2.4e-7.
    expect(Math.abs(tQuantile(0.975, df) - (z + (z ** 3 + z) / (4 * df)))).toBeLessThan(2e-9);
    expect(tQuantile(0.975, 2e7)).toBe(z);
  });
});
