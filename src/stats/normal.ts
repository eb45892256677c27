import { inputError } from "../internal/messages.js";

/**
 * The standard normal cumulative distribution function Φ(x).
 *
 * Computed from the error function: a Taylor series for |x| < 3 and a Lentz
 * continued fraction for the tail, accurate to about 1e-14 absolute, with no
 * dependency and no table.
 *
 * @param x - Any real number (±Infinity give 0 and 1).
 * @returns A probability, 0–1 (the one place the library returns a fraction: this is a distribution function, as in every statistics library).
 * @throws {MetricInputError} `invalid_type` / `not_finite` for a non-number or `NaN`.
 *
 * @example
 * ```ts
 * import { normalCdf } from "support-metrics";
 * normalCdf(0); // => 0.5
 * normalCdf(1.959963984540054); // => 0.975000000
 * normalCdf(-1); // => 0.158655253931
 * ```
 * @see {@link normalQuantile}
 * @category Statistics
 */
export function normalCdf(x: number): number {
  if (typeof x !== "number") throw inputError("invalid_type", "normalCdf", "x", "a number", x);
  if (Number.isNaN(x)) throw inputError("not_finite", "normalCdf", "x", "a number", x);
  return cdf(x);
}

/**
 * The standard normal quantile Φ⁻¹(p): the z with Φ(z) = p.
 *
 * Acklam's rational approximation (relative error 1.15e-9) refined by Halley
 * steps on an accurate Φ, so the result is good to about 1e-13 over
 * 1e-300 < p < 1 − 1e-16. `normalQuantile(0.975)` is the familiar 1.959964.
 *
 * @param p - A probability strictly between 0 and 1.
 * @returns The z-score.
 * @throws {MetricInputError} `out_of_range` unless 0 < p < 1; `invalid_type` for a non-number.
 *
 * @example
 * ```ts
 * import { normalQuantile } from "support-metrics";
 * normalQuantile(0.975); // => 1.959963984540
 * normalQuantile(0.5); // => 0
 * normalQuantile(0.005); // => -2.575829303549
 * normalQuantile(5e-324); // => -38.4674
 * normalQuantile(1); // throws out_of_range
 * ```
 * @see {@link normalCdf}
 * @category Statistics
 */
export function normalQuantile(p: number): number {
  if (typeof p !== "number") throw inputError("invalid_type", "normalQuantile", "p", "a probability 0 < p < 1", p);
  if (!(p > 0 && p < 1)) throw inputError("out_of_range", "normalQuantile", "p", "a probability 0 < p < 1", p);
  return inverseCdf(p);
}

/** Internal: z for a two-sided confidence level (0.95 → 1.959964). Trusts its input. */
export function zForConfidence(confidence: number): number {
  return inverseCdf(0.5 + confidence / 2);
}

/** Internal: two-sided p-value of a z statistic. */
export function twoSidedP(z: number): number {
  const a = Math.abs(z);
  return Math.min(1, 2 * cdf(-a));
}

const SQRT2 = Math.SQRT2;
/** 2/√π as a literal, so that bundlers can drop it from consumers that do not use it. */
const TWO_OVER_SQRT_PI = 1.1283791670955126;

/** Internal Φ(x). */
export function cdf(x: number): number {
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x === Number.NEGATIVE_INFINITY) return 0;
  const t = x / SQRT2;
  if (Math.abs(t) < 2.1) return 0.5 + 0.5 * erfSeries(t);
  return t > 0 ? 1 - 0.5 * erfcFraction(t) : 0.5 * erfcFraction(-t);
}

/** erf(x) by its Maclaurin series; accurate for |x| < ~2.5. */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= -x2 / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return TWO_OVER_SQRT_PI * sum;
}

/** erfc(x) for x ≥ 2 by the continued fraction erfc(x) = e^{-x²}/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …)))) (modified Lentz). */
function erfcFraction(x: number): number {
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * erfcContinuedFraction(x));
}

/** ln Φ(x) for x < 0 far in the lower tail, where Φ(x) itself underflows: −t² − ln(√π·K(t)) − ln 2 with t = −x/√2. */
function logLowerTail(x: number): number {
  const t = -x / SQRT2;
  return -t * t - Math.log(Math.sqrt(Math.PI) * erfcContinuedFraction(t)) - Math.LN2;
}

/** The continued fraction K(x) = x + (1/2)/(x + (2/2)/(x + …)) with erfc(x) = e^(−x²)/(√π·K(x)), x ≥ 2.1 (modified Lentz). */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  // K = x + (1/2)/(x + (2/2)/(x + (3/2)/(x + …)))
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return f;
}

// Acklam's coefficients, highest power first; the denominators' constant term is 1.
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572, 1];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416, 1];
const P_LOW = 0.02425;

/** The polynomial with `coefficients` (highest power first) at `x`, by Horner's rule. */
function horner(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (const c of coefficients) sum = sum * x + c;
  return sum;
}

/** Internal Φ⁻¹(p) for 0 < p < 1. */
export function inverseCdf(p: number): number {
  if (p === 0.5) return 0;
  let x: number;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = horner(C, q) / horner(D, q);
  } else if (p <= 1 - P_LOW) {
    const q = p - 0.5;
    const r = q * q;
    x = (horner(A, r) * q) / horner(B, r);
  } else {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    x = -horner(C, q) / horner(D, q);
  }
  if (p < TINY_P) return refineInLogs(x, p);
  // Halley refinement on the tail that keeps precision: work with the smaller probability.
  for (let i = 0; i < 2; i++) {
    // e = Φ(x) − p, computed on the lower tail for x > 0 so that no digits cancel.
    const e = x < 0 ? cdf(x) - p : 1 - p - cdf(-x);
    const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
    x = x - u / (1 + (x * u) / 2);
  }
  return x;
}

/** Below this p, e^(x²/2) in the Halley step overflows and Φ(x) loses digits to underflow: refine in logarithms. */
const TINY_P = 1e-300;

/**
 * Newton's method on ln Φ(x) = ln p for p far in the lower tail (down to the
 * smallest subnormal, 5e-324), where neither Φ(x) nor the density is representable
 * with full precision: the step is (ln Φ(x) − ln p)·Φ(x)/φ(x), with
 * Φ/φ = e^(ln Φ − ln φ) and ln φ(x) = −x²/2 − ln √(2π).
 */
function refineInLogs(x: number, p: number): number {
  const logP = Math.log(p);
  const logSqrt2Pi = 0.5 * Math.log(2 * Math.PI);
  for (let i = 0; i < 4; i++) {
    const logCdf = logLowerTail(x);
    const logPdf = (-x * x) / 2 - logSqrt2Pi;
    x -= (logCdf - logP) * Math.exp(logCdf - logPdf);
  }
  return x;
}
