/**
 * A product shard's part (docs/scale-out.md, "Product shards"): an `echelon-partial@1` of kind
 * "products". One line of JSON (format, kind, manifest, the products it covers, the layout and
 * keys of its terms, and the whole run's scenario, which the merge compiles), padded with spaces,
 * a newline, then each replication's terms (engine/product-terms.ts) as little-endian Float64,
 * replication after replication. A shard writes each replication's terms as soon as it has them,
 * so its memory holds one replication's terms whatever its replications.
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from "node:fs";
import type { Scenario } from "../sim/model/scenario.ts";
import type { TermsLayout } from "../sim/engine/product-terms.ts";
import { bytesOf, littleEndian } from "./part-columns.ts";
import { headerLine, PARTIAL_FORMAT, rangeProblem, type PartialManifest } from "./partial.ts";
import type { Shard } from "./shard.ts";

export const PRODUCTS_KIND = "products";
export const TERMS_ENCODING = "float64le-row-major";

export interface ProductPartHeader {
  readonly format: typeof PARTIAL_FORMAT;
  readonly kind: typeof PRODUCTS_KIND;
  /** As a replication shard's: the whole run's scenario hash, seed, replications, this part's block. */
  readonly manifest: PartialManifest;
  /** The products this part simulates (scenario order), of how many; the block, with --product-shard. */
  readonly products: { readonly ids: readonly string[]; readonly total: number; readonly shard?: Shard };
  readonly terms: {
    readonly encoding: typeof TERMS_ENCODING;
    readonly layout: TermsLayout;
    /** The sub-network's items, lanes and products, by the keys of engine/product-terms.ts. */
    readonly items: readonly string[];
    readonly lanes: readonly string[];
    readonly products: readonly string[];
  };
  /** The whole run's scenario as run (overrides applied): the merge rebuilds the whole network from it. */
  readonly scenario: Scenario;
}

/** Bytes reserved after the header for the figures only known at the end (elapsedMs). */
const HEADER_SLACK = 64;

function put(fd: number, bytes: Uint8Array, at: number) {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, at + done);
}

export interface ProductPartWriter {
  write(replication: number, terms: Float64Array): void;
  finish(manifest: PartialManifest): void;
  close(): void;
}

export function createProductPartWriter(path: string, header: ProductPartHeader): ProductPartWriter {
  const room = Buffer.byteLength(JSON.stringify(header)) + HEADER_SLACK;
  const line = (h: ProductPartHeader) => {
    const text = JSON.stringify(h), pad = room - Buffer.byteLength(text);
    if (pad < 0) throw new Error(`the part's header grew by more than ${HEADER_SLACK} bytes`);
    return Buffer.from(`${text}${" ".repeat(pad)}\n`);
  };
  const fd = openSync(path, "w"), data = room + 1, record = header.terms.layout.length * 8, from = header.manifest.from;
  let open = true;
  put(fd, line(header), 0);
  return {
    write(r, terms) { put(fd, bytesOf(terms), data + (r - from) * record); },
    finish(manifest) { put(fd, line({ ...header, manifest }), 0); },
    close() { if (open) closeSync(fd); open = false; },
  };
}

export interface ProductPartReader {
  readonly header: ProductPartHeader;
  /** Replication `r`'s terms (r counted in the whole run), into `out`. */
  read(r: number, out: Float64Array): Float64Array;
  close(): void;
}


/** Whether `path` is a product shard's part (its header says so); false for anything else, readable or not. */
export function isProductPart(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const piece = Buffer.alloc(4096), got = readSync(fd, piece, 0, piece.length, 0);
    return /^\{"format":"echelon-partial@1","kind":"products"/.test(piece.subarray(0, got).toString("utf8"));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function headerProblem(h: ProductPartHeader | null): string | null {
  if (!h || h.format !== PARTIAL_FORMAT || h.kind !== PRODUCTS_KIND) return `not a product shard's ${PARTIAL_FORMAT} part`;
  if (typeof h.manifest !== "object" || h.manifest === null) return "the header has no manifest";
  const range = rangeProblem(h.manifest);
  if (range) return range;
  if (!Array.isArray(h.products?.ids) || h.products.ids.length === 0) return "the header names no products";
  if (h.terms?.encoding !== TERMS_ENCODING || typeof h.terms.layout?.length !== "number") return `terms are not encoded as ${TERMS_ENCODING}`;
  if (typeof h.scenario !== "object" || h.scenario === null) return "the header holds no scenario";
  return null;
}

export function openProductPart(path: string): ProductPartReader {
  const fd = openSync(path, "r");
  try {
    const line = headerLine(fd);
    let header: ProductPartHeader | null = null;
    try { header = line ? JSON.parse(line.text) : null; } catch { header = null; }
    const problem = headerProblem(header);
    if (problem) throw new Error(problem);
    const h = header!, data = line!.bytes, record = h.terms.layout.length * 8, n = h.manifest.to - h.manifest.from;
    const size = fstatSync(fd).size, want = data + n * record;
    if (size !== want) throw new Error(`the file is ${size.toLocaleString("en")} bytes, expected ${want.toLocaleString("en")} for its header (a part cut short, or written over)`);
    return {
      header: h,
      read(r, out) {
        const bytes = new Uint8Array(out.buffer, out.byteOffset, record), at = data + (r - h.manifest.from) * record;
        for (let done = 0; done < record;) {
          const got = readSync(fd, bytes, done, record - done, at + done);
          if (got === 0) throw new Error(`${path}: the part ends at byte ${at + done}`);
          done += got;
        }
        if (!littleEndian) Buffer.from(bytes.buffer, bytes.byteOffset, record).swap64();
        return out;
      },
      close() { closeSync(fd); },
    };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}
