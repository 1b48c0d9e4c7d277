/**
 * Shareable links: the scenario JSON, compressed with CompressionStream("deflate-raw") and
 * written in base64url, travels in the URL hash (`#scenario=…`), which browsers never send to a
 * server. Opening such a link imports the scenario as a new library entry.
 */
const PREFIX = "scenario=";

export function toBase64Url(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(bytes as BodyInit).body!.pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** The hash (without "#") that carries `scenario`. */
export async function encodeShareHash(scenario: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  return PREFIX + toBase64Url(await pipe(bytes, new CompressionStream("deflate-raw")));
}

/** The scenario JSON text in a location hash, undefined when the hash carries none; throws a readable Error when it is damaged. */
export async function decodeShareHash(hash: string): Promise<string | undefined> {
  const h = hash.replace(/^#/, "");
  if (!h.startsWith(PREFIX)) return undefined;
  try {
    return new TextDecoder().decode(await pipe(fromBase64Url(h.slice(PREFIX.length)), new DecompressionStream("deflate-raw")));
  } catch {
    throw new Error("the shared link is damaged or incomplete (the scenario in it could not be decompressed)");
  }
}

/** A full link to this page carrying `scenario`. */
export async function shareUrl(scenario: unknown, base: string): Promise<string> {
  return `${base.replace(/#.*$/, "")}#${await encodeShareHash(scenario)}`;
}
