import { arrayLike, DURATION, nonNegativeField, numberOption } from "../internal/assert.js";
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
  return arrayLike(fn, "contacts", contacts, { expected: "an array of contacts { waitMs, outcome, … }" });
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
  const code = outcome === undefined ? "missing_value" : typeof outcome !== "string" ? "invalid_type" : "invalid_value";
  throw inputError(code, fn, `contacts[${i}].outcome`, 'an outcome "answered" or "abandoned"', outcome);
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
  return nonNegativeField(fn, `contacts[${i}].${field}`, v, { expected: DURATION }); // throws: the fast check failed
}

/** Internal: an optional duration option in ms (finite ≥ 0), `NaN` when absent; `required` makes absence `missing_value`. */
export function durationOption(fn: string, path: string, value: unknown): number | undefined {
  return numberOption(fn, path, value, { expected: DURATION });
}
