/**
 * The lab's address, `#lab`: a trainer can open it directly or from the workbench's header. The
 * lab covers the whole window above the workbench, which stays mounted underneath (inert, so
 * keyboard and screen readers see only the lab) and keeps its state for the way back.
 */
import { getSimClient } from "../app/views.ts";

export const LAB_HASH = "#lab";

export function isLabHash(hash: string): boolean {
  return hash === LAB_HASH;
}

let lab: HTMLElement | undefined;
/** The workbench's title, put back when the lab closes. */
let workbenchTitle = "";

async function show(): Promise<void> {
  if (lab) return;
  await import("./risk-pooling-lab.ts");
  if (lab || !isLabHash(location.hash)) return;
  const el = document.createElement("ech-risk-pooling-lab");
  el.classList.add("lab-page");
  Object.assign(el.style, { position: "fixed", inset: "0", zIndex: "1000" });
  lab = el;
  setWorkbenchInert(true);
  document.body.append(el);
  workbenchTitle = document.title;
  document.title = "Risk-pooling lab — Echelon";
  // Focus moves into the lab: the link that opened it is now inert.
  void el.updateComplete.then(() => el.shadowRoot?.querySelector<HTMLInputElement>("input")?.focus());
  try {
    el.client = await getSimClient();
  } catch {
    el.client = undefined;   // the lab says it shows theory only
  }
}

function hide(): void {
  if (!lab) return;
  lab.remove();
  lab = undefined;
  setWorkbenchInert(false);
  document.title = workbenchTitle;
}

function setWorkbenchInert(inert: boolean): void {
  for (const app of document.querySelectorAll("ech-app")) app.inert = inert;
}

/** Shows the lab while the address ends in #lab. */
export function routeLab(): void {
  const sync = () => (isLabHash(location.hash) ? void show() : hide());
  window.addEventListener("hashchange", sync);
  sync();
}
