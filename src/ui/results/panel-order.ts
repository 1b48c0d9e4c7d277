/**
 * The order a planner gave a page's panels (Move up / Move down), remembered in localStorage
 * beside the folded panels. Panels are named by their heading's id; a panel the saved order does
 * not know (a new one, or one of a scenario with disruptions) keeps its default place after the
 * panel it follows by default.
 */

/** `ids` (the default order) arranged as `saved` says. */
export function arrangePanels(ids: readonly string[], saved: readonly string[]): string[] {
  const known = new Set(ids);
  const out = saved.filter((id, i) => known.has(id) && saved.indexOf(id) === i);
  ids.forEach((id, i) => {
    if (out.includes(id)) return;
    const before = ids.slice(0, i).reverse().find((p) => out.includes(p));
    out.splice(before === undefined ? 0 : out.indexOf(before) + 1, 0, id);
  });
  return out;
}

/**
 * `order` with `id` swapped with its nearest neighbour in `shown` (the panels on screen) above
 * (`step` −1) or below (+1); unchanged at either end.
 */
export function movePanel(order: readonly string[], id: string, step: -1 | 1, shown: ReadonlySet<string>): string[] {
  const out = [...order], from = out.indexOf(id);
  if (from < 0) return out;
  let to = from + step;
  while (to >= 0 && to < out.length && !shown.has(out[to])) to += step;
  if (to < 0 || to >= out.length) return out;
  [out[from], out[to]] = [out[to], out[from]];
  return out;
}

/** The panel ids saved under `key`, an order or the folded ones (none where storage is refused, absent or garbled). */
export function readPanelIds(key: string): string[] {
  try {
    const v: unknown = JSON.parse(globalThis.localStorage?.getItem(key) ?? "[]");
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch { return []; }
}

export function writePanelIds(key: string, ids: Iterable<string>): void {
  try { globalThis.localStorage?.setItem(key, JSON.stringify([...ids])); } catch { /* storage refused: the choice lasts this page */ }
}
