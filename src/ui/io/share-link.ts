/**
 * Shareable links: the scenario JSON, compressed with CompressionStream("deflate-raw") and
 * written in base64url, travels in the URL hash (`#scenario=…`), which browsers never send to a
 * server. Opening such a link imports the scenario as a new library entry.
 */
import { LIMITS } from "../../sim/validate/limits.ts";
import { inflateRaw } from "../../formats/inflate-raw.ts";

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
 * The scenario JSON text in a location hash, undefined when the hash carries none; throws a
 * readable Error when it is damaged, or when it would inflate past `maxBytes`.
 */
export async function decodeShareHash(hash: string, maxBytes: number = MAX_LINK_JSON_BYTES): Promise<string | undefined> {
  const h = hash.replace(/^#/, "");
  if (!h.startsWith(PREFIX)) return undefined;
  try {
    const r = await inflateRaw(fromBase64Url(h.slice(PREFIX.length)), maxBytes);
    if (!r.ok) throw new TooLarge();
    return new TextDecoder().decode(r.bytes);
  } catch (e) {
    if (e instanceof TooLarge) throw new Error(`the shared link is too large: the scenario in it is over ${maxBytes.toLocaleString("en-US")} bytes of JSON, the limit for a scenario; share it as a file instead`);
    throw new Error("the shared link is damaged or incomplete (the scenario in it could not be decompressed)");
  }
}

/** A full link to this page carrying `scenario`. */
export async function shareUrl(scenario: unknown, base: string): Promise<string> {
  return `${base.replace(/#.*$/, "")}#${await encodeShareHash(scenario)}`;
}
