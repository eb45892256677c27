/**
 * Boundary checks shared by every public function. Each throws a
 * `MetricInputError` naming the public function (`fn`) and the path; each
 * returns the value narrowed. Internal cores after these checks trust their input.
 * Paths are passed ready-made: hot loops build them only on the failure branch.
 */
import type { MetricErrorCode, MetricInputError } from "../errors.js";
import { inputError } from "./messages.js";

/**
 * The error for a value that failed a number check, its code saying why:
 * `invalid_type` (not a number), `not_finite`, `not_integer` (only when
 * `integer`), else `out_of_range`. Checks call it on their failure branch only.
 */
export function numberError(
  fn: string,
  path: string,
  value: unknown,
  expected: string,
  integer = false,
): MetricInputError {
  const code: MetricErrorCode =
    typeof value !== "number"
      ? "invalid_type"
      : !Number.isFinite(value)
        ? "not_finite"
        : integer && !Number.isSafeInteger(value)
          ? "not_integer"
          : "out_of_range";
  return inputError(code, fn, path, expected, value);
}

/** A number type check that also rejects `NaN` and `±Infinity`. */
export function finiteNumber(fn: string, path: string, value: unknown, expected = "a finite number"): number {
  if (Number.isFinite(value)) return value as number;
  throw numberError(fn, path, value, expected);
}

/** A finite number `≥ 0`. */
export function nonNegative(fn: string, path: string, value: unknown, expected = "a finite number ≥ 0"): number {
  if (Number.isFinite(value) && (value as number) >= 0) return value as number;
  throw numberError(fn, path, value, expected);
}

/** A finite number `> 0`. */
export function positive(fn: string, path: string, value: unknown, expected = "a finite number > 0"): number {
  if (Number.isFinite(value) && (value as number) > 0) return value as number;
  throw numberError(fn, path, value, expected);
}

/** The expected text of a count. */
export const COUNT = "a count (an integer ≥ 0)";

/** The expected text of a duration. */
export const DURATION = "a duration in ms ≥ 0";

/** A count: a safe integer `≥ 0`. */
export function count(fn: string, path: string, value: unknown, expected: string = COUNT): number {
  if (Number.isSafeInteger(value) && (value as number) >= 0) return value as number;
  throw numberError(fn, path, value, expected, true);
}

/** The value of the required field `field` of `object`; absent (`undefined`) is `missing_value` at `path.field`. */
export function requiredField(
  fn: string,
  object: Record<string, unknown>,
  path: string,
  field: string,
  expected: string,
): unknown {
  const value = object[field];
  if (value === undefined) throw inputError("missing_value", fn, `${path}.${field}`, expected, value);
  return value;
}

/** A required field that is a finite number ≥ 0 (absent is `missing_value`, otherwise as {@link nonNegative}). */
export function nonNegativeField(
  fn: string,
  object: Record<string, unknown>,
  path: string,
  field: string,
  expected: string,
): number {
  return nonNegative(fn, `${path}.${field}`, requiredField(fn, object, path, field, expected), expected);
}

/** A required count field at `path.field` (absent is `missing_value`, otherwise as {@link count}). */
export function countField(fn: string, object: Record<string, unknown>, path: string, field: string): number {
  return count(fn, `${path}.${field}`, requiredField(fn, object, path, field, COUNT));
}

/**
 * A plain object at `path` of the fields `shape` (written `name?` when
 * optional); the message of anything else lists them: `an object { a, b? }`.
 */
export function shaped(fn: string, path: string, value: unknown, shape: readonly string[]): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw inputError("invalid_type", fn, path, `an object { ${shape.join(", ")} }`, value);
  }
  return value as Record<string, unknown>;
}

/** Reads one required field of `object` at `path.field`, e.g. {@link countField}. */
export type FieldReader = (fn: string, object: Record<string, unknown>, path: string, field: string) => number;

/**
 * A plain object at `path` whose `fields` are all required numbers, read in
 * order with `read` (by default as counts: a tally).
 */
export function readFields<const F extends string>(
  fn: string,
  path: string,
  value: unknown,
  fields: readonly F[],
  read: FieldReader = countField,
): { [K in F]: number } {
  const object = shaped(fn, path, value, fields);
  const out = {} as { [K in F]: number };
  for (const field of fields) out[field] = read(fn, object, path, field);
  return out;
}

/** A finite number within `[min, max]` (inclusive). */
export function inRange(fn: string, path: string, value: unknown, min: number, max: number, expected?: string): number {
  if (Number.isFinite(value) && (value as number) >= min && (value as number) <= max) return value as number;
  throw numberError(fn, path, value, expected ?? `a number ${min}–${max}`);
}

/** A percentage input, 0–100 inclusive. */
export function percent(fn: string, path: string, value: unknown): number {
  return inRange(fn, path, value, 0, 100, "a percentage 0–100");
}

/** The `confidence` option of `o`: a level strictly between 0 and 1 (e.g. `0.95`, the default when absent). */
export function confidenceOption(fn: string, o: { readonly confidence?: unknown }): number {
  const value = o.confidence;
  if (value === undefined) return 0.95;
  if (typeof value === "number" && value > 0 && value < 1) return value;
  throw inputError("invalid_option", fn, "options.confidence", "a confidence level 0 < c < 1, e.g. 0.95", value);
}

/** Throws `inconsistent_counts` at `path` when `value > limit`: "at most {what} ({limit})". */
export function atMost(fn: string, path: string, value: number, limit: number, what: string): void {
  if (value > limit) throw inputError("inconsistent_counts", fn, path, `at most ${what} (${limit})`, value);
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

/**
 * An option that must be a finite number within `[min, max]` (a safe integer
 * when `integer`): `undefined` gives `fallback`; anything else is `invalid_option`.
 */
export function numberOption(
  fn: string,
  path: string,
  value: unknown,
  fallback: number,
  expected: string,
  min = 0,
  max: number = Number.POSITIVE_INFINITY,
  integer = false,
): number {
  if (value === undefined) return fallback;
  if (
    typeof value === "number" &&
    value >= min &&
    value <= max &&
    (integer ? Number.isSafeInteger(value) : Number.isFinite(value))
  ) {
    return value;
  }
  throw inputError("invalid_option", fn, path, expected, value);
}

const EMPTY: Record<string, unknown> = /* @__PURE__ */ Object.freeze({}) as Record<string, unknown>;

/** `(part × 100) / whole` (exact in the exact cases), `null` when `whole` is 0, never `-0`. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : normalize((part * 100) / whole);
}

/** Turns `-0` into `0` (results never carry `-0`). */
export function normalize(value: number): number {
  return value === 0 ? 0 : value;
}
