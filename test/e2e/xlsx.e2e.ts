// Spreadsheets both ways in Chromium: an .xlsx opened with the file input becomes a scenario
// (exceljs loads only then); a workbook of tables merges into the open scenario; a bad cell is
// named ("Nodes!D3: …") and nothing changes; the network and a run's results export as .xlsx.
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";
import { networkWorkbook } from "../../src/formats/network-workbook.ts";
import { importWorkbook } from "../../src/formats/network-workbook.ts";
import { honest, zeroBomb, zipOf } from "../helpers/hostile-zip.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const spareParts = JSON.parse(readFileSync(new URL("../../scenarios/spare-parts.json", import.meta.url), "utf8"));

async function book(sheets: Record<string, (string | number | null)[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const sheetsOf = async (path: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((w) => w.name);
};

describe("spreadsheets", () => {
  let app: App;
  beforeAll(async () => { app = await openApp(); });
  afterAll(async () => { await app?.close(); });

  it("opens an .xlsx with a Settings sheet as a new scenario, loading exceljs only then", async () => {
    const { page } = app;
    await expect.poll(() => page.locator("ech-network-diagram g.node").count(), { timeout: 15_000 }).toBe(27);
    expect(app.requests.filter((r) => /exceljs/i.test(r.url()))).toEqual([]);
    const buffer = Buffer.from(await networkWorkbook(spareParts));
    await page.locator("#file-input").setInputFiles({ name: "spare-parts.xlsx", mimeType: XLSX, buffer });
    await expect.poll(() => page.locator("ech-network-diagram g.node").count(), { timeout: 20_000 }).toBe(spareParts.nodes.length);
    await expect.poll(() => page.locator(".toast").innerText()).toContain("Opened spare-parts.xlsx as a new scenario.");
    expect(await page.locator("header .scenario-name").innerText()).toBe(spareParts.name);
    expect(app.requests.some((r) => /exceljs/i.test(r.url()))).toBe(true);
    expect(app.foreignRequests()).toEqual([]);
    await app.screenshot("xlsx-opened-1440x900");
  });

  it("names the bad cells of a workbook and changes nothing", async () => {
    const { page } = app;
    const buffer = await book({ Nodes: [["id", "kind", "policy", "level"], ["field-1", "store", "base-stock", 3], ["field-2", "store", "base-stock", "lots"]] });
    await page.locator("#file-input").setInputFiles({ name: "bad.xlsx", mimeType: XLSX, buffer });
    const dialog = page.locator("ech-message-dialog dialog");
    await expect.poll(() => dialog.innerText(), { timeout: 15_000 }).toContain("Nodes!D3: level must be a number >= 0, got 'lots'");
    expect(await dialog.innerText()).toContain("bad.xlsx was not imported");
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Close" }).click();
    expect(await page.locator("ech-network-diagram g.node").count()).toBe(spareParts.nodes.length);
  });

  it("refuses a file that is not a workbook with a clear message", async () => {
    const { page } = app;
    await page.locator("#file-input").setInputFiles({ name: "fake.xlsx", mimeType: XLSX, buffer: Buffer.from("id,kind\nx,dc\n") });
    await expect.poll(() => page.locator("ech-message-dialog dialog").innerText(), { timeout: 15_000 }).toContain("fake.xlsx: not an .xlsx workbook");
    await page.locator("ech-message-dialog dialog").getByRole("button", { name: "Close" }).click();
    expect(app.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });

  it("refuses a 300 KB workbook whose sheet declares 100 bytes but inflates to 300 MB, naming the file and the sheet, and stays usable", async () => {
    const { page } = app;
    const bomb = zipOf([honest("[Content_Types].xml", "<Types/>"), { name: "xl/worksheets/sheet1.xml", data: zeroBomb(300), method: 8, crc: 0, size: 100 }]);
    await page.locator("#file-input").setInputFiles({ name: "bomb.xlsx", mimeType: XLSX, buffer: Buffer.from(bomb) });
    const dialog = page.locator("ech-message-dialog dialog");
    await expect.poll(() => dialog.innerText(), { timeout: 15_000 }).toContain('bomb.xlsx: its "xl/worksheets/sheet1.xml" inflates to more than the 100 bytes its zip directory declares');
    expect(await dialog.innerText()).toContain("The workbook was refused:");
    await app.screenshot("xlsx-bomb-refused-1440x900");
    await dialog.getByRole("button", { name: "Close" }).click();
    expect(await page.locator("ech-network-diagram g.node").count()).toBe(spareParts.nodes.length);
    expect(app.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });

  it("merges a workbook of tables into the open scenario, as one undo step", async () => {
    const { page } = app;
    const buffer = await book({ Depots: [["id", "kind", "level", "lat", "lon", "place"], ["field-7", "store", 4, 41.39, 2.17, "Barcelona, ES"]], Links: [["from", "to", "leadTime"], ["depot", "field-7", 2]] });
    await page.locator("#file-input").setInputFiles({ name: "more.xlsx", mimeType: XLSX, buffer });
    await expect.poll(() => page.locator("ech-network-diagram g.node").count(), { timeout: 15_000 }).toBe(spareParts.nodes.length + 1);
    expect(await page.locator(".toast").innerText()).toContain("more.xlsx: 1 nodes added, 0 updated; 1 lanes added, 0 updated.");
    await page.locator(".toast").getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => page.locator("ech-network-diagram g.node").count()).toBe(spareParts.nodes.length);
  });

  it("exports the network as .xlsx (which imports back to the same scenario) and as CSV", async () => {
    const { page } = app;
    const select = page.locator("header label.templates select");
    const [download] = await Promise.all([page.waitForEvent("download"), select.selectOption("xlsx")]);
    expect(download.suggestedFilename()).toBe("spare-parts-intermittent-demand-at-six-field-stocks.xlsx");
    const path = (await download.path())!;
    expect(await sheetsOf(path)).toEqual(["Nodes", "Lanes", "Demand", "Settings"]);
    const bytes = readFileSync(path);
    const back = await importWorkbook(undefined, "x.xlsx", bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(back.ok && back.kind === "scenario" && back.scenario.nodes).toEqual(spareParts.nodes);
    const [csv] = await Promise.all([page.waitForEvent("download"), select.selectOption("lanes")]);
    expect(csv.suggestedFilename()).toBe("lanes.csv");
    expect(readFileSync((await csv.path())!, "utf8").split("\r\n")[0]).toMatch(/^from,to,leadTime,/);
  });

  it("exports a run's results as .xlsx, one sheet per table", async () => {
    const { page } = app;
    await page.locator("#tab-run").click();
    const replications = page.locator("ech-run-view").getByLabel("Replications", { exact: true });
    await replications.fill("20");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    const button = page.getByRole("button", { name: "Export Excel" });
    await expect.poll(() => button.count(), { timeout: 60_000 }).toBe(1);
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheets = await sheetsOf((await download.path())!);
    expect(sheets.slice(0, 4)).toEqual(["Summary", "Network", "Nodes", "Products"]);
    await app.screenshot("xlsx-results-1440x900");
  });

  it("shows the header's Spreadsheet menu at 1280×720", async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.locator("#tab-network").click();
    await page.waitForTimeout(300);
    await app.screenshot("xlsx-header-1280x720");
    expect(await page.locator("header label.templates").isVisible()).toBe(true);
  });
});
