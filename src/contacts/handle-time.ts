import { countField, DURATION, nonNegativeField, normalize, shaped } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { type Contact, contactAt, contactList, durationOf, isAnswered } from "./contact.js";

/**
 * Handle-time totals: the tally behind {@link averageHandleTime}. Totals of
 * shards add field by field (`mergeCounts` when the durations are whole milliseconds).
 *
 * @category Contact centre
 */
export interface HandleTimeTotals {
  /** Σ talk time of the handled contacts, ms. */
  readonly talkMs: number;
  /** Σ hold time of the handled contacts, ms. */
  readonly holdMs: number;
  /** Σ after-call work of the handled contacts, ms. */
  readonly afterCallWorkMs: number;
  /** Handled (answered) contacts. */
  readonly handledContacts: number;
  /** Abandoned contacts: not handled, so left out of the average, counted here. */
  readonly notHandled: number;
}

/**
 * The input of {@link averageHandleTimeFromTotals}: totals from an ACD or WFM report.
 *
 * @category Contact centre
 */
export interface HandleTimeTotalsInput {
  /** Σ talk time, ms (≥ 0). */
  readonly talkMs: number;
  /** Σ hold time, ms (≥ 0); absent means no hold was recorded. */
  readonly holdMs?: number | undefined;
  /** Σ after-call work, ms (≥ 0); absent means none was recorded. */
  readonly afterCallWorkMs?: number | undefined;
  /** Handled contacts (a count). */
  readonly handledContacts: number;
  /** Contacts left out (not used; checked as a count when present). */
  readonly notHandled?: number | undefined;
}

/**
 * Sums talk, hold and after-call work over the handled contacts.
 *
 * Only answered contacts are handled; each needs `talkMs` (`holdMs` and
 * `afterCallWorkMs` default to 0). Abandoned contacts are counted in
 * `notHandled` and their durations are not read. No contacts give zero totals.
 *
 * @param contacts - The contacts.
 * @returns Totals in ms and counts of contacts.
 * @throws {MetricInputError} `invalid_type` when `contacts` is not an array or a contact not an object;
 *   `missing_value` for an absent `outcome` or an answered contact's absent `talkMs`; `invalid_value` for an unknown outcome;
 *   `invalid_type` / `not_finite` / `out_of_range` for a duration that is not a number ≥ 0 (path `contacts[i].talkMs`).
 *
 * @example
 * ```ts
 * import { handleTimeTotals } from "support-metrics";
 * handleTimeTotals([
 *   { waitMs: 0, outcome: "answered", talkMs: 200_000, holdMs: 20_000, afterCallWorkMs: 4_000 },
 *   { waitMs: 9_000, outcome: "abandoned" },
 * ]); // => { talkMs: 200000, holdMs: 20000, afterCallWorkMs: 4000, handledContacts: 1, notHandled: 1 }
 * handleTimeTotals([{ waitMs: 0, outcome: "answered" }]); // throws missing_value
 * ```
 * @see {@link averageHandleTime}, {@link averageHandleTimeFromTotals}
 * @category Contact centre
 */
export function handleTimeTotals(contacts: readonly Contact[]): HandleTimeTotals {
  return sumHandleTime("handleTimeTotals", contacts);
}

/**
 * Average handle time (AHT) of a list of contacts.
 *
 * AHT = Σ(talk + hold + after-call work) / handled contacts, in ms; only
 * answered contacts are handled (ICMI and Call Centre Helper; the usual ACD
 * definition). Queue time is not handle
 * time. Exactly `averageHandleTimeFromTotals(handleTimeTotals(contacts))`. No
 * handled contact gives `null`.
 *
 * @param contacts - The contacts; answered ones need `talkMs`.
 * @returns Milliseconds per handled contact; `null` when none was handled.
 * @throws {MetricInputError} As {@link handleTimeTotals}.
 *
 * @example
 * ```ts
 * import { averageHandleTime } from "support-metrics";
 * averageHandleTime([
 *   { waitMs: 0, outcome: "answered", talkMs: 200_000, holdMs: 20_000, afterCallWorkMs: 4_000 },
 *   { waitMs: 0, outcome: "answered", talkMs: 224_000 },
 *   { waitMs: 9_000, outcome: "abandoned" },
 * ]); // => 224000
 * averageHandleTime([{ waitMs: 5_000, outcome: "abandoned" }]); // => null
 * averageHandleTime([{ waitMs: 0, outcome: "answered", talkMs: -1 }]); // throws out_of_range
 * ```
 * @see {@link handleTimeTotals}, {@link averageHandleTimeFromTotals}, {@link erlangC}
 * @category Contact centre
 */
