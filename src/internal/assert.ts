/**
 * Boundary checks shared by every public function. Each throws a
 * `MetricInputError` naming the public function (`fn`) and the path to the bad
 * value, and returns the value narrowed; the cores after these checks trust
 * their input.
 *
 * Every check takes `(fn, path, value)` and, when it needs more, one options
 * object as its fourth parameter (`{ expected }`, `{ min, max }`, `{ fields }`).
 * Paths are passed ready-made: hot loops call a check only on their failure branch.
 */
import type { MetricErrorCode, MetricInputError } from "../errors.js";
import { inputError, memberPath } from "./messages.js";

/** The expected text of a count. */
export const COUNT = "a count (an integer ≥ 0)";

/** The expected text of a duration. */
export const DURATION = "a duration in ms ≥ 0";

/** The expected text of a value, when the default text of a check does not fit. */
export interface Expected {
  /** What the value should have been, e.g. `"an amount ≥ 0"`. */
  readonly expected?: string;
}

// ---------------------------------------------------------------- numbers

/**
 * The error for a value that failed a number check, its code saying why:
 * `invalid_type` (not a number), `not_finite`, `not_integer` (only when
 * `integer`), else `out_of_range`. Checks call it on their failure branch only.
 */
export function numberError(
  fn: string,
  path: string,
  value: unknown,
  rule: { readonly expected: string; readonly integer?: boolean },
): MetricInputError {
  const code: MetricErrorCode =
    typeof value !== "number"
      ? "invalid_type"
      : !Number.isFinite(value)
        ? "not_finite"
        : rule.integer === true && !Number.isSafeInteger(value)
          ? "not_integer"
          : "out_of_range";
  return inputError(code, fn, path, rule.expected, value);
}

/** A finite number (rejects non-numbers, `NaN` and `±Infinity`). */
export function finiteNumber(fn: string, path: string, value: unknown, rule?: Expected): number {
  if (Number.isFinite(value)) return value as number;
  throw numberError(fn, path, value, { expected: rule?.expected ?? "a finite number" });
}

/** A finite number `≥ 0`. */
export function nonNegative(fn: string, path: string, value: unknown, rule?: Expected): number {
  if (Number.isFinite(value) && (value as number) >= 0) return value as number;
  throw numberError(fn, path, value, { expected: rule?.expected ?? "a finite number ≥ 0" });
}

/** A finite number `> 0`. */
export function positive(fn: string, path: string, value: unknown, rule?: Expected): number {
  if (Number.isFinite(value) && (value as number) > 0) return value as number;
  throw numberError(fn, path, value, { expected: rule?.expected ?? "a finite number > 0" });
}

/** A count: a safe integer `≥ 0`. */
export function count(fn: string, path: string, value: unknown, rule?: Expected): number {
  if (Number.isSafeInteger(value) && (value as number) >= 0) return value as number;
  throw numberError(fn, path, value, { expected: rule?.expected ?? COUNT, integer: true });
}

/** A finite number within `[min, max]` (inclusive). */
export function inRange(
  fn: string,
  path: string,
  value: unknown,
  rule: { readonly min: number; readonly max: number; readonly expected?: string },
): number {
  if (Number.isFinite(value) && (value as number) >= rule.min && (value as number) <= rule.max) return value as number;
  throw numberError(fn, path, value, { expected: rule.expected ?? `a number ${rule.min}–${rule.max}` });
}

/** A percentage input, 0–100 inclusive. */
export function percent(fn: string, path: string, value: unknown): number {
  return inRange(fn, path, value, { min: 0, max: 100, expected: "a percentage 0–100" });
}

/** Throws `inconsistent_counts` at `path` when `value > limit`: "at most {what} ({limit})". */
export function atMost(
  fn: string,
  path: string,
  value: number,
  bound: { readonly limit: number; readonly what: string },
): void {
  if (value > bound.limit) {
    throw inputError("inconsistent_counts", fn, path, `at most ${bound.what} (${bound.limit})`, value);
  }
}

// ---------------------------------------------------------------- required fields

/** A value that must be present: `undefined` is `missing_value` at `path`. */
export function present(fn: string, path: string, value: unknown, rule: { readonly expected: string }): unknown {
  if (value === undefined) throw inputError("missing_value", fn, path, rule.expected, value);
  return value;
}

