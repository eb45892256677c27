import {
  type AbandonTreatment,
  abandonmentRateFromCounts,
  averageHandleTimeFromTotals,
  serviceLevelFromCounts,
} from "../contacts/index.js";
import { displayContactReport, withDisplay } from "../display/index.js";
import { oneOf } from "../internal/assert.js";
import { type ContactGroup, type ContactTally, readContactTally, totalContactGroup } from "./contacts.js";
import { keyObject } from "./dimensions.js";
import { reportOptions } from "./groups.js";
import type { SetAside } from "./set-aside.js";

/**
 * Options of {@link contactReport}.
 *
 * @category Reports
 */
export interface ContactReportOptions {
  /**
   * How abandoned contacts count in the service level, as {@link serviceLevel}'s `abandoned`.
   * @defaultValue "count-against"
   */
  readonly abandoned?: AbandonTreatment | undefined;
}

/**
 * One row of a {@link ContactReport}: handle time, abandonment and service level with their counts.
 *
 * @category Reports
 */
export interface ContactReportRow {
  /** The group's value of each dimension, `{ queue: "sales" }`; `{}` for the total. */
  readonly key: Readonly<Record<string, string | null>>;
  /** Contacts counted in the group. */
  readonly contacts: number;
  /** AHT in ms: (Σ talk + Σ hold + Σ after-call work) / handled, as {@link averageHandleTime}; `null` with none handled. */
  readonly averageHandleTimeMs: number | null;
  /** Handled (answered) contacts. */
  readonly answered: number;
  /** Σ talk time, ms. */
  readonly talkMs: number;
  /** Σ hold time, ms. */
  readonly holdMs: number;
  /** Σ after-call work, ms. */
  readonly afterCallWorkMs: number;
  /** Abandonment rate, percent 0–100, as {@link abandonmentRate} with the tally's `shortAbandonMs`. */
  readonly abandonmentRate: number | null;
  /** Abandoned contacts that count (short abandons excluded). */
  readonly abandoned: number;
  /** Short abandons, left out of the abandonment rate. */
  readonly shortAbandoned: number;
  /** Service level, percent 0–100, as {@link serviceLevel}; `null` without a threshold or with no contact offered. */
  readonly serviceLevel: number | null;
  /** Answered within the threshold. */
  readonly answeredWithin: number;
  /** Abandoned within the threshold (short abandons included). */
  readonly abandonedWithin: number;
}

/**
 * The result of {@link contactReport}: plain data.
 *
 * @category Reports
 */
export interface ContactReport {
  /** One row per group, in key order. */
  readonly groups: readonly ContactReportRow[];
  /** The row of every counted contact (`key` is `{}`). */
  readonly total: ContactReportRow;
  /** The contacts the tally set aside. */
  readonly setAside: SetAside;
}

/**
 * Average handle time, abandonment rate and service level, per group and in total, from a contact tally.
 *
 * Every figure is what the per-array function returns for the group's
 * contacts: `averageHandleTimeMs` = {@link averageHandleTime},
 * `abandonmentRate` = {@link abandonmentRate} with the tally's
 * `shortAbandonMs`, `serviceLevel` = {@link serviceLevel} with the tally's
 * `thresholdMs` and this report's `abandoned` treatment (`null` when the tally
 * has no threshold). Averages come from sums and counts, so they merge
 * exactly; never average per-group percentages.
 *
 * @param tally - A {@link ContactTally} from {@link tallyContacts} or {@link mergeTallies} (or read back from JSON).
 * @param options - `abandoned` (default `"count-against"`).
 * @returns A {@link ContactReport}: AHT in ms, rates in percent 0–100.
 * @throws {MetricInputError} `invalid_type` / `invalid_value` / `missing_value` / `inconsistent_counts` for a malformed tally (path `tally.…`);
 *   `invalid_option` for a bad option.
 *
 * @example
 * ```ts
 * import { tallyContacts, contactReport } from "support-metrics";
 * const contacts = [
 *   { waitMs: 10_000, outcome: "answered", talkMs: 240_000, holdMs: 60_000 },
 *   { waitMs: 30_000, outcome: "answered", talkMs: 180_000 },
 *   { waitMs: 25_000, outcome: "abandoned" },
 *   { waitMs: 2_000, outcome: "abandoned" },
 * ] as const;
 * const tally = tallyContacts(contacts, { thresholdMs: 20_000, shortAbandonMs: 5_000 });
 * const row = contactReport(tally).total;
 * row.averageHandleTimeMs; // => 240000
 * row.abandonmentRate; // => 33.333333
 * row.serviceLevel; // => 25
 * contactReport(tally, { abandoned: "ignore-within" }).total.serviceLevel; // => 33.333333
 * contactReport(tally, { abandoned: "never" } as never); // throws invalid_option
 * ```
 * @see {@link tallyContacts}, {@link mergeTallies}, {@link averageHandleTime}, {@link serviceLevel}
 * @category Reports
 */
export function contactReport(tally: ContactTally, options?: ContactReportOptions): ContactReport {
  const fn = "contactReport";
  const t = readContactTally(fn, tally, "tally");
  const o = reportOptions(fn, options, { abandoned: "optional" });
  const treatment = oneOf(fn, "options.abandoned", o.abandoned, { allowed: TREATMENTS, fallback: "count-against" });
  const hasThreshold = t.thresholdMs !== null;
  const row = (key: Record<string, string | null>, g: ContactGroup): ContactReportRow => ({
    key,
    contacts: g.contacts,
    averageHandleTimeMs: averageHandleTimeFromTotals({
      talkMs: g.talkMs,
      holdMs: g.holdMs,
      afterCallWorkMs: g.afterCallWorkMs,
      handledContacts: g.answered,
    }),
    answered: g.answered,
    talkMs: g.talkMs,
    holdMs: g.holdMs,
    afterCallWorkMs: g.afterCallWorkMs,
    abandonmentRate: abandonmentRateFromCounts({
      answered: g.answered,
      abandoned: g.abandoned,
      shortAbandoned: g.shortAbandoned,
    }),
    abandoned: g.abandoned,
    shortAbandoned: g.shortAbandoned,
    serviceLevel: hasThreshold
      ? serviceLevelFromCounts(
          {
            answered: g.answered,
            answeredWithin: g.answeredWithin,
            abandoned: g.abandoned + g.shortAbandoned,
            abandonedWithin: g.abandonedWithin,
          },
          { abandoned: treatment },
        )
      : null,
    answeredWithin: g.answeredWithin,
    abandonedWithin: g.abandonedWithin,
  });
  const report = {
    groups: t.groups.map((g) => row(keyObject(t.dimensions, g.key), g)),
    total: row({}, totalContactGroup(t.groups)),
    setAside: t.setAside,
  };
  return withDisplay(report, displayContactReport);
}

const TREATMENTS: readonly AbandonTreatment[] = ["count-against", "ignore", "within-count-as-met", "ignore-within"];
