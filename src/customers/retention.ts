import { atMost, percentOf, readFields } from "../internal/assert.js";

/**
 * The input of {@link retentionRate}: customer counts for one period (a tally: segments add with `mergeCounts`).
 *
 * @category Customers
 */
export interface RetentionInput {
  /** Customers at the start of the period (a count). */
  readonly customersAtStart: number;
  /** Customers at the end of the period, new ones included (a count). */
  readonly customersAtEnd: number;
  /** Customers acquired during the period and still customers at its end (a count ≤ `customersAtEnd`). */
  readonly newCustomers: number;
}

/**
 * Customer retention rate: the share of the customers at the start of a period who are still customers at its end.
 *
 * retention = (end − new) / start × 100: the customers at the end minus the
 * ones acquired during the period are the starting customers kept (the formula
 * HubSpot and Zendesk publish). The variant that circulates in
 * customer-service articles, "new customers subtracted from the starting
 * count", is wrong (docs/spec/METRICS.md §9).
 * `newCustomers` must count only new customers still present at the end;
 * then retention = 100 − churn for the same period. Within 0–100 for
 * consistent counts: more new customers than customers at the end, or more
 * kept than there were at the start, is `inconsistent_counts`. No customers at
 * the start gives `null`.
 *
 * @param counts - `{ customersAtStart, customersAtEnd, newCustomers }`.
 * @returns A percentage of the starting customers kept, 0–100; `null` when `customersAtStart` is 0.
 * @throws {MetricInputError} `missing_value` for an absent count; `invalid_type` / `not_finite` / `not_integer` / `out_of_range`
 *   for a field that is not a count; `inconsistent_counts` when `newCustomers > customersAtEnd` or
 *   `customersAtEnd − newCustomers > customersAtStart`.
 *
 * @example
 * ```ts
 * import { retentionRate } from "support-metrics";
 * retentionRate({ customersAtStart: 1000, customersAtEnd: 1200, newCustomers: 300 }); // => 90
 * retentionRate({ customersAtStart: 0, customersAtEnd: 50, newCustomers: 50 }); // => null
 * retentionRate({ customersAtStart: 1000, customersAtEnd: 1200, newCustomers: 100 }); // throws inconsistent_counts
 * ```
 * @see {@link churnRate}, {@link netRevenueRetention}
 * @category Customers
 */
export function retentionRate(counts: RetentionInput): number | null {
  const fn = "retentionRate";
  const path = "counts";
  const c = readFields(fn, path, counts, {
    fields: ["customersAtStart", "customersAtEnd", "newCustomers"] satisfies (keyof RetentionInput)[],
  });
  const start = c.customersAtStart;
  const end = c.customersAtEnd;
  const added = c.newCustomers;
  atMost(fn, `${path}.newCustomers`, added, { limit: end, what: "customersAtEnd" });
  atMost(fn, `${path}.customersAtEnd`, end, { limit: start + added, what: "customersAtStart + newCustomers" });
  return percentOf(end - added, start);
}