/** A required count at `path` (absent is `missing_value`, otherwise as {@link count}). */
export function countField(fn: string, path: string, value: unknown): number {
  return count(fn, path, present(fn, path, value, { expected: COUNT }));
}

/** A required finite number ≥ 0 at `path` (absent is `missing_value`, otherwise as {@link nonNegative}). */
export function nonNegativeField(
  fn: string,
  path: string,
  value: unknown,
  rule: { readonly expected: string },
): number {
  return nonNegative(fn, path, present(fn, path, value, rule), rule);
}

// ---------------------------------------------------------------- arrays and objects

/** An array or array-like (typed arrays included) of anything. */
export function arrayLike(fn: string, path: string, value: unknown, rule?: Expected): ArrayLike<unknown> {
  if (
    value === null ||
    typeof value !== "object" ||
    typeof (value as { length?: unknown }).length !== "number" ||
    !Number.isSafeInteger((value as { length: number }).length) ||
    (value as { length: number }).length < 0
  ) {
    throw inputError("invalid_type", fn, path, rule?.expected ?? "an array", value);
  }
  return value as ArrayLike<unknown>;
}

/**
 * A record: a plain object (not `null`, not an array) whose keys are free,
 * such as a ticket or an agent row that carries fields of its own.
 */
export function record(fn: string, path: string, value: unknown, rule?: Expected): Record<string, unknown> {
  if (!isObject(value)) throw inputError("invalid_type", fn, path, rule?.expected ?? "an object", value);
  return value;
}

/** An object of type `T` as received from a caller: every field still to be checked. */
export type Unchecked<T> = { readonly [K in keyof T]-?: unknown };

/**
 * The keys of `T`, each marked as the type declares it. Written as a literal
 * against the exported type, the compiler checks that the table names every
 * field and no other, so a renamed field cannot be forgotten here.
 */
export type Fields<T> = {
  readonly [K in keyof T]-?: object extends Pick<T, K> ? "optional" : "required";
};

/**
 * An input object of the fields `fields` (a tally, a policy's targets): not an
 * object is `invalid_type`, with the fields listed (`an object { a, b? }`);
 * a key `fields` does not name is `invalid_option` at `path.key`.
 */
export function shaped<T>(fn: string, path: string, value: T, fields: Fields<T>): Unchecked<T> {
  if (!isObject(value)) throw inputError("invalid_type", fn, path, `an object { ${listFields(fields)} }`, value);
  refuseUnknownKeys(fn, path, value, fields);
  return value as Unchecked<T>;
}

/**
 * An optional options object (a policy too): `undefined` reads as `{}`; not an
 * object is `invalid_option` at `path`; a key `fields` does not name is
 * `invalid_option` at `path.key`, with the nearest known key suggested.
 */
export function readOptions<T>(fn: string, path: string, value: T | undefined, fields: Fields<T>): Unchecked<T> {
  if (value === undefined) return EMPTY as Unchecked<T>;
  if (!isObject(value)) throw inputError("invalid_option", fn, path, "an options object", value);
  refuseUnknownKeys(fn, path, value, fields);
  return value as Unchecked<T>;
}

/** Reads one required number of an input object at its full `path`, e.g. {@link countField}. */
export type FieldReader = (fn: string, path: string, value: unknown) => number;

/**
 * An input object whose `fields` are all required numbers, read in the order
 * listed with `read` (by default as counts: a tally). `alsoAccepted` keys are
 * allowed and not read (the extra fields of another function's result that is
 * documented to feed this one); other keys are refused as by {@link shaped}.
 */
export function readFields<const F extends string>(
  fn: string,
  path: string,
  value: unknown,
  rule: { readonly fields: readonly F[]; readonly read?: FieldReader; readonly alsoAccepted?: readonly string[] },
): { [K in F]: number } {
  const table: Record<string, "required" | "accepted"> = {};
  for (const field of rule.fields) table[field] = "required";
  // Accepted but not read, so not listed in the message either.
  for (const field of rule.alsoAccepted ?? []) table[field] = "accepted";
  const object = shaped(fn, path, value as Record<F, number>, table as Fields<Record<F, number>>);
  const read = rule.read ?? countField;
  const out = {} as { [K in F]: number };
  for (const field of rule.fields) out[field] = read(fn, `${path}.${field}`, object[field]);
  return out;
}

