/**
 * Private readers shared by the customer-base and cost metrics (never exported
 * from the package): each reads one required field of the caller's input object
 * and throws a `MetricInputError` naming the public function and the path.
 */
import { nonNegativeField } from "../internal/assert.js";

/** A required amount field (a finite number ≥ 0, e.g. revenue or cost); absent is `missing_value`. */
export function amountField(fn: string, path: string, value: unknown): number {
  return nonNegativeField(fn, path, value, { expected: "an amount ≥ 0" });
}
