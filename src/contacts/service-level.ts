import { atMost, DURATION, type Fields, oneOf, percentOf, readFields, readOptions } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { type Contact, contactAt, contactList, durationOf, durationOption, isAnswered } from "./contact.js";

/**
 * How {@link serviceLevel} treats abandoned contacts (A answered, Ab abandoned,
 * Aw answered within T, Abw abandoned within T, Aba = Ab − Abw abandoned after T):
 *
 * - `"count-against"`: Aw / (A + Ab). Every abandon is a miss (the strictest, and the default here).
 * - `"ignore"`: Aw / A. Abandons are left out (flatters a queue that loses callers).
 * - `"within-count-as-met"`: (Aw + Abw) / (A + Ab). Abandons within T count as met: the caller left before the target was missed.
 * - `"ignore-within"`: Aw / (A + Aba). Abandons within T are left out, later ones are misses (the usual way to discount short abandons).
 *
 * These are the four formulas Call Centre Helper lists ("How to calculate service level"); ACD platforms offer one or more of them.
 *
 * @category Contact centre
 */
export type AbandonTreatment = "count-against" | "ignore" | "within-count-as-met" | "ignore-within";

/**
 * Options of {@link serviceLevelCounts}.
 *
 * @category Contact centre
 */
export interface ServiceLevelCountsOptions {
  /** The answer target T in ms: a contact with `waitMs ≤ thresholdMs` is within T (exactly at T counts as met). Required. */
  readonly thresholdMs: number;
}

/**
 * Options of {@link serviceLevelFromCounts}.
 *
 * @category Contact centre
 */
export interface ServiceLevelFromCountsOptions {
  /**
   * How abandoned contacts count; see {@link AbandonTreatment}.
   * @defaultValue "count-against"
   */
  readonly abandoned?: AbandonTreatment | undefined;
}

/**
 * Options of {@link serviceLevel}.
 *
 * @category Contact centre
 */
export interface ServiceLevelOptions extends ServiceLevelCountsOptions, ServiceLevelFromCountsOptions {}

/**
 * The tally behind {@link serviceLevel} (A, Aw, Ab, Abw); shards add with `mergeCounts`.
 * Abandoned after T is `abandoned − abandonedWithin`.
 *
 * @category Contact centre
 */
export interface ServiceLevelCounts {
  /** A: answered contacts. */
  readonly answered: number;
  /** Aw: answered within T (`waitMs ≤ thresholdMs`), ≤ `answered`. */
  readonly answeredWithin: number;
  /** Ab: abandoned contacts. */
  readonly abandoned: number;
  /** Abw: abandoned within T (`waitMs ≤ thresholdMs`), ≤ `abandoned`. */
  readonly abandonedWithin: number;
}

/**
 * Tallies contacts for a service level: answered and abandoned, each in total and within the answer target.
 *
 * A contact is within T when `waitMs ≤ thresholdMs` (exactly at the target
 * counts as met), for answered and abandoned contacts alike. No contacts give zeros.
 *
 * @param contacts - The contacts offered to the queue.
 * @param options - `thresholdMs` (required).
 * @returns Counts of contacts: A, Aw, Ab, Abw.
 * @throws {MetricInputError} `invalid_type` when `contacts` is not an array or a contact not an object;
 *   `missing_value` / `invalid_value` for an absent or unknown `outcome`; `missing_value` / `invalid_type` / `not_finite` /
 *   `out_of_range` for a `waitMs` that is not a number ≥ 0; `missing_value` without `thresholdMs`; `invalid_option` for a bad one.
 *
 * @example
 * ```ts
 * import { serviceLevelCounts } from "support-metrics";
 * const contacts = [
 *   { waitMs: 20_000, outcome: "answered" as const },
 *   { waitMs: 20_001, outcome: "answered" as const },
 *   { waitMs: 3_000, outcome: "abandoned" as const },
 * ];
 * serviceLevelCounts(contacts, { thresholdMs: 20_000 }); // => { answered: 2, answeredWithin: 1, abandoned: 1, abandonedWithin: 1 }
 * serviceLevelCounts(contacts, {} as never); // throws missing_value
 * ```
 * @see {@link serviceLevel}, {@link serviceLevelFromCounts}, {@link mergeCounts}
 * @category Contact centre
 */
