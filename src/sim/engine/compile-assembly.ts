/**
 * The bills of materials of a scenario → CompiledAssembly (kernel/network.ts): which items are
 * made, from which component items of their node, in what ratio and how long assembly takes.
 * Assumes a validated scenario (validate/checks/bom.ts): every component and made product is
 * stocked at its node, and no product is made from itself.
 */
import { own, type Scenario } from "../model/index.ts";
import type { CompiledAssembly } from "../kernel/network.ts";

/**
 * Per (node, product), node-major: 0 for a product the node does not make, else 1 + the largest
 * of its components' values — so a made item sorts after the components it is made from, also
 * when one of them is made at the same node.
 */
export function recipeDepths(s: Scenario, productIds: readonly string[]): Int32Array {
  const P = productIds.length, depth = new Int32Array(s.nodes.length * P).fill(-1);
  const product = new Map(productIds.map((id, p) => [id, p]));
  s.nodes.forEach((n, ni) => {
    const recipes = new Map((n.bom ?? []).map((r) => [r.product, r]));
    const visit = (p: number, path: number): number => {
      const k = ni * P + p;
      if (depth[k] >= 0) return depth[k];
      const r = recipes.get(productIds[p]);
      let d = 0;
      // `path` bounds the walk: validation refuses a cycle, this only keeps an unvalidated one finite.
      if (r && path < P) for (const c of Object.keys(r.components)) d = Math.max(d, 1 + visit(product.get(c) ?? 0, path + 1));
      depth[k] = d;
      return d;
    };
    for (let p = 0; p < P; p++) visit(p, 0);
  });
  return depth;
}

/** Per (node, product), node-major: the index of the node's recipe that makes the product, −1 when none does. */
export function recipeIndices(s: Scenario, productIds: readonly string[]): Int32Array {
  const P = productIds.length, index = new Int32Array(s.nodes.length * P).fill(-1);
  const product = new Map(productIds.map((id, p) => [id, p]));
  s.nodes.forEach((n, ni) => (n.bom ?? []).forEach((r, k) => {
    const p = product.get(r.product);
    if (p !== undefined) index[ni * P + p] = k;
  }));
  return index;
}

/** `itemOf(node, product)`: the compiled item index, −1 when the node does not stock the product. */
export function compileAssembly(s: Scenario, any: boolean, productIds: readonly string[], I: number,
  itemOf: (node: number, product: number) => number): Omit<CompiledAssembly, "echWeight"> {
  const made = new Uint8Array(any ? I : 0), component = new Uint8Array(any ? I : 0), time = new Int32Array(any ? I : 0);
  const comps: [number, number][][] = Array.from({ length: any ? I : 0 }, () => []);
  const used: [number, number][][] = Array.from({ length: any ? I : 0 }, () => []);
  if (any) {
    const product = new Map(productIds.map((id, p) => [id, p]));
    s.nodes.forEach((n, ni) => {
      for (const r of n.bom ?? []) {
        const f = itemOf(ni, product.get(r.product) ?? -1);
        if (f < 0) continue;   // validation refuses a recipe for a product the node does not stock
        made[f] = 1; time[f] = Math.max(0, Math.round(r.assemblyTime ?? 0));
        for (const id of Object.keys(r.components)) {
          const c = itemOf(ni, product.get(id) ?? -1), qty = own(r.components, id) ?? 0;
          if (c < 0 || !(qty > 0)) continue;
          comps[f].push([c, qty]); used[c].push([f, qty]); component[c] = 1;
        }
      }
    });
  }
  const csr = (lists: [number, number][][]) => {
    const start = new Int32Array(lists.length + 1);
    for (let i = 0; i < lists.length; i++) start[i + 1] = start[i] + lists[i].length;
    const flat = lists.flat();
    return { start, list: Int32Array.from(flat, (e) => e[0]), qty: Float64Array.from(flat, (e) => e[1]) };
  };
  const c = csr(comps), u = csr(used);
  return {
    any, made, component, time,
    compStart: c.start, compList: c.list, compQty: c.qty,
    usedStart: u.start, usedList: u.list, usedQty: u.qty,
  };
}
