/**
 * `echelon run FILE --products a,b,c | --product-shard K/N` (with or without `--shard K/N`), and
 * `--shard-from-env N --product-shards P` for a job array of N tasks over a grid of N / P blocks of
 * replications × P blocks of products; and `echelon merge` when its parts are product parts
 * (docs/scale-out.md, "Product shards").
 */
import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Scenario } from "../sim/model/scenario.ts";
import { compiled } from "../sim/engine/compiled.ts";
import { productsOf } from "../sim/engine/defaults.ts";
import { FractionalUnitsError, itemKeys, laneKey, runProductTerms, termsLayout } from "../sim/engine/product-terms.ts";
import { prepareScenario, ScenarioError } from "../workers/monte-carlo.ts";
import { UsageError, type Parsed } from "./args.ts";
import { copyToStdout } from "./copy-to-stdout.ts";
import { resultToCsv } from "./csv.ts";
import { MergeError, mergeParts, openParts, type NamedPart } from "./merge.ts";
import { PARTIAL_FORMAT, scenarioHash, type PartialManifest } from "./partial.ts";
import { createProductPartWriter, isProductPart, PRODUCTS_KIND, TERMS_ENCODING } from "./product-part.ts";
import { checkProductParts, openProductParts, productBlocksAsParts } from "./product-merge.ts";
import { checkProducts, parseProducts, productBlock, splitProblems, subScenario } from "./product-split.ts";
import { isRunSizeIssue, parseShard, shardFromEnv, shardRange, type Shard } from "./shard.ts";

/** Products a shard's closing message names one by one; more are named by the first and the last. */
const NAMED_PRODUCTS = 6;

export interface ProductContext {
  readonly io: { stdout: { write(s: string | Uint8Array): unknown; once?(event: "drain", f: () => void): unknown }; stderr: { write(s: string): unknown } };
  readonly load: () => Scenario;
  readonly output: (text: string) => void;
  readonly inputError: (lines: string[]) => Error;
  readonly version: string;
}

/** Whether `echelon run` was asked for a product shard. */
export const isProductRun = (p: Parsed) =>
  p.options.products !== undefined || p.options["product-shard"] !== undefined || p.options["product-shards"] !== undefined;

/** Whether `echelon merge` was given product parts (the rest, if any, are replication parts). */
export const hasProductParts = (files: readonly string[]) => files.some(isProductPart);

/** Which replications and which products: from the options, or from the job array's index. */
export function productShardOf(p: Parsed, all: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): { shard: Shard; productShard?: Shard; ids?: string[] } {
  const o = p.options, given = ["products", "product-shard", "product-shards"].filter((k) => o[k] !== undefined);
  if (given.length > 1) throw new UsageError(`${given.map((k) => `--${k}`).join(" and ")} cannot be used together: choose the products once`);
  if (o.shard !== undefined && o["shard-from-env"] !== undefined) throw new UsageError("--shard and --shard-from-env cannot be used together");
  if (o["product-shards"] !== undefined) {
    const P = o["product-shards"] as number, N = o["shard-from-env"] as number | undefined;
    if (N === undefined) throw new UsageError("--product-shards P goes with --shard-from-env N (a job array of N tasks); otherwise use --product-shard K/P");
    if (!(P >= 1) || N % P !== 0) throw new UsageError(`--shard-from-env ${N} --product-shards ${P}: the job array's ${N} tasks must be a whole number of rounds of ${P} product blocks`);
    const task = shardFromEnv(N, env);
    if (P > all.length) throw new UsageError(`--product-shards ${P}: the scenario has ${all.length} products, fewer than ${P} blocks`);
    return { shard: { index: Math.floor(task.index / P), count: N / P }, productShard: { index: task.index % P, count: P } };
  }
  const shard = o.shard !== undefined ? parseShard(String(o.shard)) : o["shard-from-env"] !== undefined ? shardFromEnv(o["shard-from-env"] as number, env) : { index: 0, count: 1 };
  if (o["product-shard"] !== undefined) {
    let ps: Shard;
    try { ps = parseShard(String(o["product-shard"])); } catch (e) { throw new UsageError((e as Error).message.replaceAll("--shard", "--product-shard")); }
    if (ps.count > all.length) throw new UsageError(`--product-shard ${ps.index}/${ps.count}: the scenario has ${all.length} products, fewer than ${ps.count} blocks`);
    return { shard, productShard: ps };
  }
  return { shard, ids: parseProducts(String(o.products)) };
}

