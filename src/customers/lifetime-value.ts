import { inRange, normalize, present, shaped } from "../internal/assert.js";
import { amountField } from "./fields.js";

/**
 * The input of {@link customerLifetimeValue}: per-period figures of an average customer.
 * Every rate is per the same period as `revenuePerPeriod` (convert with `convertChurnRate`).
 *
 * @category Customers
 */
export interface LifetimeValueInput {
  /** Average revenue per customer per period (e.g. ARPA per month), ≥ 0, in the caller's currency unit. */
  readonly revenuePerPeriod: number;
  /** Gross margin on that revenue, a percentage 0–100. */
  readonly grossMarginPercent: number;
  /** Churn per period, a percentage 0–100. */
  readonly churnRatePercent: number;
  /** Discount rate per period, a percentage ≥ 0; when given, the discounted (Gupta–Lehmann) form is used. */
  readonly discountRatePercent?: number | undefined;
}

/**
 * Customer lifetime value (CLV, LTV): the gross margin an average customer brings over its expected lifetime.
 *
 * Simple form (no `discountRatePercent`): CLV = revenue × margin ÷ churn, i.e.
 * the margin per period times the expected lifetime 1/churn periods (David
 * Skok, "SaaS Metrics 2.0": ARPA × gross margin ÷ churn). Discounted form (Gupta & Lehmann 2003, "Customers as
 * assets"): with m = revenue × margin, retention r = 1 − churn and discount rate d
 * per period, CLV = m·r / (1 + d − r), the present value of the margins received
 * at the end of each period the customer stays. The two forms count the first
 * period differently: with `discountRatePercent: 0` the discounted form gives
 * m·r/churn, one period's margin less than the simple form. All rates are
 * fractions of the same period as the revenue. Churn 0 without a discount rate
 * means an infinite lifetime: `null`. "Total revenue divided by years as a
 * customer" is average annual revenue, not lifetime value (docs/spec/METRICS.md §9).
 *
 * @param input - `{ revenuePerPeriod, grossMarginPercent, churnRatePercent, discountRatePercent? }`.
 * @returns An amount in the caller's currency unit (unrounded), ≥ 0; `null` when churn and discount are both 0.
 * @throws {MetricInputError} `missing_value` for an absent field; `invalid_type` / `not_finite` for a field that is not a number;
 *   `out_of_range` for negative revenue, a margin or churn outside 0–100, or a negative discount rate.
 *
 * @example
 * ```ts
 * import { customerLifetimeValue } from "support-metrics";
 * customerLifetimeValue({ revenuePerPeriod: 50, grossMarginPercent: 90, churnRatePercent: 10 }); // => 450
 * customerLifetimeValue({ revenuePerPeriod: 50, grossMarginPercent: 90, churnRatePercent: 10, discountRatePercent: 1 }); // => 368.181818
 * customerLifetimeValue({ revenuePerPeriod: 50, grossMarginPercent: 90, churnRatePercent: 0 }); // => null
 * customerLifetimeValue({ revenuePerPeriod: 50, grossMarginPercent: 120, churnRatePercent: 10 }); // throws out_of_range
 * ```
 * @see {@link churnRate}, {@link convertChurnRate}, {@link retentionCost}
 * @category Customers
 */
export function customerLifetimeValue(input: LifetimeValueInput): number | null {
  const fn = "customerLifetimeValue";
  const path = "input";
  const o = shaped(fn, path, input, {
    revenuePerPeriod: "required",
    grossMarginPercent: "required",
    churnRatePercent: "required",
    discountRatePercent: "optional",
  });
  const revenue = amountField(fn, `${path}.revenuePerPeriod`, o.revenuePerPeriod);
  const margin = rate(fn, "grossMarginPercent", o.grossMarginPercent, 100);
  const churn = rate(fn, "churnRatePercent", o.churnRatePercent, 100);
  const discountGiven = o.discountRatePercent !== undefined;
  const discount = discountGiven ? rate(fn, "discountRatePercent", o.discountRatePercent, Number.POSITIVE_INFINITY) : 0;
  if (!discountGiven) return churn === 0 ? null : normalize((revenue * margin) / churn);
  if (churn === 0 && discount === 0) return null;
  // m·r/(1 + d − r) with r = 1 − c: in percent, m·(100 − c)/(d + c).
  return normalize((revenue * margin * (100 - churn)) / (100 * (discount + churn)));
}

/** A required percentage field `0 ≤ value ≤ max`. */
function rate(fn: string, field: string, value: unknown, max: number): number {
  const expected = max === 100 ? "a percentage 0–100" : "a percentage ≥ 0";
  const path = `input.${field}`;
  return inRange(fn, path, present(fn, path, value, { expected }), { min: 0, max, expected });
}
