import {
  atMost,
  countField,
  normalize,
  oneOf,
  percent,
  percentOf,
  positive,
  present,
  readFields,
  readOptions,
  shaped,
} from "../internal/assert.js";
import { inputError } from "../internal/messages.js";

/**
 * The denominator of {@link churnRate}: customers at the start of the period
 * (`"start"`) or the mean of the start and end counts (`"average"`).
 *
 * @category Customers
 */
export type ChurnDenominator = "start" | "average";

/**
 * The input of {@link churnRate}: counts for one period, a plain tally, so
 * segments (regions, plans) add with `mergeCounts`.
 *
 * @category Customers
 */
export interface ChurnInput {
  /** Customers at the start of the period (a count). */
  readonly customersAtStart: number;
  /** Customers of the starting base lost during the period (a count ≤ `customersAtStart`). */
  readonly customersLost: number;
  /** Customers at the end of the period (a count); required with `denominator: "average"`, checked when given. */
  readonly customersAtEnd?: number | undefined;
}

/**
 * Options of {@link churnRate}.
 *
 * @category Customers
 */
export interface ChurnRateOptions {
  /**
   * `"start"` divides by the starting count (most SaaS dashboards);
   * `"average"` by (start + end) / 2 (some dashboards), which damps periods of growth.
   * @defaultValue "start"
   */
  readonly denominator?: ChurnDenominator | undefined;
}

/**
 * The period lengths of {@link convertChurnRate}, in days.
 *
 * @category Customers
 */
export interface ChurnPeriods {
  /** The length of the period the given rate is measured over, in days (> 0), e.g. 30 for a monthly rate. */
  readonly fromDays: number;
  /** The length of the period to express the rate over, in days (> 0), e.g. 360 or 365 for an annual rate. */
  readonly toDays: number;
}

/**
 * Customer churn rate: the share of the customers at the start of a period who were lost during it.
 *
 * churn = lost / start × 100 (`denominator: "start"`, the default), or
 * lost / ((start + end) / 2) × 100 (`"average"`). Customers gained during the
 * period do not enter the numerator: `customersLost` counts only the starting
 * base, so the rate lies within 0–100 with the start denominator (the average
 * denominator can exceed 100 in a shrinking base, as in every tool that uses it).
 * Losing more customers than there were (lost > start) or ending with fewer
 * than the survivors (end < start − lost) is `inconsistent_counts`. A zero
 * denominator gives `null`. 400 lost of 2 000 is 20 %, not the 2 % a
 * widely copied customer-service metrics article gives (docs/spec/METRICS.md §9).
 *
 * @param counts - `{ customersAtStart, customersLost, customersAtEnd? }`.
 * @param options - `denominator`: `"start"` (default) or `"average"`.
 * @returns A percentage of customers lost, 0–100 (start denominator); `null` when the denominator is 0.
 * @throws {MetricInputError} `missing_value` for an absent count (`customersAtEnd` with `"average"`);
 *   `invalid_type` / `not_finite` / `not_integer` / `out_of_range` for a field that is not a count;
 *   `inconsistent_counts` when `customersLost > customersAtStart` or `customersAtEnd < customersAtStart − customersLost`;
 *   `invalid_option` for an unknown `options.denominator`, or a `denominator` in `counts` (it is an option).
 *
 * @example
 * ```ts
 * import { churnRate } from "support-metrics";
 * churnRate({ customersAtStart: 2000, customersLost: 400 }); // => 20
 * churnRate({ customersAtStart: 2000, customersLost: 400, customersAtEnd: 2200 }, { denominator: "average" }); // => 19.047619
 * churnRate({ customersAtStart: 0, customersLost: 0 }); // => null
 * churnRate({ customersAtStart: 10, customersLost: 11 }); // throws inconsistent_counts
 * ```
 * @see {@link retentionRate}, {@link convertChurnRate}, {@link customerLifetimeValue}
 * @category Customers
 */
