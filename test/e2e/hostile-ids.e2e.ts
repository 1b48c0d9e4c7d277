// A share link is the one way a stranger's scenario reaches a planner's page unasked. One whose
// ids are "__proto__" and "constructor" opens as an entry with its problems named, leaves
// Object.prototype as it was, and the planner's other scenarios still validate and run.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApp, type App } from "./harness.ts";

const serialText = readFileSync(join(import.meta.dirname, "../../scenarios/serial-example-6-1.json"), "utf8");
const hostile = JSON.parse(serialText.replace(/"stage-1"/g, '"__proto__"').replace(/"stage-2"/g, '"constructor"'));
hostile.name = "Hostile ids";
const link = `#scenario=${deflateRawSync(Buffer.from(JSON.stringify(hostile))).toString("base64url")}`;

describe("a share link with reserved ids", () => {
  let app: App;
  beforeAll(async () => { app = await openApp({ path: `/${link}`, viewport: { width: 1280, height: 720 } }); });
  afterAll(async () => { await app?.close(); });

  const dialog = () => app.page.locator("ech-message-dialog dialog");

  it("is refused with each reserved id named, nothing added, and Object.prototype untouched", async () => {
    const { page } = app;
    await expect.poll(() => dialog().locator("h2").innerText(), { timeout: 15_000 }).toBe("The shared scenario has problems");
    const texts = await dialog().locator("li").allInnerTexts();
    expect(texts.filter((t) => /reserved by JavaScript/.test(t)).length).toBeGreaterThanOrEqual(2);
    expect(texts.some((t) => t.startsWith("nodes[3].id"))).toBe(true);
    // A handful of problems, not thousands of second-hand ones.
    expect(texts.length).toBeLessThan(20);
    const added = await page.evaluate(() => {
      const builtIn = ["constructor", "__defineGetter__", "__defineSetter__", "hasOwnProperty", "__lookupGetter__", "__lookupSetter__", "isPrototypeOf", "propertyIsEnumerable", "toString", "valueOf", "__proto__", "toLocaleString"];
      return Object.getOwnPropertyNames(Object.prototype).filter((k) => !builtIn.includes(k));
    });
    expect(added).toEqual([]);
    await app.screenshot("hostile-ids-1280");
    await dialog().getByRole("button", { name: "Close" }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await page.locator("ech-library").innerText()).not.toContain("Hostile ids");
  });

  it("the scenario on screen still validates cleanly afterwards", async () => {
    const { page } = app;
    await expect.poll(() => page.locator("ech-scenario-editor .ok").innerText(), { timeout: 10_000 }).toBe("No problems found.");
    expect(app.foreignRequests()).toEqual([]);
  });
});
