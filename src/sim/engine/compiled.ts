/** One compilation per scenario object (WeakMap by identity), shared by every batch and trace. */
import type { Scenario } from "../model/index.ts";
import type { CompiledNetwork } from "../kernel/network.ts";
import { compile } from "./compile.ts";

const cache = new WeakMap<Scenario, CompiledNetwork>();

export function compiled(scenario: Scenario): CompiledNetwork {
  let net = cache.get(scenario);
  if (!net) { net = compile(scenario); cache.set(scenario, net); }
  return net;
}
