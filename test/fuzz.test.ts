/**
 * Fuzz over every export (of the package and of its adapters subpath): arguments from fast-check's `anything()` never make a
 * function throw anything but the library's own errors (a `code` to compare), and those errors point somewhere: a
 * `MetricInputError` names the export as `fn` and has a `path` that starts at one of the export's parameters, a
 * `PlanValidationError` or `SettlementValidationError` lists issues whose JSON pointers do the same.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as adapters from "../src/adapters/index.js";
import * as lib from "../src/index.js";

type AnyFunction = (...args: unknown[]) => unknown;

const CLASSES = new Set(["MetricInputError", "PlanValidationError", "SettlementValidationError"]);
const exported: [string, AnyFunction][] = [];
for (const module of [lib, adapters] as Record<string, unknown>[]) {
  for (const [name, value] of Object.entries(module)) {
    if (typeof value === "function" && !CLASSES.has(name)) exported.push([name, value as AnyFunction]);
  }
}

const anything = fc.anything({ withBigInt: true, withDate: true, withTypedArray: true });

/** The parameter names of a function as its source spells them (`...rest` as `rest`, defaults dropped). */
function parameters(fn: AnyFunction): string[] {
  const list = /^[^(]*\(([^)]*)\)/.exec(fn.toString())?.[1] ?? "";
  return list
    .split(",")
    .map((p) =>
      p
        .replace(/^\s*\.\.\./, "")
        .split("=")[0]!
        .trim(),
    )
    .filter((p) => p !== "");
}

/** Exports whose documented paths start at a name that is not one parameter: `mergeTallies(first, ...rest)` reports `tallies[k]`. */
const ROOTS: Record<string, readonly string[]> = { mergeTallies: ["tallies"] };

/** The first name of a path: `tickets` of `tickets[2].resolvedAt`, `options` of `options.scale.max`. */
const rootOf = (path: string): string => /^[^.[]*/.exec(path)![0];

describe("fuzz: anything() inputs never escape as raw errors", () => {
  for (const [name, fn] of exported) {
    const roots = ROOTS[name] ?? parameters(fn);
    it(`${name} never throws an error without a code, or one that does not say where`, () => {
      expect(roots.length, `${name} has no parameters to point at`).toBeGreaterThan(0);
      const check = (error: unknown): void => {
        const e = error as { code?: unknown; fn?: unknown; path?: unknown; issues?: unknown; name?: unknown };
        const what = `${name}: ${String(error)}`;
        expect(typeof e.code, what).toBe("string");
        if (e.name === "MetricInputError") {
          expect(e.fn, what).toBe(name);
          expect(typeof e.path === "string" && e.path !== "", what).toBe(true);
          expect(roots, `${what} (path ${JSON.stringify(e.path)})`).toContain(rootOf(e.path as string));
        } else {
          // Plan and settlement errors list issues, each a JSON pointer (RFC 6901).
          const issues = e.issues as { path: unknown }[];
          expect(issues.length, what).toBeGreaterThan(0);
          for (const issue of issues) {
            expect(typeof issue.path, what).toBe("string");
            const path = issue.path as string;
            if (e.name === "SettlementValidationError") {
              // Rooted at the call: /plan/…, /input/…, /options/….
              expect(e.fn, what).toBe(name);
              expect(roots, `${what} (pointer ${JSON.stringify(path)})`).toContain(path.split("/")[1]);
            } else {
              // Rooted at the plan (or the condition) itself: "" or /….
              expect(path === "" || path.startsWith("/"), `${what} (pointer ${JSON.stringify(path)})`).toBe(true);
            }
          }
        }
      };
      return fc.assert(
        fc.asyncProperty(fc.array(anything, { maxLength: 3 }), async (args) => {
          let result: unknown;
          try {
            result = fn(...args);
          } catch (error) {
            check(error);
            return;
          }
          // An async export (auditDigests) rejects with the same errors.
          if (result instanceof Promise) await result.catch(check);
        }),
        { numRuns: 150 },
      );
    });
  }
});
