import { confidenceOption, type Fields, numberOption, oneOf, readOptions, type Unchecked } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { zForConfidence } from "../stats/normal.js";

/**
 * The options of {@link sampleSizeForMargin} every metric shares.
 *
 * @category Survey
 */
export interface SampleSizeBaseOptions {
  /**
   * The wanted half-width of the confidence interval: percentage points for a proportion, NPS points for an NPS;
   * greater than 0, at most 100.
   */
  readonly marginOfError: number;
  /**
   * The two-sided confidence level, strictly between 0 and 1.
   * @defaultValue 0.95
   */
  readonly confidence?: number | undefined;
  /**
   * The size of the whole population surveyed (e.g. customers served this month), an integer ≥ 1;
   * applies the finite-population correction.
   * @defaultValue none (an infinite population)
   */
  readonly population?: number | undefined;
}

/**
 * {@link sampleSizeForMargin} for a proportion such as CSAT; the margin is in percentage points.
 *
 * @category Survey
 */
export interface ProportionSampleSizeOptions extends SampleSizeBaseOptions {
  /**
   * Estimate a proportion.
   * @defaultValue "proportion"
   */
  readonly metric?: "proportion" | undefined;
  /**
   * The expected percentage (0–100), e.g. last quarter's CSAT.
   * @defaultValue 50 (the worst case, p(1 − p) = ¼)
   */
  readonly expectedPercent?: number | undefined;
  /** Not for a proportion: NPS expectations need `metric: "nps"`. */
  readonly expectedPromotersPercent?: never;
  /** Not for a proportion: NPS expectations need `metric: "nps"`. */
  readonly expectedDetractorsPercent?: never;
}

/**
 * {@link sampleSizeForMargin} for an NPS; the margin is in NPS points.
 *
 * @category Survey
 */
export interface NpsSampleSizeOptions extends SampleSizeBaseOptions {
  /** Estimate an NPS. */
  readonly metric: "nps";
  /**
   * The expected share of promoters, 0–100; give it together with `expectedDetractorsPercent`.
   * @defaultValue 50 (with 50 % detractors: the worst case, variance 1)
   */
  readonly expectedPromotersPercent?: number | undefined;
  /**
   * The expected share of detractors, 0–100; promoters + detractors must not exceed 100.
   * @defaultValue 50 (with 50 % promoters: the worst case, variance 1)
   */
  readonly expectedDetractorsPercent?: number | undefined;
}

/**
 * Options of {@link sampleSizeForMargin}: for a proportion (the default) or, with `metric: "nps"`, for an NPS.
 *
 * @category Survey
 */
export type SampleSizeOptions = ProportionSampleSizeOptions | NpsSampleSizeOptions;

/**
 * How many responses are needed for a confidence interval of a wanted margin of error.
 *
 * n₀ = z²·Var / e², with e the margin as a fraction (percentage or NPS points
 * ÷ 100) and z the two-sided critical value (Cochran, *Sampling Techniques*,
 * 1977, §4.4). For a proportion Var = p(1 − p), worst case p = ½ (so a ±5 point
 * CSAT at 95 % needs 385 responses). For an NPS Var = p + d − (p − d)² with p, d
 * the promoter and detractor fractions, worst case half promoters and half
 * detractors, Var = 1 (±5 NPS points at 95 % needs 1537). With `population` N
 * the finite-population correction n = n₀·N / (n₀ + N − 1) applies (Cochran,
 * "Sampling Techniques", 1977, §4.4; written this way it stays defined when
 * n₀ = 0 and never exceeds N). The result is rounded up to a whole response:
 * always an integer from 1 to N (1 when the expected variance is 0). These are Wald sizes:
 * the adjusted-Wald interval of {@link npsInterval} is slightly narrower at the
 * same n.
 *
 * @param options - `marginOfError` (required), `metric`, `confidence`, the expected values and `population`.
 * @returns Responses, a whole number ≥ 1.
 * @throws {MetricInputError} `invalid_option` for an options value out of range (a margin ≤ 0 or > 100, a confidence outside (0, 1),
 *   expected percentages outside 0–100 or summing past 100, an expected value for the other metric, a population that is not an integer ≥ 1);
 *   `missing_value` when `marginOfError` is absent or only one of the NPS expectations is given.
 *
 * @example
 * ```ts
 * import { sampleSizeForMargin } from "support-metrics";
 * sampleSizeForMargin({ marginOfError: 5 }); // => 385
 * sampleSizeForMargin({ marginOfError: 5, expectedPercent: 30 }); // => 323
 * sampleSizeForMargin({ marginOfError: 5, population: 1000 }); // => 278
 * sampleSizeForMargin({ metric: "nps", marginOfError: 5 }); // => 1537
 * sampleSizeForMargin({ metric: "nps", marginOfError: 5, expectedPromotersPercent: 50, expectedDetractorsPercent: 20 }); // => 938
 * sampleSizeForMargin({ marginOfError: 5, expectedPercent: 0, population: 1 }); // => 1
 * sampleSizeForMargin({ marginOfError: 0 }); // throws invalid_option
 * ```
 * @see {@link npsInterval}, {@link wilsonInterval}
 * @category Survey
 */
