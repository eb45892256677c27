import { percentOf, readFields, readOptions } from "../internal/assert.js";
import { type Contact, contactAt, contactList, durationOf, durationOption, isAnswered } from "./contact.js";

/**
 * Options of {@link abandonmentRate} and {@link abandonmentCounts}.
 *
 * @category Contact centre
 */
export interface AbandonmentOptions {
  /**
   * Abandons that waited less than this (`waitMs < shortAbandonMs`) are short
   * abandons: wrong numbers and instant hang-ups, left out of both the
   * numerator and the denominator (commonly 5 s). Absent: every abandon counts.
   * @defaultValue undefined (no exclusion)
   */
  readonly shortAbandonMs?: number | undefined;
}

/**
 * The tally behind {@link abandonmentRate}; shards add with `mergeCounts`.
 *
 * @category Contact centre
 */
export interface AbandonmentCounts {
  /** Answered contacts. */
  readonly answered: number;
  /** Abandoned contacts that count: short abandons are **not** included here. */
  readonly abandoned: number;
  /** Short abandons, left out of the rate and counted here (0 without `shortAbandonMs`). */
  readonly shortAbandoned: number;
}

/**
 * Tallies contacts into answered, abandoned and short-abandoned.
 *
 * A contact is short-abandoned when it was abandoned with
 * `waitMs < shortAbandonMs` (exactly at the threshold counts as a real
 * abandon); without `shortAbandonMs` there are none. No contacts give zeros.
 *
 * @param contacts - The contacts offered to the queue.
 * @param options - `shortAbandonMs` (optional).
 * @returns Counts of contacts.
 * @throws {MetricInputError} `invalid_type` when `contacts` is not an array or a contact not an object;
 *   `missing_value` / `invalid_value` for an absent or unknown `outcome`; `missing_value` / `invalid_type` / `not_finite` /
 *   `out_of_range` for a `waitMs` that is not a number ≥ 0; `invalid_option` for a bad `shortAbandonMs`.
 *
 * @example
 * ```ts
 * import { abandonmentCounts } from "support-metrics";
 * const contacts = [
 *   { waitMs: 12_000, outcome: "answered" as const },
 *   { waitMs: 2_000, outcome: "abandoned" as const },
 *   { waitMs: 40_000, outcome: "abandoned" as const },
 * ];
 * abandonmentCounts(contacts, { shortAbandonMs: 5_000 }); // => { answered: 1, abandoned: 1, shortAbandoned: 1 }
 * abandonmentCounts(contacts); // => { answered: 1, abandoned: 2, shortAbandoned: 0 }
 * abandonmentCounts(contacts, { shortAbandonMs: -1 }); // throws invalid_option
 * ```
 * @see {@link abandonmentRate}, {@link abandonmentRateFromCounts}, {@link mergeCounts}
 * @category Contact centre
 */
export function abandonmentCounts(contacts: readonly Contact[], options?: AbandonmentOptions): AbandonmentCounts {
  return tallyAbandonment("abandonmentCounts", contacts, options);
}

/**
 * Abandonment rate: the share of offered contacts the customer gave up on before an agent answered.
 *
 * abandoned / offered × 100 with offered = answered + abandoned (ICMI, Call
 * Centre Helper). With `shortAbandonMs`, abandons with `waitMs < shortAbandonMs`
 * leave both the numerator and the denominator (the "short abandon"
 * threshold ACD platforms offer, commonly 5 s). Exactly
 * `abandonmentRateFromCounts(abandonmentCounts(contacts, options))`. No offered
 * contact gives `null`.
 *
 * @param contacts - The contacts offered to the queue.
 * @param options - `shortAbandonMs` (optional).
 * @returns A percentage of offered contacts, 0–100; `null` when none was offered.
 * @throws {MetricInputError} As {@link abandonmentCounts}.
 *
 * @example
 * ```ts
 * import { abandonmentRate } from "support-metrics";
 * const contacts = [
 *   ...Array.from({ length: 1000 }, () => ({ waitMs: 10_000, outcome: "answered" as const })),
 *   ...Array.from({ length: 10 }, () => ({ waitMs: 1_000, outcome: "abandoned" as const })),
 *   ...Array.from({ length: 50 }, () => ({ waitMs: 30_000, outcome: "abandoned" as const })),
 * ];
 * abandonmentRate(contacts); // => 5.660377
 * abandonmentRate(contacts, { shortAbandonMs: 5_000 }); // => 4.761905
 * abandonmentRate([]); // => null
 * abandonmentRate([{ waitMs: 1_000, outcome: "hung-up" as never }]); // throws invalid_value
 * ```
 * @see {@link abandonmentCounts}, {@link abandonmentRateFromCounts}, {@link serviceLevel}
 * @category Contact centre
 */