export function serviceLevelCounts(
  contacts: readonly Contact[],
  options: ServiceLevelCountsOptions,
): ServiceLevelCounts {
  const fn = "serviceLevelCounts";
  const o = readOptions(fn, "options", options, { thresholdMs: "required" });
  return tallyServiceLevel(fn, contacts, o.thresholdMs);
}

/**
 * Service level: the share of contacts answered within the answer target T ("80/20": 80 % within 20 s).
 *
 * Answered within T means `waitMs ≤ thresholdMs`. The denominator depends on
 * how abandons count ({@link AbandonTreatment}): `"count-against"` (default)
 * Aw/(A + Ab), `"ignore"` Aw/A, `"within-count-as-met"` (Aw + Abw)/(A + Ab),
 * `"ignore-within"` Aw/(A + Aba) (ICMI; Call Centre Helper, "Service level
 * formulas"). State which one a report uses: on the same queue they differ by
 * several points. Exactly `serviceLevelFromCounts(serviceLevelCounts(contacts, options), options)`.
 * An empty denominator gives `null`.
 *
 * @param contacts - The contacts offered to the queue.
 * @param options - `thresholdMs` (required) and `abandoned` (default `"count-against"`).
 * @returns A percentage, 0–100; `null` when the denominator is 0.
 * @throws {MetricInputError} As {@link serviceLevelCounts}; `invalid_option` for an unknown `abandoned` treatment.
 *
 * @example
 * ```ts
 * import { serviceLevel } from "support-metrics";
 * const contacts = [
 *   ...Array.from({ length: 860 }, () => ({ waitMs: 10_000, outcome: "answered" as const })),
 *   ...Array.from({ length: 140 }, () => ({ waitMs: 30_000, outcome: "answered" as const })),
 *   ...Array.from({ length: 20 }, () => ({ waitMs: 5_000, outcome: "abandoned" as const })),
 *   ...Array.from({ length: 40 }, () => ({ waitMs: 45_000, outcome: "abandoned" as const })),
 * ];
 * serviceLevel(contacts, { thresholdMs: 20_000 }); // => 81.132075
 * serviceLevel(contacts, { thresholdMs: 20_000, abandoned: "ignore" }); // => 86
 * serviceLevel(contacts, { thresholdMs: 20_000, abandoned: "within-count-as-met" }); // => 83.018868
 * serviceLevel(contacts, { thresholdMs: 20_000, abandoned: "ignore-within" }); // => 82.692308
 * serviceLevel([], { thresholdMs: 20_000 }); // => null
 * serviceLevel(contacts, { thresholdMs: 20_000, abandoned: "exclude" as never }); // throws invalid_option
 * ```
 * @see {@link serviceLevelCounts}, {@link serviceLevelFromCounts}, {@link abandonmentRate}, {@link erlangC}
 * @category Contact centre
 */
export function serviceLevel(contacts: readonly Contact[], options: ServiceLevelOptions): number | null {
  const fn = "serviceLevel";
  const o = readOptions(fn, "options", options, SERVICE_LEVEL_OPTIONS);
  const treatment = treatmentOption(fn, o.abandoned);
  const c = tallyServiceLevel(fn, contacts, o.thresholdMs);
  return levelOf(c.answered, c.answeredWithin, c.abandoned, c.abandonedWithin, treatment);
}

