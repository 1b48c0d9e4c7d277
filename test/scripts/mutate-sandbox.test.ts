// Stryker copies the project into a sandbox without the folders stryker.config.mjs ignores
// (test/ui, test/cli, …). A test it runs that imports from one of them fails to load there, and
// Stryker's vitest runner drops such a file without a word: frontier-csv.test.ts once imported
// test/ui's fixture, and every mutant of frontier-csv.ts read "no coverage". So no file Stryker
// runs may reach an ignored folder through its relative imports.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import strykerVitest from "../../vitest.stryker.config.ts";
import { imports } from "../helpers/imports.ts";

const root = resolve(import.meta.dirname, "..", "..");

/** What `strykerTests` lists, as vitest.stryker.config.ts writes it (checked below, so the two cannot drift apart). */
const STRYKER_INCLUDE = ["test/sim/**/*.test.ts", "test/scenario*.test.ts"];

/** The test files vitest.stryker.config.ts includes: test/sim/**\/*.test.ts and test/scenario*.test.ts. */
function strykerTests(): string[] {
  const sim = readdirSync(join(root, "test", "sim"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".test.ts")).map((f) => `test/sim/${f}`);
  const top = readdirSync(join(root, "test")).filter((f) => /^scenario.*\.test\.ts$/.test(f)).map((f) => `test/${f}`);
  return [...sim, ...top];
}

/** Every file under test/ that `files` reach through relative imports, themselves included. */
function reached(files: readonly string[]): Map<string, string> {
  const from = new Map<string, string>(files.map((f) => [f, f]));
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (!file.startsWith("test/")) continue;   // src is always in the sandbox
    for (const { spec } of imports(readFileSync(join(root, file), "utf8"))) {
      if (!spec.startsWith(".")) continue;   // a package, always installed in the sandbox
      const target = relative(root, resolve(root, dirname(file), spec)).split("\\").join("/");
      if (from.has(target) || !existsSync(join(root, target))) continue;
      from.set(target, file);
      queue.push(target);
    }
  }
  return from;
}

/** stryker.config.mjs's patterns are gitignore-style and anchored with "/": "/test/ui" is that folder. */
async function ignoredBySandbox(): Promise<(path: string) => boolean> {
  const { default: config } = (await import(pathToFileURL(join(root, "stryker.config.mjs")).href)) as { default: { ignorePatterns: string[] } };
  const anchored = config.ignorePatterns.filter((p) => p.startsWith("/")).map((p) => p.slice(1));
  return (path) => anchored.some((p) => path === p || path.startsWith(`${p}/`));
}

describe("the Stryker sandbox", () => {
  it("has every file the tests it runs import", async () => {
    const ignored = await ignoredBySandbox();
    const tests = strykerTests();
    expect(tests.length).toBeGreaterThan(100);
    const missing = [...reached(tests)].filter(([path]) => ignored(path)).map(([path, importer]) => `${importer} imports ${path}`);
    expect(missing).toEqual([]);
  });

  it("lists the test files vitest.stryker.config.ts includes", () => {
    expect(strykerVitest.test?.include).toEqual(STRYKER_INCLUDE);
  });

  it("would catch the import that once hid frontier-csv.test.ts", async () => {
    const ignored = await ignoredBySandbox();
    expect(ignored("test/ui/frontier/fixture.ts")).toBe(true);
    expect(ignored("test/sim/optimize/small-frontier.ts")).toBe(false);
    expect(ignored("test/sim/random/dist/normal.test.ts")).toBe(false);   // "/dist" is the build, not this
  });
});
