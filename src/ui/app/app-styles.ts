/** Layout of the workbench: header, library sidebar, tabs, panels, toast and drop overlay. */
import { css } from "lit";

export const appStyles = css`
    :host { display: grid; grid-template-columns: 250px 1fr; grid-template-rows: auto 1fr; height: 100vh; overflow: hidden; }
    header { grid-column: 1 / -1; display: flex; align-items: center; gap: 1rem; padding: 0.45rem 1rem; background: var(--ech-header); color: var(--ech-on-header); }
    h1 { font-size: 1.15rem; margin: 0; letter-spacing: 0.02em; }
    .scenario-name { font-weight: 500; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; flex: 0 1 auto; }
    .save-state { font-size: 0.8em; opacity: 0.85; white-space: nowrap; }
    header .actions { margin-left: auto; display: flex; gap: 0.35rem; align-items: center; flex-wrap: wrap; justify-content: flex-end; }
    header button, header select { background: transparent; color: var(--ech-on-header); border-color: rgb(255 255 255 / 0.45); }
    header button:hover { background: rgb(255 255 255 / 0.12); }
    header select option { color: var(--ech-text); background: var(--ech-surface); }
    header .templates { display: flex; gap: 0.3rem; align-items: center; font-size: 0.9em; }
    /* the menu's longest option would otherwise set its width and push the header onto two lines at 1280 px */
    header .templates select { width: 6.5rem; }
    aside { background: var(--ech-surface); border-right: 1px solid var(--ech-border); overflow: hidden; display: flex; flex-direction: column; min-height: 0; }
    aside ech-library { flex: 1; min-height: 0; }
    main { display: flex; flex-direction: column; min-width: 0; min-height: 0; }
    .first-use { display: flex; gap: 0.75rem; align-items: center; justify-content: space-between; margin: 0; padding: 0.45rem 0.75rem; background: #eaf2fb; border-bottom: 1px solid var(--ech-border); }
    .first-use button { white-space: nowrap; }
    [role="tablist"] { display: flex; gap: 0.2rem; padding: 0.4rem 0.75rem 0; border-bottom: 1px solid var(--ech-border); background: var(--ech-surface); }
    [role="tab"] { border: 1px solid transparent; border-bottom: none; border-radius: 4px 4px 0 0; background: none; padding: 0.4rem 0.9rem; margin-bottom: -1px; }
    [role="tab"][aria-selected="true"] { border-color: var(--ech-border); background: var(--ech-bg); font-weight: 600; }
    .badge { display: inline-block; min-width: 1.3em; padding: 0 0.3em; border-radius: 0.65em; background: var(--ech-error); color: #fff; font-size: 0.8em; font-weight: 600; }
    /* position: relative keeps absolutely positioned descendants (visually hidden captions) inside the
       scrolling panel; without it they hang off the page and scroll header, tabs and library away. */
    .panel { flex: 1; min-height: 0; overflow: auto; position: relative; }
    .panel[hidden] { display: none; }
    .panel.network { overflow: hidden; }
    .network-view { display: grid; grid-template-columns: minmax(0, 1fr) clamp(360px, 32%, 520px); height: 100%; }
    .network-view ech-network-views { padding: 0.25rem 0.75rem 0.75rem; min-height: 0; }
    .network-view ech-scenario-editor { border-left: 1px solid var(--ech-border); background: var(--ech-surface); min-height: 0; }
    .panel > :not(.network-view) { display: block; padding: 0.75rem; }
    .placeholder { padding: 2rem; color: var(--ech-muted); }
    .toast { position: fixed; bottom: 1rem; left: 50%; transform: translateX(-50%); background: var(--ech-text); color: var(--ech-surface); padding: 0.5rem 0.75rem; border-radius: 6px; display: flex; gap: 0.6rem; align-items: center; box-shadow: 0 2px 10px rgb(0 0 0 / 0.25); z-index: 10; }
    .toast button { background: transparent; color: inherit; border-color: rgb(255 255 255 / 0.5); }
    .drop { position: fixed; inset: 0; display: grid; place-items: center; background: rgb(31 95 153 / 0.15); border: 4px dashed var(--ech-accent); font-size: 1.3rem; color: var(--ech-accent); pointer-events: none; z-index: 20; }
`;