export function sampleSizeForMargin(options: SampleSizeOptions): number {
  const fn = "sampleSizeForMargin";
  const o: AnyOptions = readOptions<Flat>(fn, "options", options as Flat | undefined, FLAT_FIELDS);
  const metric = oneOf(fn, "options.metric", o.metric, { allowed: ["proportion", "nps"], fallback: "proportion" });
  const margin = o.marginOfError;
  if (margin === undefined) throw inputError("missing_value", fn, "options.marginOfError", MARGIN, margin);
  if (typeof margin !== "number" || !(margin > 0 && margin <= 100)) {
    throw inputError("invalid_option", fn, "options.marginOfError", MARGIN, margin);
  }
  const z = zForConfidence(confidenceOption(fn, o));
  const variance = metric === "nps" ? npsVariance(fn, o) : proportionVariance(fn, o);
  // Absent: an infinite population, where the correction divides by exactly 1.
  const population = numberOption(fn, "options.population", o.population, {
    expected: "an integer ≥ 1",
    min: 1,
    integer: true,
  });
  const e = margin / 100;
  const n0 = (z * z * variance) / (e * e);
  if (n0 === Number.POSITIVE_INFINITY) {
    // A margin so small that e² underflows: only a census of a finite population reaches it.
    if (population !== undefined) return population;
    throw inputError("invalid_option", fn, "options.marginOfError", "a margin whose sample size is finite", margin);
  }
  // Absent: an infinite population, where the corrected size is n₀ itself.
  // n₀ = 0 (an expected share of 0 or 100 %): no spread to estimate, and 0/0 at N = 1.
  const n = population === undefined || n0 === 0 ? n0 : (n0 * population) / (n0 + population - 1);
  // Round up, forgiving floating-point noise just above a whole number; a variance of 0 still needs one response.
  const whole = Math.max(1, Math.ceil(n - 1e-9));
  return population === undefined ? whole : Math.min(population, whole);
}

function proportionVariance(fn: string, o: AnyOptions): number {
  rejectOther(fn, o, ["expectedPromotersPercent", "expectedDetractorsPercent"], "proportion");
  const p = percentOption(fn, o, "expectedPercent", 50) / 100;
  return p * (1 - p);
}

function npsVariance(fn: string, o: AnyOptions): number {
  rejectOther(fn, o, ["expectedPercent"], "nps");
  const hasP = o.expectedPromotersPercent !== undefined;
  const hasD = o.expectedDetractorsPercent !== undefined;
  if (hasP !== hasD) {
    const missing = hasP ? "expectedDetractorsPercent" : "expectedPromotersPercent";
    throw inputError("missing_value", fn, `options.${missing}`, "both expected NPS shares, or neither", undefined);
  }
  const p = percentOption(fn, o, "expectedPromotersPercent", 50);
  const d = percentOption(fn, o, "expectedDetractorsPercent", 50);
  if (p + d > 100) {
    throw inputError(
      "invalid_option",
      fn,
      "options.expectedDetractorsPercent",
      `at most ${100 - p} (100 − promoters)`,
      d,
    );
  }
  const pf = p / 100;
  const df = d / 100;
  return pf + df - (pf - df) * (pf - df);
}

function percentOption(fn: string, o: AnyOptions, key: PercentKey, fallback: number): number {
  return numberOption(fn, `options.${key}`, o[key], { expected: "a percentage 0–100", max: 100 }) ?? fallback;
}

function rejectOther(fn: string, o: AnyOptions, keys: readonly PercentKey[], metric: string): void {
  for (const key of keys) {
    if (o[key] !== undefined) {
      throw inputError("invalid_option", fn, `options.${key}`, `no ${key} for metric "${metric}"`, o[key]);
    }
  }
}

/** Every field either shape can carry, as received. */
type Flat = Omit<ProportionSampleSizeOptions, "metric"> & Omit<NpsSampleSizeOptions, "metric"> & { metric?: string };
type AnyOptions = Unchecked<Flat>;
type PercentKey = "expectedPercent" | "expectedPromotersPercent" | "expectedDetractorsPercent";

const MARGIN = "a margin of error in points, 0 < e ≤ 100";

const FLAT_FIELDS: Fields<Flat> = {
  metric: "optional",
  marginOfError: "required",
  confidence: "optional",
  population: "optional",
  expectedPercent: "optional",
  expectedPromotersPercent: "optional",
  expectedDetractorsPercent: "optional",
};
