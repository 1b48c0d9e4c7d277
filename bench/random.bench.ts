// Speed of the randomness layer: generators, reseeding, normals, samplers and quantiles.
//   npx tsx bench/random.bench.ts            (all cases)
//   npx tsx bench/random.bench.ts quantile   (only the cases whose name contains "quantile")
// Prints millions of operations per second, the median of 7 timed rounds after a warm-up. Each
// case runs in a fresh child process: in one process, V8's call-site feedback from earlier
// cases slows later ones by up to 5×, which would make the figures depend on their order.
// Compares our sfc32 stream with a xoshiro128** stream written the same way (Int32Array state)
// and with seedrandom's xor4096 and tychei (the generators STYLE.md suggests), so the choice in
// docs/randomness.md can be re-checked on any machine.
import { spawnSync } from "node:child_process";
import seedrandom from "seedrandom";
import type { Distribution } from "../src/sim/model/distribution.ts";
import { normalCdf, normalQuantile } from "../src/sim/math/index.ts";
import { createDemandSampler, createLeadTimeSampler, createStream, hashKey } from "../src/sim/random/index.ts";
import { kn, wn } from "../src/sim/random/ziggurat.ts";

const INV32 = 2.3283064365386963e-10;

/** xoshiro128** (Blackman & Vigna), state in an Int32Array, seeded like our sfc32 stream. */
class Xoshiro128 {
  private readonly s = new Int32Array(4);
  reseed(a: number, b: number, c: number) {
    const s = this.s;
    s[0] = a ^ 0x243f6a88; s[1] = b ^ 0x85a308d3; s[2] = c ^ 0x13198a2e; s[3] = 0x03707344;
    for (let i = 0; i < 16; i++) this.next();
  }
  next(): number {
    const s = this.s, s1 = s[1], m = Math.imul(s1, 5), r = Math.imul((m << 7) | (m >>> 25), 9), t = s1 << 9;
    s[2] ^= s[0]; s[3] ^= s1; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = (s[3] << 11) | (s[3] >>> 21);
    return r;
  }
  uniform() { return (this.next() >>> 0) * INV32; }
  /** The ziggurat's fast path only (98.8% of draws): enough to compare generators under it. */
  normal() { const hz = this.next(), iz = hz & 127, j = hz >> 7; return Math.abs(j) < kn[iz] ? j * wn[iz] : 0; }
}

type Body = (n: number) => number;
const cases: { label: string; ops: number; make: () => Body }[] = [];
/** Registers a case; `make` builds its loop only in the child process that times it. */
const add = (label: string, ops: number, make: () => Body) => { cases.push({ label, ops, make }); };
const u01 = (s: { uniform(): number }) => s.uniform() * 0.999998 + 1e-6;

function stream() { const s = createStream(); s.reseed(hashKey(1), 0, hashKey("demand:a")); return s; }
function xoshiro() { const x = new Xoshiro128(); x.reseed(1, 0, 2); return x; }

add("generator uniform   sfc32 (ours, Int32Array state)", 20e6, () => { const s = stream(); return (n) => { let a = 0; for (let i = 0; i < n; i++) a += s.uniform(); return a; }; });
add("generator uniform   xoshiro128** (Int32Array state)", 20e6, () => { const s = xoshiro(); return (n) => { let a = 0; for (let i = 0; i < n; i++) a += s.uniform(); return a; }; });
add("generator uniform   seedrandom.xor4096", 20e6, () => { const g = seedrandom.xor4096("1:0:demand:a"); return (n) => { let a = 0; for (let i = 0; i < n; i++) a += g(); return a; }; });
add("generator uniform   seedrandom.tychei", 20e6, () => { const g = seedrandom.tychei("1:0:demand:a"); return (n) => { let a = 0; for (let i = 0; i < n; i++) a += g(); return a; }; });
add("generator normal    sfc32 + ziggurat (ours, complete)", 20e6, () => { const s = stream(); return (n) => { let a = 0; for (let i = 0; i < n; i++) a += s.normal(); return a; }; });
add("generator normal    xoshiro128** + ziggurat fast path", 20e6, () => { const s = xoshiro(); return (n) => { let a = 0; for (let i = 0; i < n; i++) a += s.normal(); return a; }; });
for (const name of ["xor4096", "tychei"] as const) {
  add(`generator normal    ${name} + ziggurat fast path`, 20e6, () => {
    const g = seedrandom[name]("1:0:demand:a");
    return (n) => { let a = 0; for (let i = 0; i < n; i++) { const hz = g.int32(), iz = hz & 127, j = hz >> 7; a += Math.abs(j) < kn[iz] ? j * wn[iz] : 0; } return a; };
  });
}
add("reseed    sfc32 (ours) + 1 draw", 5e6, () => { const s = stream(); return (n) => { let a = 0; for (let i = 0; i < n; i++) { s.reseed(7, i, 3); a += s.uniform(); } return a; }; });
add("reseed    xoshiro128** + 1 draw", 5e6, () => { const s = xoshiro(); return (n) => { let a = 0; for (let i = 0; i < n; i++) { s.reseed(7, i, 3); a += s.uniform(); } return a; }; });
add("reseed    seedrandom.xor4096(`seed:rep:source`) + 1 draw", 50_000, () => (n) => { let a = 0; for (let i = 0; i < n; i++) a += seedrandom.xor4096(`7:${i}:demand:a`)(); return a; });
add("reseed    seedrandom.tychei(`seed:rep:source`) + 1 draw", 500_000, () => (n) => { let a = 0; for (let i = 0; i < n; i++) a += seedrandom.tychei(`7:${i}:demand:a`)(); return a; });

