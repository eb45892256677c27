/**
 * The Deno suite: every public export, called once with a known answer, against
 * the TypeScript source (`src/index.ts`, as JSR serves it) and the built ESM
 * (`dist/index.js`, as npm serves it). Run by `node scripts/deno-test.mjs`
 * inside `npm test`. The file name avoids `*.test.ts` so vitest and bun skip it.
 *
 * Strict coverage: a test per module fails listing every runtime export that has
 * no entry in `cases.ts`. Entries for exports that do not exist yet are ignored.
 */
import assert from "node:assert/strict";
import * as sourceAdapters from "../../src/adapters/index.ts";
import * as source from "../../src/index.ts";
import { cases, type Lib } from "./cases.ts";

interface DenoTestDefinition {
  name: string;
  fn: () => void | Promise<void>;
  ignore?: boolean;
}
const { test } = (globalThis as unknown as { Deno: { test(t: DenoTestDefinition): void } }).Deno;

// A computed specifier keeps the typecheck of tests independent of a build.
const distUrl = new URL("../../dist/index.js", import.meta.url).href;
const built: Lib = await import(distUrl);
const builtAdapters: Lib = await import(new URL("../../dist/adapters.js", import.meta.url).href);

// Both public entries: `support-metrics` and `support-metrics/adapters` (one table of cases by name).
const modules: [string, Lib][] = [
  ["src", source as Lib],
  ["dist", built],
  ["src adapters", sourceAdapters as Lib],
  ["dist adapters", builtAdapters],
];

for (const [label, lib] of modules) {
  test({
    name: `${label}: every runtime export has a known-answer case`,
    fn() {
      const missing = Object.keys(lib).filter((name) => !Object.hasOwn(cases, name));
      assert.deepEqual(missing, [], `exports without an entry in test/deno/cases.ts: ${missing.join(", ")}`);
    },
  });
  for (const [name, run] of Object.entries(cases)) {
    test({ name: `${label}: ${name}`, ignore: !Object.hasOwn(lib, name), fn: () => run(lib) });
  }
}

test({
  name: "src and dist export the same names",
  fn() {
    assert.deepEqual(Object.keys(source).sort(), Object.keys(built).sort());
    assert.deepEqual(Object.keys(sourceAdapters).sort(), Object.keys(builtAdapters).sort());
  },
});
