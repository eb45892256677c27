/**
 * Private helpers shared by the survey metrics (never exported from the
 * package). The hot loops inline their fast check; these run only on the
 * failure branch or once per call.
 */
import type { MetricInputError } from "../errors.js";
import { numberError, options } from "../internal/assert.js";

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
  return numberError(fn, `${name}[${index}]`, value, `an integer ${noun} ${min}–${max}`, !Number.isInteger(value));
}

/** An options object as received from a caller: every field still to be checked. */
export type Unchecked<T> = { readonly [K in keyof T]-?: unknown };

/** Reads an optional options object (`undefined` reads as `{}`; anything else but an object is `invalid_option`). */
export function readOptions<T>(fn: string, value: T | undefined): Unchecked<T> {
  return options(fn, value) as Unchecked<T>;
}
