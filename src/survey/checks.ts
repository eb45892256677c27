/**
 * Private helpers shared by the survey metrics (never exported from the
 * package). The hot loops inline their fast check; these run only on the
 * failure branch or once per call.
 */
import type { MetricInputError } from "../errors.js";
import { numberError } from "../internal/assert.js";

/**
 * Builds the error for a rejected rating or score at `name[index]`: the code
 * says why (`invalid_type` for a non-number, `not_finite`, `not_integer`,
 * `out_of_range`), the message reads e.g.
 * `nps: expected an integer score 0–10 but received 11 at scores[2]`.
 */
export function ratingError(
  fn: string,
  name: string,
  index: number,
  value: unknown,
  noun: string,
  min: number,
  max: number,
): MetricInputError {
  // Only a fraction is not_integer: an integer too large to be safe is simply out of range.
  return numberError(fn, `${name}[${index}]`, value, {
    expected: `an integer ${noun} ${min}–${max}`,
    integer: !Number.isInteger(value),
  });
}
