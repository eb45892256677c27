// Every @example in the TSDoc of src/ is executed here, so the docs cannot rot
// (fast-check checks its docs' snippets the same way).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as adapters from "../../src/adapters/index.js";
import * as core from "../../src/index.js";
import {
  Approx,
  compileExample,
  exportedWithoutExample,
  extractExamples,
  mismatch,
  srcFiles,
} from "../helpers/examples.js";

// `support-metrics` and `support-metrics/adapters` share one namespace of names.
const lib: Record<string, unknown> = { ...core, ...adapters };
const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const files = srcFiles(join(root, "src"));
const examples = files.flatMap((f) => extractExamples(f, root));

describe("TSDoc @example blocks", () => {
  it("every exported function and class has an @example", () => {
    // Only the package's exports: internal helpers (src/internal, cores in stats/) need no example.
    const missing = files.flatMap((f) => exportedWithoutExample(f, root));
    expect(missing.filter((entry) => entry.slice(entry.lastIndexOf(" ") + 1) in lib)).toEqual([]);
  });

  it.each(examples.map((e) => [`${e.file}:${e.line} ${e.symbol}`, e] as const))("%s", async (_name, example) => {
    const { js, checks } = compileExample(example.code);
    expect(checks, "an example must show at least one `// =>` or `// throws` result").toBeGreaterThan(0);
    const failures: string[] = [];
    let ran = 0;
    const check = (thunk: () => unknown, expected: unknown, line: number, source: string) => {
      ran++;
      let actual: unknown;
      try {
        actual = thunk();
      } catch (error) {
        failures.push(`line ${line}: ${source} threw ${String(error)}`);
        return;
      }
      const reason = mismatch(actual, expected);
      if (reason) failures.push(`line ${line}: ${source}: ${reason}`);
    };
    const throws = (thunk: () => unknown, code: string, line: number, source: string) => {
      ran++;
      try {
        thunk();
      } catch (error) {
        const got = (error as { code?: unknown }).code;
        if (got !== code) failures.push(`line ${line}: ${source} threw code ${String(got)}, expected ${code}`);
        return;
      }
      failures.push(`line ${line}: ${source} did not throw (expected ${code})`);
    };
    // An async body, so examples of async functions can `await` (as statements, not inside a checked expression).
    const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;
    const run = new AsyncFunction("__lib", "__check", "__throws", "__num", js);
    await run(lib, check, throws, (text: string) => new Approx(text));
    expect(failures).toEqual([]);
    expect(ran, "every shown result must be reached").toBe(checks);
  });
});
