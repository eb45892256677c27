/**
 * The matcher of a `MetricInputError` in tests: its `code` and, always, the
 * `path` to the bad value, so that a test cannot pass while the error points
 * at the wrong field. Pin `fn` and `received` too where the test is about them.
 */
import { expect } from "vitest";
import type { MetricErrorCode } from "../../src/index.js";

/** Where the error must point (required), and what else it must carry. */
export interface ErrorAt {
  /** The path to the bad value, e.g. `"scores[2]"` or `"options.scale.max"`. */
  readonly path: string;
  /** The public function's name. */
  readonly fn?: string;
  /** The value the function received. */
  readonly received?: unknown;
  /** The message, or a matcher of it. */
  readonly message?: unknown;
}

/** `expect(() => f(bad)).toThrow(code("out_of_range", { path: "scores[2]" }))`. */
export function code(c: MetricErrorCode, at: ErrorAt): ReturnType<typeof expect.objectContaining> {
  return expect.objectContaining({ code: c, ...at });
}
