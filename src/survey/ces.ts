import { arrayLike, type Fields, normalize, oneOf, percentOf, readFields, readOptions } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { ratingError } from "./checks.js";

/**
 * The number of points on a Customer Effort Score scale: 7 (CES 2.0, Gartner) or 5 (CES 1.0, CEB 2010).
 *
 * @category Survey
 */
export type CesScale = 5 | 7;

/**
 * Which end of a CES scale is good: `"higher-is-easier"` (CES 2.0, "the company made it easy…", 7 = strongly agree)
 * or `"higher-is-harder"` (CES 1.0, "how much effort did you personally have to put forth", 5 = very high effort).
 *
 * @category Survey
 */
export type CesDirection = "higher-is-easier" | "higher-is-harder";

/**
 * How {@link ces} summarizes the ratings: `"percent-easy"` (share on the easy side, 0–100),
 * `"mean"` (plain mean on the native scale) or `"net"` (% easy − % hard, −100…100).
 *
 * @category Survey
 */
export type CesMethod = "percent-easy" | "mean" | "net";

/**
 * Options of {@link cesCounts}: what the ratings mean.
 *
 * @category Survey
 */
export interface CesCountsOptions {
  /**
   * The number of points on the scale; ratings are integers 1…scale.
   * @defaultValue 7
   */
  readonly scale?: CesScale | undefined;
  /**
   * Which end of the scale is easy.
   * @defaultValue "higher-is-easier"
   */
  readonly direction?: CesDirection | undefined;
}

/**
 * Options of {@link cesFromCounts}.
 *
 * @category Survey
 */
export interface CesFromCountsOptions {
  /**
   * The number of points on the scale the tally was taken on (used to check `ratingSum`).
   * @defaultValue 7
   */
  readonly scale?: CesScale | undefined;
  /**
   * The summary to return.
   * @defaultValue "percent-easy"
   */
  readonly method?: CesMethod | undefined;
}

/**
 * Options of {@link ces}: the scale, its direction and the summary.
 *
 * @category Survey
 */
export interface CesOptions extends CesCountsOptions, CesFromCountsOptions {}

/**
 * The tally behind a CES: responses on the easy side, the midpoint and the hard side, and the sum of the ratings.
 *
 * @category Survey
 */
export interface CesCounts {
  /** Responses on the easy side (5–7 on a 7-point easier scale, 1–2 on a 5-point harder scale). */
  easy: number;
  /** Responses at the midpoint (4 on 7 points, 3 on 5 points). */
  neutral: number;
  /** Responses on the hard side, the mirror of the easy side. */
  hard: number;
  /** The sum of all ratings on the native scale (for the mean). */
  ratingSum: number;
}

/**
 * Tallies Customer Effort Score ratings into easy, neutral and hard responses and their sum.
 *
 * The easy side is the part of the scale beyond the midpoint in the easy
 * direction: 5–7 on a 7-point "higher-is-easier" scale (CES 2.0), 1–2 on a
 * 5-point "higher-is-harder" scale (CES 1.0, Dixon, Freeman and Toman, "Stop
 * Trying to Delight Your Customers", HBR 2010: the "percentage reporting low effort"), 4–5 on a 5-point easier scale, 1–3 on a 7-point
 * harder scale. The hard side is its mirror; the midpoint is neutral. Empty
 * input gives zero counts.
 *
 * @param ratings - The effort ratings, integers 1…scale (an array or a typed array).
 * @param options - `scale` (default 7) and `direction` (default `"higher-is-easier"`).
 * @returns Counts of easy, neutral and hard responses and `ratingSum`, the sum of the ratings.
 * @throws {MetricInputError} `invalid_type` when `ratings` is not array-like or a rating is not a number;
 *   `not_finite`, `not_integer`, `out_of_range` for a rating that is not an integer 1…scale (path `ratings[i]`);
 *   `invalid_option` for a scale other than 5 or 7 or an unknown direction.
 *
 * @example
 * ```ts
 * import { cesCounts } from "support-metrics";
 * cesCounts([7, 6, 6, 5, 5, 4, 3, 2, 7, 1]); // => { easy: 6, neutral: 1, hard: 3, ratingSum: 46 }
 * cesCounts([1, 2, 3, 5], { scale: 5, direction: "higher-is-harder" }); // => { easy: 2, neutral: 1, hard: 1, ratingSum: 11 }
 * cesCounts([6], { scale: 5 }); // throws out_of_range
 * ```
 * @see {@link ces}, {@link cesFromCounts}, {@link mergeCounts}
 * @category Survey
 */
