// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import "../../../src/ui/optimize/optimize-dialog.ts";
import type { OptimizeClient, OptimizeCreate, OptimizeDialog } from "../../../src/ui/optimize/optimize-dialog.ts";
import type { RunResult } from "../../../src/sim/model/result.ts";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { optimizeScenario, type OptimizationResult } from "../../../src/sim/optimize/index.ts";
import type { NetworkOptimizeOptions } from "../../../src/workers/client.ts";
import { scenario as twoStores, stat } from "../fixtures.ts";

const base = twoStores({ demand: [{ node: "s1", dist: { type: "poisson", mean: 20 } }, { node: "s2", dist: { type: "poisson", mean: 10 } }] });
const est = (mean: number, half: number) => ({ mean, ci95: [mean - half, mean + half] as [number, number] });

/** A network result as the search would return it: GSM's levels, a check whose interval falls short of 0.95 at its lower bound. */
function networkResult(): OptimizationResult {
  const r = optimizeScenario(base, { method: "gsm", serviceLevel: 0.95 });
  const four = { fillRate: est(0.951, 0.004), holdingCost: est(31.5, 0.3), totalCost: est(40.25, 0.5), onHandValue: est(900, 9) };
  return {
    ...r, method: "simulation",
    scenario: { ...r.scenario, name: "searched" },
    simulation: {
      targetFill: 0.95, fillRate: est(0.953, 0.003), reached: true, evaluations: 12, replicationsPerEvaluation: 30, search: "network", objective: "target-fill", startedFrom: "gsm",
      check: { seed: 8, replications: 50, ...four, targetMet: false, baseline: four, verdict: "The chosen levels hold less stock than the best start." },
    },
  };
}

/** A fake worker client: the test decides when a search ends; every call is recorded. */
function fakeClient() {
  const calls: { scenario: Scenario; opts: NetworkOptimizeOptions }[] = [], runs: { scenario: Scenario; seed: unknown; replications: unknown }[] = [];
  let finish: (() => void) | undefined;
  const client: OptimizeClient = {
    optimizeNetwork: (scenario, opts) => {
      calls.push({ scenario, opts });
      for (let i = 1; i <= 3; i++) opts.onProgress?.({ kind: "evaluation", evaluations: i, maxEvaluations: 300 });
      return new Promise((resolve, reject) => {
        opts.signal?.addEventListener("abort", () => reject(Object.assign(new Error("cancelled"), { name: "AbortError" })));
        finish = () => resolve(networkResult());
      });
    },
    run: async (scenario, opts) => {
      runs.push({ scenario, seed: opts.seed, replications: opts.replications });
      // s1 delivers far below any promise (optimistic), s2 and the DC above it.
      return {
        seed: opts.seed, replications: opts.replications,
        network: { fillRate: stat(0.9, 0.01), cycleServiceLevel: stat(0.85, 0.01) },
        nodes: { s1: { fillRate: stat(0.8, 0.01), cycleServiceLevel: stat(0.7, 0.02) }, s2: { fillRate: stat(0.999, 0.001), cycleServiceLevel: stat(0.99, 0.005) }, dc: { internalFillRate: stat(0.99, 0.005) } },
      } as unknown as RunResult;
    },
  };
  return { client, calls, runs, finish: () => finish?.() };
}

