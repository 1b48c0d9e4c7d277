/**
 * The Clark–Scarf (1960) serial system, solved by the Chen–Zheng (1994) recursion as Snyder & Shen,
 * *Fundamentals of Supply Chain Theory* (2nd ed., 2019), §6.2 write it, with i.i.d. normal
 * per-period demand. Stage 1 faces the customers; stage N orders from an outside supplier.
 *
 *   C̲₀(x) = (p + h′₁)·x⁻,                      h′₁ = h₁ + … + h_N (stage 1's local holding cost)
 *   Ĉ_j(x) = h_j·x + C̲_{j−1}(x)
 *   C_j(y) = E[Ĉ_j(y − D_j)],                  D_j = demand over L_j periods ~ N(μL_j, σ²L_j)
 *   S*_j = argmin C_j,   C̲_j(x) = C_j(min{S_j, x})
 *
 * C_N(S_N) is the expected cost per period of the echelon base-stock levels S (optimal with S = S*):
 * echelon holding Σ h_j·(echelon inventory level j) plus (p + h′₁)·(stage-1 backorders), which
 * equals local holding on on-hand stock at every stage, plus local holding of the shipping stage on
 * every unit in transit between stages, plus p per backorder (docs/validation-of-results.md derives
 * this; it is Echelon's holding + pipeline + backorder cost).
 *
 * Numerics: every function lives on a grid of step δ. The expectation E[f(y − D)] is taken exactly
 * for the piecewise-linear interpolant of f (cell weights from Φ and φ), so the only errors are the
 * interpolation error O(δ²·f″) and the ±`tails` sd truncation of D. Beyond the grid the functions are
 * extended linearly, which is exact far enough out (every C_j is affine there). Pure, no engine code.
 */
import { normalCdf, normalPdf } from "../../../src/sim/math/normal.ts";

export interface SerialInstance {
  /** Echelon holding cost h_j per unit per period, stage 1 (downstream) first. */
  readonly echelonHolding: readonly number[];
  /** Lead time L_j (periods) into stage j, stage 1 first; the last is the outside supplier's. */
  readonly leadTimes: readonly number[];
  /** Cost p per unit backordered at stage 1 per period. */
  readonly stockoutCost: number;
  readonly demandMean: number;
  readonly demandSd: number;
}

export interface SerialSolution {
  /** Echelon base-stock levels, stage 1 first. */
  readonly levels: number[];
  /** Expected cost per period. */
  readonly cost: number;
}

/**
 * Snyder & Shen Example 6.1 (stockpyl `load_instance("example_6_1")`), stage 1 downstream:
 * demand N(5, 1) per period, lead times 1, 1, 2, echelon holding costs 3, 2, 2, stockout cost 37.12.
 */
export const EXAMPLE_6_1: SerialInstance = { echelonHolding: [3, 2, 2], leadTimes: [1, 1, 2], stockoutCost: 37.12, demandMean: 5, demandSd: 1 };

interface Grid { readonly lo: number; readonly step: number; readonly n: number }

/** Local holding costs h′_j = h_j + h_{j+1} + … + h_N, stage 1 first. */
export function localHolding(echelonHolding: readonly number[]): number[] {
  return echelonHolding.map((_, j) => echelonHolding.slice(j).reduce((a, b) => a + b, 0));
}

/** Optimal echelon base-stock levels and their cost (pass `levels` to evaluate given levels instead). */
export function clarkScarf(inst: SerialInstance, options: { levels?: readonly number[]; step?: number; tails?: number } = {}): SerialSolution {
  const step = options.step ?? 0.01, tails = options.tails ?? 10;
  const { demandMean: mu, demandSd: sigma } = inst;
  const totalL = inst.leadTimes.reduce((a, b) => a + b, 0);
  const span = mu * totalL + (tails + 2) * sigma * Math.sqrt(totalL);
  const grid: Grid = { lo: -Math.ceil((span + 10 * step) / step) * step, step, n: 2 * Math.ceil((span + 10 * step) / step) + 1 };
  const h = inst.echelonHolding;
  const pPlus = inst.stockoutCost + h.reduce((a, b) => a + b, 0);
  let under = Float64Array.from({ length: grid.n }, (_, i) => pPlus * Math.max(-(grid.lo + i * step), 0));
  const levels: number[] = [];
  let cost = NaN;
  for (let j = 0; j < h.length; j++) {
    const hat = under.map((v, i) => h[j] * (grid.lo + i * step) + v);
    const c = expectation(hat, grid, mu * inst.leadTimes[j], sigma * Math.sqrt(inst.leadTimes[j]), tails);
    const S = options.levels?.[j] ?? argmin(c, grid);
    const cS = interpolate(c, grid, S);
    levels.push(S);
    cost = cS;
    under = c.map((v, i) => (grid.lo + i * step <= S ? v : cS));
  }
  return { levels, cost };
}

/** E[f(y − D)] on the grid, D ~ N(m, s²), exact for the piecewise-linear interpolant of f. */
function expectation(f: Float64Array, grid: Grid, m: number, s: number, tails: number): Float64Array {
  const { step, n } = grid;
  const out = new Float64Array(n);
  if (s === 0) {
    for (let i = 0; i < n; i++) out[i] = at(f, grid, i - m / step);
    return out;
  }
  const k0 = Math.floor((m - tails * s) / step), k1 = Math.ceil((m + tails * s) / step);
  const w = new Float64Array(k1 - k0 + 1);
  let prevB = 0;
  for (let k = k0; k <= k1; k++) {
    // Cell [d_k, d_{k+1}]: A = P(D in cell), B = E[(D − d_k)/δ; D in cell].
    const a = (k * step - m) / s, b = ((k + 1) * step - m) / s;
    const A = k < k1 ? normalCdf(b) - normalCdf(a) : 0;
    const B = k < k1 ? ((m - k * step) * A + s * (normalPdf(a) - normalPdf(b))) / step : 0;
    w[k - k0] = A - B + prevB;
    prevB = B;
  }
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = k0; k <= k1; k++) sum += w[k - k0] * at(f, grid, i - k);
    out[i] = sum;
  }
  return out;
}

/** f at (possibly fractional or off-grid) index i: linear inside, linear extension outside. */
function at(f: Float64Array, grid: Grid, i: number): number {
  const n = grid.n;
  if (i <= 0) return f[0] + i * (f[1] - f[0]);
  if (i >= n - 1) return f[n - 1] + (i - n + 1) * (f[n - 1] - f[n - 2]);
  const i0 = Math.floor(i), t = i - i0;
  return t === 0 ? f[i0] : f[i0] + t * (f[i0 + 1] - f[i0]);
}

/** C at x by quadratic interpolation through the three nearest grid points. */
function interpolate(c: Float64Array, grid: Grid, x: number): number {
  const u = (x - grid.lo) / grid.step;
  const i = Math.min(Math.max(Math.round(u), 1), grid.n - 2), t = u - i;
  return c[i] + (t * (c[i + 1] - c[i - 1])) / 2 + (t * t * (c[i + 1] - 2 * c[i] + c[i - 1])) / 2;
}

/** The minimiser of C, refined by the parabola through the best grid point and its neighbours. */
function argmin(c: Float64Array, grid: Grid): number {
  let best = 1;
  for (let i = 1; i < grid.n - 1; i++) if (c[i] < c[best]) best = i;
  const curv = c[best + 1] - 2 * c[best] + c[best - 1];
  const t = curv > 0 ? (c[best - 1] - c[best + 1]) / (2 * curv) : 0;
  return grid.lo + (best + t) * grid.step;
}
