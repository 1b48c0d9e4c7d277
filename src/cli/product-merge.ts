/**
 * `echelon merge` of product shards' parts (product-part.ts): checks that they belong to one run
 * and cover every product exactly once in each block of replications, then turns each block's
 * parts into the part a replication shard would have written — each replication's KPI row (and
 * series row) rebuilt by the engine's own writers from the whole network's accumulators
 * (engine/product-replay.ts) — and hands those to the replication merge (merge.ts), so a grid of
 * replication × product shards merges to the very echelon-result@1 of one machine.
 */
import { join } from "node:path";
import type { Scenario } from "../sim/model/scenario.ts";
import { compiled } from "../sim/engine/compiled.ts";
import { kpiColumns } from "../sim/engine/columns.ts";
import { createReplay, replayProblem } from "../sim/engine/product-replay.ts";
import { seriesLayout } from "../sim/engine/series.ts";
import { productsOf } from "../sim/engine/defaults.ts";
import { SERIES_CHUNK_BYTES } from "../sim/montecarlo/run-memory.ts";
import { MergeError, type NamedPart } from "./merge.ts";
import { createPartWriter, openPart, PARTIAL_FORMAT, ROW_ENCODING, scenarioHash, SERIES_ENCODING } from "./partial.ts";
import { openProductPart, type ProductPartHeader, type ProductPartReader } from "./product-part.ts";

export interface NamedProductPart { readonly file: string; readonly header: ProductPartHeader; readonly reader: ProductPartReader }

/** Opens every product part, or returns the problems naming each file that is not one. */
export function openProductParts(files: readonly string[]): { parts: NamedProductPart[]; problems: string[] } {
  const parts: NamedProductPart[] = [], problems: string[] = [];
  for (const file of files) {
    try {
      const reader = openProductPart(file);
      parts.push({ file, header: reader.header, reader });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      problems.push(`${file}: ${err.code ? `cannot read the file (${err.message})` : err.message}`);
    }
  }
  return { parts, problems };
}

const range = (p: NamedProductPart) => `${p.header.manifest.from}-${p.header.manifest.to}`;
const list = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(", ");

/** Every reason the product parts are not one run's products in blocks of replications, each naming the files. */
export function checkProductParts(parts: readonly NamedProductPart[]): string[] {
  if (parts.length === 0) return [];
  const first = parts[0], m0 = first.header.manifest, problems: string[] = [];
  for (const p of parts) {
    if (scenarioHash(p.header.scenario) !== p.header.manifest.scenarioHash) problems.push(`${p.file}: its scenario does not match its hash (the file was changed after the shard wrote it)`);
  }
  const same = (key: "scenarioHash" | "seed" | "replications" | "engineVersion", what: string) => {
    const others = parts.filter((p) => JSON.stringify(p.header.manifest[key]) !== JSON.stringify(m0[key]));
    if (others.length) problems.push(`${what} differs: ${first.file} has ${JSON.stringify(m0[key])}, ${others.map((p) => `${p.file} has ${JSON.stringify(p.header.manifest[key])}`).join(", ")}`);
  };
  same("scenarioHash", "the scenario (its hash, overrides included)");
  same("seed", "the seed");
  same("replications", "the total of replications");
  same("engineVersion", "the engine version");
  const series = parts.filter((p) => p.header.terms.layout.series !== first.header.terms.layout.series);
  if (series.length) problems.push(`some parts have --series and some not: ${[first, ...series].map((p) => `${p.file} (${p.header.terms.layout.series ? "series" : "no series"})`).join(", ")}`);
  if (problems.length) return problems;
  const all = productsOf(first.header.scenario).map((p) => p.id), known = new Set(all);
  for (const p of parts) {
    if (JSON.stringify(p.header.products.ids) !== JSON.stringify(p.header.terms.products)) problems.push(`${p.file}: the products it names (${p.header.products.ids.join(", ")}) are not the products it simulated (${p.header.terms.products.join(", ")}); the file was changed after the shard wrote it`);
  }
  for (const p of parts) {
    const foreign = p.header.products.ids.filter((id) => !known.has(id));
    if (foreign.length) problems.push(`${p.file} covers ${list(foreign)}, not ${foreign.length > 1 ? "products" : "a product"} of "${m0.scenario}" (its products: ${all.join(", ")})`);
  }
  if (problems.length) return problems;
  const blocks = groupBlocks(parts);
  for (const block of blocks) {
    const { from, to } = block[0].header.manifest, what = `replications ${from}–${to - 1}`;
    const owner = new Map<string, string[]>();
    for (const p of block) for (const id of p.header.products.ids) owner.set(id, [...(owner.get(id) ?? []), p.file]);
    for (const [id, files] of owner) if (files.length > 1) problems.push(`product "${id}" of ${what} is in more than one part: ${files.join(" and ")}`);
    const missing = all.filter((id) => !owner.has(id));
    if (missing.length) problems.push(`product${missing.length > 1 ? "s" : ""} ${list(missing)} of ${what} ${missing.length > 1 ? "are" : "is"} missing (no part covers ${missing.length > 1 ? "them" : "it"}; the parts of that block are ${block.map((p) => p.file).join(", ")})`);
  }
  for (let i = 1; i < blocks.length; i++) {
    const a = blocks[i - 1][0].header.manifest, b = blocks[i][0].header.manifest;
    if (b.from < a.to) problems.push(`product parts of replications ${a.from}–${a.to - 1} and ${b.from}–${b.to - 1} overlap: make every product's parts with the same --shard blocks (${blocks[i - 1].map((p) => p.file).join(", ")} against ${blocks[i].map((p) => p.file).join(", ")})`);
  }
  return problems;
}

