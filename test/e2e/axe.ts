// axe-core for the e2e specs: one place that loads axe into the page and keeps the serious and
// critical violations. The built page's CSP forbids inline scripts (so no addScriptTag); the
// source is evaluated through DevTools with page.evaluate instead.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface SeriousViolationsOptions {
  /** Leave out violating elements inside any host element named here (e.g. "ech-fan-chart"). */
  readonly skipHosts?: readonly string[];
}

/**
 * Serious or critical axe-core violations on the whole page, as readable strings
 * "rule-id: [targets of up to three elements]" — an empty list when there are none.
 */
export async function seriousViolations(page: Page, options: SeriousViolationsOptions = {}): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (skip) => {
    type Result = { violations: { id: string; impact: string; nodes: { target: unknown }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<Result> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target).filter((t) => !skip.some((h) => JSON.stringify(t).includes(`"${h}"`))) }))
      .filter((v) => v.targets.length > 0)
      .map((v) => `${v.id}: ${JSON.stringify(v.targets.slice(0, 3))}`);
  }, [...(options.skipHosts ?? [])]);
}
