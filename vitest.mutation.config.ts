import { defineConfig } from "vitest/config";

// The vitest setup Stryker runs (`npm run mutation`, see scripts/mutation.mjs):
// no type tests, and only the test files named in MUTATION_TESTS (comma-separated
// globs) so that each mutated file runs against its own tests.
const tests = process.env["MUTATION_TESTS"]?.split(",").filter(Boolean) ?? ["test/**/*.test.ts"];

export default defineConfig({
  test: {
    include: tests,
    exclude: ["test/deno/**", "node_modules/**"],
    typecheck: { enabled: false },
    testTimeout: 30_000,
  },
});
