/**
 * What the Optimise dialog shows and checks, as pure functions: the service-level field, the
 * preview rows (each optimised node's decision next to its current policy) and the variant's name.
 */
import { format } from "d3-format";
import type { Policy } from "../../sim/model/policy.ts";
import type { NodeSpec, Scenario } from "../../sim/model/scenario.ts";
import { orderUpToLevel } from "../../sim/model/policy.ts";
import { own } from "../../sim/model/dict.ts";
import type { AnalyticMethod, NodeOptimum, OptimizationResult } from "../../sim/optimize/index.ts";

export const SERVICE_LEVEL_MIN = 0.5;
export const SERVICE_LEVEL_MAX = 0.9999;

export const METHOD_LABELS: { readonly [m in AnalyticMethod]: string } = { "single-echelon": "single-echelon", gsm: "GSM" };

/** The service-level field: a number from 0.5 to 0.9999, or the message to show at the field. */
export function parseServiceLevel(text: string): { readonly value: number } | { readonly error: string } {
  const value = text.trim() === "" ? NaN : Number(text);
  if (Number.isFinite(value) && value >= SERVICE_LEVEL_MIN && value <= SERVICE_LEVEL_MAX) return { value };
  const got = text.trim() === "" ? "nothing" : `“${text.trim()}”`;
  return { error: `Service level must be a number from ${SERVICE_LEVEL_MIN} to ${SERVICE_LEVEL_MAX} (e.g. 0.95 for 95%), got ${got}` };
}

const oneDecimal = format(",.1f"), signedOneDecimal = format("+,.1f");

/** Units in the preview, one decimal so the columns line up: 2,140.2. */
export const formatUnits = (v: number): string => oneDecimal(Math.abs(v) < 0.05 ? 0 : v);
/** A change in units with its sign: +246.3, −4.4, and 0.0 for no change. */
export const formatChange = (v: number): string => (Math.abs(v) < 0.05 ? "0.0" : signedOneDecimal(v));

/** 0.95 → "95%", 0.975 → "97.5%", 0.9999 → "99.99%". */
export function percentLabel(serviceLevel: number): string {
  return `${Number((serviceLevel * 100).toFixed(2))}%`;
}

/** "<name> (GSM 95%)" or "<name> (single-echelon 95%)". */
export function variantName(name: string, method: AnalyticMethod, serviceLevel: number): string {
  return `${name} (${METHOD_LABELS[method]} ${percentLabel(serviceLevel)})`;
}

/** One optimised (node, product): its decision, the holding cost of its safety stock, and its policy today. */
export interface OptimizeRow {
  readonly id: string;
  readonly name: string;
  /** The product id when the scenario has several; undefined otherwise. */
  readonly product: string | undefined;
  readonly decision: NodeOptimum;
  /** holdingCost × safety stock, per day. */
  readonly safetyStockCost: number;
  readonly current: Policy | undefined;
  /** The current policy's order-up-to level (S, or s + Q for sQ). */
  readonly currentLevel: number | undefined;
}

const isPolicy = (p: unknown): p is Policy => typeof (p as { type?: unknown })?.type === "string";
const isDecision = (d: unknown): d is NodeOptimum => typeof (d as { baseStock?: unknown })?.baseStock === "number";

function perProduct<T>(value: T | { readonly [product: string]: T } | undefined, product: string | undefined, isOne: (v: unknown) => boolean): T | undefined {
  if (value === undefined || isOne(value)) return value as T | undefined;
  return product === undefined ? undefined : (value as { readonly [product: string]: T })[product];
}

function row(node: NodeSpec | undefined, id: string, product: string | undefined, decision: NodeOptimum): OptimizeRow {
  const current = perProduct<Policy>(node?.policy, product, isPolicy);
  const holdingCost = perProduct<number>(node?.holdingCost, product, (v) => typeof v === "number") ?? 0;
  return {
    id, name: node?.name ?? id, product, decision,
    safetyStockCost: holdingCost * decision.safetyStock,
    current, currentLevel: current ? orderUpToLevel(current) : undefined,
  };
}

/** The preview rows in the scenario's node order (then product order, with several products). */
export function optimizeRows(scenario: Scenario, result: OptimizationResult): OptimizeRow[] {
  return scenario.nodes.flatMap((node) => {
    const d = own(result.nodes, node.id);
    if (d === undefined) return [];
    if (isDecision(d)) return [row(node, node.id, undefined, d)];
    return Object.entries(d).map(([product, one]) => row(node, node.id, product, one));
  });
}

/** A policy in a few words: "base-stock 444", "sS 20/80", "sQ 20 + 50", with "every 7 days" when not daily. */
export function describePolicy(p: Policy | undefined, fmt: (v: number) => string): string {
  if (!p) return "none";
  const review = p.review !== undefined && p.review !== 1 ? `, every ${p.review} days` : "";
  switch (p.type) {
    case "base-stock": return `base-stock ${fmt(p.level)}${review}`;
    case "echelon-base-stock": return `echelon base-stock ${fmt(p.level)}${review}`;
    case "sS": return `sS ${fmt(p.s)}/${fmt(p.S)}${review}`;
    case "sQ": return `sQ ${fmt(p.s)} + ${fmt(p.Q)}${review}`;
  }
}
