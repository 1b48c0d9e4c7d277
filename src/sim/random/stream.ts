import { fmix32 } from "./hash.ts";
import { fn as FN, kn as KN, wn as WN, ZIG_R as R } from "./ziggurat.ts";

// Module-private aliases of the ziggurat tables, which V8 folds into the code (docs/engine.md, "Why the hot loops look the way they do").
const kn = KN, wn = WN, fn = FN, ZIG_R = R;

export { hashKey } from "./hash.ts";

/** A fast seeded uniform/normal generator whose state lives in a typed array. */
export interface RandomStream {
  /** Re-seed in place (cheap: called ~50 times per replication, once per source). Derived from
   *  (seedKey, replication, sourceKey) only, so streams never depend on draw order elsewhere. */
  reseed(seedKey: number, replication: number, sourceKey: number): void;
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal (ziggurat or equally fast exact method). */
  normal(): number;
}

const INV32 = 2.3283064365386963e-10; // 2^-32

/**
 * Chris Doty-Humphrey's sfc32 ("small fast counting", PractRand): 128 bits of state, a 32-bit
 * counter that guarantees a period of at least 2^32 from any seed, passes PractRand and
 * BigCrush. Chosen over xoshiro128** and seedrandom's xor4096/tychei by bench/random.bench.ts
 * (docs/randomness.md gives the figures).
 */
class Sfc32Stream implements RandomStream {
  /** The state is s[o … o + 3]: its own array, or a slot of a pool shared by many streams. */
  constructor(private readonly s: Int32Array, private readonly o: number) {}

  reseed(seedKey: number, replication: number, sourceKey: number): void {
    // Each key passes through a bijective mixer chained on the previous word, so distinct
    // (seedKey, replication, sourceKey) always give distinct states, then 16 outputs are
    // discarded so that states differing in one word are decorrelated.
    const a = fmix32((seedKey ^ 0x243f6a88) >>> 0);
    const b = fmix32(((replication ^ a) + 0x85a308d3) >>> 0);
    const c = fmix32(((sourceKey ^ b) + 0x13198a2e) >>> 0);
    const s = this.s, o = this.o;
    s[o] = a; s[o + 1] = b; s[o + 2] = c; s[o + 3] = 1;
    for (let i = 0; i < 16; i++) this.next();
  }

  /** The next 32-bit output as a signed integer. */
  next(): number {
    return nextAt(this.s, this.o);
  }

  uniform(): number {
    return (nextAt(this.s, this.o) >>> 0) * INV32;
  }

  normal(): number {
    const hz = nextAt(this.s, this.o), iz = hz & 127, j = hz >> 7;
    return Math.abs(j) < kn[iz] ? j * wn[iz] : this.normalSlow(j, iz);
  }

  /** The ziggurat's wedges and tail (about 1.2% of draws). */
  normalSlow(j: number, iz: number): number {
    for (;;) {
      const x = j * wn[iz];
      if (iz === 0) {
        // Marsaglia's tail method: x = −ln(u1)/r, accepted when −2 ln(u2) > x².
        let xx: number, y: number;
        do {
          xx = -Math.log(1 - this.uniform()) / ZIG_R;
          y = -Math.log(1 - this.uniform());
        } while (y + y < xx * xx);
        return j > 0 ? ZIG_R + xx : -ZIG_R - xx;
      }
      if (fn[iz] + this.uniform() * (fn[iz - 1] - fn[iz]) < Math.exp(-0.5 * x * x)) return x;
      const hz = this.next();
      iz = hz & 127; j = hz >> 7;
      if (Math.abs(j) < kn[iz]) return j * wn[iz];
    }
  }
}

/** sfc32's step on the state s[o … o + 3]: the next 32-bit output as a signed integer. */
function nextAt(s: Int32Array, o: number): number {
  const a = s[o], b = s[o + 1], c = s[o + 2], d = s[o + 3];
  const t = (((a + b) | 0) + d) | 0;
  s[o + 3] = (d + 1) | 0;
  s[o] = b ^ (b >>> 9);
  s[o + 1] = (c + (c << 3)) | 0;
  s[o + 2] = (((c << 21) | (c >>> 11)) + t) | 0;
  return t;
}

