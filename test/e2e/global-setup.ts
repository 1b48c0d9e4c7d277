// Builds the app once and serves the built files with `vite preview` on a free loopback port for
// every e2e spec. Browser tests run against the production build, the same files a user gets
// (with the Content-Security-Policy the build injects).
import type { TestProject } from "vitest/node";
import { build, preview, type PreviewServer } from "vite";
import { join } from "node:path";

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  const root = join(import.meta.dirname, "..", "..");
  // ECHELON_E2E_OUT_DIR keeps one engineer's build from replacing another's mid-run in a shared tree.
  const outDir = process.env.ECHELON_E2E_OUT_DIR ?? join(root, "test-output", "e2e-dist");
  if (process.env.ECHELON_E2E_NO_BUILD !== "1") {
    await build({ root, logLevel: "warn", build: { outDir, emptyOutDir: true } });
  }
  server = await preview({ root, logLevel: "warn", build: { outDir }, preview: { port: 0, host: "127.0.0.1", strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("vite preview did not report a local URL");
  project.provide("baseURL", url);
  return async () => {
    await server?.close();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}
