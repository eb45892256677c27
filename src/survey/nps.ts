import { displayNpsComparison, displayNpsInterval, withDisplay } from "../display/index.js";
import {
  arrayLike,
  confidenceOption,
  normalize,
  oneOf,
  percentOf,
  readFields,
  readOptions,
} from "../internal/assert.js";
import { twoSidedP, zForConfidence } from "../stats/normal.js";
import { ratingError } from "./checks.js";

/**
 * The tally behind an NPS: how many respondents gave 9–10 (promoters), 7–8
 * (passives) and 0–6 (detractors). Tallies of shards add with `mergeCounts`.
 *
 * @category Survey
 */
export interface NpsCounts {
  /** Respondents who answered 9 or 10. */
  promoters: number;
  /** Respondents who answered 7 or 8 (they count in the total, not in the score). */
  passives: number;
  /** Respondents who answered 0 to 6. */
  detractors: number;
}

/**
 * Options of {@link npsInterval}.
 *
 * @category Survey
 */
export interface NpsIntervalOptions {
  /**
   * The two-sided confidence level, strictly between 0 and 1.
   * @defaultValue 0.95
   */
  readonly confidence?: number | undefined;
  /**
   * `"adjusted-wald"` (Rocks 2016, recommended by MeasuringU: add 3 respondents and ¾ of a
   * promoter and a detractor) or `"wald"` (the textbook score ± z·SE).
   * @defaultValue "adjusted-wald"
   */
  readonly method?: NpsIntervalMethod | undefined;
}

/**
 * How {@link npsInterval} builds the interval: `"adjusted-wald"` or `"wald"`.
 *
 * @category Survey
 */
export type NpsIntervalMethod = "adjusted-wald" | "wald";

/**
 * The result of {@link npsInterval}. All values are in NPS points (−100…100 scale).
 *
 * @category Survey
 */
export interface NpsInterval {
  /** The plain NPS of the counts (never the adjusted centre). */
  score: number;
  /** The standard error the interval was built from, in NPS points (of the adjusted counts for `"adjusted-wald"`). */
  standardError: number;
  /** z · standardError, in NPS points: the half-width before clamping. */
  marginOfError: number;
  /** The lower bound, clamped to −100. */
  lower: number;
  /** The upper bound, clamped to 100. */
  upper: number;
}

/**
 * Options of {@link compareNps}.
 *
 * @category Survey
 */
export interface CompareNpsOptions {
  /**
   * The confidence level of the interval; the difference is significant when `pValue < 1 − confidence`.
   * @defaultValue 0.95
   */
  readonly confidence?: number | undefined;
}

/**
 * The result of {@link compareNps}: the first period's NPS minus the second's, with its test.
 *
 * @category Survey
 */
export interface NpsComparison {
  /** NPS(a) − NPS(b), in NPS points (−200…200). */
  difference: number;
  /** √(SE₁² + SE₂²), the Wald standard error of the difference, in NPS points. */
  standardError: number;
  /** difference / standardError. */
  z: number;
  /** The two-sided p-value of `z`, a probability 0–1. */
  pValue: number;
  /** `pValue < 1 − confidence`. */
  significant: boolean;
  /** difference − z_c·standardError, clamped to −200. */
  lower: number;
  /** difference + z_c·standardError, clamped to 200. */
  upper: number;
}

/**
 * Tallies likelihood-to-recommend scores into promoters, passives and detractors.
 *
 * Scores are integers 0–10: 9–10 are promoters, 7–8 passives, 0–6 detractors
 * (Reichheld 2003, Bain & Company). One pass with no allocation per score; a
 * `Uint8Array` takes a faster path. Empty input gives all-zero counts.
 *
 * @param scores - The answers to "how likely are you to recommend us", integers 0–10 (an array or a typed array).
 * @returns Counts of respondents per category.
 * @throws {MetricInputError} `invalid_type` when `scores` is not array-like or a score is not a number (a string);
 *   `not_finite` for `NaN`/`±Infinity`; `not_integer` for a fraction; `out_of_range` outside 0–10. The path is `scores[i]`.
 *
 * @example
 * ```ts
 * import { npsCounts } from "support-metrics";
 * npsCounts([10, 9, 9, 8, 7, 7, 6, 5, 3, 0]); // => { promoters: 3, passives: 3, detractors: 4 }
 * npsCounts(new Uint8Array([10, 7])); // => { promoters: 1, passives: 1, detractors: 0 }
 * npsCounts([]); // => { promoters: 0, passives: 0, detractors: 0 }
 * npsCounts([9, 7.5]); // throws not_integer
 * ```
 * @see {@link nps}, {@link npsFromCounts}, {@link mergeCounts}
 * @category Survey
 */
