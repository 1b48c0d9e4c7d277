/**
 * The HTTP headers the workbench is served with: the one source of truth for its
 * Content-Security-Policy and the other defences. vite.config.ts sends them from the dev and
 * preview servers, writes `_headers` into the build, and injects the policy as a <meta> tag too;
 * docs/hosting.md holds the same headers for static hosts and nginx (a test keeps it in step).
 *
 * Why headers and not only the <meta> tag: a <meta> policy cannot say `frame-ancestors` (browsers
 * ignore it there), and it does not reach the simulation worker, whose script gets the policy of
 * its own response. Served as headers on every file, the policy covers the page and the worker.
 * Nothing here is imported by the app itself.
 */

/** The app makes no network requests: everything is bundled, fonts are system fonts. */
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ["default-src", "'self'"],
  ["script-src", "'self'"],
  ["worker-src", "'self'"],
  // lit's styles are constructed style sheets; the charts set inline style attributes.
  ["style-src", "'self' 'unsafe-inline'"],
  // Chart export draws SVG into an <img> from a blob: or data: URL.
  ["img-src", "'self' data: blob:"],
  ["connect-src", "'self'"],
  ["object-src", "'none'"],
  ["base-uri", "'none'"],
  ["form-action", "'none'"],
  // Only honoured as a header: no other site may put the workbench in a frame (clickjacking).
  ["frame-ancestors", "'none'"],
];

const policy = (skip: (name: string) => boolean, extra: Record<string, string> = {}) =>
  DIRECTIVES.filter(([name]) => !skip(name)).map(([name, value]) => `${name} ${value}${extra[name] ? ` ${extra[name]}` : ""}`).join("; ");

/** The policy sent as a header in production and by `vite preview`. */
export const CONTENT_SECURITY_POLICY = policy(() => false);

/** The same policy as a <meta> tag can carry it (without frame-ancestors, which a meta tag cannot set). */
export const META_CONTENT_SECURITY_POLICY = policy((name) => name === "frame-ancestors");

/**
 * The dev server's policy. Vite's hot reload needs two things more, and nothing else: its client
 * opens a WebSocket back to the dev server (`ws:` of the same host and port, which Chromium and
 * Firefox accept under 'self' but older Safari does not), and it injects CSS as <style> elements
 * (already allowed by 'unsafe-inline'). So connect-src also names the dev server's ws: origin.
 */
export function devContentSecurityPolicy(hostAndPort: string): string {
  return policy(() => false, { "connect-src": `ws://${hostAndPort}` });
}

/** Every header, in the order they are documented. */
export function securityHeaders(csp: string = CONTENT_SECURITY_POLICY): Record<string, string> {
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    // A window this page opens (or that opens it) gets no handle on it.
    "Cross-Origin-Opener-Policy": "same-origin",
    // Other sites may not load the app's scripts or data as subresources.
    "Cross-Origin-Resource-Policy": "same-origin",
    // Powerful features the workbench never uses. (clipboard-write stays allowed: Share link copies.)
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), display-capture=()",
  };
}

/** A `_headers` file (Netlify, Cloudflare Pages): every path gets every header. */
export function headersFile(headers: Record<string, string> = securityHeaders()): string {
  return `/*\n${Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`).join("\n")}\n`;
}

/** The same headers for an nginx `server` or `location` block (`always`: on error pages too). */
export function nginxSnippet(headers: Record<string, string> = securityHeaders()): string {
  return Object.entries(headers).map(([k, v]) => `add_header ${k} "${v}" always;`).join("\n") + "\n";
}
