import { css } from "lit";

/** Styles shared by every chart element. Colours are set as SVG attributes so exported SVG keeps them. */
export const chartStyles = css`
  /* min-width 0: in a grid or flex track the chart takes the track's width; by default the track
     would grow to the svg drawn at the previous (or first, 640 px) width, and clip the chart beside it. */
  :host { display: block; min-width: 0; color: #333; font: 12px system-ui, sans-serif; }
  svg { display: block; overflow: visible; max-width: 100%; }
  svg:focus-visible, [tabindex]:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
  .readout { min-height: 1.4em; margin: 2px 0 0; font-variant-numeric: tabular-nums; }
  details { margin-top: 4px; }
  table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
  th, td { padding: 1px 8px; text-align: right; border-bottom: 1px solid #eee; }
  th:first-child, td:first-child { text-align: left; }
  .empty { color: #666; font-style: italic; }
`;

export interface Margin { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number }