/**
 * Service level from a tally (an ACD report's A, Aw, Ab, Abw).
 *
 * As {@link serviceLevel}, from counts. Aw > A or Abw > Ab is `inconsistent_counts`.
 * An empty denominator gives `null`.
 *
 * @param counts - `{ answered, answeredWithin, abandoned, abandonedWithin }`.
 * @param options - `abandoned` (default `"count-against"`).
 * @returns A percentage, 0–100; `null` when the denominator is 0.
 * @throws {MetricInputError} `invalid_type` when `counts` is not an object or a field not a number; `missing_value` for an absent
 *   field; `not_integer` / `not_finite` / `out_of_range` for a field that is not a count; `inconsistent_counts` when a
 *   within-count exceeds its total; `invalid_option` for an unknown treatment.
 *
 * @example
 * ```ts
 * import { serviceLevelFromCounts } from "support-metrics";
 * const counts = { answered: 1000, answeredWithin: 860, abandoned: 60, abandonedWithin: 20 };
 * serviceLevelFromCounts(counts); // => 81.132075
 * serviceLevelFromCounts(counts, { abandoned: "ignore" }); // => 86
 * serviceLevelFromCounts({ answered: 0, answeredWithin: 0, abandoned: 5, abandonedWithin: 5 }, { abandoned: "ignore-within" }); // => null
 * serviceLevelFromCounts({ ...counts, answeredWithin: 1001 }); // throws inconsistent_counts
 * ```
 * @see {@link serviceLevel}, {@link serviceLevelCounts}
 * @category Contact centre
 */
export function serviceLevelFromCounts(
  counts: ServiceLevelCounts,
  options?: ServiceLevelFromCountsOptions,
): number | null {
  const fn = "serviceLevelFromCounts";
  const c = readFields(fn, "counts", counts, {
    fields: ["answered", "answeredWithin", "abandoned", "abandonedWithin"] satisfies (keyof ServiceLevelCounts)[],
  });
  atMost(fn, "counts.answeredWithin", c.answeredWithin, { limit: c.answered, what: "answered" });
  atMost(fn, "counts.abandonedWithin", c.abandonedWithin, { limit: c.abandoned, what: "abandoned" });
  const treatment = treatmentOption(fn, readOptions(fn, "options", options, { abandoned: "optional" }).abandoned);
  return levelOf(c.answered, c.answeredWithin, c.abandoned, c.abandonedWithin, treatment);
}

const TREATMENTS: readonly AbandonTreatment[] = ["count-against", "ignore", "within-count-as-met", "ignore-within"];

const SERVICE_LEVEL_OPTIONS: Fields<ServiceLevelOptions> = { thresholdMs: "required", abandoned: "optional" };

function treatmentOption(fn: string, value: unknown): AbandonTreatment {
  return oneOf(fn, "options.abandoned", value, { allowed: TREATMENTS, fallback: "count-against" });
}

function levelOf(a: number, aw: number, ab: number, abw: number, treatment: AbandonTreatment): number | null {
  let met = aw;
  let offered = a + ab;
  if (treatment === "ignore") offered = a;
  else if (treatment === "within-count-as-met") met = aw + abw;
  else if (treatment === "ignore-within") offered = a + ab - abw;
  return percentOf(met, offered);
}

function tallyServiceLevel(fn: string, contacts: readonly Contact[], thresholdMs: unknown): ServiceLevelCounts {
  const list = contactList(fn, contacts);
  const path = "options.thresholdMs";
  const threshold = durationOption(fn, path, thresholdMs);
  if (threshold === undefined) throw inputError("missing_value", fn, path, DURATION, thresholdMs);
  let answered = 0;
  let answeredWithin = 0;
  let abandoned = 0;
  let abandonedWithin = 0;
  for (let i = 0; i < list.length; i++) {
    const c = contactAt(fn, list, i);
    const within = durationOf(fn, c, i, "waitMs", false) <= threshold ? 1 : 0;
    if (isAnswered(fn, c, i)) {
      answered++;
      answeredWithin += within;
    } else {
      abandoned++;
      abandonedWithin += within;
    }
  }
  return { answered, answeredWithin, abandoned, abandonedWithin };
}
