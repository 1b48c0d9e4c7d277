/** Small text helpers shared by the workbench elements. */
import { format } from "d3-format";

const compact = format(",.4~r");
const scientific = format(".2~e");

/**
 * A number for display: thousands separated, at most four significant digits. Floating-point
 * residue (|value| < 1e-9, e.g. 1e-13 units left after proportional allocation) shows as 0, and
 * other tiny values in scientific notation rather than a long run of zeros.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  if (size < 1e-9) return "0";
  return size < 1e-3 ? scientific(value) : compact(value);
}

/**
 * `text` cut to at most `max` characters with an ellipsis (for labels; the full text goes in a
 * title). It cuts between words when it can, so the visible words stay words of the full name
 * (assistive technology matches a control's visible text against its accessible name).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(1, max - 1));
  const space = cut.lastIndexOf(" ");
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}

/** A debounced call: `fn` runs `ms` after the last call; `flush()` runs a pending call now. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | undefined;
  const call = (...args: A) => {
    pending = args;
    clearTimeout(timer);
    timer = setTimeout(call.flush, ms);
  };
  call.flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const args = pending;
    pending = undefined;
    if (args) fn(...args);
  };
  call.cancel = () => { clearTimeout(timer); pending = undefined; };
  return call;
}
