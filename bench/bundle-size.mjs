// Builds the workbench and prints the gzipped size of its initial JavaScript (the entry script and
// every module it preloads, as listed in the built index.html) against the 200 KB budget. Chunks
// loaded later (workers, the run/compare/watch views) are listed apart and not counted.
// Usage: node bench/bundle-size.mjs   (exit code 1 when over budget)
import { build } from "vite";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const LIMIT_KB = 200;
const root = join(import.meta.dirname, "..");
const outDir = mkdtempSync(join(tmpdir(), "echelon-bundle-"));
try {
  await build({ root, logLevel: "warn", build: { outDir, emptyOutDir: true } });
  const html = readFileSync(join(outDir, "index.html"), "utf8");
  const initial = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const gz = (file) => gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length / 1024;
  const row = (file) => `  ${file.padEnd(48)} ${gz(file).toFixed(1).padStart(7)} KB gzipped`;
  const total = initial.reduce((sum, f) => sum + gz(f), 0);
  console.log("Initial JavaScript:");
  initial.forEach((f) => console.log(row(f)));
  console.log("Loaded later (not counted):");
  readdirSync(join(outDir, "assets")).filter((f) => f.endsWith(".js") && !initial.includes(`assets/${f}`)).forEach((f) => console.log(row(`assets/${f}`)));
  console.log(`\nInitial JS: ${total.toFixed(1)} KB gzipped of a ${LIMIT_KB} KB budget (${((100 * total) / LIMIT_KB).toFixed(0)}%) — ${total <= LIMIT_KB ? "OK" : "OVER BUDGET"}`);
  process.exitCode = total <= LIMIT_KB ? 0 : 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
