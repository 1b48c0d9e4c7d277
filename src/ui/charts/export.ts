/**
 * Save charts without the network (through shared/download.ts: Blob + object URL, an <a download> click).
 * SVG exports serialize the chart's own <svg> (colours are attributes, so it stands alone);
 * PNG exports draw that SVG onto a canvas at 2× for sharp text.
 */
import { downloadBlob, downloadText } from "../shared/download.ts";

/** The first <svg> inside an element or its shadow root. */
export function findSvg(el: Element): SVGSVGElement | null {
  return el.shadowRoot?.querySelector("svg") ?? el.querySelector("svg");
}

/** Standalone SVG text: namespace, white background, lit's comment markers removed. */
export function serializeSvg(svgEl: SVGSVGElement): string {
  const copy = svgEl.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("style", "background:#fff;color:#333");
  copy.removeAttribute("tabindex");
  const text = new XMLSerializer().serializeToString(copy);
  return text.replace(/<!--[^]*?-->/g, "").replace(/currentColor/g, "#333");
}

export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("This browser cannot draw to a canvas");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Save the chart inside `el` as "svg" or "png". Throws if it holds no chart. */
export async function exportChart(el: Element, name: string, kind: "svg" | "png"): Promise<void> {
  const svgEl = findSvg(el);
  if (!svgEl) throw new Error(`No chart to export in ${name}`);
  const text = serializeSvg(svgEl);
  if (kind === "svg") return downloadText(text, `${name}.svg`, "image/svg+xml");
  const w = Number(svgEl.getAttribute("width")) || 640, h = Number(svgEl.getAttribute("height")) || 300;
  downloadBlob(await svgToPng(text, w, h), `${name}.png`);
}
