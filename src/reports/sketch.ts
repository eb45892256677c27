import { arrayLike, readOptions } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { accuracyOption, readSketch } from "./read-sketch.js";
import { SketchStore } from "./sketch-store.js";

// The internals other report files use, from where they always were.
export { GroupedSketches } from "./grouped-sketches.js";
export { accuracyOption, readSketch } from "./read-sketch.js";
export { SketchStore } from "./sketch-store.js";

/**
 * A mergeable quantile sketch: a plain JSON tally of logarithmic buckets
 * (DDSketch's logarithmic mapping), from {@link quantileSketch}.
 *
 * Bucket `i` holds the values in (γ^(i−1), γ^i] with γ = (1 + α)/(1 − α); zeros
 * are counted apart. `JSON.parse(JSON.stringify(sketch))` deep-equals the sketch.
 *
 * @category Reports
 */
export interface QuantileSketch {
  /** α, the relative accuracy the bins were built for (1e-4 ≤ α < 1). */
  readonly relativeAccuracy: number;
  /** How many values the sketch holds (zeros included). */
  readonly count: number;
  /** How many of them are exactly 0. */
  readonly zeroCount: number;
  /** The smallest value, exactly; `null` when empty. */
  readonly min: number | null;
  /** The largest value, exactly; `null` when empty. */
  readonly max: number | null;
  /** `[index, count]` pairs of the non-empty buckets, by ascending index (index = ⌈ln x / ln γ⌉). */
  readonly bins: readonly (readonly [index: number, count: number])[];
}

/**
 * Options of {@link quantileSketch}.
 *
 * @category Reports
 */
export interface QuantileSketchOptions {
  /**
   * α: every estimate lies within this relative error of a true order statistic
   * (0.01 is ±1 %), 1e-4 ≤ α < 1. Sketches merge only with the same α. The
   * floor bounds the size: 1 ms to 100 years takes about ln(3.2·10¹²)/(2α)
   * buckets, 1 440 at α = 0.01 and 144 000 at 1e-4, but 14 million at 1e-6.
   * @defaultValue `0.01`
   */
  readonly relativeAccuracy?: number;
}

/**
 * Builds a mergeable quantile sketch of non-negative values (durations): a plain
 * JSON tally of logarithmic buckets.
 *
 * Definition (DDSketch, Masson, Rim and Lee, "DDSketch: a fast and fully-mergeable
 * quantile sketch with relative-error guarantees", VLDB 2019): with
 * γ = (1 + α)/(1 − α), a value x > 0 goes to bucket ⌈ln x / ln γ⌉, which holds
 * (γ^(i−1), γ^i]; zeros are counted apart, and count, min and max are kept
 * exactly. This is DDSketch's logarithmic mapping, so buckets computed elsewhere
 * with the same α (SQL `CEIL(LN(x) / LN(γ))`, other DDSketch implementations) are
 * the same buckets. Sketches merge by adding bucket counts ({@link mergeSketches}):
 * exact, associative and commutative, so a sketch of shards merged in any order
 * equals the sketch of the whole. The size grows with the spread of the values,
 * not their count: 1 ms to 10 years at α = 0.01 is at most about 1 300 buckets.
 * An empty list gives an empty sketch (count 0), whose quantiles are `null`.
 *
 * @param values - Non-negative finite numbers, e.g. durations in ms (a plain or typed array).
 * @param options - `relativeAccuracy` (α, default 0.01).
 * @returns The sketch, a plain JSON object (see {@link QuantileSketch}).
 * @throws {MetricInputError} `out_of_range` for a negative value; `not_finite` for `NaN` or `±Infinity`; `invalid_type` for a non-number or when `values` is not an array; `invalid_option` for α outside 1e-4 ≤ α < 1.
 *
 * @example
 * ```ts
 * import { quantileSketch, sketchQuantile } from "support-metrics";
 * const sketch = quantileSketch([0, 1000, 2000, 3000, 60000]);
 * sketch.count; // => 5
 * sketch.zeroCount; // => 1
 * sketch.bins.length; // => 4
 * sketchQuantile(sketch, 0.5); // => 2018.689221
 * quantileSketch([]).count; // => 0
 * quantileSketch([5, -1]); // throws out_of_range
 * ```
 * @see {@link sketchQuantile}, {@link mergeSketches}, {@link quantile}
 * @category Reports
 */
