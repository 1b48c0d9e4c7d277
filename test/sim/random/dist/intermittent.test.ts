import { describe, expect, it } from "vitest";
import { createDemandSampler } from "../../../../src/sim/random/sampler.ts";
import { createStream } from "../../../../src/sim/random/stream.ts";
import { draws, momentFailures, seeded, Z } from "../goodness-of-fit.ts";

const d = { type: "intermittent", probability: 0.3, size: { type: "gamma", mean: 10, sd: 5 } } as const;

describe("createIntermittent", () => {
  it("is 0 with probability 1 − p, else a size draw: mean pμ and variance p(σ² + μ²) − (pμ)²", () => {
    const sm = createDemandSampler(d), s = seeded(createStream(), 800), x = draws(200_000, () => sm.sample(s, 1));
    const zeros = x.filter((v) => v === 0).length / x.length;
    expect(Math.abs(zeros - 0.7)).toBeLessThan(Z * Math.sqrt((0.7 * 0.3) / x.length));
    expect(sm.mean).toBeCloseTo(3, 14);
    expect(sm.sd).toBeCloseTo(Math.sqrt(0.3 * (25 + 100) - 9), 14);
    expect(momentFailures(x, sm.mean, sm.sd)).toBe("");
  });

  it("scales the size and not the probability", () => {
    const sm = createDemandSampler(d), s = seeded(createStream(), 801), x = draws(200_000, () => sm.sample(s, 2));
    expect(momentFailures(x, 6, Math.sqrt(0.3 * (100 + 400) - 36))).toBe("");
  });

  it("quantile is 0 up to 1 − p and the size's quantile at (u − (1 − p))/p above", () => {
    const sm = createDemandSampler(d), size = createDemandSampler(d.size);
    expect(sm.quantile(0.5, 1)).toBe(0);
    expect(sm.quantile(0.7, 1)).toBe(0);
    expect(sm.quantile(0.85, 1)).toBeCloseTo(size.quantile(0.5, 1), 10);
    expect(sm.quantile(0.85, 3)).toBeCloseTo(size.quantile(0.5, 3), 10);
    expect(sm.cdf(sm.quantile(0.9, 1))).toBeCloseTo(0.9, 12);
  });

  it("rejects a probability outside [0, 1], naming the field", () => {
    expect(() => createDemandSampler({ ...d, probability: 1.5 })).toThrow(/intermittent\.probability/);
  });
});
