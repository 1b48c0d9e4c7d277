// Mutation testing of src/sim (docs/testing.md "Mutation testing"). Run it with `npm run mutate`,
// which calls Stryker once per folder with that folder's --mutate, --testFiles and incremental file
// (scripts/mutate.mjs), then prints the score per folder. Not part of `npm test` or CI.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.stryker.config.ts", related: false },
  plugins: ["@stryker-mutator/vitest-runner"],
  // Each mutant runs only the tests that executed its code in the dry run.
  coverageAnalysis: "perTest",
  // Mutants in module-level code (constant tables) would need every test re-run per mutant.
  ignoreStatic: true,
  // The machine has 2 cores shared with other work; MUTATE_CONCURRENCY overrides.
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  // A mutant that makes a loop endless costs the test time × 2 + 5 s before it counts as killed.
  timeoutMS: 5_000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 30,
  incremental: true,
  reporters: ["clear-text", "progress"],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  thresholds: { high: 85, low: 80, break: null },
  // The sandbox needs the sources, the tests, the scenario library and docs (a test validates the
  // format doc's examples), not the build or screenshots.
  // Anchored with "/": a bare "dist" would also drop src/sim/random/dist (gitignore rules).
  ignorePatterns: ["/dist", "/test-output", "/reports", "/docs/img", "/bench", "/test/e2e", "/test/cluster", "/test/ui", "/test/cli", "/test/workers", "/test/fuzz", "/test/hosting", "/.git", "/.stryker-tmp"],
  tempDirName: ".stryker-tmp",
  // Stryker rewrites a tsconfig's `extends`/`references` for the sandbox through TypeScript's JS
  // API, which TypeScript 7 (native) no longer has; ours has neither, so it is pointed at no file.
  tsconfigFile: "tsconfig.none.json",
  cleanTempDir: "always",
};
