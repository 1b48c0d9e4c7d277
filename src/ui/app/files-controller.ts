/**
 * Files and links, in and out. In: Open file… and files dropped on the page (a scenario JSON or an
 * Excel workbook opens as a new scenario; a CSV or a workbook's tables merge into the open one as
 * one undo step), and a share link's scenario (the page's `#s=…` hash) joins the library. Out: Save
 * file, Share link and the Spreadsheet menu. Whatever is refused is named in a dialog, with nothing
 * changed.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { Draft } from "../editor/index.ts";
import { csvTemplate, decodeShareHash, fileNameFor, importCsv, shareUrl, type CsvKind } from "../io/index.ts";
import { MAX_FILE_BYTES, openFile, parseScenarioSource, scenarioFileText } from "../io/scenario-file.ts";
import { isWorkbookFile, networkFile, openWorkbookFile, type NetworkExport } from "../io/workbook-file.ts";
import { entryName } from "../library/index.ts";
import { downloadBlob, downloadText } from "../shared/download.ts";
import { formatIssue } from "../shared/validate.ts";
import type { LibraryController } from "./library-controller.ts";
import { listen } from "./listen.ts";
import type { DialogContent } from "./message-dialog.ts";

export interface FilesHost extends ReactiveControllerHost {
  readonly draft: Draft | undefined;
  dialog: DialogContent | undefined;
  /** Records `next` as the open scenario: one undo step. */
  setDraft(next: Draft): void;
  undo(): void;
  showToast(message: string, undo?: () => void): void;
}

export class FilesController implements ReactiveController {
  /** A file is being dragged over the page: the shell shows where to drop it. */
  dragging = false;
  private unlisten: (() => void) | undefined;

  constructor(private readonly host: FilesHost, private readonly library: Pick<LibraryController, "add">) {
    host.addController(this);
  }

  hostConnected() {
    this.unlisten = listen([
      [window, "hashchange", this.openLink], [window, "dragover", this.onDragOver], [window, "dragleave", this.onDragLeave], [window, "drop", this.onDrop],
    ]);
  }

  hostDisconnected() {
    this.unlisten?.();
  }

  /** Opens or imports each file in turn; stops at the first one refused, which a dialog explains. */
  async openFiles(files: Iterable<File>) {
    const host = this.host;
    for (const file of files) {
      if (file.size > MAX_FILE_BYTES) {
        host.dialog = { title: `${file.name} is too large`, intro: `Files up to ${MAX_FILE_BYTES / 1048576} MB can be opened. It and the files after it were not opened.` };
        return;
      }
      if (isWorkbookFile(file.name)) {
        if (await this.openWorkbook(file)) continue;
        return;
      }
      const opened = await openFile(file);
      if (opened.kind === "error") {
        host.dialog = { title: `${file.name} could not be opened`, intro: "Nothing was changed; your current work is as it was. The file has these problems:", messages: opened.messages };
        return;
      }
      if (opened.kind === "scenario") { this.library.add(opened.scenario, `file:${file.name}`, undefined, true); host.showToast(`Opened ${file.name} as a new scenario.`); continue; }
      if (!host.draft) {
        host.dialog = { title: `${file.name} was not imported`, intro: "A CSV adds to or updates the open scenario, and none is open. Open or create a scenario first, then drop the CSV." };
        return;
      }
      const r = importCsv(host.draft, file.name, opened.text);
      if (!r.ok) {
        host.dialog = { title: `${file.name} was not imported`, intro: "Nothing was changed. Fix these lines and import the file again:", messages: r.errors };
        return;
      }
      host.setDraft(r.draft);
      host.showToast(`${file.name}: ${r.added} ${r.kind} added, ${r.updated} updated.`, () => host.undo());
    }
  }

  /** Opens an .xlsx: a new scenario, or its tables merged into this one (one undo step); false when refused. */
  private async openWorkbook(file: File): Promise<boolean> {
    const host = this.host, base = host.draft;
    const r = await openWorkbookFile(base, file);
    if (r.kind === "error") { host.dialog = { title: `${file.name} was not imported`, intro: r.intro, messages: r.messages }; return false; }
    if (r.kind === "scenario") { this.library.add(r.scenario, `file:${file.name}`, undefined, true); host.showToast(`Opened ${file.name} as a new scenario.`); return true; }
    // The page stays usable while a worker reads the workbook: tables merged into a draft since
    // edited, or into another scenario since opened, would undo that work or land in the wrong place.
    if (host.draft !== base) {
      host.dialog = { title: `${file.name} was not imported`, intro: "Nothing was changed: the scenario was edited or another one opened while the workbook was read. Import it again to merge its tables." };
      return false;
    }
    host.setDraft(r.draft);
    host.showToast(`${file.name}: ${r.summary}.`, () => host.undo());
    return true;
  }

  /** The scenario in the page's share-link hash, if any, joins the library; the hash is cleared. */
  openLink = async () => {
    const host = this.host;
    let text: string | undefined;
    try {
      text = await decodeShareHash(location.hash);
    } catch (e) {
      host.dialog = { title: "The shared link could not be opened", messages: [(e as Error).message] };
    }
    if (text === undefined) return;
    window.history.replaceState(null, "", location.pathname + location.search);
    const r = await parseScenarioSource(new Blob([text]));
    if (!r.ok) {
      host.dialog = { title: "The shared scenario has problems", intro: "It was not added to your library.", messages: r.errors.map(formatIssue) };
      return;
    }
    const entry = this.library.add(r.scenario, "link", undefined, true);
    host.showToast(`Added “${entryName(entry)}” from a shared link.`);
  };

  /** Save file: the open scenario as JSON. */
  save() {
    const draft = this.host.draft;
    if (draft) downloadText(scenarioFileText(draft), fileNameFor(draft.name), "application/json");
  }

  /** Share link: the scenario inside a link, copied to the clipboard where the browser allows. */
  async share() {
    const host = this.host;
    if (!host.draft) return;
    const url = await shareUrl(host.draft, location.href);
    let copied = false;
    try { await navigator.clipboard?.writeText(url); copied = true; } catch { /* shown in the dialog instead */ }
    host.dialog = { title: "Share this scenario", intro: `${copied ? "The link is copied to the clipboard. " : ""}The scenario travels inside the link itself (${Math.round(url.length / 1024)} KB); nothing is uploaded.`, copyText: url };
  }

  /** The Spreadsheet menu: the network as .xlsx or one CSV table, or an empty CSV template. */
  async spreadsheet(choice: string) {
    const draft = this.host.draft;
    if (!draft || !choice) return;
    if (choice.startsWith("template:")) { downloadText(csvTemplate(choice.slice("template:".length) as CsvKind), `${choice.slice("template:".length)}.csv`, "text/csv"); return; }
    try {
      const what = choice as NetworkExport;
      downloadBlob(await networkFile(draft, what), what === "xlsx" ? fileNameFor(draft.name, "xlsx") : `${what}.csv`);
    } catch (e) {
      this.host.showToast(`The spreadsheet could not be written: ${(e as Error).message}`);
    }
  }

  private onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes("Files")) return;
    e.preventDefault();
    this.setDragging(true);
  };

  private onDragLeave = (e: DragEvent) => { if (!e.relatedTarget) this.setDragging(false); };

  private onDrop = (e: DragEvent) => {
    this.setDragging(false);
    if (!e.dataTransfer?.files.length) return;
    e.preventDefault();
    void this.openFiles(e.dataTransfer.files);
  };

  private setDragging(dragging: boolean) {
    if (dragging === this.dragging) return;
    this.dragging = dragging;
    this.host.requestUpdate();
  }
}
