/**
 * Private readers shared by the customer-base and cost metrics (never exported
 * from the package): each reads one required field of the caller's input object
 * and throws a `MetricInputError` naming the public function and the path.
 */
import { count, nonNegative, record } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";

/** Reads the input object of `fn` (a plain object) at `path`. */
export function inputObject(fn: string, path: string, value: unknown, shape: string): Record<string, unknown> {
  return record(fn, path, value, `an object ${shape}`);
}

/** A required count field (a safe integer ≥ 0); absent is `missing_value`. */
export function countField(fn: string, input: Record<string, unknown>, field: string, path: string): number {
  return count(fn, `${path}.${field}`, present(fn, input, field, path, "a count (an integer ≥ 0)"));
}

/** A required amount field (a finite number ≥ 0, e.g. revenue or cost); absent is `missing_value`. */
export function amountField(fn: string, input: Record<string, unknown>, field: string, path: string): number {
  return nonNegative(fn, `${path}.${field}`, present(fn, input, field, path, "an amount ≥ 0"), "an amount ≥ 0");
}

/** The value of a required field; `undefined` throws `missing_value`. */
export function present(
  fn: string,
  input: Record<string, unknown>,
  field: string,
  path: string,
  expected: string,
): unknown {
  const value = input[field];
  if (value === undefined) throw inputError("missing_value", fn, `${path}.${field}`, expected, value);
  return value;
}

/** Throws `inconsistent_counts` at `path.field` when `value > limit`. */
export function atMost(fn: string, path: string, field: string, value: number, limit: number, what: string): void {
  if (value > limit)
    throw inputError("inconsistent_counts", fn, `${path}.${field}`, `at most ${what} (${limit})`, value);
}