export function cesCounts(ratings: ArrayLike<number>, options?: CesCountsOptions): CesCounts {
  const fn = "cesCounts";
  const o = readOptions(fn, "options", options, { scale: "optional", direction: "optional" });
  return tallyCes(fn, ratings, readScale(fn, o.scale), readDirection(fn, o.direction));
}

/**
 * The Customer Effort Score of a tally, as percent easy, mean or net.
 *
 * With n = easy + neutral + hard: `"percent-easy"` = easy / n × 100 (0–100);
 * `"mean"` = ratingSum / n on the native scale (1…scale, its meaning set by
 * the direction the ratings were collected in); `"net"` = (easy − hard) / n ×
 * 100 (−100…100). No responses gives `null`.
 *
 * @param counts - A tally as returned by {@link cesCounts} (or summed by `mergeCounts`).
 * @param options - `scale` (default 7; checks `ratingSum`) and `method` (default `"percent-easy"`).
 * @returns A percentage 0–100 (`"percent-easy"`), a rating 1…scale (`"mean"`) or net points −100…100 (`"net"`); `null` when n is 0.
 * @throws {MetricInputError} `invalid_type` / `missing_value` / `not_integer` / `out_of_range` for a field that is not a count;
 *   `inconsistent_counts` when `ratingSum` is outside n…scale·n; `invalid_option` for an unknown scale or method.
 *
 * @example
 * ```ts
 * import { cesFromCounts } from "support-metrics";
 * const counts = { easy: 6, neutral: 1, hard: 3, ratingSum: 46 };
 * cesFromCounts(counts); // => 60
 * cesFromCounts(counts, { method: "mean" }); // => 4.6
 * cesFromCounts(counts, { method: "net" }); // => 30
 * cesFromCounts({ easy: 0, neutral: 0, hard: 0, ratingSum: 0 }); // => null
 * cesFromCounts({ easy: 1, neutral: 0, hard: 0, ratingSum: 9 }); // throws inconsistent_counts
 * ```
 * @see {@link ces}, {@link cesCounts}
 * @category Survey
 */
export function cesFromCounts(counts: CesCounts, options?: CesFromCountsOptions): number | null {
  const fn = "cesFromCounts";
  const o = readOptions(fn, "options", options, { scale: "optional", method: "optional" });
  const scale = readScale(fn, o.scale);
  const method = readMethod(fn, o.method);
  return summarize(readCesCounts(fn, counts, scale), method);
}

/**
 * The Customer Effort Score: how easy customers found it to get their issue handled.
 *
 * Two scales exist and point in opposite directions. CES 2.0 (Gartner, the
 * current form): agreement with "the company made it easy to handle my issue",
 * 1 = strongly disagree … 7 = strongly agree, **higher is easier** (the
 * default). CES 1.0 (Dixon, Freeman & Toman, "Stop Trying to Delight Your
 * Customers", HBR 2010, CEB): "how much effort did you personally have to put
 * forth", 1 = very low … 5 = very high, **higher is harder**; pass
 * `{ scale: 5, direction: "higher-is-harder" }`. Whether a high score is good
 * therefore depends on the scale. `"percent-easy"` (default) is the share on
 * the easy side of the midpoint (5–7 of 7 easier; 1–2 of 5 harder; 4–5 of 5
 * easier; 1–3 of 7 harder); `"mean"` is the plain mean on the native scale
 * (Gartner reports CES 2.0 as a mean); `"net"` = % easy − % hard, the hard side
 * mirroring the easy side. Exactly `cesFromCounts(cesCounts(ratings, options), options)`.
 * No ratings gives `null`.
 *
 * @param ratings - The effort ratings, integers 1…scale (an array or a typed array).
 * @param options - `scale` (default 7), `direction` (default `"higher-is-easier"`), `method` (default `"percent-easy"`).
 * @returns A percentage 0–100 (`"percent-easy"`), a rating 1…scale (`"mean"`) or net points −100…100 (`"net"`); `null` for no ratings.
 * @throws {MetricInputError} `invalid_type` when `ratings` is not array-like or a rating is not a number;
 *   `not_finite`, `not_integer`, `out_of_range` for a rating that is not an integer 1…scale (path `ratings[i]`);
 *   `invalid_option` for a scale other than 5 or 7, or an unknown direction or method.
 *
 * @example
 * ```ts
 * import { ces } from "support-metrics";
 * const ease = [7, 6, 6, 5, 5, 4, 3, 2, 7, 1];
 * ces(ease); // => 60
 * ces(ease, { method: "mean" }); // => 4.6
 * ces(ease, { method: "net" }); // => 30
 * const effort = [1, 1, 2, 2, 3, 5, 1, 2, 4, 1];
 * ces(effort, { scale: 5, direction: "higher-is-harder" }); // => 70
 * ces(effort, { scale: 5, direction: "higher-is-harder", method: "mean" }); // => 2.2
 * ces([]); // => null
 * ces(ease, { scale: 10 as 7 }); // throws invalid_option
 * ```
 * @see {@link cesCounts}, {@link cesFromCounts}
 * @category Survey
 */
