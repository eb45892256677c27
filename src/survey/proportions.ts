import { atMost, confidenceOption, count, normalize, readFields, readOptions } from "../internal/assert.js";
import { wilsonBounds } from "../stats/intervals.js";
import { twoSidedP, zForConfidence } from "../stats/normal.js";

/**
 * A proportion as counts: `successes` out of `total` (satisfied of all responses, resolved of all tickets, …).
 *
 * @category Survey
 */
export interface ProportionCounts {
  /** The cases with the property, an integer 0…total. */
  successes: number;
  /** All cases, an integer ≥ 0. */
  total: number;
}

/**
 * Options of {@link wilsonInterval} and {@link compareProportions}.
 *
 * @category Survey
 */
export interface ProportionOptions {
  /**
   * The two-sided confidence level, strictly between 0 and 1 (for {@link compareProportions}: significant when `pValue < 1 − confidence`).
   * @defaultValue 0.95
   */
  readonly confidence?: number | undefined;
}

/**
 * A confidence interval in percent, 0–100.
 *
 * @category Survey
 */
export interface PercentInterval {
  /** The lower bound, a percentage 0–100. */
  lower: number;
  /** The upper bound, a percentage 0–100. */
  upper: number;
}

/**
 * The result of {@link compareProportions}.
 *
 * @category Survey
 */
export interface ProportionComparison {
  /** The first proportion minus the second, in percentage points (−100…100). */
  difference: number;
  /** The pooled z statistic. */
  z: number;
  /** The two-sided p-value, a probability 0–1. */
  pValue: number;
  /** `pValue < 1 − confidence`. */
  significant: boolean;
}

/**
 * The Wilson score interval for a proportion, in percent.
 *
 * With p̂ = successes / total, n = total and z the two-sided critical value:
 * (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n) (Wilson 1927; R
 * `prop.test(x, n, correct = FALSE)$conf.int`, `binom::binom.wilson`). Unlike
 * the Wald interval p̂ ± z·√(p̂(1 − p̂)/n) it never leaves 0–100 and does not
 * collapse to a point at 0 or n successes, which is why it is the right way to
 * compare the CSAT of agents with few responses. The bounds are exactly 0 at 0
 * successes and 100 at `total`. No cases (`total` 0) gives `null`.
 *
 * @param successes - The cases with the property, an integer 0…total.
 * @param total - All cases, an integer ≥ 0.
 * @param options - `confidence` (default 0.95).
 * @returns Percentages 0–100, `{ lower, upper }`, or `null` when `total` is 0.
 * @throws {MetricInputError} `invalid_type` / `not_finite` / `not_integer` / `out_of_range` when a count is not an integer ≥ 0;
 *   `inconsistent_counts` when `successes > total`; `invalid_option` for a confidence outside (0, 1).
 *
 * @example
 * ```ts
 * import { wilsonInterval } from "support-metrics";
 * wilsonInterval(8, 10); // => { lower: 49.0162, upper: 94.3318 }
 * wilsonInterval(45, 50); // => { lower: 78.6398, upper: 95.6524 }
 * wilsonInterval(0, 10); // => { lower: 0, upper: 27.7533 }
 * wilsonInterval(10, 10); // => { lower: 72.2467, upper: 100 }
 * wilsonInterval(0, 0); // => null
 * wilsonInterval(11, 10); // throws inconsistent_counts
 * ```
 * @see {@link compareProportions}, {@link csatCounts}
 * @category Survey
 */
export function wilsonInterval(successes: number, total: number, options?: ProportionOptions): PercentInterval | null {
  const fn = "wilsonInterval";
  const x = count(fn, "successes", successes);
  const n = count(fn, "total", total);
  atMost(fn, "successes", x, { limit: n, what: "total" });
  const level = confidenceOption(fn, readOptions(fn, "options", options, { confidence: "optional" }));
  if (n === 0) return null;
  const { lower, upper } = wilsonBounds(x, n, zForConfidence(level));
  return { lower: normalize(lower * 100), upper: upper * 100 };
}

