// Drives Debian's Chromium (never a downloaded browser) through playwright-core against the
// built app served by global-setup.ts. Each `openApp()` gets a fresh profile, records every
// request the page makes, and saves screenshots under test-output/screenshots/.
import { chromium, type BrowserContext, type Page, type Request } from "playwright-core";
import { inject } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const SCREENSHOTS = join(import.meta.dirname, "..", "..", "test-output", "screenshots");

/** The flags DEVELOPERS.md asks for when Chromium runs as root on these machines. */
export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export function chromiumPath(): string {
  const found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
  if (!found) throw new Error("Chromium is not installed: run `apt-get install -y chromium` (npm test does this when it can)");
  return found;
}

export interface App {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly baseURL: string;
  /** Every request the page made, in order. */
  readonly requests: Request[];
  /** Console errors and uncaught page errors, for assertions. */
  readonly errors: string[];
  /** Requests to anything but the app's own origin (or data:/blob: URLs). */
  foreignRequests(): string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Path and query after the origin, e.g. "/#s=…". Default "/". */
  readonly path?: string;
  readonly viewport?: { width: number; height: number };
  /** Reuse a profile directory (to test persistence across browser restarts). */
  readonly userDataDir?: string;
}

export async function openApp(options: OpenOptions = {}): Promise<App> {
  const baseURL = inject("baseURL");
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), "echelon-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1440, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: Request[] = [];
  const errors: string[] = [];
  context.on("request", (r) => requests.push(r));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  const origin = new URL(baseURL).origin;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.goto(new URL(options.path ?? "/", baseURL).toString());
  return {
    page, context, baseURL, requests, errors,
    foreignRequests: () =>
      requests.map((r) => r.url()).filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")),
    async screenshot(name) {
      const file = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    async close() {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