export function churnRate(counts: ChurnInput, options?: ChurnRateOptions): number | null {
  const fn = "churnRate";
  const path = "counts";
  const moved = (counts as { denominator?: unknown } | null | undefined)?.denominator;
  if (moved !== undefined) {
    // Before 1.0 the denominator was a field of the counts: say where it went, not only that the key is unknown.
    const expected = "no denominator in the counts: pass it as an option, churnRate(counts, { denominator })";
    throw inputError("invalid_option", fn, `${path}.denominator`, expected, moved);
  }
  const c = shaped(fn, path, counts, {
    customersAtStart: "required",
    customersLost: "required",
    customersAtEnd: "optional",
  });
  const start = countField(fn, `${path}.customersAtStart`, c.customersAtStart);
  const lost = countField(fn, `${path}.customersLost`, c.customersLost);
  const o = readOptions(fn, "options", options, { denominator: "optional" });
  const denominator = oneOf(fn, "options.denominator", o.denominator, {
    allowed: ["start", "average"],
    fallback: "start",
  });
  atMost(fn, `${path}.customersLost`, lost, { limit: start, what: "customersAtStart" });
  let end = start;
  if (c.customersAtEnd !== undefined || denominator === "average") {
    end = countField(fn, `${path}.customersAtEnd`, c.customersAtEnd);
    if (end < start - lost) {
      throw inputError(
        "inconsistent_counts",
        fn,
        `${path}.customersAtEnd`,
        `at least customersAtStart − customersLost (${start - lost})`,
        end,
      );
    }
  }
  const base = denominator === "start" ? start : (start + end) / 2;
  return percentOf(lost, base);
}

/**
 * Converts a churn rate measured over one period length to another, by compounding.
 *
 * converted = 1 − (1 − r)^(toDays / fromDays), with r the rate as a fraction:
 * a customer who survives a year survives each of its twelve months, so 3 %
 * monthly churn is 1 − 0.97¹² = 30.615764 % a year, **not** 3 × 12 = 36 %
 * (and an annual rate is never divided by 12). Assumes a constant hazard within
 * the longer period, the standard assumption. Exact
 * for 0 and 100 and when the periods are equal; computed as −expm1(k·ln(1 − r)) with ln(1 − r) taken as
 * log1p(−r) for small rates and as ln((100 − rate)/100) near 100 %, so that both ends keep their precision.
 *
 * @param ratePercent - The churn rate over `fromDays`, a percentage 0–100.
 * @param periods - `{ fromDays, toDays }`, both > 0 (e.g. 30 and 360).
 * @returns A percentage, 0–100: the churn over `toDays`.
 * @throws {MetricInputError} `invalid_type` / `not_finite` / `out_of_range` for a rate outside 0–100 or a period that is not a number > 0;
 *   `missing_value` for an absent period.
 *
 * @example
 * ```ts
 * import { convertChurnRate } from "support-metrics";
 * convertChurnRate(3, { fromDays: 30, toDays: 360 }); // => 30.615764
 * convertChurnRate(30.615764, { fromDays: 360, toDays: 30 }); // => 3.000000
 * convertChurnRate(0, { fromDays: 30, toDays: 365 }); // => 0
 * convertChurnRate(120, { fromDays: 30, toDays: 360 }); // throws out_of_range
 * ```
 * @see {@link churnRate}, {@link customerLifetimeValue}
 * @category Customers
 */
export function convertChurnRate(ratePercent: number, periods: ChurnPeriods): number {
  const fn = "convertChurnRate";
  const rate = percent(fn, "ratePercent", ratePercent);
  const { fromDays, toDays } = readFields(fn, "periods", periods, {
    fields: ["fromDays", "toDays"] satisfies (keyof ChurnPeriods)[],
    read: days,
  });
  if (rate === 100 || fromDays === toDays) return rate;
  // ln of the surviving share: log1p keeps small rates exact; near 100 % the subtraction 100 − rate is exact instead.
  const logSurvival = rate < 50 ? Math.log1p(-rate / 100) : Math.log((100 - rate) / 100);
  return normalize(-Math.expm1((toDays / fromDays) * logSurvival) * 100);
}

/** A period length in days (a finite number > 0) at `periods.field`. */
function days(fn: string, path: string, value: unknown): number {
  const rule = { expected: "a number of days > 0" };
  return positive(fn, path, present(fn, path, value, rule), rule);
}
