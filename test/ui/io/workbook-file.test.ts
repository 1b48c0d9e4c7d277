// The dialog's intro says what to do: fix cells when the importer named cells, nothing to fix
// when the file itself was refused (not a workbook, too large, a zip bomb).
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { openWorkbookFile } from "../../../src/ui/io/workbook-file.ts";

describe("openWorkbookFile", () => {
  it("a file refused whole says so; a workbook with bad cells asks for the cells to be fixed", async () => {
    const notZip = await openWorkbookFile(undefined, new File(["id,kind\nx,dc\n"], "fake.xlsx"));
    expect(notZip).toMatchObject({ kind: "error", intro: "Nothing was changed; your current work is as it was. The workbook was refused:" });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Nodes").addRows([["id", "kind", "policy", "level"], ["a", "store", "base-stock", "lots"]]);
    const bad = await openWorkbookFile(undefined, new File([await wb.xlsx.writeBuffer()], "bad.xlsx"));
    expect(bad).toMatchObject({ kind: "error", intro: "Nothing was changed. Fix these cells and import the workbook again:" });
  });
});
