// Overlap check of the Network tab's diagram, shared by the layout and assembly e2e tests.
import type { Page } from "playwright-core";

/**
 * Pairs of text and mark boxes of the Network tab's diagram that overlap ("recipe A × label B"):
 * node labels, recipe lines (assembly networks) and marks; a node's own boxes and two marks never count.
 */
export function overlaps(page: Page) {
  return page.locator("#panel-network ech-network-diagram svg[role=group]").evaluate((svg) => {
    type Box = { what: string; node: string; r: DOMRect };
    const boxes: Box[] = [];
    for (const g of svg.querySelectorAll("g.node")) {
      const node = g.getAttribute("data-id")!;
      boxes.push({ what: `label ${node}`, node, r: g.querySelector("text.label")!.getBoundingClientRect() });
      boxes.push({ what: `mark ${node}`, node, r: g.querySelector("circle.mark")!.getBoundingClientRect() });
    }
    for (const t of svg.querySelectorAll("text.recipe")) {
      const node = t.getAttribute("data-for")!;
      boxes.push({ what: `recipe ${node}`, node, r: t.getBoundingClientRect() });
    }
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.node === b.node || (a.what.startsWith("mark") && b.what.startsWith("mark"))) continue;
      if (hit(a.r, b.r)) out.push(`${a.what} × ${b.what}`);
    }
    return out;
  });
}