export function quantileSketch(values: ArrayLike<number>, options?: QuantileSketchOptions): QuantileSketch {
  const fn = "quantileSketch";
  const list = arrayLike(fn, "values", values);
  const o = readOptions(fn, "options", options, { relativeAccuracy: "optional" });
  const alpha = accuracyOption(fn, o.relativeAccuracy, "options.relativeAccuracy");
  const store = new SketchStore(alpha);
  for (let i = 0, n = list.length; i < n; i++) {
    const v = list[i];
    if (typeof v !== "number" || !(v >= 0) || v === Number.POSITIVE_INFINITY) {
      const code = typeof v !== "number" ? "invalid_type" : Number.isFinite(v) ? "out_of_range" : "not_finite";
      throw inputError(code, fn, `values[${i}]`, "a finite number ≥ 0", v);
    }
    store.add(v);
  }
  return store.toJSON();
}

/**
 * An estimate of the `p`-quantile from a {@link QuantileSketch}, within its
 * relative accuracy of the exact {@link quantile}.
 *
 * Definition: the quantile estimated is R-7 (Hyndman and Fan type 7, as
 * {@link quantile}): with the n values sorted, h = (n − 1)·p, j = ⌊h⌋, the
 * exact answer interpolates x_j and x_(j+1) by h − j. The sketch finds the
 * buckets of the order statistics j and j + 1, represents each by 2γ^i/(1 + γ)
 * (within α of every value of the bucket), clamps them to [min, max] and
 * interpolates by the same fraction. Guarantee: the result lies within
 * `[x_lo·(1 − α), x_hi·(1 + α)]`, where x_lo = x_j and x_hi = x_(j+1) are the
 * order statistics around the R-7 position, and indeed within ±α relative of
 * the exact R-7 quantile itself (up to floating-point rounding of the bucket
 * index, a few ulps). It differs from the exact `quantile` only by that bucket
 * error: `p = 0` and `p = 1` give the exact min and max, zeros are exact, and a
 * sketch of one distinct value returns it exactly. DDSketch's own `getValueAtQuantile` uses the
 * lower order statistic ⌊p(n − 1)⌋ without interpolating, so the two can differ
 * between neighbours. An empty sketch gives `null`.
 *
 * @param sketch - A sketch from {@link quantileSketch} or {@link mergeSketches} (or its JSON).
 * @param p - The position, 0 ≤ p ≤ 1 (0.9 for the 90th percentile).
 * @returns The estimate, in the unit of the values; `null` when the sketch is empty.
 * @throws {MetricInputError} `out_of_range` when `p` is outside 0–1 (`invalid_type` when not a number); `invalid_type`, `missing_value`, `not_integer` or `out_of_range` for a malformed sketch (`out_of_range` also for α below 1e-4, and for a bucket index no finite value has at that α: below ⌈ln(5·10⁻³²⁴)/ln γ⌉ − 1 or above ⌈ln(1.8·10³⁰⁸)/ln γ⌉ + 1); `inconsistent_counts` when its bin counts do not add up to `count`.
 *
 * @example
 * ```ts
 * import { quantile, quantileSketch, sketchQuantile } from "support-metrics";
 * const waits = [5, 10, 15, 20, 600];
 * const sketch = quantileSketch(waits, { relativeAccuracy: 0.01 });
 * sketchQuantile(sketch, 0.9); // => 367.954668
 * quantile(waits, 0.9); // => 368.000000
 * sketchQuantile(sketch, 1); // => 600
 * sketchQuantile(quantileSketch([]), 0.5); // => null
 * sketchQuantile(sketch, 90); // throws out_of_range
 * ```
 * @see {@link quantileSketch}, {@link mergeSketches}, {@link quantile}
 * @category Reports
 */
export function sketchQuantile(sketch: QuantileSketch, p: number): number | null {
  const fn = "sketchQuantile";
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
    throw inputError(typeof p === "number" ? "out_of_range" : "invalid_type", fn, "p", "a position 0 ≤ p ≤ 1", p);
  }
  const s = readSketch(fn, "sketch", sketch);
  return quantileOf(s, p);
}