/**
 * Tests whether two independent proportions differ (pooled two-proportion z-test).
 *
 * With p̂₁ = x₁/n₁, p̂₂ = x₂/n₂ and the pooled p̂ = (x₁ + x₂)/(n₁ + n₂):
 * z = (p̂₁ − p̂₂) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)), two-sided p-value from the
 * normal distribution. This is the test of R `prop.test(c(x1, x2), c(n1, n2),
 * correct = FALSE)` (whose X-squared is z²). `difference` is in percentage
 * points. Returns `null` when either total is 0, or when the pooled proportion
 * is 0 or 1 (every case in both groups alike: z is 0/0, R gives `NaN`).
 *
 * @param a - The first group, `{ successes, total }` (e.g. this month's satisfied and all responses).
 * @param b - The second group.
 * @param options - `confidence` (default 0.95) sets the significance level `1 − confidence`.
 * @returns Percentage points for `difference` (a − b), the `z` statistic, a two-sided `pValue` (0–1) and `significant`; or `null`.
 * @throws {MetricInputError} `invalid_type` / `missing_value` / `not_integer` / `out_of_range` for a field that is not a count (paths `a.…`, `b.…`);
 *   `inconsistent_counts` when successes exceed the total; `invalid_option` for a confidence outside (0, 1).
 *
 * @example
 * ```ts
 * import { compareProportions } from "support-metrics";
 * compareProportions({ successes: 45, total: 50 }, { successes: 35, total: 50 }); // => { difference: 20, z: 2.5, pValue: 0.012419, significant: true }
 * compareProportions({ successes: 80, total: 100 }, { successes: 70, total: 100 }); // => { difference: 10, z: 1.632993, pValue: 0.102470, significant: false }
 * compareProportions({ successes: 5, total: 5 }, { successes: 9, total: 9 }); // => null
 * compareProportions({ successes: 6, total: 5 }, { successes: 1, total: 9 }); // throws inconsistent_counts
 * ```
 * @see {@link wilsonInterval}, {@link compareNps}
 * @category Survey
 */
export function compareProportions(
  a: ProportionCounts,
  b: ProportionCounts,
  options?: ProportionOptions,
): ProportionComparison | null {
  const fn = "compareProportions";
  const x = readProportion(fn, a, "a");
  const y = readProportion(fn, b, "b");
  const level = confidenceOption(fn, readOptions(fn, "options", options, { confidence: "optional" }));
  if (x.total === 0 || y.total === 0) return null;
  // The pooled share and its complement, each from exact integer counts: 1 − pooled would lose digits near 1.
  const total = x.total + y.total;
  const successes = x.successes + y.successes;
  const pooled = successes / total;
  const pooledComplement = (total - successes) / total;
  const standardError = Math.sqrt(pooled * pooledComplement * (1 / x.total + 1 / y.total));
  if (!(standardError > 0)) return null;
  // p₁ − p₂ = (s₁n₂ − s₂n₁)/(n₁n₂) with the numerator exact (in BigInt past 2^53), so that near-equal
  // shares of huge counts do not cancel to noise.
  const product = x.total * y.total;
  const cross =
    product <= Number.MAX_SAFE_INTEGER
      ? x.successes * y.total - y.successes * x.total
      : Number(BigInt(x.successes) * BigInt(y.total) - BigInt(y.successes) * BigInt(x.total));
  const difference = (cross * 100) / product;
  const z = difference / 100 / standardError;
  const pValue = twoSidedP(z);
  return { difference: normalize(difference), z: normalize(z), pValue, significant: pValue < 1 - level };
}

function readProportion(fn: string, value: unknown, path: string): ProportionCounts {
  const c = readFields(fn, path, value, { fields: ["successes", "total"] satisfies (keyof ProportionCounts)[] });
  atMost(fn, `${path}.successes`, c.successes, { limit: c.total, what: "total" });
  return c;
}
