// Small compiled networks for the kernel's tests of single functions, shared so each test states
// only what it changes.
import { compiled } from "../../../src/sim/engine/index.ts";
import { ITEM } from "../../../src/sim/kernel/index.ts";
import type { Lane, NodeSpec, Scenario } from "../../../src/sim/model/index.ts";
import { constant, lane, scenario, stock, supplier, valid } from "../engine/fixtures.ts";

/**
 * supplier → dc (base-stock 100, lead 2) → store (base-stock 20, lead 1, demand 5 a day), horizon
 * 30, compiled under `allocation`; `dc` is merged into the dc's spec and `storeLane` into its lane
 * to the store. DC and STORE are the two nodes' items, S the item stride.
 */
export function dcStore(allocation: Scenario["allocation"], dc: Partial<NodeSpec> = {}, storeLane: Partial<Lane> = {}) {
  const net = compiled(valid(scenario({
    nodes: [supplier, stock("dc", 100, dc), stock("store", 20)],
    lanes: [lane("supplier", "dc", 2), lane("dc", "store", 1, storeLane)],
    demand: [{ node: "store", dist: constant(5) }],
    allocation,
  })));
  const item = (node: string) => Array.from(net.itemNode).indexOf(net.nodeIds.indexOf(node));
  return { net, DC: item("dc"), STORE: item("store"), S: ITEM.stride };
}