export function averageHandleTime(contacts: readonly Contact[]): number | null {
  const t = sumHandleTime("averageHandleTime", contacts);
  return averageOf(t.talkMs + t.holdMs + t.afterCallWorkMs, t.handledContacts);
}

/**
 * Average handle time from totals, as an ACD or WFM report gives them.
 *
 * AHT = (Σ talk + Σ hold + Σ after-call work) / handled contacts, in ms.
 * Durations without a handled contact are `inconsistent_counts`; no handled
 * contact gives `null`.
 *
 * @param totals - `{ talkMs, holdMs?, afterCallWorkMs?, handledContacts }` (as returned by {@link handleTimeTotals}).
 * @returns Milliseconds per handled contact; `null` when `handledContacts` is 0.
 * @throws {MetricInputError} `invalid_type` when `totals` is not an object or a field not a number; `missing_value` for an absent
 *   `talkMs` or `handledContacts`; `not_finite` / `out_of_range` for a negative or infinite duration; `not_integer` for a
 *   fractional count; `inconsistent_counts` for durations over 0 handled contacts.
 *
 * @example
 * ```ts
 * import { averageHandleTimeFromTotals } from "support-metrics";
 * const s = 1000;
 * averageHandleTimeFromTotals({ talkMs: 668_205 * s, holdMs: 99_153 * s, afterCallWorkMs: 198_306 * s, handledContacts: 4311 }); // => 224000
 * averageHandleTimeFromTotals({ talkMs: 0, handledContacts: 0 }); // => null
 * averageHandleTimeFromTotals({ talkMs: 5_000, handledContacts: 0 }); // throws inconsistent_counts
 * ```
 * @see {@link averageHandleTime}, {@link handleTimeTotals}
 * @category Contact centre
 */
export function averageHandleTimeFromTotals(totals: HandleTimeTotalsInput): number | null {
  const fn = "averageHandleTimeFromTotals";
  const t = shaped(fn, "totals", totals, {
    talkMs: "required",
    holdMs: "optional",
    afterCallWorkMs: "optional",
    handledContacts: "required",
    notHandled: "optional",
  });
  const talk = totalMs(fn, "talkMs", t.talkMs, false);
  const hold = totalMs(fn, "holdMs", t.holdMs, true);
  const wrap = totalMs(fn, "afterCallWorkMs", t.afterCallWorkMs, true);
  const handled = countField(fn, "totals.handledContacts", t.handledContacts);
  if (t.notHandled !== undefined) countField(fn, "totals.notHandled", t.notHandled);
  const sum = talk + hold + wrap;
  if (handled === 0 && sum > 0) {
    throw inputError(
      "inconsistent_counts",
      fn,
      "totals.handledContacts",
      "at least 1 when durations are recorded",
      handled,
    );
  }
  return averageOf(sum, handled);
}

function averageOf(sumMs: number, handled: number): number | null {
  return handled === 0 ? null : normalize(sumMs / handled);
}

function totalMs(fn: string, field: string, value: unknown, optional: boolean): number {
  return optional && value === undefined ? 0 : nonNegativeField(fn, `totals.${field}`, value, { expected: DURATION });
}

function sumHandleTime(fn: string, contacts: readonly Contact[]): HandleTimeTotals {
  const list = contactList(fn, contacts);
  let talkMs = 0;
  let holdMs = 0;
  let afterCallWorkMs = 0;
  let handledContacts = 0;
  let notHandled = 0;
  for (let i = 0; i < list.length; i++) {
    const c = contactAt(fn, list, i);
    if (!isAnswered(fn, c, i)) {
      notHandled++;
      continue;
    }
    handledContacts++;
    talkMs += durationOf(fn, c, i, "talkMs", false);
    holdMs += durationOf(fn, c, i, "holdMs", true);
    afterCallWorkMs += durationOf(fn, c, i, "afterCallWorkMs", true);
  }
  return { talkMs, holdMs, afterCallWorkMs, handledContacts, notHandled };
}
