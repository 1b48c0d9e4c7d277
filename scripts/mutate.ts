/**
 * `npm run mutate`: mutation testing of src/sim with Stryker (docs/testing.md "Mutation testing").
 * Runs Stryker once per folder — that folder's files mutated, its tests (scripts/mutate/folders.ts),
 * its own incremental report under reports/stryker-incremental/ — then prints the score per folder
 * for every folder, saying which have not been run yet.
 *
 *   npm run mutate                      # every folder of src/sim
 *   npm run mutate -- stats math        # only these folders
 *   npm run mutate -- --summary         # only print the scores of the committed reports
 *   npm run mutate -- stats --force     # ignore the incremental report, test every mutant again
 *
 * MUTATE_CONCURRENCY (default 2) sets Stryker's test-runner processes. Not part of `npm test` or CI.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { FOLDERS, incrementalFile, mutatePattern } from "./mutate/folders.ts";
import { compactReport } from "./mutate/compact-report.ts";
import { folderScore, formatScores } from "./mutate/summary.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { summary: { type: "boolean" }, force: { type: "boolean" } } });
const unknown = positionals.filter((name) => !FOLDERS.some((f) => f.name === name));
if (unknown.length > 0) {
  console.error(`mutate: no folder src/sim/${unknown[0]} to mutate; choose from ${FOLDERS.map((f) => f.name).join(", ")}`);
  process.exit(2);
}
const chosen = FOLDERS.filter((f) => positionals.length === 0 || positionals.includes(f.name));

let failed = false;
if (!values.summary) {
  for (const folder of chosen) {
    console.log(`\n== mutating src/sim/${folder.name} (tests: ${folder.tests.join(", ")})`);
    const args = ["stryker", "run", "--mutate", mutatePattern(folder.name), "--testFiles", folder.tests.join(","), "--incrementalFile", incrementalFile(folder.name), "--tempDirName", `.stryker-tmp/${folder.name.replace("/", "-")}`];
    if (values.force) args.push("--force");
    const run = spawnSync("npx", args, { stdio: "inherit" });
    if (existsSync(incrementalFile(folder.name))) compactReport(incrementalFile(folder.name));
    if (run.status !== 0) {
      console.error(`mutate: Stryker stopped on src/sim/${folder.name} (exit ${run.status ?? run.signal})`);
      failed = true;
    }
  }
}
console.log(`\nMutation score per folder (reports/stryker-incremental/, target = share of mutants killed):\n`);
console.log(formatScores(FOLDERS.map(({ name, target }) => folderScore(name, target))));
process.exit(failed ? 1 : 0);
