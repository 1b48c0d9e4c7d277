// Layers import in one direction only (docs/architecture.md). The engine must stay pure so the
// same code runs in vitest, in a Web Worker and in a Node worker thread, and gives the same
// numbers everywhere: no DOM, no UI or worker libraries, no wall clock, no unseeded randomness.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(f) ? [p] : [];
  });
const imports = (src: string) => [...src.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]);

/** [folder, forbidden import pattern, forbidden source pattern, why] */
const rules: [string, RegExp, RegExp | null, string][] = [
  ["src/sim", /^(lit|comlink|d3-selection|node:|idb-keyval|papaparse)|\/(ui|workers|cli)\//, /\b(Math\.random|Date\.now|performance\.now|document\.|window\.)/,
    "the engine is pure and seeded: it must run unchanged in a worker, in Node and in tests"],
  ["src/sim/model", /^(?!\.\/)/, null, "the scenario model is plain documented types and imports nothing"],
  ["src/workers", /\/(ui|cli)\//, null, "workers serve the UI and the CLI, never the reverse"],
  ["src/ui", /\/cli\/|^node:/, null, "the UI runs in the browser and reaches the engine through the worker client"],
  ["src/ui", /\/workers\/(?!(?:[a-z-]+-)?client\.ts$)/, null, "the UI reaches the workers only through their clients (workers/client.ts, workers/*-client.ts), never their insides"],
  ["src/ui", /\/hosting\//, null, "the security headers are the server's business (vite.config.ts), not the app's"],
  ["src/hosting", /./, null, "the security headers module imports nothing: vite.config.ts loads it in Node before anything is built"],
  ["src/sim/optimize", /\/(kernel|inventory|engine|montecarlo)\//, null,
    "safety-stock optimisation is closed-form maths (distribution moments, a DP over the tree), never a simulation, so the UI may call it on the main thread"],
];

describe("architecture", () => {
  for (const [dir, badImport, badSource, why] of rules) {
    it(`${dir} imports only what its layer may (${why})`, () => {
      const offences: string[] = [];
      let dirExists = true;
      try { statSync(join(root, dir)); } catch { dirExists = false; }
      if (!dirExists) return;
      for (const f of files(join(root, dir))) {
        const src = readFileSync(f, "utf8");
        for (const spec of imports(src)) if (badImport.test(spec)) offences.push(`${relative(root, f)} imports ${spec}`);
        const code = src.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
        if (badSource) for (const m of code.matchAll(new RegExp(badSource, "g"))) offences.push(`${relative(root, f)} uses ${m[0]}`);
      }
      expect(offences, why).toEqual([]);
    });
  }
  it("src/ui imports the engine only as types, or through validate/stats/model/optimize", () => {
    const offences: string[] = [];
    try { statSync(join(root, "src/ui")); } catch { return; }
    for (const f of files(join(root, "src/ui"))) {
      const src = readFileSync(f, "utf8");
      for (const m of src.matchAll(/^import\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']/gm)) {
        const [, isType, spec] = m;
        if (!isType && /\/sim\/(kernel|inventory|engine|random|montecarlo)\//.test(spec)) offences.push(`${relative(root, f)} imports ${spec}`);
      }
    }
    expect(offences, "the UI runs simulations in workers, never on the main thread").toEqual([]);
  });
});
