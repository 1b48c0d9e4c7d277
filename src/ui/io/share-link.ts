/**
 * Shareable links: the scenario JSON, compressed with CompressionStream("deflate-raw") and
 * written in base64url, travels in the URL hash (`#scenario=…`), which browsers never send to a
 * server. Opening such a link imports the scenario as a new library entry.
 */
import { LIMITS } from "../../sim/validate/limits.ts";

const PREFIX = "scenario=";

export function toBase64Url(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream): Promise<Uint8Array> {
  const out = new Response(bytes as BodyInit).body!.pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** The hash (without "#") that carries `scenario`. */
export async function encodeShareHash(scenario: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  return PREFIX + toBase64Url(await pipe(bytes, new CompressionStream("deflate-raw")));
}

/** Bytes of scenario JSON a link may carry once decompressed: the limit of a scenario file. */
export const MAX_LINK_JSON_BYTES = LIMITS.textLength;

class TooLarge extends Error {}

/**
 * Inflates `bytes`, giving up as soon as the output passes `max` bytes: deflate shrinks a run of
 * spaces about 1,000-fold, so a 1 MB link can hold 1 GB. The input goes in 4 KB at a time, and
 * the stream's backpressure keeps the decompressor from running ahead of this loop.
 */
async function inflate(bytes: Uint8Array, max: number): Promise<Uint8Array> {
  let offset = 0;
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull: (c) => { if (offset >= bytes.length) c.close(); else c.enqueue(bytes.slice(offset, (offset += 4096))); },
  }, { highWaterMark: 0 });
  const reader = input.pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    total += r.value.length;
    if (total > max) { void reader.cancel().catch(() => {}); throw new TooLarge(); }
    chunks.push(r.value);
  }
  const out = new Uint8Array(total);
  chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
  return out;
}

/**
 * The scenario JSON text in a location hash, undefined when the hash carries none; throws a
 * readable Error when it is damaged, or when it would inflate past `maxBytes`.
 */
export async function decodeShareHash(hash: string, maxBytes: number = MAX_LINK_JSON_BYTES): Promise<string | undefined> {
  const h = hash.replace(/^#/, "");
  if (!h.startsWith(PREFIX)) return undefined;
  try {
    return new TextDecoder().decode(await inflate(fromBase64Url(h.slice(PREFIX.length)), maxBytes));
  } catch (e) {
    if (e instanceof TooLarge) throw new Error(`the shared link is too large: the scenario in it is over ${maxBytes.toLocaleString("en-US")} bytes of JSON, the limit for a scenario; share it as a file instead`);
    throw new Error("the shared link is damaged or incomplete (the scenario in it could not be decompressed)");
  }
}

/** A full link to this page carrying `scenario`. */
export async function shareUrl(scenario: unknown, base: string): Promise<string> {
  return `${base.replace(/#.*$/, "")}#${await encodeShareHash(scenario)}`;
}
