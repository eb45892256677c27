/**
 * Boundary checks shared by every public function. Each throws a
 * `MetricInputError` naming the public function (`fn`) and the path; each
 * returns the value narrowed. Internal cores after these checks trust their input.
 * Paths are passed ready-made: hot loops build them only on the failure branch.
 */
import { inputError } from "./messages.js";

/** A number type check that also rejects `NaN` and `±Infinity`. */
export function finiteNumber(fn: string, path: string, value: unknown, expected = "a finite number"): number {
  if (typeof value !== "number") throw inputError("invalid_type", fn, path, expected, value);
  if (!Number.isFinite(value)) throw inputError("not_finite", fn, path, expected, value);
  return value;
}

/** A finite number `≥ 0`. */
export function nonNegative(fn: string, path: string, value: unknown, expected = "a finite number ≥ 0"): number {
  const n = finiteNumber(fn, path, value, expected);
  if (n < 0) throw inputError("out_of_range", fn, path, expected, value);
  return n;
}

/** A finite number `> 0`. */
export function positive(fn: string, path: string, value: unknown, expected = "a finite number > 0"): number {
  const n = finiteNumber(fn, path, value, expected);
  if (n <= 0) throw inputError("out_of_range", fn, path, expected, value);
  return n;
}

/** A count: a safe integer `≥ 0`. */
export function count(fn: string, path: string, value: unknown, expected = "a count (an integer ≥ 0)"): number {
  const n = finiteNumber(fn, path, value, expected);
  if (!Number.isSafeInteger(n)) throw inputError("not_integer", fn, path, expected, value);
  if (n < 0) throw inputError("out_of_range", fn, path, expected, value);
  return n;
}

/** A finite number within `[min, max]` (inclusive). */
export function inRange(fn: string, path: string, value: unknown, min: number, max: number, expected?: string): number {
  const what = expected ?? `a number ${min}–${max}`;
  const n = finiteNumber(fn, path, value, what);
  if (n < min || n > max) throw inputError("out_of_range", fn, path, what, value);
  return n;
}

/** A percentage input, 0–100 inclusive. */
export function percent(fn: string, path: string, value: unknown): number {
  return inRange(fn, path, value, 0, 100, "a percentage 0–100");
}

/** A confidence level strictly between 0 and 1 (e.g. `0.95`). */
export function confidence(fn: string, path: string, value: unknown): number {
  const what = "a confidence level between 0 and 1 (exclusive), e.g. 0.95";
  if (typeof value !== "number") throw inputError("invalid_option", fn, path, what, value);
  if (!(value > 0 && value < 1)) throw inputError("invalid_option", fn, path, what, value);
  return value;
}

/** An array or array-like (typed arrays included) of anything. */
export function arrayLike(fn: string, path: string, value: unknown, expected = "an array"): ArrayLike<unknown> {
  if (
    value === null ||
    typeof value !== "object" ||
    typeof (value as { length?: unknown }).length !== "number" ||
    !Number.isSafeInteger((value as { length: number }).length) ||
    (value as { length: number }).length < 0
  ) {
    throw inputError("invalid_type", fn, path, expected, value);
  }
  return value as ArrayLike<unknown>;
}

/** A plain object (not `null`, not an array). */
export function record(fn: string, path: string, value: unknown, expected = "an object"): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw inputError("invalid_type", fn, path, expected, value);
  }
  return value as Record<string, unknown>;
}

/** An optional options object: `undefined` reads as `{}`. */
export function options(fn: string, value: unknown, path = "options"): Record<string, unknown> {
  if (value === undefined) return EMPTY;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw inputError("invalid_option", fn, path, "an options object", value);
  }
  return value as Record<string, unknown>;
}

/** One of an enumerated set of option values (`undefined` gives `fallback`). */
export function oneOf<const T extends string>(
  fn: string,
  path: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw inputError("invalid_option", fn, path, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`, value);
  }
  return value as T;
}

/** An option that must be a finite number (`undefined` gives `fallback`). */
export function numberOption(
  fn: string,
  path: string,
  value: unknown,
  fallback: number,
  min: number = Number.NEGATIVE_INFINITY,
  max: number = Number.POSITIVE_INFINITY,
): number {
  if (value === undefined) return fallback;
  const what = Number.isFinite(min)
    ? Number.isFinite(max)
      ? `a number ${min}–${max}`
      : `a number ≥ ${min}`
    : "a finite number";
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    throw inputError("invalid_option", fn, path, what, value);
  }
  return value;
}

const EMPTY: Record<string, unknown> = /* @__PURE__ */ Object.freeze({}) as Record<string, unknown>;

/** Turns `-0` into `0` (results never carry `-0`). */
export function normalize(value: number): number {
  return value === 0 ? 0 : value;
}
