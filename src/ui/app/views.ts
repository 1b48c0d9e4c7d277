/**
 * The views of the other workbench tabs (run, compare, replay) and the worker client, loaded
 * only when first needed so that the initial page stays small. `import.meta.glob` keeps the
 * build working while a module does not exist yet: then the tab shows a placeholder.
 */
import type { SimClientLike } from "../run/sim-client.ts";

const viewModules: Record<string, () => Promise<unknown>> = import.meta.glob(["../run/index.ts", "../compare/index.ts", "../replay/index.ts"]);
const clientModules = import.meta.glob<{ createSimClient: () => SimClientLike & { dispose?: () => void } }>("../../workers/client.ts");

export type ViewName = "run" | "compare" | "replay";

/** Loads the module that defines the view's element; false when the module is not there. */
export async function loadView(name: ViewName): Promise<boolean> {
  const load = viewModules[`../${name}/index.ts`];
  if (!load) return false;
  await load();
  return true;
}

let client: Promise<(SimClientLike & { dispose?: () => void }) | undefined> | undefined;
/** The one worker client of the page, created on first use; undefined when the worker module is missing. */
export function getSimClient() {
  client ??= (async () => {
    const load = Object.values(clientModules)[0];
    if (!load) return undefined;
    return (await load()).createSimClient();
  })();
  return client;
}