/**
 * The run's scenario as the whole run prepares it; but when the only objections are the limits on
 * one machine's work and KPI values (a whole big catalogue's), those are checked later against
 * the shard's own products and replications (`sizeChecked` false). Every other rule still applies.
 */
function prepareProductShard(raw: Scenario, o: Parameters<typeof prepareScenario>[1]): { scenario: Scenario; sizeChecked: boolean } {
  try {
    return { scenario: prepareScenario(raw, o), sizeChecked: true };
  } catch (e) {
    if (!(e instanceof ScenarioError) || !e.issues.every(isRunSizeIssue)) throw e;
    return { scenario: { ...prepareScenario(raw, { ...o, replications: 1 }), replications: o.replications ?? raw.replications }, sizeChecked: false };
  }
}

/** `echelon plan … --shards N --product-shards P`: the N tasks must be whole rounds of P product blocks of a scenario that splits. */
export function checkProductPlan(scenario: Scenario, shards: number, productShards: number, inputError: (lines: string[]) => Error): void {
  if (!(productShards >= 1) || shards % productShards !== 0) throw new UsageError(`--shards ${shards} --product-shards ${productShards}: the ${shards} tasks must be a whole number of rounds of ${productShards} product blocks`);
  const problems = splitProblems(scenario);
  if (problems.length) throw inputError([`echelon plan: the products of "${scenario.name}" cannot be run apart and merged back exactly:`, ...problems.map((x) => `  ${x}`)]);
  const products = productsOf(scenario).length;
  if (productShards > products) throw new UsageError(`--product-shards ${productShards}: the scenario has ${products} products, fewer than ${productShards} blocks`);
}

