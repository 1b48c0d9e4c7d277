// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import "../../../src/ui/optimize/optimize-dialog.ts";
import type { OptimizeCreate, OptimizeDialog } from "../../../src/ui/optimize/optimize-dialog.ts";
import { normalQuantile } from "../../../src/sim/math/normal.ts";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { scenario as twoStores } from "../fixtures.ts";

// Poisson demand, so the optimiser's σ² equals the mean exactly; constant lead times, so lead-time
// variability adds nothing. The DC's stock costs as much as the stores': GSM then has the DC quote
// its whole 5-day lead time (τ = 0) and the stores cover 7 and 8 days.
const base = twoStores({
  demand: [{ node: "s1", dist: { type: "poisson", mean: 20 } }, { node: "s2", dist: { type: "poisson", mean: 10 } }],
});
const scenario: Scenario = { ...base, nodes: base.nodes.map((n) => (n.id === "dc" ? { ...n, holdingCost: 0.2 } : n)) };
const z = normalQuantile(0.95);
/** Units as the preview prints them (one decimal; every value here is below 1,000). */
const u = (v: number) => v.toFixed(1).replace("-", "−");

async function mount(s: Scenario = scenario) {
  const el = document.createElement("ech-optimize-dialog") as OptimizeDialog;
  el.scenario = s;
  document.body.replaceChildren(el);
  await el.updateComplete;
  return el;
}
const $ = <T extends Element>(el: OptimizeDialog, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
/** The body rows: id → the cells after the name (promises, τ, safety stock, cost/day, base stock, current, change). */
const rows = (el: OptimizeDialog) => new Map([...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>("tbody tr")]
  .map((tr) => [tr.dataset.id!, [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim())]));
async function type(el: OptimizeDialog, text: string) {
  const input = $<HTMLInputElement>(el, "#opt-level");
  input.value = text;
  input.dispatchEvent(new Event("input"));
  await el.updateComplete;
}

afterEach(() => document.body.replaceChildren());

describe("<ech-optimize-dialog>", () => {
  it("is a dialog labelled by its title, defaulting to GSM at 0.95 with lead-time variability", async () => {
    const el = await mount();
    const dialog = $<HTMLDialogElement>(el, "dialog");
    expect($(el, `#${dialog.getAttribute("aria-labelledby")}`).textContent).toBe("Optimise safety stock");
    expect($<HTMLInputElement>(el, 'input[value="gsm"]').checked).toBe(true);
    expect($<HTMLInputElement>(el, "#opt-level").value).toBe("0.95");
    expect($<HTMLInputElement>(el, 'input[type="checkbox"]').checked).toBe(true);
    expect($(el, `#${$(el, 'input[type="checkbox"]').getAttribute("aria-describedby")}`).textContent).toContain("random lead times are under-protected");
  });

  it("previews GSM: the DC quotes its 5-day lead time and holds no safety stock, the stores cover 7 and 8 days", async () => {
    const el = await mount();
    const ss1 = z * Math.sqrt(20 * 7), ss2 = z * Math.sqrt(10 * 8);
    expect(rows(el)).toEqual(new Map([
      ["dc", ["5", "0", "0.0", "0.00", "0.0", "base-stock 300", "−300.0"]],
      ["s1", ["0", "7", u(ss1), (0.2 * ss1).toFixed(2), u(20 * 7 + ss1), "base-stock 60", `+${u(20 * 7 + ss1 - 60)}`]],
      ["s2", ["0", "8", u(ss2), (0.2 * ss2).toFixed(2), u(10 * 8 + ss2), "sS 20/80", `+${u(10 * 8 + ss2 - 80)}`]],
    ]));
    const foot = [...el.shadowRoot!.querySelectorAll("tfoot td")].map((td) => td.textContent!.trim());
    const newTotal = 20 * 7 + 10 * 8 + ss1 + ss2;
    expect(foot).toEqual(["", "", u(ss1 + ss2), (0.2 * (ss1 + ss2)).toFixed(2), u(newTotal), "440.0", u(newTotal - 440)]);
    expect($(el, ".summary").textContent!.replace(/\s+/g, " ")).toBe(`Safety stock ${u(ss1 + ss2)} units, holding cost ${(0.2 * (ss1 + ss2)).toFixed(2)} per day.`);
  });

  it("recomputes the preview when the method and the service level change", async () => {
    const el = await mount();
    const single = $<HTMLInputElement>(el, 'input[value="single-echelon"]');
    single.checked = true;
    single.dispatchEvent(new Event("change"));
    await el.updateComplete;
    const z99 = normalQuantile(0.99);
    await type(el, "0.99");
    const r = rows(el);
    expect(r.get("dc")!.slice(0, 3)).toEqual(["0", "5", u(z99 * Math.sqrt(30 * 5))]);
    expect(r.get("s1")!.slice(0, 3)).toEqual(["0", "2", u(z99 * Math.sqrt(20 * 2))]);
    expect($(el, "h3").textContent).toContain("at 99% (z = 2.326)");
  });

  for (const text of ["1", "0.4", "abc", ""]) {
    it(`refuses service level ${JSON.stringify(text)} with a message at the field and no preview`, async () => {
      const el = await mount();
      await type(el, text);
      const input = $<HTMLInputElement>(el, "#opt-level");
      expect(input.getAttribute("aria-invalid")).toBe("true");
      expect($(el, `#${input.getAttribute("aria-describedby")}`).textContent).toBe(
        `Service level must be a number from 0.5 to 0.9999 (e.g. 0.95 for 95%), got ${text === "" ? "nothing" : `“${text}”`}`);
      expect(el.shadowRoot!.querySelector("table")).toBeNull();
      expect($<HTMLButtonElement>(el, 'button[type="submit"]').disabled).toBe(true);
    });
  }

  it("accepts the ends of the range, 0.5 and 0.9999", async () => {
    const el = await mount();
    for (const text of ["0.5", "0.9999"]) {
      await type(el, text);
      expect($<HTMLInputElement>(el, "#opt-level").getAttribute("aria-invalid")).toBe("false");
      expect($<HTMLButtonElement>(el, 'button[type="submit"]').disabled).toBe(false);
    }
  });

  it("Create variant emits the optimised scenario named '<name> (GSM 95%)' and closes", async () => {
    const el = await mount();
    const events: string[] = [];
    let created: OptimizeCreate | undefined;
    el.addEventListener("ech-optimize-create", (e) => { created = (e as CustomEvent<OptimizeCreate>).detail; events.push(e.type); });
    el.addEventListener("ech-optimize-close", (e) => events.push(e.type));
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    expect(events).toEqual(["ech-optimize-create", "ech-optimize-close"]);
    expect(created!.name).toBe("Two stores (GSM 95%)");
    expect(created!.scenario.nodes.map((n) => n.policy)).toEqual([
      undefined, { type: "base-stock", level: 0 },
      { type: "base-stock", level: 20 * 7 + z * Math.sqrt(20 * 7) }, { type: "base-stock", level: 10 * 8 + z * Math.sqrt(10 * 8) },
    ]);
    expect(el.scenario).toBeUndefined();
  });

  it("closes on Escape (the dialog's cancel) without creating anything", async () => {
    const el = await mount();
    const events: string[] = [];
    for (const t of ["ech-optimize-create", "ech-optimize-close"]) el.addEventListener(t, (e) => events.push(e.type));
    $(el, "dialog").dispatchEvent(new Event("cancel"));
    expect(events).toEqual(["ech-optimize-close"]);
  });

  it("says so, and offers nothing to create, when no node has stock to optimise", async () => {
    const el = await mount({ ...scenario, nodes: [{ id: "sup", kind: "supplier" }], lanes: [], demand: [] });
    expect($(el, '[role="alert"]').textContent).toContain("no stocking node");
    expect($<HTMLButtonElement>(el, 'button[type="submit"]').disabled).toBe(true);
  });
});
