/**
 * The engine assumes a scenario that src/sim/validate accepted. This guard catches the
 * mistakes that would otherwise surface as a TypeError deep in the kernel (an unvalidated
 * scenario, a typo in a hand-built one) and names the field, e.g.
 * `lanes[3].to: unknown node "dc-est"`. It is not a validator: run validateScenario first.
 */
import type { Scenario } from "../model/index.ts";
import { productsOf } from "./defaults.ts";

export function checkReferences(s: Scenario): void {
  const fail = (path: string, message: string): never => {
    throw new RangeError(`${path}: ${message} (validate the scenario with validateScenario first)`);
  };
  if (!s || !Array.isArray(s.nodes) || !Array.isArray(s.lanes) || !Array.isArray(s.demand)) fail("scenario", "expected nodes, lanes and demand arrays");
  if (!Number.isInteger(s.horizon) || s.horizon < 1) fail("horizon", `must be an integer >= 1, got ${JSON.stringify(s.horizon)}`);
  if (!Number.isInteger(s.warmup) || s.warmup < 0 || s.warmup >= s.horizon) fail("warmup", `must be an integer in 0 … horizon − 1, got ${JSON.stringify(s.warmup)}`);
  const nodes = new Set(s.nodes.map((n) => n.id)), products = new Set(productsOf(s).map((p) => p.id));
  const node = (path: string, id: unknown) => { if (!nodes.has(id as string)) fail(path, `unknown node ${JSON.stringify(id)}`); };
  const lane = (path: string, from: unknown, to: unknown) => {
    if (!s.lanes.some((l) => l.from === from && l.to === to)) fail(path, `no lane from ${JSON.stringify(from)} to ${JSON.stringify(to)}`);
  };
  s.lanes.forEach((l, i) => { node(`lanes[${i}].from`, l.from); node(`lanes[${i}].to`, l.to); });
  s.demand.forEach((d, i) => {
    node(`demand[${i}].node`, d.node);
    if (d.product !== undefined && !products.has(d.product)) fail(`demand[${i}].product`, `unknown product ${JSON.stringify(d.product)}`);
  });
  (s.disruptions ?? []).forEach((d, i) => {
    const at = `disruptions[${i}]`;
    if ("node" in d && d.node !== undefined && !(d.type === "demand-shock" && d.node === "*")) node(`${at}.node`, d.node);
    else if ((d.type === "lane-delay" || d.type === "lane-outage" || d.type === "capacity-cut" || d.type === "random-outage")) lane(at, d.from, d.to);
  });
  s.mitigations?.lateralTransfers?.among.forEach((id, i) => node(`mitigations.lateralTransfers.among[${i}]`, id));
  s.mitigations?.expedite?.forEach((e, i) => { node(`mitigations.expedite[${i}].from`, e.from); node(`mitigations.expedite[${i}].to`, e.to); });
}