export function abandonmentRate(contacts: readonly Contact[], options?: AbandonmentOptions): number | null {
  const c = tallyAbandonment("abandonmentRate", contacts, options);
  return rateOf(c.abandoned, c.answered);
}

/**
 * Abandonment rate from a tally (an ACD report's counts).
 *
 * abandoned / (answered + abandoned) × 100, where `abandoned` already excludes
 * short abandons (`shortAbandoned` is checked and reported, never added).
 * No offered contact gives `null`.
 *
 * @param counts - `{ answered, abandoned, shortAbandoned }` as returned by {@link abandonmentCounts}.
 * @returns A percentage of offered contacts, 0–100; `null` when `answered + abandoned` is 0.
 * @throws {MetricInputError} `invalid_type` when `counts` is not an object or a field not a number; `missing_value` for an absent
 *   field; `not_integer` / `not_finite` / `out_of_range` for a field that is not a count.
 *
 * @example
 * ```ts
 * import { abandonmentRateFromCounts } from "support-metrics";
 * abandonmentRateFromCounts({ answered: 1000, abandoned: 60, shortAbandoned: 0 }); // => 5.660377
 * abandonmentRateFromCounts({ answered: 1000, abandoned: 50, shortAbandoned: 10 }); // => 4.761905
 * abandonmentRateFromCounts({ answered: 0, abandoned: 0, shortAbandoned: 3 }); // => null
 * abandonmentRateFromCounts({ answered: 10, abandoned: 1.5, shortAbandoned: 0 }); // throws not_integer
 * ```
 * @see {@link abandonmentRate}, {@link abandonmentCounts}
 * @category Contact centre
 */
export function abandonmentRateFromCounts(counts: AbandonmentCounts): number | null {
  const fn = "abandonmentRateFromCounts";
  const c = readFields(fn, "counts", counts, {
    fields: ["answered", "abandoned", "shortAbandoned"] satisfies (keyof AbandonmentCounts)[],
  });
  return rateOf(c.abandoned, c.answered);
}

function rateOf(abandoned: number, answered: number): number | null {
  const offered = answered + abandoned;
  return percentOf(abandoned, offered);
}

function tallyAbandonment(
  fn: string,
  contacts: readonly Contact[],
  options: AbandonmentOptions | undefined,
): AbandonmentCounts {
  const list = contactList(fn, contacts);
  const o = readOptions(fn, "options", options, { shortAbandonMs: "optional" });
  // Absent: no abandon is short (no wait is below -∞).
  const short = durationOption(fn, "options.shortAbandonMs", o.shortAbandonMs) ?? Number.NEGATIVE_INFINITY;
  let answered = 0;
  let abandoned = 0;
  let shortAbandoned = 0;
  for (let i = 0; i < list.length; i++) {
    const c = contactAt(fn, list, i);
    const wait = durationOf(fn, c, i, "waitMs", false);
    if (isAnswered(fn, c, i)) answered++;
    else if (wait < short) shortAbandoned++;
    else abandoned++;
  }
  return { answered, abandoned, shortAbandoned };
}