export function npsCounts(scores: ArrayLike<number>): NpsCounts {
  return tallyNps("npsCounts", scores);
}

/**
 * The Net Promoter Score of a tally: % promoters − % detractors.
 *
 * NPS = (promoters − detractors) / (promoters + passives + detractors) × 100, on
 * −100…100; passives count in the total only (Reichheld 2003, Bain & Company).
 * No respondents gives `null`.
 *
 * @param counts - A tally as returned by {@link npsCounts} (or summed by `mergeCounts`, or from SQL).
 * @returns NPS points, −100…100, or `null` when there are no respondents.
 * @throws {MetricInputError} `invalid_type` when `counts` is not an object or a field is not a number;
 *   `missing_value` for an absent field; `not_integer` / `not_finite` / `out_of_range` for a field that is not a count.
 *
 * @example
 * ```ts
 * import { npsFromCounts } from "support-metrics";
 * npsFromCounts({ promoters: 50, passives: 30, detractors: 20 }); // => 30
 * npsFromCounts({ promoters: 0, passives: 0, detractors: 0 }); // => null
 * npsFromCounts({ promoters: -1, passives: 0, detractors: 0 }); // throws out_of_range
 * ```
 * @see {@link nps}, {@link npsCounts}, {@link npsInterval}
 * @category Survey
 */
export function npsFromCounts(counts: NpsCounts): number | null {
  const c = readNpsCounts("npsFromCounts", counts, "counts");
  return scoreOf(c.promoters, c.passives, c.detractors);
}

/**
 * The Net Promoter Score of a list of 0–10 scores.
 *
 * NPS = % promoters (9–10) − % detractors (0–6), on −100…100; passives (7–8)
 * count in the total only (Reichheld 2003, Bain & Company). Exactly
 * `npsFromCounts(npsCounts(scores))`. An empty list gives `null`. Runs in one
 * pass without allocating per score (about as fast as a hand-written loop on a
 * `Uint8Array`).
 *
 * @param scores - The answers to "how likely are you to recommend us", integers 0–10 (an array or a typed array).
 * @returns NPS points, −100…100, or `null` for no scores.
 * @throws {MetricInputError} `invalid_type` when `scores` is not array-like or a score is not a number (a string);
 *   `not_finite` for `NaN`/`±Infinity`; `not_integer` for a fraction; `out_of_range` outside 0–10. The path is `scores[i]`.
 *
 * @example
 * ```ts
 * import { nps } from "support-metrics";
 * nps([10, 9, 9, 8, 7, 7, 6, 5, 3, 0]); // => -10
 * nps(new Uint8Array([10, 10, 8, 3])); // => 25
 * nps([]); // => null
 * nps([10, 9, 11]); // throws out_of_range
 * nps([10, "9"] as unknown as number[]); // throws invalid_type
 * ```
 * @see {@link npsCounts}, {@link npsFromCounts}, {@link npsInterval}, {@link compareNps}
 * @category Survey
 */
export function nps(scores: ArrayLike<number>): number | null {
  const c = tallyNps("nps", scores);
  return scoreOf(c.promoters, c.passives, c.detractors);
}

