/**
 * Saving a file without the network: the bytes go into a Blob, a temporary object URL points at
 * it, and a hidden <a download> is clicked. The URL is revoked a little later (revoking at once
 * can cancel the download in some browsers).
 */

/** Saves `blob` as a file named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves `text` as a file named `fileName` with MIME type `type` (e.g. "text/csv"). */
export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}
