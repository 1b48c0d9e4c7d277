/**
 * Keeps Tab inside a modal dialog: a modal <dialog> makes the page inert, but Chromium still lets
 * Tab leave for the browser's own controls after the last control. Wrap from last to first (and
 * first to last with Shift) instead. Call from the dialog's keydown handler.
 */
export function wrapTab(e: KeyboardEvent, root: ShadowRoot | Element): void {
  if (e.key !== "Tab") return;
  const stops = [...root.querySelectorAll<HTMLElement>("input, select, button, summary, [tabindex='0']")]
    .filter((x) => !(x as HTMLButtonElement).disabled && !(x instanceof HTMLInputElement && x.type === "radio" && !x.checked));
  const first = stops[0], last = stops[stops.length - 1];
  const active = root instanceof ShadowRoot ? root.activeElement : document.activeElement;
  const to = e.shiftKey ? (active === first ? last : undefined) : (active === last ? first : undefined);
  if (!to) return;
  e.preventDefault();
  to.focus();
}