/**
 * A confidence interval for an NPS, by the adjusted-Wald (default) or the Wald method.
 *
 * With p and d the promoter and detractor fractions of n respondents, the
 * per-respondent variance is Var = p + d − (p − d)² and SE = 100·√(Var/n).
 * `"wald"`: NPS ± z·SE. `"adjusted-wald"` (Rocks 2016, "Interval estimation for
 * the Net Promoter Score", The American Statistician; recommended by
 * MeasuringU): add 3 to n and ¾ to both promoters and detractors, then apply the
 * same formula centred on the adjusted score; it keeps its coverage at small n
 * and at scores near ±100, where Wald collapses to a zero-width interval.
 * Bounds are clamped to [−100, 100]; `score` is always the plain NPS. No
 * respondents gives `null`. Cross-checked against R package `NPS` (`npvar`, `nps.se`).
 *
 * @param counts - A tally as returned by {@link npsCounts}.
 * @param options - `confidence` (default 0.95) and `method` (default `"adjusted-wald"`).
 * @returns NPS points: the score, its standard error, margin of error and clamped bounds; or `null` for no respondents.
 * @throws {MetricInputError} as {@link npsFromCounts} for bad counts; `invalid_option` for a confidence outside (0, 1) or an unknown method.
 *
 * @example
 * ```ts
 * import { npsInterval } from "support-metrics";
 * const counts = { promoters: 50, passives: 30, detractors: 20 };
 * npsInterval(counts, { method: "wald" }); // => { score: 30, standardError: 7.810250, marginOfError: 15.307808, lower: 14.692192, upper: 45.307808 }
 * npsInterval(counts); // => { score: 30, standardError: 7.691510, marginOfError: 15.075083, lower: 14.051130, upper: 44.201297 }
 * npsInterval({ promoters: 10, passives: 0, detractors: 0 }).upper; // => 100
 * npsInterval({ promoters: 0, passives: 0, detractors: 0 }); // => null
 * npsInterval(counts, { confidence: 95 }); // throws invalid_option
 * ```
 * @see {@link npsFromCounts}, {@link compareNps}, {@link sampleSizeForMargin}
 * @category Survey
 */
export function npsInterval(counts: NpsCounts, options?: NpsIntervalOptions): NpsInterval | null {
  const fn = "npsInterval";
  const c = readNpsCounts(fn, counts, "counts");
  const o = readOptions(fn, "options", options, { confidence: "optional", method: "optional" });
  const level = confidenceOption(fn, o);
  const method = oneOf(fn, "options.method", o.method, {
    allowed: ["adjusted-wald", "wald"],
    fallback: "adjusted-wald",
  });
  const n = c.promoters + c.passives + c.detractors;
  if (n === 0) return null;
  const score = ((c.promoters - c.detractors) * 100) / n;
  const z = zForConfidence(level);
  let centre: number;
  let standardError: number;
  if (method === "wald") {
    centre = score;
    standardError = npsStandardError(c.promoters, c.detractors, n);
  } else {
    const promoters = c.promoters + 0.75;
    const detractors = c.detractors + 0.75;
    const adjustedN = n + 3;
    centre = ((promoters - detractors) * 100) / adjustedN;
    standardError = npsStandardError(promoters, detractors, adjustedN);
  }
  const marginOfError = z * standardError;
  const interval = {
    score: normalize(score),
    standardError: normalize(standardError),
    marginOfError: normalize(marginOfError),
    lower: normalize(Math.max(-100, centre - marginOfError)),
    upper: normalize(Math.min(100, centre + marginOfError)),
  };
  return withDisplay(interval, displayNpsInterval);
}

/**
 * Tests whether two independent periods (or groups) have different NPS.
 *
 * difference = NPS₁ − NPS₂; each NPS has the Wald standard error
 * SE = 100·√((p + d − (p − d)²)/n); the standard error of the difference is
 * √(SE₁² + SE₂²), z = difference / SE and the p-value is two-sided (normal
 * approximation; MeasuringU, "Comparing Net Promoter Scores", and R package
 * `NPS`). The interval is difference ± z_c·SE, clamped to [−200, 200]. Returns
 * `null` when either side has no respondents, or when the standard error is 0
 * (every respondent in both periods in a single category: the test is
 * undefined, as R's `prop.test` gives `NaN`). Respondents must be different
 * people in the two periods; paired data needs another test.
 *
 * @param a - The first period's tally (e.g. this week).
 * @param b - The second period's tally (e.g. last week).
 * @param options - `confidence` (default 0.95).
 * @returns NPS points for the difference, its standard error and interval; `z`; a two-sided `pValue` (0–1); `significant`; or `null`.
 * @throws {MetricInputError} as {@link npsFromCounts} for bad counts (paths `a.…`, `b.…`); `invalid_option` for a confidence outside (0, 1).
 *
 * @example
 * ```ts
 * import { compareNps } from "support-metrics";
 * const thisWeek = { promoters: 100, passives: 60, detractors: 40 };
 * const lastWeek = { promoters: 110, passives: 80, detractors: 60 };
 * compareNps(thisWeek, lastWeek); // => { difference: 10, standardError: 7.489993, z: 1.335115, pValue: 0.181839, significant: false, lower: -4.680117, upper: 24.680117 }
 * compareNps(thisWeek, { promoters: 0, passives: 0, detractors: 0 }); // => null
 * ```
 * @see {@link npsInterval}, {@link compareProportions}
 * @category Survey
 */