/** `echelon run FILE --products …`: writes a product part. */
export async function productShardCommand(p: Parsed, c: ProductContext): Promise<number> {
  const o = p.options;
  if (o.format === "csv" || o["replication-values"]) throw new UsageError("a product shard writes an echelon-partial@1; give --format and --replication-values to echelon merge");
  if (o["stock-breakdown"]) throw new UsageError("a product shard writes an echelon-partial@1; --stock-breakdown needs the whole run (echelon run without --products)");
  const overrides = {
    replications: o.replications as number | undefined, seed: o.seed as number | string | undefined, horizon: o.horizon as number | undefined, warmup: o.warmup as number | undefined,
  };
  const { scenario, sizeChecked } = prepareProductShard(c.load(), overrides);
  if ((o.workers as number | undefined ?? 1) > 1) c.io.stderr.write("echelon: a product shard simulates on one core; --workers is ignored (run more shards instead)\n");
  const problems = splitProblems(scenario);
  if (problems.length) throw c.inputError([`echelon run: the products of "${scenario.name}" cannot be run apart and merged back exactly:`, ...problems.map((x) => `  ${x}`), "Run it whole, or split its replications with --shard K/N."]);
  const all = productsOf(scenario).map((x) => x.id), pick = productShardOf(p, all);
  const ids = pick.ids ? checkProducts(scenario, pick.ids) : productBlock(all, pick.productShard!);
  const sub = subScenario(scenario, ids), net = compiled(sub), series = o.series === true;
  const { from, to } = shardRange(scenario.replications, pick.shard), t0 = performance.now();
  if (!sizeChecked) prepareScenario(sub, { replications: Math.max(1, to - from) });   // this shard's own work and values, within one machine's limits
  const manifest: PartialManifest = {
    scenarioHash: scenarioHash(scenario), scenario: scenario.name, seed: scenario.seed, replications: scenario.replications, horizon: scenario.horizon, warmup: scenario.warmup,
    from, to, shard: pick.shard, engineVersion: c.version, workers: 1, elapsedMs: 0,
  };
  const out = o.out as string | undefined;
  const tmp = out === undefined ? join(mkdtempSync(join(tmpdir(), "echelon-part-")), "part") : `${out}.${process.pid}.tmp`;
  const writer = createProductPartWriter(tmp, {
    format: PARTIAL_FORMAT, kind: PRODUCTS_KIND, manifest,
    products: { ids, total: all.length, ...(pick.productShard ? { shard: pick.productShard } : {}) },
    terms: { encoding: TERMS_ENCODING, layout: termsLayout(net, series), items: itemKeys(net), lanes: Array.from(net.laneFrom, (_, l) => laneKey(net, l)), products: [...net.productIds] },
    scenario,
  });
  try {
    try {
      runProductTerms(sub, { from, to, series }, (r, terms) => writer.write(r, terms));
    } catch (e) {
      if (e instanceof FractionalUnitsError) throw c.inputError([`echelon run --products: ${e.message}`]);
      throw e;
    }
    const done = { ...manifest, elapsedMs: Math.round(performance.now() - t0) };
    writer.finish(done);
    writer.close();
    if (out === undefined) await copyToStdout(tmp, c.io);
    else {
      try { renameSync(tmp, out); } catch (e) { throw c.inputError([`--out ${out}: cannot write the file (${(e as Error).message})`]); }
    }
    const block = to > from ? `replications ${from}–${to - 1} of ${scenario.replications}` : `no replications (an empty block of ${scenario.replications})`;
    const named = ids.length <= NAMED_PRODUCTS ? ids.join(", ") : `${ids[0]} … ${ids[ids.length - 1]}`;
    c.io.stderr.write(`echelon: product shard: ${ids.length} of ${all.length} products (${named}) × ${block} of "${scenario.name}" in ${(done.elapsedMs / 1000).toFixed(2)} s\n`);
    return 0;
  } finally {
    writer.close();
    rmSync(out === undefined ? dirname(tmp) : tmp, { recursive: true, force: true });
  }
}


/** `echelon merge PARTS…` when some parts are product parts: the whole run's echelon-result@1. */
export async function productMergeCommand(p: Parsed, c: ProductContext): Promise<number> {
  const productFiles = p.files.filter(isProductPart), others = p.files.filter((f) => !productFiles.includes(f));
  const dir = mkdtempSync(join(tmpdir(), "echelon-merge-"));
  const opened = openProductParts(productFiles);
  let blocks: NamedPart[] = [], plain: NamedPart[] = [];
  try {
    const problems = [...opened.problems, ...(opened.problems.length ? [] : checkProductParts(opened.parts))];
    if (problems.length) throw new MergeError(problems.map((x) => `echelon merge: ${x}`));
    if (others.length) plain = openParts(others);
    blocks = productBlocksAsParts(opened.parts, dir);
    const merged = await mergeParts([...blocks, ...plain]);
    if (merged.kind !== "run") throw new MergeError([`echelon merge: product parts merge only with parts of echelon run, not of echelon ${merged.kind}`]);
    const result = merged.result;
    if (p.options.format === "csv") {
      if (result.series) c.io.stderr.write("echelon: --series is not written in CSV format; use --format json for the series\n");
      c.output(resultToCsv(result));
    } else {
      const { replicationValues: _values, ...summary } = result;
      c.output(`${JSON.stringify(p.options["replication-values"] ? result : summary, null, 2)}\n`);
    }
    const m = opened.parts[0].header.manifest;
    c.io.stderr.write(`echelon: merged ${p.files.length} part${p.files.length > 1 ? "s" : ""} (${productFiles.length} of products): ${m.replications} replications of "${m.scenario}"\n`);
    return 0;
  } catch (e) {
    if (e instanceof MergeError) throw c.inputError(e.lines);
    throw e;
  } finally {
    for (const part of [...opened.parts, ...blocks, ...plain]) part.reader.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
