export { EchelonApp, TABS, type TabId } from "./app-shell.ts";
export { MessageDialog, type DialogContent } from "./message-dialog.ts";