export function compareNps(a: NpsCounts, b: NpsCounts, options?: CompareNpsOptions): NpsComparison | null {
  const fn = "compareNps";
  const x = readNpsCounts(fn, a, "a");
  const y = readNpsCounts(fn, b, "b");
  const o = readOptions(fn, "options", options, { confidence: "optional" });
  const level = confidenceOption(fn, o);
  const nx = x.promoters + x.passives + x.detractors;
  const ny = y.promoters + y.passives + y.detractors;
  if (nx === 0 || ny === 0) return null;
  const seX = npsStandardError(x.promoters, x.detractors, nx);
  const seY = npsStandardError(y.promoters, y.detractors, ny);
  const standardError = Math.sqrt(seX * seX + seY * seY);
  if (standardError === 0) return null;
  const difference = ((x.promoters - x.detractors) * 100) / nx - ((y.promoters - y.detractors) * 100) / ny;
  const z = difference / standardError;
  const pValue = twoSidedP(z);
  const half = zForConfidence(level) * standardError;
  const comparison = {
    difference: normalize(difference),
    standardError,
    z: normalize(z),
    pValue,
    significant: pValue < 1 - level,
    lower: normalize(Math.max(-200, difference - half)),
    upper: normalize(Math.min(200, difference + half)),
  };
  return withDisplay(comparison, displayNpsComparison);
}

/** Internal: the tally loop, `fn` naming the public caller. */
function tallyNps(fn: string, scores: ArrayLike<number>): NpsCounts {
  arrayLike(fn, "scores", scores, { expected: "an array of scores 0–10" });
  return scores instanceof Uint8Array ? tallyBytes(fn, scores) : tallyNumbers(fn, scores);
}

// Branch-free classification of a checked score v in 0…10:
// (v + 7) >> 4 is 1 exactly for 9 and 10 (promoters); (v + 9) >> 4 is 1 exactly for 7…10 (not detractors).

/** Uint8Array: every element is already an integer ≥ 0, so only `> 10` needs checking. */
function tallyBytes(fn: string, scores: Uint8Array): NpsCounts {
  const n = scores.length;
  let promoters = 0;
  let notDetractors = 0;
  for (let i = 0; i < n; i++) {
    const v = scores[i]!;
    if (v > 10) throw ratingError(fn, "scores", i, v, "score", 0, 10);
    promoters += (v + 7) >> 4;
    notDetractors += (v + 9) >> 4;
  }
  return { promoters, passives: notDetractors - promoters, detractors: n - notDetractors };
}

/**
 * Any array-like: `(v >>> 0) === v` rejects non-numbers, NaN, ±Infinity, fractions and negatives in one test.
 * A value `>>>` cannot convert (a BigInt, a Symbol, an object without a primitive value) throws a
 * TypeError there, turned into the same `invalid_type` as any other non-number.
 */
function tallyNumbers(fn: string, scores: ArrayLike<number>): NpsCounts {
  const n = scores.length;
  let promoters = 0;
  let notDetractors = 0;
  let i = 0;
  try {
    for (; i < n; i++) {
      const v = scores[i]!;
      if (v >>> 0 !== v || v > 10) break;
      promoters += (v + 7) >> 4;
      notDetractors += (v + 9) >> 4;
    }
  } catch {
    // Only the conversion in `>>>` can throw.
  }
  if (i < n) throw ratingError(fn, "scores", i, scores[i], "score", 0, 10);
  return { promoters, passives: notDetractors - promoters, detractors: n - notDetractors };
}

/** Internal: validates an NPS tally at `path` for the public `fn`. */
function readNpsCounts(fn: string, counts: unknown, path: string): NpsCounts {
  return readFields(fn, path, counts, { fields: NPS_FIELDS });
}

const NPS_FIELDS = ["promoters", "passives", "detractors"] as const satisfies readonly (keyof NpsCounts)[];

/** NPS points from trusted counts; `null` for no respondents. */
function scoreOf(promoters: number, passives: number, detractors: number): number | null {
  return percentOf(promoters - detractors, promoters + passives + detractors);
}

/** SE in NPS points: 100·√((p + d − (p − d)²)/n) for (possibly adjusted) promoter and detractor counts. */
function npsStandardError(promoters: number, detractors: number, n: number): number {
  const p = promoters / n;
  const d = detractors / n;
  const variance = Math.max(0, p + d - (p - d) * (p - d));
  return 100 * Math.sqrt(variance / n);
}