const demand: [string, Distribution][] = [
  ["normal(20, 6)", { type: "normal", mean: 20, sd: 6 }],
  ["poisson(3.5)", { type: "poisson", mean: 3.5 }],
  ["poisson(40)", { type: "poisson", mean: 40 }],
  ["poisson(1000)", { type: "poisson", mean: 1000 }],
  ["gamma(10, 4)", { type: "gamma", mean: 10, sd: 4 }],
  ["gamma(1, 3)  (shape < 1)", { type: "gamma", mean: 1, sd: 3 }],
  ["negbin(5, 4)", { type: "negbin", mean: 5, sd: 4 }],
  ["negbin(50, 9)", { type: "negbin", mean: 50, sd: 9 }],
  ["uniform(0, 10)", { type: "uniform", min: 0, max: 10 }],
  ["discrete (5 values)", { type: "discrete", values: [1, 2, 3, 5, 8], probs: [0.1, 0.2, 0.4, 0.2, 0.1] }],
  ["empirical (365 values)", { type: "empirical", values: Array.from({ length: 365 }, (_, i) => (i * 37) % 50) }],
  ["intermittent(0.2, gamma(10, 4))", { type: "intermittent", probability: 0.2, size: { type: "gamma", mean: 10, sd: 4 } }],
];
for (const [name, d] of demand) {
  add(`sample    ${name}`, 2e6, () => { const s = stream(), sm = createDemandSampler(d); return (n) => { let a = 0; for (let i = 0; i < n; i++) a += sm.sample(s, 1); return a; }; });
}
for (const [name, d] of demand) {
  add(`sample    ${name}, new scale every draw`, 2e6, () => { const s = stream(), sm = createDemandSampler(d); return (n) => { let a = 0; for (let i = 0; i < n; i++) a += sm.sample(s, 1 + (i % 30) * 0.01); return a; }; });
}
add("sample    lead time uniform 2..5", 5e6, () => { const s = stream(), sm = createLeadTimeSampler({ type: "uniform", min: 2, max: 5 }); return (n) => { let a = 0; for (let i = 0; i < n; i++) a += sm.sample(s, 1); return a; }; });
add("sample    lead time normal(4, 1)", 5e6, () => { const s = stream(), sm = createLeadTimeSampler({ type: "normal", mean: 4, sd: 1 }); return (n) => { let a = 0; for (let i = 0; i < n; i++) a += sm.sample(s, 1); return a; }; });
for (const [name, d] of demand) {
  add(`quantile  ${name}`, 1e6, () => { const s = stream(), sm = createDemandSampler(d); return (n) => { let a = 0; for (let i = 0; i < n; i++) a += sm.quantile(u01(s), 1); return a; }; });
}
for (const [name, d] of demand) {
  add(`quantile  ${name}, new scale every draw`, 1e6, () => { const s = stream(), sm = createDemandSampler(d); return (n) => { let a = 0; for (let i = 0; i < n; i++) a += sm.quantile(u01(s), 1 + (i % 30) * 0.01); return a; }; });
}
add("maths     normalCdf", 5e6, () => { const s = stream(); return (n) => { let a = 0; for (let i = 0; i < n; i++) a += normalCdf(s.normal()); return a; }; });
add("maths     normalQuantile", 5e6, () => { const s = stream(); return (n) => { let a = 0; for (let i = 0; i < n; i++) a += normalQuantile(u01(s)); return a; }; });

/** Median ops/s over 7 rounds, after a warm-up round. */
function time(ops: number, body: Body): number {
  let sink = body(Math.min(ops, 200_000));
  const rates: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = process.hrtime.bigint();
    sink += body(ops);
    rates.push(ops / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  if (Number.isNaN(sink)) throw new Error("a benchmark produced NaN");
  return rates.sort((a, b) => a - b)[3];
}

const child = process.env.RANDOM_BENCH_CASE;
if (child !== undefined) {
  const c = cases[Number(child)];
  console.log(String(time(c.ops, c.make())));
} else {
  const filter = process.argv[2] ?? "";
  console.log(`# random.bench.ts — Node ${process.version}, M operations/s (median of 7), each case in its own process`);
  cases.forEach((c, i) => {
    if (!c.label.includes(filter)) return;
    const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1]], { env: { ...process.env, RANDOM_BENCH_CASE: String(i) }, encoding: "utf8" });
    const rate = Number(r.stdout.trim().split("\n").pop());
    console.log(`${c.label.padEnd(58)} ${Number.isFinite(rate) ? (rate / 1e6).toFixed(1).padStart(8) : "  failed: " + r.stderr.slice(0, 200)}`);
  });
}
