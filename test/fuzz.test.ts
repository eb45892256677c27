/**
 * Fuzz over every export (of the package and of its adapters subpath): arguments from fast-check's `anything()` never make a
 * function throw anything but the library's own errors (a `code` to compare).
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

describe("fuzz: anything() inputs never escape as raw errors", () => {
  for (const [name, fn] of exported) {
    it(`${name} never throws an error without a code`, () => {
      const check = (error: unknown): void => {
        expect(typeof (error as { code?: unknown }).code, `${name}: ${String(error)}`).toBe("string");
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
