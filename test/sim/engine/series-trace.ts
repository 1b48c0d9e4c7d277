// What a replication's series row must hold, read from its trace: shared by the series tests.
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { traceReplication } from "../../../src/sim/engine/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";

export const builtIn = (file: string) => JSON.parse(readFileSync(new URL(`../../../scenarios/${file}`, import.meta.url), "utf8")) as Scenario;

/** Expects replication `rep`'s series row to hold its trace's days (the kernel's day record), all products and sources summed. */
export function expectRowOfTrace(s: Scenario, rep: number, row: Float32Array): void {
  const tr = traceReplication(s, rep), N = tr.nodes.length, H = s.horizon;
  [tr.onHand, tr.backorders, tr.inTransit].forEach((metric, m) => {
    for (let n = 0; n < N; n++) for (let t = 0; t < H; t++) expect(row[(m * N + n) * H + t]).toBe(Math.fround(metric[t * N + n]));
  });
  for (let t = 0; t < H; t++) expect(row[3 * N * H + t]).toBe(Math.fround(tr.fillRate[t]));
}
