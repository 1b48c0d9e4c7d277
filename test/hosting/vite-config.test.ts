// vite.config.ts serves the security headers from the dev server (with hot reload's WebSocket),
// from `vite preview`, and writes them into the build as `_headers`.
import { describe, expect, it } from "vitest";
import type { Plugin } from "vite";
import config from "../../vite.config.ts";
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy, headersFile, securityHeaders } from "../../src/hosting/security-headers.ts";

const plugin = (config.plugins as Plugin[]).find((p) => p.name === "echelon-security-headers")!;

/** The headers the dev server's middleware sets on a request with this Host header. */
function devHeaders(host: string | undefined): Record<string, string> {
  let middleware!: (req: unknown, res: unknown, next: () => void) => void;
  (plugin.configureServer as (s: unknown) => void)({ middlewares: { use: (m: typeof middleware) => { middleware = m; } } });
  const headers: Record<string, string> = {};
  let nexted = false;
  middleware({ headers: { host } }, { setHeader: (k: string, v: string) => { headers[k] = v; } }, () => { nexted = true; });
  expect(nexted).toBe(true);
  return headers;
}

describe("vite.config.ts", () => {
  it("vite preview sends every security header", () => {
    expect(config.preview?.headers).toEqual(securityHeaders());
    expect(config.preview?.headers?.["Content-Security-Policy"]).toBe(CONTENT_SECURITY_POLICY);
  });

  it("the dev server sends them on every response, connect-src naming its own WebSocket", () => {
    expect(devHeaders("127.0.0.1:5173")).toEqual(securityHeaders(devContentSecurityPolicy("127.0.0.1:5173")));
    expect(devHeaders("127.0.0.1:5173")["Content-Security-Policy"]).toContain("connect-src 'self' ws://127.0.0.1:5173;");
  });

  it("the dev server does not copy a strange Host header into its policy", () => {
    expect(devHeaders("evil; script-src *")["Content-Security-Policy"]).toContain("connect-src 'self' ws://localhost;");
    expect(devHeaders(undefined)["Content-Security-Policy"]).toContain("ws://localhost;");
  });

  it("the build gets a _headers file", () => {
    const emitted: { fileName?: string; source?: unknown }[] = [];
    (plugin.generateBundle as (this: unknown) => void).call({ emitFile: (f: { fileName?: string; source?: unknown }) => { emitted.push(f); return ""; } });
    expect(emitted).toEqual([{ type: "asset", fileName: "_headers", source: headersFile() }]);
  });
});
