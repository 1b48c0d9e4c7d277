// The page and its simulation worker are served with the security headers of
// src/hosting/security-headers.ts: the worker cannot reach another origin, and another origin
// cannot frame the app. The "other origins" are servers on 127.0.0.1 that this test starts on
// ports of its own; nothing outside this machine is contacted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Worker } from "playwright-core";
import { join } from "node:path";
import { SCREENSHOTS, openApp, type App } from "./harness.ts";

/** A server on a free loopback port that records every request and answers `body`. */
async function localServer(body: (url: string) => string) {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.url ?? "");
    // Open to every origin, so that only the app's own policy can stop a request from it.
    res.writeHead(200, { "content-type": "text/html", "access-control-allow-origin": "*" });
    res.end(body(req.url ?? ""));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, seen, close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }) };
}

describe("security headers", () => {
  let app: App;
  let worker: Worker;
  beforeAll(async () => {
    app = await openApp();
    // The simulation workers start with the first run.
    const started = app.page.waitForEvent("worker", { timeout: 30_000 });
    await app.page.getByRole("tab", { name: "Run & results" }).click();
    await app.page.getByRole("button", { name: "Run", exact: true }).click();
    worker = await started;
  });
  afterAll(async () => { await app?.close(); });

  it("sends the policy, nosniff, no-referrer and frame-ancestors 'none' on the page and on the worker script", async () => {
    for (const url of [app.baseURL, worker.url()]) {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, url).toContain("connect-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options"), url).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), url).toBe("no-referrer");
      expect(res.headers.get("cross-origin-opener-policy"), url).toBe("same-origin");
      expect(res.headers.get("permissions-policy"), url).toContain("camera=()");
    }
  });

  it("a fetch from inside the simulation worker to another origin is blocked and never sent", async () => {
    const target = await localServer(() => "reached");
    try {
      const outcome = await worker.evaluate(async (url) => {
        try { return `sent: ${await (await fetch(url)).text()}`; } catch (e) { return `blocked: ${(e as Error).name}`; }
      }, `${target.origin}/from-the-worker`);
      expect(outcome).toBe("blocked: TypeError");
      // Give a request that did leave time to arrive before asserting that none did.
      await new Promise((r) => setTimeout(r, 500));
      expect(target.seen).toEqual([]);
    } finally {
      await target.close();
    }
  });

  it("refuses to be framed by another origin", async () => {
    const framer = await localServer(() => `<!doctype html><title>framer</title><iframe id="app" src="${app.baseURL}" width="800" height="600"></iframe>`);
    const page = await app.context.newPage();
    const refusals: string[] = [], appRequests: string[] = [];
    page.on("console", (m) => { if (/frame-ancestors/.test(m.text())) refusals.push(m.text()); });
    page.on("request", (r) => { if (r.url().startsWith(new URL(app.baseURL).origin)) appRequests.push(r.url()); });
    try {
      await page.goto(`${framer.origin}/`);
      await expect.poll(() => refusals.length, { timeout: 15_000 }).toBeGreaterThan(0);
      // Had the app loaded in the frame, it would have fetched its scripts within this time.
      await page.waitForTimeout(1000);
      expect(appRequests.filter((u) => /\.(js|css)$/.test(u))).toEqual([]);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      expect(frame?.url().startsWith(new URL(app.baseURL).origin)).toBe(false);
      await page.screenshot({ path: join(SCREENSHOTS, "framed-refused.png") });
    } finally {
      await page.close();
      await framer.close();
    }
  });
});
