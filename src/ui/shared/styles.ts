/**
 * Shared look: colours are CSS custom properties set once on :root (in
 * `src/ui/shared/theme.css`, imported by src/main.ts); components read them through `var()`.
 */
import { css } from "lit";

/** Form controls, buttons and focus rings shared by every element. */
export const controlStyles = css`
  :host { font: inherit; color: var(--ech-text); }
  button, input, select, textarea { font: inherit; color: inherit; }
  button {
    border: 1px solid var(--ech-border); background: var(--ech-surface); border-radius: 4px;
    padding: 0.25rem 0.6rem; cursor: pointer;
  }
  button:hover { background: var(--ech-hover); }
  button.primary { background: var(--ech-accent); border-color: var(--ech-accent); color: var(--ech-on-accent); }
  button.link { border: none; background: none; padding: 0; color: var(--ech-link); text-decoration: underline; }
  button:disabled { opacity: 0.5; cursor: default; }
  input, select, textarea {
    border: 1px solid var(--ech-border); border-radius: 4px; padding: 0.2rem 0.4rem; background: var(--ech-surface);
    min-width: 0;
  }
  input[aria-invalid="true"], select[aria-invalid="true"] { border-color: var(--ech-error); box-shadow: 0 0 0 1px var(--ech-error); }
  :focus-visible { outline: 2px solid var(--ech-focus); outline-offset: 2px; }
  .issue { color: var(--ech-error); font-size: 0.85em; margin: 0.15rem 0 0; }
  .muted { color: var(--ech-muted); }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
