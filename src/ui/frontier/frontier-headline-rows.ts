/**
 * The trade-off curve's headline in words (frontier.ts `HeadlineRow`): at each headline fill rate,
 * the best multi-echelon plan's inventory value, node by node's, and the paired saving with its 95%
 * interval, against the node-by-node formula and against node by node calibrated by simulation.
 */
import { format } from "d3-format";
import type { HeadlineRow, Saving } from "../../sim/optimize/index.ts";
import { percentLabel } from "../optimize/optimize-rows.ts";
import { CURVE_LABELS } from "./frontier-series.ts";

const whole = format(",.0f");
const share = (x: number) => `${(x * 100).toFixed(1)}%`;

/** "17,992 [17,919, 18,065]": a saving in inventory value with its paired 95% interval. */
export const savingText = (s: Saving) => `${whole(s.mean)} [${whole(s.ci95[0])}, ${whole(s.ci95[1])}]`;

export interface HeadlineLine {
  /** "95%". */
  readonly fillRate: string;
  /** "Network optimiser", or "" when no multi-echelon curve reaches this fill rate. */
  readonly best: string;
  readonly bestValue: string;
  readonly nodeByNodeValue: string;
  /** Relative saving ("41.0%") and the paired saving with its interval, against node by node. */
  readonly saving: { readonly share: string; readonly value: string } | undefined;
  readonly calibratedValue: string;
  readonly calibratedSaving: { readonly share: string; readonly value: string } | undefined;
  /** The sentence a planner reads first. */
  readonly sentence: string;
}

export function headlineLine(h: HeadlineRow): HeadlineLine {
  const fillRate = percentLabel(h.fillRate);
  const best = h.best ? CURVE_LABELS[h.best.curve] : "";
  const saving = h.saving ? { share: share(h.saving.onHandValue.relative), value: savingText(h.saving.onHandValue) } : undefined;
  const c = h.calibratedNodeByNode, cs = c?.saving ? { share: share(c.saving.onHandValue.relative), value: savingText(c.saving.onHandValue) } : undefined;
  return {
    fillRate, best, saving, calibratedSaving: cs,
    bestValue: h.best ? whole(h.best.onHandValue.mean) : "–",
    nodeByNodeValue: h.nodeByNode ? whole(h.nodeByNode.onHandValue.mean) : "–",
    calibratedValue: c ? whole(c.onHandValue.mean) : "–",
    sentence: sentenceOf(fillRate, best, saving, cs, h.note),
  };
}

function sentenceOf(fill: string, best: string, s: HeadlineLine["saving"], cs: HeadlineLine["calibratedSaving"], note: string | undefined): string {
  if (!s) return `At ${fill} fill rate: no saving to show, ${note ?? "the curves do not reach it"}.`;
  const signed = (x: { share: string }) => (x.share.startsWith("-") ? `${x.share.slice(1)} more` : `${x.share} less`);
  // The brackets hold the saving itself, so a plan that needs more reads "saving −95 […]".
  const calibrated = cs ? `, and ${signed(cs)} than node by node calibrated by simulation (saving ${cs.value})` : "";
  return `At ${fill} fill rate the ${inSentence(best)}'s plan needs ${signed(s)} inventory value than node by node (saving ${s.value})${calibrated}.`;
}

/** A curve's label inside a sentence: "network optimiser", but an acronym stays "GSM". */
const inSentence = (label: string) => (/^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1));
