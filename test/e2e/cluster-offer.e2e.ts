// The Run panel before a run too long for a browser (issue 13, "In the app"): it says how long,
// offers the cluster commands and the scenario as a file, and the Run button says it runs here
// anyway; a run of reasonable size shows none of it.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

describe("cluster offer", () => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
    const size = `${viewport.width}x${viewport.height}`;
    describe(size, () => {
      let app: App;
      beforeAll(async () => {
        app = await openApp({ viewport });
        await app.page.getByRole("tab", { name: "Run & results" }).click();
        await app.page.locator("ech-run-view").getByLabel("Replications", { exact: true }).waitFor();
      });
      afterAll(async () => { await app?.close(); });

      it("an hour-long run is announced before it starts, with the cluster commands and the scenario saved to a file", async () => {
        const page = app.page, run = () => page.locator("ech-run-view");
        const offer = run().getByRole("note", { name: "Run on a cluster" });
        expect(await offer.count()).toBe(0);
        expect(await run().getByRole("button", { name: "Run", exact: true }).count()).toBe(1);
        // 100,000 replications × 20,000 days of the retail network's 26 stocking nodes: 52 billion node-days.
        await run().getByLabel("Replications", { exact: true }).fill("100000");
        await run().getByLabel("Horizon (days)", { exact: true }).fill("20000");
        await offer.waitFor();
        const text = (await offer.innerText()).replace(/ \\\n\s+/g, " ");
        expect(text).toMatch(/This run would take about (\d+ h( \d+ min)?|\d+ days) on this device: 52 billion node-days at [\d.]+ million node-days a second \(assumed until a run here measures it\)/);
        expect(text).toMatch(/echelon plan slurm three-echelon-retail\.json --shards \d+ --replications 100000 --seed 42 --horizon 20000 --warmup 30 > run\.sh\nbash run\.sh/);
        expect(text).toContain("echelon plan kubernetes three-echelon-retail.json --shards");
        const button = run().getByRole("button", { name: /^Run here anyway \(about .+\)$/ });
        expect(await run().locator("p.empty").innerText()).toContain("Press Run here anyway to simulate 100000 replications of 20000 days");
        expect(await button.count()).toBe(1);
        const [download] = await Promise.all([page.waitForEvent("download"), offer.getByRole("button", { name: "Save scenario to file" }).click()]);
        expect(download.suggestedFilename()).toBe("three-echelon-retail.json");
        const saved = JSON.parse(readFileSync((await download.path())!, "utf8"));
        expect([saved.name, saved.nodes.length]).toEqual(["Three-echelon retail", 27]);
        await offer.scrollIntoViewIfNeeded();
        await app.screenshot(`cluster-offer-${size}`);
        expect(await seriousViolations(page)).toEqual([]);
        // Back to a run a browser does in seconds: no offer, a plain Run.
        await run().getByLabel("Replications", { exact: true }).fill("40");
        await run().getByLabel("Horizon (days)", { exact: true }).fill("365");
        await expect.poll(() => offer.count()).toBe(0);
        expect(await run().getByRole("button", { name: "Run", exact: true }).count()).toBe(1);
        expect(app.foreignRequests()).toEqual([]);
      });
    });
  }
});
