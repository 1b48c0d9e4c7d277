// Layers import in one direction only. Each rule below is one row of docs/architecture.md's layer
// table, with the reason for it, the way perfetto's tools/check_imports states its rules; the last
// tests check that the table and the rules name the same folders and that every source file
// belongs to a layer, so the layering is stated once (in the table) and enforced here.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { imports } from "./helpers/imports.ts";

const root = join(import.meta.dirname, "..");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(f) ? [p] : [];
  });
const exists = (p: string) => { try { statSync(join(root, p)); return true; } catch { return false; } };

interface Layer {
  readonly layer: string;
  readonly folders: readonly string[];
  /** What it may import besides its own folders: path prefixes (from the repository root) or patterns. */
  readonly may: readonly (string | RegExp)[];
  /** Packages (bare specifiers) it may import. */
  readonly packages: RegExp;
  /** Folders it may import `import type` from, besides `may`. */
  readonly typesFrom?: readonly string[];
  readonly why: string;
}

const M = "src/sim/model/", MATH = "src/sim/math/", RANDOM = "src/sim/random/", STATS = "src/sim/stats/";
const CORE = ["src/sim/kernel/", "src/sim/inventory/"], ENGINE = "src/sim/engine/";
const NOTHING = /^$/;

const layers: Layer[] = [
  { layer: "scenario model", folders: ["src/sim/model"], may: [], packages: NOTHING,
    why: "the scenario model is plain documented types: everything depends on it, so it depends on nothing" },
  { layer: "maths", folders: ["src/sim/math"], may: [], packages: NOTHING,
    why: "special functions are one implementation shared by randomness, statistics and optimisation, so it sits beneath all of them" },
  { layer: "validation", folders: ["src/sim/validate"], may: [M], packages: /^zod$/,
    why: "validation checks a scenario against the model before anything runs; the engine assumes valid input and never validates" },
  { layer: "randomness", folders: ["src/sim/random"], may: [M, MATH], packages: NOTHING,
    why: "streams and samplers are the engine's only source of randomness, seeded per source, and know nothing of the network" },
  { layer: "engine core", folders: ["src/sim/kernel", "src/sim/inventory"], may: [M, MATH, RANDOM], packages: NOTHING,
    why: "one layer: the kernel calls the policies and allocation rules, which read its state and ship through it; neither reaches up to the engine API" },
  { layer: "engine", folders: ["src/sim/engine"], may: [M, MATH, RANDOM, ...CORE], packages: NOTHING,
    why: "the engine API compiles scenarios for the core and turns its sums into KPIs; the core never calls back into it" },
  { layer: "statistics", folders: ["src/sim/stats"], may: [M, MATH], packages: /^d3-array$/,
    why: "statistics are pure accumulators and intervals over numbers, usable on any KPI table without running the engine" },
  { layer: "Monte Carlo reduction", folders: ["src/sim/montecarlo"], may: [M, MATH, "src/sim/validate/", STATS, ENGINE], packages: NOTHING,
    why: "the Monte Carlo core validates a run's scenario, deals it to any pool and merges replications in order whatever ran them, so it never depends on workers, the UI or the CLI" },
  { layer: "safety-stock optimisation", folders: ["src/sim/optimize"], may: [M, MATH, RANDOM, STATS], packages: NOTHING,
    why: "safety-stock optimisation is closed-form maths (distribution moments, a DP over the tree), never a simulation, so the UI may call it on the main thread" },
  { layer: "file formats", folders: ["src/formats"], may: ["src/sim/validate/"], packages: /^(exceljs|papaparse)$/,
    why: "reading and writing .xlsx, zip and CSV is pure (bytes and text to a scenario's JSON tree, no DOM), so the UI and the workbook worker share one implementation" },
  { layer: "worker entry points", folders: ["src/workers"], may: ["src/sim/", "src/formats/"], packages: /^(comlink(\/|$)|node:worker_threads$)/,
    why: "workers are thin entry points that serve the UI and the CLI, never the reverse: they run the engine, or read a file off the page's main thread" },
  { layer: "CLI", folders: ["src/cli"], may: ["src/sim/", "src/workers/"], packages: /^(?!lit|d3-selection|idb-keyval)/,
    why: "the CLI runs in Node on the same engine and workers as the app, never on its browser code" },
  { layer: "hosting", folders: ["src/hosting"], may: [], packages: NOTHING,
    why: "the security headers module imports nothing: vite.config.ts loads it in Node before anything is built" },
  { layer: "UI", folders: ["src/ui", "src/main.ts"],
    may: [M, "src/sim/validate/", STATS, "src/sim/optimize/", "src/formats/", /^src\/workers\/(?:[a-z-]+-)?client\.ts$/],
    typesFrom: ["src/sim/", "src/workers/"], packages: /^(?!comlink|node:|d3-selection|d3-transition|zod|exceljs)/,
    why: "the UI runs simulations in workers, reached only through their clients, and may call the engine's pure maths (validate, stats, optimize) and the file formats directly; lit owns the DOM, so no d3-selection; workbooks are read and written in the workbook worker, so exceljs never loads on the page" },
];
// Inside the engine core one family is a leaf: the textbook order-quantity functions.
const policies: Layer = { layer: "policies", folders: ["src/sim/inventory/policies"], may: [M], packages: NOTHING,
  why: "a policy's order quantity is a textbook formula of a position and its parameters, testable without a network" };

