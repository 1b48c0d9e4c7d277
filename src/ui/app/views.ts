/**
 * The views of the other workbench tabs (run, compare, watch) and the worker client, loaded
 * only when first needed so that the initial page stays small (bench/bundle-size.mjs).
 */
import type { SimClientLike } from "../run/sim-client.ts";

export type ViewName = "run" | "compare" | "watch";

const VIEW_MODULES: Record<ViewName, () => Promise<unknown>> = {
  run: () => import("../run/index.ts"),
  compare: () => import("../compare/index.ts"),
  watch: () => import("../watch/index.ts"),
};

/** Loads the module that defines the view's element. */
export async function loadView(name: ViewName): Promise<void> {
  await VIEW_MODULES[name]();
}

type PageClient = SimClientLike & { dispose?: () => void };
let client: Promise<PageClient> | undefined;
/** The one worker client of the page, created on first use. */
export function getSimClient(): Promise<PageClient> {
  client ??= import("../../workers/client.ts").then((m) => m.createSimClient());
  return client;
}
