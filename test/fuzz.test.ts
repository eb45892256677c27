/**
 * Fuzz over every export: arguments from fast-check's `anything()` never make a
 * function throw anything but the library's own errors (a `code` to compare).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as lib from "../src/index.js";

type AnyFunction = (...args: unknown[]) => unknown;

const CLASSES = new Set(["MetricInputError", "PlanValidationError"]);
const exported: [string, AnyFunction][] = [];
for (const [name, value] of Object.entries(lib as Record<string, unknown>)) {
  if (typeof value === "function" && !CLASSES.has(name)) exported.push([name, value as AnyFunction]);
}

const anything = fc.anything({ withBigInt: true, withDate: true, withTypedArray: true });

describe("fuzz: anything() inputs never escape as raw errors", () => {
  for (const [name, fn] of exported) {
    it(`${name} never throws an error without a code`, () => {
      fc.assert(
        fc.property(fc.array(anything, { maxLength: 3 }), (args) => {
          try {
            fn(...args);
          } catch (error) {
            expect(typeof (error as { code?: unknown }).code, `${name}: ${String(error)}`).toBe("string");
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