const layerOf = (path: string) => layers.find((l) => l.folders.some((f) => path === f || path.startsWith(`${f}/`)));
const matches = (p: string, allowed: readonly (string | RegExp)[]) => allowed.some((a) => (typeof a === "string" ? p.startsWith(a) : a.test(p)));

/** The imports of a layer's files that its row does not allow. */
function offences(l: Layer): string[] {
  const out: string[] = [];
  for (const folder of l.folders.filter(exists)) {
    const list = folder.endsWith(".ts") ? [join(root, folder)] : files(join(root, folder));
    for (const f of list) {
      const from = relative(root, f);
      for (const { spec, typeOnly } of imports(readFileSync(f, "utf8"))) {
        if (!spec.startsWith(".")) { if (!l.packages.test(spec)) out.push(`${from} imports the package ${spec}`); continue; }
        const to = relative(root, resolve(dirname(f), spec));
        if (!to.startsWith("src/")) continue;   // data files (scenarios, JSON, CSS) belong to no layer
        if (l.folders.some((d) => to === d || to.startsWith(`${d}/`)) || matches(to, l.may)) continue;
        if (typeOnly && l.typesFrom && matches(to, l.typesFrom)) continue;
        out.push(`${from} imports ${to}`);
      }
    }
  }
  return out;
}

describe("architecture", () => {
  for (const l of [...layers, policies]) {
    it(`${l.layer} (${l.folders.join(", ")}) imports only what its row allows: ${l.why}`, () => {
      expect(offences(l), l.why).toEqual([]);
    });
  }

  it("src/sim is pure: no Math.random, clock, timers, process, DOM or UI, worker and Node libraries", () => {
    const found: string[] = [];
    for (const f of files(join(root, "src/sim"))) {
      const src = readFileSync(f, "utf8"), code = src.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
      for (const { spec } of imports(src)) if (/^(lit|comlink|d3-selection|node:|idb-keyval|papaparse)/.test(spec)) found.push(`${relative(root, f)} imports ${spec}`);
      // process.env would also throw in a Web Worker, where `process` is not defined; timers are the
      // caller's (the Monte Carlo core takes its clock and stall timer as arguments).
      for (const m of code.matchAll(/\b(Math\.random|Date\.now|performance\.now|document\.|window\.|process\.|setTimeout|setInterval|queueMicrotask)/g)) found.push(`${relative(root, f)} uses ${m[0]}`);
    }
    expect(found, "the engine is pure and seeded: it must run unchanged in a worker, in Node and in tests").toEqual([]);
  });

  it("every source file belongs to a layer of the table", () => {
    const orphans = files(join(root, "src")).map((f) => relative(root, f)).filter((p) => !layerOf(p));
    expect(orphans, "a new folder is a new layer: add it to docs/architecture.md's table and a rule here").toEqual([]);
  });

  it("docs/architecture.md's layer table names exactly the folders of these rules", () => {
    const doc = readFileSync(join(root, "docs/architecture.md"), "utf8");
    const rows = doc.split("\n").filter((line) => /^\|[^|]+\|\s*`src\//.test(line));
    const documented = rows.flatMap((r) => [...r.split("|")[2].matchAll(/`(src\/[^`]+?)\/?`/g)].map((m) => m[1])).sort();
    expect(documented, "the table and the rules state the same layers").toEqual(layers.flatMap((l) => l.folders).sort());
  });
});
