import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createDeflateRaw } from "node:zlib";
import { decodeShareHash, encodeShareHash, fromBase64Url, shareUrl, toBase64Url } from "../../../src/ui/io/share-link.ts";

const retail = JSON.parse(readFileSync(join(import.meta.dirname, "../../../scenarios/retail-3-echelon.json"), "utf8"));

describe("share links", () => {
  it("base64url round-trips every byte value without + / or =", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = toBase64Url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect([...fromBase64Url(text)]).toEqual([...bytes]);
  });

  it("encodeShareHash compresses a scenario that decodeShareHash restores exactly", async () => {
    const hash = await encodeShareHash(retail);
    expect(hash.startsWith("scenario=")).toBe(true);
    expect(hash.length).toBeLessThan(JSON.stringify(retail).length / 4);
    expect(JSON.parse((await decodeShareHash(`#${hash}`))!)).toEqual(retail);
  });

  it("shareUrl replaces any existing hash of the page address", async () => {
    const url = await shareUrl({ a: 1 }, "http://127.0.0.1:4173/?x=1#old");
    expect(url.startsWith("http://127.0.0.1:4173/?x=1#scenario=")).toBe(true);
    expect(await decodeShareHash(new URL(url).hash)).toBe('{"a":1}');
  });

  it("decodeShareHash ignores other hashes and explains a damaged link", async () => {
    expect(await decodeShareHash("#tab=run")).toBeUndefined();
    expect(await decodeShareHash("")).toBeUndefined();
    await expect(decodeShareHash("#scenario=AAAA")).rejects.toThrow("the shared link is damaged or incomplete");
  });

  it("decodeShareHash stops inflating past the limit and says the link is too large", async () => {
    const link = (text: string) => encodeShareHash(text).then((h) => `#${h}`);
    const tooLarge = "the shared link is too large: the scenario in it is over";
    await expect(decodeShareHash(await link("x".repeat(1_000)), 1_000)).rejects.toThrow(`${tooLarge} 1,000 bytes of JSON`);
    expect(await decodeShareHash(await link("x".repeat(998)), 1_000)).toBe(`"${"x".repeat(998)}"`);
    // About 200 KB of link inflating to 200 MB: refused by the default 20,000,000-byte limit.
    const deflate = createDeflateRaw({ level: 9 }), parts: Buffer[] = [];
    deflate.on("data", (b: Buffer) => parts.push(b));
    const zeros = Buffer.alloc(1 << 20, 0x20);
    for (let i = 0; i < 200; i++) deflate.write(zeros);
    await new Promise((done) => deflate.end(done));
    const bomb = `#scenario=${toBase64Url(Buffer.concat(parts))}`;
    await expect(decodeShareHash(bomb)).rejects.toThrow(`${tooLarge} 20,000,000 bytes of JSON, the limit for a scenario; share it as a file instead`);
  });
});
