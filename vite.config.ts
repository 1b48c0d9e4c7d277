import { defineConfig } from "vitest/config";
import type { Plugin } from "vite";
import { availableParallelism } from "node:os";
import { META_CONTENT_SECURITY_POLICY, devContentSecurityPolicy, headersFile, securityHeaders } from "./src/hosting/security-headers.ts";

/**
 * The security headers of src/hosting/security-headers.ts, everywhere the app is served: as HTTP
 * headers on every response of the dev server (with what hot reload needs) and of `vite preview`,
 * as `_headers` in the build (Netlify, Cloudflare Pages; docs/hosting.md for other hosts), and as
 * a <meta> policy in the built page for hosts that send no headers at all.
 */
function securityHeadersPlugin(): Plugin {
  return {
    name: "echelon-security-headers",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        // The Host header names the dev server's origin, where the hot-reload WebSocket goes.
        const host = /^[\w.-]+(:\d+)?$|^\[[\da-f:]+\](:\d+)?$/i.test(req.headers.host ?? "") ? req.headers.host! : "localhost";
        const headers = securityHeaders(devContentSecurityPolicy(host));
        for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
        next();
      });
    },
    transformIndexHtml: {
      order: "post",
      handler: (_html, ctx) => (ctx.server ? [] : [{ tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: META_CONTENT_SECURITY_POLICY }, injectTo: "head-prepend" }]),
    },
    generateBundle() {
      this.emitFile({ type: "asset", fileName: "_headers", source: headersFile() });
    },
  };
}

export default defineConfig({
  plugins: [securityHeadersPlugin()],
  server: { port: 5173, strictPort: false, host: "127.0.0.1" },
  preview: { port: 4173, host: "127.0.0.1", headers: securityHeaders() },
  worker: { format: "es" },
  build: { target: "es2022", sourcemap: false },
  test: {
    // Vitest's default is one file at a time per core less one: a single worker on a 2-core CI
    // machine, so the unit files and the cluster test (mostly waiting on Slurm) ran one after
    // another with a core idle. Two at least; the e2e project stays serial (fileParallelism).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/e2e/**"],
          environment: "node",
          setupFiles: ["test/setup/fast-check.ts"],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.e2e.ts"],
          globalSetup: ["test/e2e/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // After the unit and cluster projects, not beside them: projects run in parallel
          // otherwise, and the CLI and cluster tests' simulations on both cores doubled the CPU
          // time of the page's tasks that big-run.e2e.ts and run.e2e.ts measure (25 → 57 ms).
          sequence: { groupOrder: 1 },
        },
      },
      {
        // A real single-node Slurm cluster (test/cluster/slurm.cluster.ts): root only, skipped elsewhere.
        extends: true,
        test: { name: "cluster", include: ["test/cluster/**/*.cluster.ts"], environment: "node", testTimeout: 90_000, hookTimeout: 200_000 },
      },
    ],
  },
});
