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
 *   npm run mutate -- kernel --files review.ts,mitigations.ts   # a part of a folder, its own report
 *
 * MUTATE_CONCURRENCY (default 2) sets Stryker's test-runner processes. Not part of `npm test` or CI.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { FOLDERS, folderSources, incrementalFile, mutatePattern, partFile, partName, partsDirectory } from "./mutate/folders.ts";
import { compactReport } from "./mutate/compact-report.ts";
import { folderScore, formatScores } from "./mutate/summary.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { summary: { type: "boolean" }, force: { type: "boolean" }, files: { type: "string" } } });
const unknown = positionals.filter((name) => !FOLDERS.some((f) => f.name === name));
if (unknown.length > 0) {
  console.error(`mutate: no folder src/sim/${unknown[0]} to mutate; choose from ${FOLDERS.map((f) => f.name).join(", ")}`);
  process.exit(2);
}
const chosen = FOLDERS.filter((f) => positionals.length === 0 || positionals.includes(f.name));
const part = values.files === undefined ? undefined : values.files.split(",").map((f) => f.trim()).filter((f) => f !== "");
if (part !== undefined) {
  if (chosen.length !== 1 || positionals.length !== 1) {
    console.error("mutate: --files runs part of one folder; name exactly one folder, e.g. npm run mutate -- kernel --files review.ts");
    process.exit(2);
  }
  const sources = folderSources(chosen[0].name), missing = part.filter((f) => !sources.includes(f));
  if (part.length === 0 || missing.length > 0) {
    console.error(`mutate: --files: ${part.length === 0 ? "no file given" : `no file ${missing[0]} in src/sim/${chosen[0].name}`}; its files are ${sources.join(", ")}`);
    process.exit(2);
  }
}

let failed = false;
if (!values.summary) {
  for (const folder of chosen) {
    console.log(`\n== mutating src/sim/${folder.name} (tests: ${folder.tests.join(", ")})`);
    const report = part ? partFile(folder.name, part) : incrementalFile(folder.name);
    const mutate = part ? part.map((f) => `src/sim/${folder.name}/${f}`).join(",") : mutatePattern(folder.name);
    if (part) mkdirSync(partsDirectory(folder.name), { recursive: true });
    const sandbox = `.stryker-tmp/${folder.name.replace("/", "-")}${part ? `-${partName(part)}` : ""}`;
    const args = ["stryker", "run", "--mutate", mutate, "--testFiles", folder.tests.join(","), "--incrementalFile", report, "--tempDirName", sandbox];
    if (values.force) args.push("--force");
    const started = Date.now();
    const run = spawnSync("npx", args, { stdio: "inherit" });
    // Only a report this run wrote is stamped as measured now; a stopped run leaves the old one as it was.
    if (existsSync(report)) compactReport(report, statSync(report).mtimeMs >= started ? new Date() : undefined);
    if (run.status !== 0) {
      console.error(`mutate: Stryker stopped on src/sim/${folder.name} (exit ${run.status ?? run.signal})`);
      failed = true;
    }
  }
}
console.log(`\nMutation score per folder (reports/stryker-incremental/, target = share of mutants killed):\n`);
console.log(formatScores(FOLDERS.map(({ name, target }) => folderScore(name, target))));
process.exit(failed ? 1 : 0);
