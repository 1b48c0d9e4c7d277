export { createIdbStore, createMemoryStore, type KeyValueStore } from "./store.ts";
export { loadWorkspace, saveWorkspace, type LibraryEntry, type Session, type Workspace } from "./workspace.ts";
