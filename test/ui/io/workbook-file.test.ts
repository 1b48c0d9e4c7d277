// The dialog's intro says what to do: fix cells when the importer named cells, nothing to fix
// when the file itself was refused (not a workbook, too large, a zip bomb). The importer runs
// in-process here; in the browser it is the workbook worker (test/e2e/xlsx*.e2e.ts).
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importWorkbook } from "../../../src/formats/network-workbook.ts";
import { openWorkbookFile } from "../../../src/ui/io/workbook-file.ts";

describe("openWorkbookFile", () => {
  it("a file refused whole says so; a workbook with bad cells asks for the cells to be fixed", async () => {
    const notZip = await openWorkbookFile(undefined, new File(["id,kind\nx,dc\n"], "fake.xlsx"), importWorkbook);
    expect(notZip).toMatchObject({ kind: "error", intro: "Nothing was changed; your current work is as it was. The workbook was refused:" });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Nodes").addRows([["id", "kind", "policy", "level"], ["a", "store", "base-stock", "lots"]]);
    const bad = await openWorkbookFile(undefined, new File([await wb.xlsx.writeBuffer()], "bad.xlsx"), importWorkbook);
    expect(bad).toMatchObject({ kind: "error", intro: "Nothing was changed. Fix these cells and import the workbook again:" });
  });

  it("a reader that stops (the worker ran out of memory) changes nothing and says so, naming the file", async () => {
    const stopped = await openWorkbookFile(undefined, new File(["x"], "huge.xlsx"), () => Promise.reject(new Error("the workbook reader failed to load or ran out of memory")));
    expect(stopped).toEqual({ kind: "error", intro: "Nothing was changed.", messages: ["huge.xlsx: the spreadsheet reader stopped before it finished (the workbook reader failed to load or ran out of memory)"] });
  });
});