// ---------------------------------------------------------------- options

/** The `confidence` option of `o`: a level strictly between 0 and 1 (e.g. `0.95`, the default when absent). */
export function confidenceOption(fn: string, o: { readonly confidence?: unknown }): number {
  const value = o.confidence;
  if (value === undefined) return 0.95;
  if (typeof value === "number" && value > 0 && value < 1) return value;
  throw inputError("invalid_option", fn, "options.confidence", "a confidence level 0 < c < 1, e.g. 0.95", value);
}

/** One of an enumerated set of option values (`undefined` gives `fallback`). */
export function oneOf<const T extends string>(
  fn: string,
  path: string,
  value: unknown,
  rule: { readonly allowed: readonly T[]; readonly fallback: T },
): T {
  if (value === undefined) return rule.fallback;
  if (typeof value !== "string" || !(rule.allowed as readonly string[]).includes(value)) {
    const expected = `one of ${rule.allowed.map((a) => JSON.stringify(a)).join(", ")}`;
    throw inputError("invalid_option", fn, path, expected, value);
  }
  return value as T;
}

/** The rule of {@link numberOption}. */
export interface NumberOptionRule {
  /** The text of the error message. */
  readonly expected: string;
  /** The lowest value allowed. @defaultValue 0 */
  readonly min?: number;
  /** The highest value allowed. @defaultValue Infinity */
  readonly max?: number;
  /** Whether the value must be a safe integer. @defaultValue false */
  readonly integer?: boolean;
}

/**
 * An optional option that must be a finite number within `[min, max]` (a safe
 * integer when `integer`): `undefined` when absent; anything else is `invalid_option`.
 */
export function numberOption(fn: string, path: string, value: unknown, rule: NumberOptionRule): number | undefined {
  if (value === undefined) return undefined;
  if (
    typeof value === "number" &&
    value >= (rule.min ?? 0) &&
    value <= (rule.max ?? Number.POSITIVE_INFINITY) &&
    (rule.integer === true ? Number.isSafeInteger(value) : Number.isFinite(value))
  ) {
    return value;
  }
  throw inputError("invalid_option", fn, path, rule.expected, value);
}

// ---------------------------------------------------------------- results

/** `(part × 100) / whole` (exact in the exact cases), `null` when `whole` is 0, never `-0`. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : normalize((part * 100) / whole);
}

/** Turns `-0` into `0` (results never carry `-0`). */
export function normalize(value: number): number {
  return value === 0 ? 0 : value;
}

// ---------------------------------------------------------------- private

const EMPTY: Readonly<Record<string, unknown>> = /* @__PURE__ */ Object.freeze({});

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function listFields(fields: object): string {
  return Object.entries(fields)
    .filter(([, kind]) => kind !== "accepted")
    .map(([key, kind]) => (kind === "optional" ? `${key}?` : key))
    .join(", ");
}

/**
 * Throws `invalid_option` at `path.key` for a key of `object` that `fields`
 * does not name (the first such key in code-unit order, so the error does not
 * depend on how the caller's object was written), suggesting the nearest known key.
 */
function refuseUnknownKeys(fn: string, path: string, object: object, fields: object): void {
  let unknown: string | undefined;
  for (const key of Object.keys(object)) {
    if (!Object.hasOwn(fields, key) && (unknown === undefined || key < unknown)) unknown = key;
  }
  if (unknown === undefined) return;
  const known = Object.keys(fields);
  const near = nearestKey(unknown, known);
  const hint = near === undefined ? "" : ` (did you mean \`${near}\`?)`;
  const expected = `no other key than ${known.join(", ")}${hint}`;
  throw inputError(
    "invalid_option",
    fn,
    memberPath(path, unknown),
    expected,
    (object as Record<string, unknown>)[unknown],
  );
}

/** The known key closest to `key` (case-insensitive edit distance), if any is close enough to be a slip. */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  const k = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(k.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(k, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost));
    }
    previous = row;
  }
  return previous[b.length] as number;
}