export function ces(ratings: ArrayLike<number>, options?: CesOptions): number | null {
  const fn = "ces";
  const o = readOptions(fn, "options", options, CES_OPTIONS);
  const scale = readScale(fn, o.scale);
  const direction = readDirection(fn, o.direction);
  const method = readMethod(fn, o.method);
  return summarize(tallyCes(fn, ratings, scale, direction), method);
}

/** Internal: one pass over checked ratings. Counts above and below the midpoint, then maps them by direction. */
function tallyCes(fn: string, ratings: ArrayLike<number>, scale: CesScale, direction: CesDirection): CesCounts {
  arrayLike(fn, "ratings", ratings, { expected: `an array of ratings 1–${scale}` });
  const n = ratings.length;
  const mid = (scale + 1) / 2;
  let above = 0;
  let below = 0;
  let ratingSum = 0;
  let i = 0;
  try {
    for (; i < n; i++) {
      const v = ratings[i]!;
      if (v >>> 0 !== v || v < 1 || v > scale) break;
      above += +(v > mid);
      below += +(v < mid);
      ratingSum += v;
    }
  } catch {
    // A value `>>>` cannot convert (a BigInt, a Symbol, an object without a primitive value).
  }
  if (i < n) throw ratingError(fn, "ratings", i, ratings[i], "rating", 1, scale);
  const neutral = n - above - below;
  return direction === "higher-is-easier"
    ? { easy: above, neutral, hard: below, ratingSum }
    : { easy: below, neutral, hard: above, ratingSum };
}

function summarize(c: CesCounts, method: CesMethod): number | null {
  const n = c.easy + c.neutral + c.hard;
  if (method === "percent-easy") return percentOf(c.easy, n);
  if (method === "net") return percentOf(c.easy - c.hard, n);
  return n === 0 ? null : normalize(c.ratingSum / n);
}

function readCesCounts(fn: string, counts: unknown, scale: CesScale): CesCounts {
  const c = readFields(fn, "counts", counts, { fields: CES_FIELDS });
  const n = c.easy + c.neutral + c.hard;
  const ratingSum = c.ratingSum;
  if (ratingSum < n || ratingSum > scale * n) {
    throw inputError(
      "inconsistent_counts",
      fn,
      "counts.ratingSum",
      `a sum of ${n} ratings 1–${scale} (${n}–${scale * n})`,
      ratingSum,
    );
  }
  return c;
}

function readScale(fn: string, value: unknown): CesScale {
  if (value === undefined) return 7;
  if (value !== 5 && value !== 7) throw inputError("invalid_option", fn, "options.scale", "5 or 7", value);
  return value;
}

function readDirection(fn: string, value: unknown): CesDirection {
  return oneOf(fn, "options.direction", value, { allowed: DIRECTIONS, fallback: "higher-is-easier" });
}

function readMethod(fn: string, value: unknown): CesMethod {
  return oneOf(fn, "options.method", value, { allowed: METHODS, fallback: "percent-easy" });
}

const DIRECTIONS: readonly CesDirection[] = ["higher-is-easier", "higher-is-harder"];
const METHODS: readonly CesMethod[] = ["percent-easy", "mean", "net"];
const CES_OPTIONS: Fields<CesOptions> = { scale: "optional", direction: "optional", method: "optional" };
const CES_FIELDS = ["easy", "neutral", "hard", "ratingSum"] as const satisfies readonly (keyof CesCounts)[];
