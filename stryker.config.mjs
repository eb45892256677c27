// Mutation testing (`npm run mutation`): not part of `npm test`, it takes minutes
// per file. scripts/mutation.mjs runs Stryker once per file with that file's tests;
// `npx stryker run` alone mutates every file below against the whole suite.
// scripts/mutation.mjs names each run's reports after the file (MUTATION_SLUG).
const slug = process.env.MUTATION_SLUG ?? "all";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  coverageAnalysis: "perTest",
  mutate: [
    "src/survey/*.ts",
    "!src/survey/index.ts",
    "src/tickets/sla.ts",
    "src/tickets/durations.ts",
    "src/incentives/tiers.ts",
    "src/incentives/allocate.ts",
    "src/incentives/awards.ts",
  ],
  concurrency: 1,
  incremental: true,
  incrementalFile: `reports/mutation/${slug}.incremental.json`,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/${slug}.html` },
  jsonReporter: { fileName: `reports/mutation/${slug}.json` },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  timeoutMS: 10_000,
};
