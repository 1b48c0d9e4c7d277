// @vitest-environment jsdom
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FilesController, type FilesHost } from "../../../src/ui/app/files-controller.ts";
import type { DialogContent } from "../../../src/ui/app/message-dialog.ts";
import type { Draft } from "../../../src/ui/editor/index.ts";
import { encodeShareHash } from "../../../src/ui/io/share-link.ts";
import { MAX_FILE_BYTES } from "../../../src/ui/io/scenario-file.ts";
import { BUILTIN_SCENARIOS } from "../../../src/ui/library/builtins.ts";
import type { LibraryEntry } from "../../../src/ui/storage/index.ts";

const retail = BUILTIN_SCENARIOS[0].scenario;

// Workbooks are read in a worker in the browser; here the same importer runs in-process.
vi.mock("../../../src/ui/io/workbook-file.ts", async (original) => {
  const actual = await original<typeof import("../../../src/ui/io/workbook-file.ts")>();
  const { importWorkbook } = await import("../../../src/formats/network-workbook.ts");
  return { ...actual, openWorkbookFile: (draft: Draft | undefined, f: File) => actual.openWorkbookFile(draft, f, importWorkbook) };
});
/** A workbook of one Nodes table. */
async function nodesWorkbook(name: string, rows: (string | number)[][]): Promise<File> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Nodes").addRows([["id", "kind", "level"], ...rows]);
  return new File([await wb.xlsx.writeBuffer()], name);
}

type TestHost = Omit<FilesHost, "draft"> & { draft: Draft | undefined; toasts: { message: string; undo?: () => void }[]; undos: number };

function setup() {
  const host: TestHost = {
    draft: retail, dialog: undefined as DialogContent | undefined, toasts: [], undos: 0,
    setDraft(next) { this.draft = next; },
    undo() { this.undos++; },
    showToast(message, undo) { this.toasts.push({ message, undo }); },
    addController: () => undefined, removeController: () => undefined, requestUpdate: () => undefined, updateComplete: Promise.resolve(true),
  };
  const added: { scenario: Draft; origin: string; validated?: boolean }[] = [];
  const library = {
    add: (scenario: Draft, origin: string, _name?: string, validated?: boolean): LibraryEntry => {
      added.push({ scenario, origin, validated });
      return { id: "new", scenario, origin, updated: 0 };
    },
  };
  return { host, added, files: new FilesController(host, library) };
}
const file = (name: string, text: string) => new File([text], name);

afterEach(() => { history.replaceState(null, "", "/"); });

describe("FilesController", () => {
  it("a scenario JSON file joins the library as checked; a CSV merges into the open scenario with Undo in the toast", async () => {
    const { host, added, files } = setup();
    await files.openFiles([file("mine.json", JSON.stringify({ ...retail, name: "Mine" })), file("nodes.csv", "id,kind,level\ndc-east,dc,900\n")]);
    expect(added.map((a) => [a.scenario.name, a.origin, a.validated])).toEqual([["Mine", "file:mine.json", true]]);
    expect((host.draft!.nodes as { policy?: { level: number } }[])[9].policy).toEqual({ type: "base-stock", level: 900 });
    expect(host.toasts.map((t) => t.message)).toEqual(["Opened mine.json as a new scenario.", "nodes.csv: 0 nodes added, 1 updated."]);
    host.toasts[1].undo!();
    expect(host.undos).toBe(1);
  });

  it("stops at the first file refused and names its problems, changing nothing", async () => {
    const { host, added, files } = setup();
    await files.openFiles([file("lanes.csv", "from,to,leadTime\nplant,central-dc,x\n"), file("later.json", JSON.stringify(retail))]);
    expect(host.dialog).toEqual({ title: "lanes.csv was not imported", intro: "Nothing was changed. Fix these lines and import the file again:", messages: ["lanes.csv line 2: leadTime must be a number >= 0, got 'x'"] });
    expect([host.draft, added]).toEqual([retail, []]);
  });

  it("a file too large stops there: its refusal stays on screen and no later file is opened", async () => {
    const { host, added, files } = setup();
    const huge = file("huge.json", "{}");
    Object.defineProperty(huge, "size", { value: MAX_FILE_BYTES + 1 });
    await files.openFiles([huge, file("lanes.csv", "from,to,leadTime\nplant,central-dc,x\n"), file("later.json", JSON.stringify(retail))]);
    expect(host.dialog).toEqual({ title: "huge.json is too large", intro: "Files up to 20 MB can be opened. It and the files after it were not opened." });
    expect([host.draft, added, host.toasts]).toEqual([retail, [], []]);
  });

  it("a CSV dropped with no scenario open says to open one first, and the files after it wait", async () => {
    const { host, added, files } = setup();
    host.draft = undefined;
    await files.openFiles([file("nodes.csv", "id,kind,level\ndc-east,dc,900\n"), file("later.json", JSON.stringify(retail))]);
    expect(host.dialog?.title).toBe("nodes.csv was not imported");
    expect(host.dialog?.intro).toContain("Open or create a scenario first, then drop the CSV.");
    expect([host.draft, added, host.toasts]).toEqual([undefined, [], []]);
  });

  it("a workbook's tables merge into the open scenario; not when it was edited while the workbook was read", async () => {
    const { host, files } = setup();
    await files.openFiles([await nodesWorkbook("more.xlsx", [["dc-east", "dc", 900]])]);
    expect((host.draft!.nodes as { policy?: { level: number } }[])[9].policy).toEqual({ type: "base-stock", level: 900 });
    expect(host.toasts.map((t) => t.message)).toEqual(["more.xlsx: 0 nodes added, 1 updated."]);
    const reading = files.openFiles([await nodesWorkbook("late.xlsx", [["dc-east", "dc", 5]])]);
    const edited = { ...host.draft!, name: "Edited meanwhile" };
    host.draft = edited;
    await reading;
    expect(host.draft).toBe(edited);
    expect(host.dialog).toEqual({ title: "late.xlsx was not imported", intro: "Nothing was changed: the scenario was edited or another one opened while the workbook was read. Import it again to merge its tables." });
  });

  it("a share link's scenario joins the library and the hash is cleared; a broken one says why", async () => {
    const { host, added, files } = setup();
    history.replaceState(null, "", `/#${await encodeShareHash({ ...retail, name: "Shared" })}`);
    await files.openLink();
    expect(added.map((a) => [a.scenario.name, a.origin, a.validated])).toEqual([["Shared", "link", true]]);
    expect(location.hash).toBe("");
    expect(host.toasts.at(-1)!.message).toBe("Added “Shared” from a shared link.");
    history.replaceState(null, "", `/#${await encodeShareHash({ ...retail, horizon: -1 })}`);
    await files.openLink();
    expect(host.dialog?.title).toBe("The shared scenario has problems");
    expect(added).toHaveLength(1);
  });
});
