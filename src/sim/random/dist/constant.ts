import type { ConstantDist } from "../../model/distribution.ts";
import type { DistSampler } from "../sampler.ts";
import { isFiniteNumber, need } from "./check.ts";

/** Always `value`; scaled: `value × scale`. mean = value, sd = 0. */
export function createConstant(d: ConstantDist): DistSampler {
  const v = d.value;
  need(isFiniteNumber(v), "constant.value", "must be a finite number", v);
  return {
    mean: v, sd: 0,
    sample: (_s, scale) => v * scale,
    quantile: (_u, scale) => v * scale,
    cdf: (x) => (x >= v ? 1 : 0),
  };
}
