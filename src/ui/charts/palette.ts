/** Colours shared by the charts (Tableau 10, readable on white, distinct for common colour-vision deficiencies). */
export const PALETTE = [
  "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
] as const;

export const COLORS = {
  onHand: "#4e79a7",
  backorders: "#e15759",
  fillRate: "#59a14f",
  marker: "#f28e2b",
} as const;
