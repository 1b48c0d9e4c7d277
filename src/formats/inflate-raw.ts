/**
 * Raw deflate (a zip entry's or a share link's data) inflated with a running count that stops
 * at a cap, so that a few KB claiming gigabytes cost no more than the cap to refuse. Deflate
 * shrinks a run of one byte about 1,000-fold: the input goes in 4 KB at a time and the stream's
 * backpressure holds the inflater back until this loop has read its output, so at most a few MB
 * are in flight past the cap even where an inflater emits a whole input piece's output at once.
 */

/** Input fed to the inflater at a time: at most about 4 MB of output each. */
const PIECE_BYTES = 4096;

export type Inflated = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly inflated: number };

/** `bytes` inflated, or `{ok: false}` with the bytes inflated when it passed `max`; throws when the data is damaged. */
export async function inflateRaw(bytes: Uint8Array, max: number): Promise<Inflated> {
  let offset = 0;
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull: (c) => { if (offset >= bytes.length) c.close(); else c.enqueue(bytes.slice(offset, (offset += PIECE_BYTES))); },
  }, { highWaterMark: 0 });
  const reader = input.pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    total += r.value.length;
    if (total > max) { void reader.cancel().catch(() => {}); return { ok: false, inflated: total }; }
    chunks.push(r.value);
  }
  const out = new Uint8Array(total);
  chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
  return { ok: true, bytes: out };
}
