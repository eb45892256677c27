import { arrayLike, count, options as readOptions } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";

/**
 * One call or chat offered to the queue. Durations are in milliseconds.
 *
 * @category Contact centre
 */
export interface Contact {
  /** Time in the queue before the contact was answered or abandoned, ms (≥ 0). */
  readonly waitMs: number;
  /** `"answered"` (an agent took it: a handled contact) or `"abandoned"` (the customer hung up or left first). */
  readonly outcome: ContactOutcome;
  /** Talk (or chat) time of an answered contact, ms (≥ 0); required by the handle-time metrics for answered contacts. */
  readonly talkMs?: number | undefined;
  /** Hold time of an answered contact, ms (≥ 0); absent means no hold. */
  readonly holdMs?: number | undefined;
  /** After-call work (wrap-up) time of an answered contact, ms (≥ 0); absent means none. */
  readonly afterCallWorkMs?: number | undefined;
}

/**
 * How a contact left the queue.
 *
 * @category Contact centre
 */
export type ContactOutcome = "answered" | "abandoned";

/** Internal: reads the contact list of `fn`. */
export function contactList(fn: string, contacts: unknown): ArrayLike<unknown> {
  return arrayLike(fn, "contacts", contacts, "an array of contacts { waitMs, outcome, … }");
}

/** Internal: the options object of `fn` (`undefined` reads as `{}`). */
export function contactOptions(fn: string, value: unknown): Record<string, unknown> {
  return readOptions(fn, value);
}

/** Internal: contact `i` as an object. */
export function contactAt(fn: string, list: ArrayLike<unknown>, i: number): Record<string, unknown> {
  const c = list[i];
  if (c === null || typeof c !== "object") {
    throw inputError("invalid_type", fn, `contacts[${i}]`, "a contact { waitMs, outcome, … }", c);
  }
  return c as Record<string, unknown>;
}

/** Internal: `true` for an answered contact, `false` for an abandoned one; anything else throws. */
export function isAnswered(fn: string, c: Record<string, unknown>, i: number): boolean {
  const outcome = c["outcome"];
  if (outcome === "answered") return true;
  if (outcome === "abandoned") return false;
  const path = `contacts[${i}].outcome`;
  const expected = 'an outcome "answered" or "abandoned"';
  if (outcome === undefined) throw inputError("missing_value", fn, path, expected, outcome);
  if (typeof outcome !== "string") throw inputError("invalid_type", fn, path, expected, outcome);
  throw inputError("invalid_value", fn, path, expected, outcome);
}

/** Internal: a duration field of contact `i` in ms (finite ≥ 0); `optional` fields read `undefined` as 0. */
export function durationOf(
  fn: string,
  c: Record<string, unknown>,
  i: number,
  field: string,
  optional: boolean,
): number {
  const v = c[field];
  if (typeof v === "number" && v >= 0 && v < Number.POSITIVE_INFINITY) return v;
  if (v === undefined && optional) return 0;
  const path = `contacts[${i}].${field}`;
  const expected = "a duration in ms (a finite number ≥ 0)";
  if (v === undefined) throw inputError("missing_value", fn, path, expected, v);
  if (typeof v !== "number") throw inputError("invalid_type", fn, path, expected, v);
  if (Number.isNaN(v) || !Number.isFinite(v)) throw inputError("not_finite", fn, path, expected, v);
  throw inputError("out_of_range", fn, path, expected, v);
}

/** Internal: an optional duration option in ms (finite ≥ 0), `NaN` when absent; `required` makes absence `missing_value`. */
export function durationOption(fn: string, o: Record<string, unknown>, field: string, required: boolean): number {
  const v = o[field];
  const path = `options.${field}`;
  const expected = "a duration in ms (a finite number ≥ 0)";
  if (v === undefined) {
    if (required) throw inputError("missing_value", fn, path, expected, v);
    return Number.NaN;
  }
  if (typeof v !== "number" || !(v >= 0) || !Number.isFinite(v))
    throw inputError("invalid_option", fn, path, expected, v);
  return v;
}

/** Internal: a required count field of a tally at `counts.field`; absent is `missing_value`. */
export function tallyCount(fn: string, t: Record<string, unknown>, field: string, path = "counts"): number {
  const v = t[field];
  if (v === undefined) throw inputError("missing_value", fn, `${path}.${field}`, "a count (an integer ≥ 0)", v);
  return count(fn, `${path}.${field}`, v);
}

/** Internal: `part ≤ whole` for two fields of a tally, else `inconsistent_counts`. */
export function partOf(fn: string, part: number, partField: string, whole: number, wholeField: string): void {
  if (part > whole) {
    throw inputError("inconsistent_counts", fn, `counts.${partField}`, `at most ${wholeField} (${whole})`, part);
  }
}
