// The security headers have one source (src/hosting/security-headers.ts); the copies a host
// needs, in docs/hosting.md, must say the same.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, devContentSecurityPolicy, headersFile, nginxSnippet, securityHeaders } from "../../src/hosting/security-headers.ts";

const doc = readFileSync(join(import.meta.dirname, "..", "..", "docs", "hosting.md"), "utf8");
const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.slice(d.indexOf(" ") + 1)]));

describe("security headers", () => {
  it("securityHeaders() forbids framing, sniffing and referrers, and allows only the app's own origin", () => {
    const h = securityHeaders(), csp = directives(h["Content-Security-Policy"]);
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("default-src")).toBe("'self'");
    expect(csp.get("connect-src")).toBe("'self'");
    expect(csp.get("worker-src")).toBe("'self'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("no-referrer");
    expect(h["Cross-Origin-Opener-Policy"]).toBe("same-origin");
    expect(h["Permissions-Policy"]).not.toContain("clipboard-write");
  });

  it("the <meta> policy is the header's without frame-ancestors, which a meta tag cannot carry", () => {
    expect(META_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ""));
  });

  it("devContentSecurityPolicy(host) adds only the hot-reload WebSocket to connect-src", () => {
    const dev = directives(devContentSecurityPolicy("127.0.0.1:5173"));
    expect(dev.get("connect-src")).toBe("'self' ws://127.0.0.1:5173");
    dev.delete("connect-src");
    const prod = directives(CONTENT_SECURITY_POLICY);
    prod.delete("connect-src");
    expect(dev).toEqual(prod);
  });

  it("docs/hosting.md holds the _headers file and the nginx snippet exactly as generated", () => {
    expect(doc).toContain("```\n" + headersFile() + "```");
    expect(doc).toContain("```nginx\n" + nginxSnippet() + "```");
    expect(doc).toContain(CONTENT_SECURITY_POLICY);
  });
});
