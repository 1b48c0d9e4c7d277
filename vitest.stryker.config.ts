import { defineConfig } from "vitest/config";

/**
 * The tests Stryker runs against each mutant (stryker.config.mjs, docs/testing.md "Mutation
 * testing"): the engine's unit tests and the scenario tests, in Node. Not the browser (e2e), the
 * Slurm cluster or the fuzz sample: they are slow, and every behaviour they check in src/sim is
 * also checked by a unit test here.
 */
export default defineConfig({
  test: {
    include: ["test/sim/**/*.test.ts", "test/scenario*.test.ts"],
    environment: "node",
    setupFiles: ["test/setup/fast-check.ts"],
    testTimeout: 60_000,
  },
});
