import { css } from "lit";

/**
 * Projector-sized: the type scales with the window (about 19 px at 1280×720, 22 px at 1440×900)
 * and the page is one screen: a grid of the window's height that never scrolls.
 */
export const labStyles = css`
  :host {
    display: grid; box-sizing: border-box; height: 100vh; overflow: hidden;
    grid-template-columns: minmax(16em, 30%) 1fr;
    grid-template-rows: auto auto minmax(0, 1fr);
    grid-template-areas: "head head" "sliders results" "sliders chart";
    gap: 0.5em 1.5em; padding: 0.6em 1.2em 0.8em;
    font-size: min(1.55vw, 2.7vh); line-height: 1.3; background: var(--ech-bg);
  }
  header { grid-area: head; display: flex; align-items: baseline; gap: 1em; border-bottom: 2px solid var(--ech-border); padding-bottom: 0.3em; }
  h1 { font-size: 1.5em; margin: 0; white-space: nowrap; }
  .lead { margin: 0; flex: 1; color: var(--ech-muted); }
  .back { color: var(--ech-link); white-space: nowrap; }
  .sliders { grid-area: sliders; display: flex; flex-direction: column; gap: 0.8em; min-height: 0; }
  .slider { display: grid; grid-template-columns: 1fr auto; column-gap: 0.5em; }
  .slider label { font-weight: 600; }
  .slider output { font-variant-numeric: tabular-nums; color: var(--ech-accent); font-weight: 600; }
  .slider input { grid-column: 1 / -1; width: 100%; height: 1.4em; margin: 0.1em 0 0; accent-color: var(--ech-accent); padding: 0; border: none; background: none; }
  .note { font-size: 0.8em; color: var(--ech-muted); margin: 0.2em 0 0; }
  .results { grid-area: results; min-width: 0; }
  table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
  th, td { padding: 0.12em 0.5em; text-align: right; white-space: nowrap; }
  thead th { font-size: 0.95em; border-bottom: 2px solid var(--ech-border); }
  tbody th { text-align: left; font-weight: 600; border-bottom: 1px solid var(--ech-border); }
  tr.simulated td { border-bottom: 1px solid var(--ech-border); }
  tr.theory td:not(.kind) { font-size: 1.15em; font-weight: 600; }
  td.kind { text-align: left; font-weight: 400; font-size: 0.8em; color: var(--ech-muted); }
  tr.simulated td:not(.kind) { color: #8c1d18; }
  .ci { font-size: 0.8em; color: var(--ech-muted); }
  .pending { color: var(--ech-muted); font-style: italic; }
  .stale td, span.stale { opacity: 0.55; }
  .headline { font-size: 1.15em; margin: 0.35em 0 0; }
  .headline strong { color: var(--ech-accent); font-size: 1.2em; }
  .status { font-size: 0.8em; color: var(--ech-muted); margin: 0.1em 0 0; min-height: 1.3em; }
  .chart { grid-area: chart; margin: 0; min-height: 0; display: flex; flex-direction: column; }
  .chart svg { flex: 1; min-height: 0; width: 100%; color: var(--ech-text); }
  /* In the chart's viewBox units, so the labels grow with the page (CSS outranks the axes' font-size attribute). */
  .chart svg text { font-size: 15px; }
  figcaption { font-size: 0.85em; color: var(--ech-muted); }
  .key { white-space: nowrap; margin-left: 0.6em; }
  .key::before { content: ""; display: inline-block; width: 1.2em; height: 0.2em; vertical-align: middle; margin-right: 0.3em; background: var(--key); }
  .key.dot::before { width: 0.6em; height: 0.6em; border-radius: 50%; }
`;
