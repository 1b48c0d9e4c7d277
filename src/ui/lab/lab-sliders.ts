/**
 * The lab's sliders: ranges a trainer can sweep without leaving the textbook's assumptions
 * (normal demand with CV ≤ 0.5 is rarely truncated at 0; ρ < 1 is the format's range).
 */
import type { PoolingInputs } from "../../sim/optimize/risk-pooling/index.ts";

/** What the sliders hold; the model's inputs follow from it (sd = CV × mean). */
export interface LabSettings {
  readonly stores: number;
  readonly mean: number;
  readonly cv: number;
  readonly rho: number;
  readonly leadTime: number;
  readonly service: number;
}

export type SettingKey = keyof LabSettings;

export interface SliderSpec {
  readonly key: SettingKey;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly format: (value: number, settings: LabSettings) => string;
}

/** Holding cost per unit per day: the same for own and pooled stock, so cost is proportional to stock. */
export const LAB_HOLDING_COST = 0.1;

export const DEFAULT_SETTINGS: LabSettings = { stores: 4, mean: 100, cv: 0.3, rho: 0, leadTime: 4, service: 0.95 };

const whole = (v: number) => Math.round(v).toLocaleString("en-US");

export const SLIDERS: readonly SliderSpec[] = [
  { key: "stores", label: "Stores", min: 1, max: 16, step: 1, format: (v) => `${v}` },
  { key: "mean", label: "Demand per store", min: 10, max: 500, step: 10, format: (v) => `${whole(v)} a day` },
  { key: "cv", label: "Variability (CV)", min: 0.05, max: 0.5, step: 0.05, format: (v, s) => `${v.toFixed(2)}, σ = ${whole(v * s.mean)}` },
  { key: "rho", label: "Correlation ρ", min: 0, max: 0.95, step: 0.05, format: (v) => v.toFixed(2) },
  { key: "leadTime", label: "Lead time", min: 1, max: 14, step: 1, format: (v) => `${v} day${v === 1 ? "" : "s"}` },
  { key: "service", label: "Service target", min: 0.8, max: 0.995, step: 0.005, format: (v) => `${(v * 100).toFixed(1)}% of days` },
];

export function poolingInputs(s: LabSettings): PoolingInputs {
  return { stores: s.stores, mean: s.mean, sd: s.cv * s.mean, rho: s.rho, leadTime: s.leadTime, service: s.service, holdingCost: LAB_HOLDING_COST };
}