/**
 * Streams whose states lie side by side in one array (stream k at states[4k … 4k + 3]), so a hot
 * loop draws from stream k with `uniformAt(pool.states, k)` / `normalAt(pool, k)` — the very draws
 * `pool.streams[k].uniform()` / `.normal()` give — without reaching each stream's object and its
 * own array first. The stream objects remain for the samplers, which take a RandomStream.
 */
export interface StreamPool {
  readonly states: Int32Array;
  readonly streams: readonly RandomStream[];
}

export function createStreamPool(n: number): StreamPool {
  const states = new Int32Array(4 * n);
  const streams = Array.from({ length: n }, (_, k) => {
    const s = new Sfc32Stream(states, 4 * k);
    s.reseed(0, 0, 0);
    return s;
  });
  return { states, streams };
}

/** Uniform on [0, 1) from the pool's stream k. */
export function uniformAt(states: Int32Array, k: number): number {
  return (nextAt(states, 4 * k) >>> 0) * INV32;
}

/** Standard normal from the pool's stream k. */
export function normalAt(pool: StreamPool, k: number): number {
  const hz = nextAt(pool.states, 4 * k), iz = hz & 127, j = hz >> 7;
  return Math.abs(j) < kn[iz] ? j * wn[iz] : (pool.streams[k] as Sfc32Stream).normalSlow(j, iz);
}

/**
 * The next `count` standard normals of the pool's stream k into out[at …]: the very values as
 * many calls of `normalAt(pool, k)` give, in order. The state stays in locals over the run (one
 * load and one store of it instead of one per draw); sfc32's step is written out as in `nextAt`.
 */
export function fillNormals(pool: StreamPool, k: number, out: Float64Array, at: number, count: number): void {
  const s = pool.states, o = 4 * k;
  let a = s[o], b = s[o + 1], c = s[o + 2], d = s[o + 3];
  for (let j = at, end = at + count; j < end; j++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0; a = b ^ (b >>> 9); b = (c + (c << 3)) | 0; c = (((c << 21) | (c >>> 11)) + t) | 0;
    const iz = t & 127, m = t >> 7;
    if (Math.abs(m) < kn[iz]) out[j] = m * wn[iz];
    else {   // the wedges and tail draw more from the stream: through its object, state stored and reloaded
      s[o] = a; s[o + 1] = b; s[o + 2] = c; s[o + 3] = d;
      out[j] = (pool.streams[k] as Sfc32Stream).normalSlow(m, iz);
      a = s[o]; b = s[o + 1]; c = s[o + 2]; d = s[o + 3];
    }
  }
  s[o] = a; s[o + 1] = b; s[o + 2] = c; s[o + 3] = d;
}

/**
 * The next `count` integers lo + ⌊u·n⌋ (u uniform on [0, 1) from stream k of the pool's
 * `states`) into out[at …]: the values of as many `lo + Math.floor(uniformAt(states, k) * n)`.
 */
export function fillUniformInts(states: Int32Array, k: number, out: Int32Array, at: number, count: number, lo: number, n: number): void {
  const o = 4 * k;
  let a = states[o], b = states[o + 1], c = states[o + 2], d = states[o + 3];
  for (let j = at, end = at + count; j < end; j++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0; a = b ^ (b >>> 9); b = (c + (c << 3)) | 0; c = (((c << 21) | (c >>> 11)) + t) | 0;
    out[j] = lo + Math.floor((t >>> 0) * INV32 * n);
  }
  states[o] = a; states[o + 1] = b; states[o + 2] = c; states[o + 3] = d;
}

/** A new stream, seeded with keys (0, 0, 0) until the first `reseed`. */
export function createStream(): RandomStream {
  const s = new Sfc32Stream(new Int32Array(4), 0);
  s.reseed(0, 0, 0);
  return s;
}