/** The parts by block of replications, blocks in replication order. */
function groupBlocks(parts: readonly NamedProductPart[]): NamedProductPart[][] {
  const by = new Map<string, NamedProductPart[]>();
  for (const p of parts) by.set(range(p), [...(by.get(range(p)) ?? []), p]);
  return [...by.values()].sort((a, b) => a[0].header.manifest.from - b[0].header.manifest.from || a[0].header.manifest.to - b[0].header.manifest.to);
}

/**
 * Each block's product parts as one replication part, written in `dir`: the replication merge's
 * input. Returns them named after the files they were made from.
 */
export function productBlocksAsParts(parts: readonly NamedProductPart[], dir: string, blockBytes = SERIES_CHUNK_BYTES): NamedPart[] {
  const blocks = groupBlocks(parts), out: NamedPart[] = [];
  blocks.forEach((block, g) => {
    const h = block[0].header, s: Scenario = h.scenario, net = compiled(s), series = h.terms.layout.series;
    const problem = replayProblem(net, block.map((p) => p.header.terms));
    if (problem) throw new MergeError([`echelon merge: the product parts ${block.map((p) => p.file).join(", ")} do not make up the scenario's network: ${problem}`]);
    const replay = createReplay(net, block.map((p) => p.header.terms), series);
    const m = h.manifest, path = join(dir, `block-${g}.part`);
    const sum = (k: "workers" | "elapsedMs") => block.reduce((a, p) => a + p.header.manifest[k], 0);
    const manifest = { ...m, shard: { index: g, count: blocks.length }, workers: sum("workers"), elapsedMs: sum("elapsedMs") };
    const writer = createPartWriter(path, {
      format: PARTIAL_FORMAT, kind: "run", manifest, rows: ROW_ENCODING,
      runs: [{ name: s.name, columns: kpiColumns(s), ...(series ? { series: { encoding: SERIES_ENCODING, layout: seriesLayout(s) } } : {}) }],
    });
    try {
      const terms = block.map((p) => new Float64Array(p.header.terms.layout.length));
      const step = Math.max(1, Math.floor(blockBytes / (8 * replay.columns + 4 * replay.cells)));
      const rows = new Float64Array(step * replay.columns), cells = series ? new Float32Array(step * replay.cells) : undefined;
      for (let r0 = m.from; r0 < m.to; r0 += step) {
        const n = Math.min(step, m.to - r0);
        for (let k = 0; k < n; k++) {
          block.forEach((p, j) => p.reader.read(r0 + k, terms[j]));
          replay.replay(terms, rows, k * replay.columns, cells, k * replay.cells);
        }
        writer.writeRows(0, r0, rows.subarray(0, n * replay.columns));
        if (cells) writer.writeSeries(0, r0, cells.subarray(0, n * replay.cells));
      }
      writer.finish(manifest);
    } finally {
      writer.close();
    }
    const reader = openPart(path);
    out.push({ file: `the product parts ${block.map((p) => p.file).join(", ")}`, header: reader.header, reader });
  });
  return out;
}
