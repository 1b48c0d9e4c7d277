// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { downloadBlob, downloadText } from "../../../src/ui/shared/download.ts";

/** Records what a download clicked: the anchor's name and href, and the Blob behind the URL. */
function watchDownloads() {
  const blobs: Blob[] = [];
  const clicks: { download: string; href: string; attached: boolean }[] = [];
  const revoked: string[] = [];
  vi.spyOn(URL, "createObjectURL").mockImplementation((b) => { blobs.push(b as Blob); return `blob:test/${blobs.length}`; });
  vi.spyOn(URL, "revokeObjectURL").mockImplementation((u) => { revoked.push(u); });
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ download: this.download, href: this.href, attached: this.isConnected });
  });
  return { blobs, clicks, revoked };
}

describe("shared/download", () => {
  afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers(); });

  it("downloadBlob clicks a hidden anchor named after the file, removes it and revokes the URL after 10 s", () => {
    vi.useFakeTimers();
    const seen = watchDownloads();
    const blob = new Blob(["x"], { type: "image/png" });
    downloadBlob(blob, "chart.png");
    expect(seen.blobs).toEqual([blob]);
    expect(seen.clicks).toEqual([{ download: "chart.png", href: "blob:test/1", attached: true }]);
    expect(document.querySelectorAll("a").length).toBe(0);
    vi.advanceTimersByTime(9_999);
    expect(seen.revoked).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen.revoked).toEqual(["blob:test/1"]);
  });

  it("downloadText saves the text with the given MIME type", async () => {
    const seen = watchDownloads();
    downloadText("a,b\r\n1,2\r\n", "table.csv", "text/csv");
    expect(seen.clicks.map((c) => c.download)).toEqual(["table.csv"]);
    expect(seen.blobs[0]!.type).toBe("text/csv");
    expect(await seen.blobs[0]!.text()).toBe("a,b\r\n1,2\r\n");
  });
});
