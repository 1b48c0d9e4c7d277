/**
 * Which nodes of the map get a visible name: on a map, nodes crowd where people live (three
 * stores around New York), and names drawn over each other read as neither. Labels are placed
 * greedily, sources first (supplier, plant, dc, then store), right of the mark or else left of it;
 * a label that would cover another label or mark, or run off the map, is left out, and its node
 * keeps its name in the tooltip and accessible name. Pure: no DOM.
 */

export interface LabelCandidate {
  readonly index: number;
  readonly kind: string;
  readonly name: string;
  /** The mark's position on screen. */
  readonly at: readonly [number, number] | readonly number[];
}

/** Width of one character of a 12 px label, a little over the average so that boxes err on the wide side. */
export const CHAR_WIDTH = 6.8;
const LABEL_HEIGHT = 14;
/** Gap between the mark's centre and its label. */
const OFFSET = 10;
/** Half the side of the box kept clear around every mark. */
const MARK_CLEARANCE = 7;
const RANK: Readonly<Record<string, number>> = { supplier: 0, plant: 1, dc: 2, store: 3 };

export type LabelSide = "right" | "left";
interface Box { x0: number; y0: number; x1: number; y1: number }
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * The side each labelled candidate's name goes on, right of its mark or else left of it; a
 * candidate left out of the map has no label. A label may cover neither another label nor
 * another node's mark.
 */
export function placeLabels(candidates: readonly LabelCandidate[], width: number, height: number): Map<number, LabelSide> {
  const finite = candidates.filter((c) => Number.isFinite(c.at[0]) && Number.isFinite(c.at[1]));
  const marks = finite.map((c) => ({ index: c.index, box: { x0: c.at[0] - MARK_CLEARANCE, y0: c.at[1] - MARK_CLEARANCE, x1: c.at[0] + MARK_CLEARANCE, y1: c.at[1] + MARK_CLEARANCE } }));
  const order = [...finite].sort((a, b) => (RANK[a.kind] ?? 4) - (RANK[b.kind] ?? 4) || a.index - b.index);
  const placed: Box[] = [], shown = new Map<number, LabelSide>();
  for (const c of order) {
    const [x, y] = c.at, w = c.name.length * CHAR_WIDTH;
    const sides: [LabelSide, Box][] = [
      ["right", { x0: x + OFFSET - 2, y0: y - LABEL_HEIGHT / 2, x1: x + OFFSET + w, y1: y + LABEL_HEIGHT / 2 }],
      ["left", { x0: x - OFFSET - w, y0: y - LABEL_HEIGHT / 2, x1: x - OFFSET + 2, y1: y + LABEL_HEIGHT / 2 }],
    ];
    const fit = sides.find(([, box]) => box.x0 >= 0 && box.y0 >= 0 && box.x1 <= width && box.y1 <= height
      && !placed.some((p) => overlaps(p, box)) && !marks.some((m) => m.index !== c.index && overlaps(m.box, box)));
    if (!fit) continue;
    placed.push(fit[1]);
    shown.set(c.index, fit[0]);
  }
  return shown;
}
