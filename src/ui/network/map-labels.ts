/**
 * Which nodes of the map get a visible name: on a map, nodes crowd where people live (three
 * stores around New York), and names drawn over each other read as neither. Labels are placed
 * greedily, sources first (supplier, plant, dc, then store), each right of its mark, and a label
 * that would overlap one already placed, or run off the map, is left out; its node keeps its
 * name in the tooltip and accessible name. Pure: no DOM.
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
const RANK: Readonly<Record<string, number>> = { supplier: 0, plant: 1, dc: 2, store: 3 };

interface Box { x0: number; y0: number; x1: number; y1: number }
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The indices of the candidates whose label can be drawn without overlap inside a width × height map. */
export function placeLabels(candidates: readonly LabelCandidate[], width: number, height: number): Set<number> {
  const order = [...candidates].sort((a, b) => (RANK[a.kind] ?? 4) - (RANK[b.kind] ?? 4) || a.index - b.index);
  const placed: Box[] = [], shown = new Set<number>();
  for (const c of order) {
    const [x, y] = c.at;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const box = { x0: x + OFFSET - 2, y0: y - LABEL_HEIGHT / 2, x1: x + OFFSET + c.name.length * CHAR_WIDTH, y1: y + LABEL_HEIGHT / 2 };
    if (box.x0 < 0 || box.y0 < 0 || box.x1 > width || box.y1 > height) continue;
    if (placed.some((p) => overlaps(p, box))) continue;
    placed.push(box);
    shown.add(c.index);
  }
  return shown;
}
