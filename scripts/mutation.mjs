#!/usr/bin/env node
// `npm run mutation [-- src/tickets/sla.ts …]`: Stryker once per source file, each
// against only the test files that exercise it, so one run takes minutes, not an
// hour. Results are incremental (reports/mutation/<file>.incremental.json): a rerun
// tests only the mutants whose code or tests changed. Prints one score line per file.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const survey = readdirSync("src/survey")
  .filter((name) => name.endsWith(".ts") && name !== "index.ts")
  .map((name) => `src/survey/${name}`);

/** Every file's examples in TSDoc are tests too (test/docs/examples.test.ts runs them). */
const docs = "test/docs/examples.test.ts";

/** Each mutated file and the tests that must notice its mutants. */
const targets = new Map([
  ...survey.map((file) => [file, ["test/survey/**/*.test.ts"]]),
  ["src/tickets/sla.ts", ["test/tickets/sla*.test.ts", "test/tickets/business-hours.test.ts"]],
  ["src/tickets/durations.ts", ["test/tickets/durations*.test.ts", "test/tickets/incident-log.test.ts"]],
  [
    "src/incentives/tiers.ts",
    ["test/incentives/tiers.test.ts", "test/incentives/evaluate*.test.ts", "test/incentives/trace.test.ts"],
  ],
  ["src/incentives/allocate.ts", ["test/incentives/allocate*.test.ts", "test/incentives/evaluate*.test.ts"]],
  [
    "src/incentives/ledger/check-previous.ts",
    ["test/incentives/ledger/previous.test.ts", "test/incentives/ledger/settle.test.ts"],
  ],
  [
    "src/incentives/awards.ts",
    ["test/incentives/awards.test.ts", "test/incentives/evaluate*.test.ts", "test/incentives/trace.test.ts"],
  ],
]);

const asked = process.argv.slice(2);
const unknown = asked.filter((file) => !targets.has(file));
if (unknown.length > 0) {
  console.error(`Not a mutation target: ${unknown.join(", ")}. Targets: ${[...targets.keys()].join(", ")}`);
  process.exit(2);
}

const scores = [];
for (const file of asked.length > 0 ? asked : targets.keys()) {
  const slug = file
    .replace(/^src\//, "")
    .replace(/\.ts$/, "")
    .replaceAll("/", "-");
  const report = `reports/mutation/${slug}.json`;
  const run = spawnSync("npx", ["stryker", "run", "--mutate", file], {
    stdio: "inherit",
    env: { ...process.env, MUTATION_SLUG: slug, MUTATION_TESTS: [...targets.get(file), docs].join(",") },
  });
  if (run.status !== 0) {
    console.error(`stryker failed on ${file} (exit ${run.status})`);
    process.exit(run.status ?? 1);
  }
  scores.push([file, score(report)]);
}
for (const [file, s] of scores) console.log(`${file}: ${s}`);

/** Mutation score as Stryker counts it: (killed + timeout) / (all − ignored − no coverage errors). */
function score(path) {
  const { files } = JSON.parse(readFileSync(path, "utf8"));
  const tally = {};
  for (const { mutants } of Object.values(files)) {
    for (const { status } of mutants) tally[status] = (tally[status] ?? 0) + 1;
  }
  const detected = (tally.Killed ?? 0) + (tally.Timeout ?? 0);
  const undetected = (tally.Survived ?? 0) + (tally.NoCoverage ?? 0);
  const total = detected + undetected;
  const percent = total === 0 ? "n/a" : `${((detected * 100) / total).toFixed(1)} %`;
  return `${percent} (${detected} of ${total} detected; survived ${tally.Survived ?? 0}, no coverage ${tally.NoCoverage ?? 0})`;
}