async function mount(client: OptimizeClient) {
  const el = document.createElement("ech-optimize-dialog") as OptimizeDialog;
  el.client = client;
  el.scenario = base;
  document.body.replaceChildren(el);
  await el.updateComplete;
  return el;
}
const $ = <T extends Element>(el: OptimizeDialog, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const text = (el: OptimizeDialog) => el.shadowRoot!.textContent!.replace(/\s+/g, " ");
const settle = async (el: OptimizeDialog) => { for (let i = 0; i < 5; i++) { await new Promise((r) => setTimeout(r, 0)); await el.updateComplete; } };
async function click(el: OptimizeDialog, sel: string) { $<HTMLElement>(el, sel).click(); await settle(el); }

afterEach(() => document.body.replaceChildren());

describe("<ech-optimize-dialog> network method", () => {
  it("runs the search through the client with progress, cancels it, then shows the levels and the check, saying the target is not met", async () => {
    const f = fakeClient(), el = await mount(f.client);
    await click(el, 'input[value="network"]');
    expect($<HTMLButtonElement>(el, "button.primary").disabled).toBe(true);
    await click(el, "button.run-search");
    expect(f.calls[0].opts).toMatchObject({ objective: "target-fill", targetFill: 0.95, search: { seed: 7, replications: 30 }, check: { seed: 8, replications: 50 } });
    expect($<HTMLProgressElement>(el, "progress").value).toBe(3);
    expect(text(el)).toContain("3 of at most 300 evaluations");

    await click(el, "button.cancel-search");
    expect(f.calls[0].opts.signal!.aborted).toBe(true);
    expect(text(el)).toContain("Search cancelled");

    await click(el, "button.run-search");
    f.finish();
    await settle(el);
    expect([...el.shadowRoot!.querySelectorAll("tbody tr")].map((tr) => (tr as HTMLElement).dataset.id)).toEqual(["dc", "s1", "s2"]);
    expect(text(el)).toContain("Final check on 50 fresh replications (seed 8): fill rate 95.10% [94.70, 95.50]");
    expect($(el, ".not-met").textContent).toBe("The target fill rate 95% is NOT met at the lower bound of the check's 95% interval (94.700%).");

    let created: OptimizeCreate | undefined;
    el.addEventListener("ech-optimize-create", (e) => (created = (e as CustomEvent<OptimizeCreate>).detail));
    await click(el, "button.primary");
    expect(created?.name).toBe("Two stores (network, fill 95%)");
    expect(created?.scenario.name).toBe("searched");
  });

  it("passes the least-total-cost objective without a target", async () => {
    const f = fakeClient(), el = await mount(f.client);
    await click(el, 'input[value="network"]');
    await click(el, 'input[value="total-cost"]');
    expect(el.shadowRoot!.querySelector("#opt-fill")).toBeNull();
    await click(el, "button.run-search");
    expect(f.calls[0].opts).toMatchObject({ objective: "total-cost", targetFill: undefined });
  });
});

describe("<ech-optimize-dialog> promise vs reality", () => {
  it("simulates the GSM placement on the client and marks the node the model is optimistic about", async () => {
    const f = fakeClient(), el = await mount(f.client);
    await click(el, "button.run-check");
    expect(f.runs).toHaveLength(1);
    expect(f.runs[0]).toMatchObject({ seed: 7, replications: 50 });
    expect(f.runs[0].scenario.nodes.find((n) => n.id === "s1")!.policy).not.toEqual(base.nodes.find((n) => n.id === "s1")!.policy);
    const rows = new Map([...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>("tr[data-pvr]")].map((tr) => [tr.dataset.pvr!, tr]));
    expect([...rows.keys()]).toEqual(["dc", "s1", "s2"]);
    expect(rows.get("s1")!.className).toBe("optimistic");
    expect(rows.get("s1")!.textContent).toContain("70.00% [68.00, 72.00]");
    expect(rows.get("s2")!.className).toBe("");
    expect(rows.get("dc")!.textContent).toContain("–"); // the DC promises 5 days: no KPI measures that
    expect(text(el)).toContain("Network: promised a cycle service level of 95.00%; delivered fill rate 90.00% [89.00, 91.00], cycle service level 85.00% [84.00, 86.00]. The promise is NOT kept");
  });

  it("a change of service level drops the check of the old placement", async () => {
    const f = fakeClient(), el = await mount(f.client);
    await click(el, "button.run-check");
    const input = $<HTMLInputElement>(el, "#opt-level");
    input.value = "0.9";
    input.dispatchEvent(new Event("input"));
    await settle(el);
    expect(el.shadowRoot!.querySelector("tr[data-pvr]")).toBeNull();
    expect(el.shadowRoot!.querySelector("button.run-check")).not.toBeNull();
  });
});