/**
 * Merges quantile sketches of the same relative accuracy into one: the sketch
 * of all their values together.
 *
 * Bucket counts, `count` and `zeroCount` add; `min` and `max` are the smallest
 * and largest. The merge is exact, associative and commutative: merging shards'
 * sketches in any order and any grouping gives the sketch of the whole, so its
 * quantiles are the same. No sketch gives `null`.
 *
 * @param sketches - Sketches from {@link quantileSketch} (or their JSON), all with the same α.
 * @returns The merged sketch; `null` when no sketch is given.
 * @throws {MetricInputError} `inconsistent_counts` when the sketches' `relativeAccuracy` differ (path `sketches[i].relativeAccuracy`); as {@link sketchQuantile} for a malformed sketch.
 *
 * @example
 * ```ts
 * import { mergeSketches, quantileSketch } from "support-metrics";
 * const monday = quantileSketch([1000, 2000]);
 * const tuesday = quantileSketch([0, 3000]);
 * const both = mergeSketches(monday, tuesday);
 * both.count; // => 4
 * both.min; // => 0
 * JSON.stringify(both) === JSON.stringify(quantileSketch([0, 1000, 2000, 3000])); // => true
 * mergeSketches(monday, quantileSketch([1], { relativeAccuracy: 0.02 })); // throws inconsistent_counts
 * ```
 * @see {@link quantileSketch}, {@link sketchQuantile}
 * @category Reports
 */
export function mergeSketches(...sketches: QuantileSketch[]): QuantileSketch | null {
  const fn = "mergeSketches";
  if (sketches.length === 0) return null;
  // One accumulating store for all of them, each sketch's bins added as they
  // are checked (one walk over each, none copied again at a pairwise merge); a
  // sketch that fails throws, store and all. The store takes the first
  // sketch's α as it claims it: readSketch adds only bins of that α.
  const claimed = (sketches[0] as { relativeAccuracy?: unknown } | null)?.relativeAccuracy;
  const out = new SketchStore(typeof claimed === "number" ? claimed : 0.01);
  const first = readSketch(fn, "sketches[0]", sketches[0], out);
  out.mergeSummary(first);
  for (let k = 1; k < sketches.length; k++) {
    const s = readSketch(fn, `sketches[${k}]`, sketches[k], out);
    if (s.relativeAccuracy !== first.relativeAccuracy) {
      throw inputError(
        "inconsistent_counts",
        fn,
        `sketches[${k}].relativeAccuracy`,
        `the relative accuracy of sketches[0] (${first.relativeAccuracy})`,
        s.relativeAccuracy,
      );
    }
    out.mergeSummary(s);
  }
  return out.toJSON();
}

/** Internal: the R-7 estimate of a trusted sketch (null when empty). */
export function quantileOf(s: QuantileSketch, p: number): number | null {
  const n = s.count;
  if (n === 0) return null;
  const min = s.min as number;
  const max = s.max as number;
  const h = (n - 1) * p;
  const j = Math.floor(h);
  const fraction = h - j;
  const gamma = (1 + s.relativeAccuracy) / (1 - s.relativeAccuracy);
  const low = rankValue(s, j, gamma, min, max);
  if (fraction === 0 || j + 1 >= n) return low;
  const high = rankValue(s, j + 1, gamma, min, max);
  const value = low + fraction * (high - low);
  return value < low ? low : value > high ? high : value;
}

/** The estimate of order statistic `rank` (0-based): exact at the ends and for zeros. */
function rankValue(s: QuantileSketch, rank: number, gamma: number, min: number, max: number): number {
  if (rank === 0) return min;
  if (rank === s.count - 1) return max;
  if (rank < s.zeroCount) return 0;
  let seen = s.zeroCount;
  for (const [index, n] of s.bins) {
    seen += n;
    if (seen > rank) {
      const v = (2 * gamma ** index) / (1 + gamma);
      return v < min ? min : v > max ? max : v;
    }
  }
  return max; // not reached for a consistent sketch
}
