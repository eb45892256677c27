import type { MetricInputError } from "../errors.js";
import { arrayLike, countField, readOptions, record } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";

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
  /** α, the relative accuracy the bins were built for (0 < α < 1). */
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
   * (0.01 is ±1 %). Sketches merge only with the same α.
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
 * @throws {MetricInputError} `out_of_range` for a negative value; `not_finite` for `NaN` or `±Infinity`; `invalid_type` for a non-number or when `values` is not an array; `invalid_option` for α outside 0 < α < 1.
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
 * @throws {MetricInputError} `out_of_range` when `p` is outside 0–1 (`invalid_type` when not a number); `invalid_type`, `missing_value`, `not_integer` or `out_of_range` for a malformed sketch; `inconsistent_counts` when its bin counts do not add up to `count`.
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
  const first = readSketch(fn, "sketches[0]", sketches[0]);
  // One accumulating store for all of them: each bin is added once, not copied
  // again at every pairwise merge. The others' bins are added as they are
  // checked (one walk over each); a sketch that fails throws, store and all.
  const out = new SketchStore(first.relativeAccuracy);
  out.merge(first);
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

/** Internal: the relative-accuracy option, 0 < α < 1 (default 0.01). */
export function accuracyOption(fn: string, value: unknown, path: string): number {
  if (value === undefined) return 0.01;
  if (typeof value === "number" && value > 0 && value < 1) return value;
  throw inputError("invalid_option", fn, path, "a relative accuracy 0 < α < 1, e.g. 0.01", value);
}

/**
 * Internal: an accumulating sketch. A small sketch buffers its values and
 * buckets them once in `toJSON` (a report with 10 000 groups keeps a few
 * values per group, not a bucket array each); past {@link DENSE_FROM} values, or
 * on the first merged bucket, it counts into a dense typed array around the
 * indices seen (`offset` is the index of `counts[0]`; empty buckets hold 0).
 */
export class SketchStore {
  readonly alpha: number;
  private readonly inverseLogGamma: number;
  count = 0;
  zeroCount = 0;
  min: number = Number.POSITIVE_INFINITY;
  max: number = Number.NEGATIVE_INFINITY;
  private buffer: Float64Array = EMPTY_BUFFER;
  private buffered = 0;
  private counts: Float64Array = EMPTY_BUFFER;
  private offset = 0;

  constructor(alpha: number) {
    this.alpha = alpha;
    this.inverseLogGamma = 1 / Math.log((1 + alpha) / (1 - alpha));
  }

  /** Adds a value (trusted: finite, ≥ 0). */
  add(value: number): void {
    this.count++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (value === 0) {
      this.zeroCount++;
      return;
    }
    if (this.buffered < 0) {
      this.addBin(Math.ceil(Math.log(value) * this.inverseLogGamma), 1);
      return;
    }
    if (this.buffered === this.buffer.length) {
      if (this.buffered >= DENSE_FROM) {
        this.flush();
        this.addBin(Math.ceil(Math.log(value) * this.inverseLogGamma), 1);
        return;
      }
      const bigger = new Float64Array(Math.max(8, this.buffered * 2));
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.buffered++] = value;
  }

  /** Moves the buffered values into the dense counts; from then on values are counted directly. */
  private flush(): void {
    const n = this.buffered;
    this.buffered = -1;
    for (let i = 0; i < n; i++) this.addBin(Math.ceil(Math.log(this.buffer[i] as number) * this.inverseLogGamma), 1);
    this.buffer = EMPTY_BUFFER;
  }

  /** Adds `n` to bucket `index`. */
  addBin(index: number, n: number): void {
    const at = index - this.offset;
    if (this.buffered < 0 && at >= 0 && at < this.counts.length) {
      // The common case once dense: the bucket is already covered.
      this.counts[at] = (this.counts[at] as number) + n;
      return;
    }
    if (this.buffered > 0) this.flush();
    this.buffered = -1;
    this.cover(index, index);
    const c = this.counts;
    const k = index - this.offset;
    c[k] = (c[k] as number) + n;
  }

  /**
   * Makes the dense counts cover buckets `low`…`high`. When they grow, they at
   * least double (towards the side that needed room), so repeated growth stays linear.
   */
  private cover(low: number, high: number): void {
    const counts = this.counts;
    const start = this.offset;
    const end = start + counts.length;
    if (counts.length === 0) {
      this.counts = new Float64Array(high - low + 1);
      this.offset = low;
      return;
    }
    if (low >= start && high < end) return;
    const from = low < start ? low : start;
    const to = high >= end ? high + 1 : end;
    const length = Math.max(to - from, 2 * counts.length);
    const offset = low < start ? to - length : from;
    const grown = new Float64Array(length);
    grown.set(counts, start - offset);
    this.counts = grown;
    this.offset = offset;
  }

  /** Adds a whole sketch (trusted: same α, bins ascending). */
  merge(s: QuantileSketch): void {
    this.mergeSummary(s);
    const bins = s.bins;
    if (bins.length === 0) return;
    if (this.buffered > 0) this.flush();
    this.buffered = -1;
    // The bins ascend: one growth to cover the first to the last, then plain adds.
    this.cover((bins[0] as readonly [number, number])[0], (bins[bins.length - 1] as readonly [number, number])[0]);
    const c = this.counts;
    const offset = this.offset;
    for (let k = 0; k < bins.length; k++) {
      const bin = bins[k] as readonly [number, number];
      const at = bin[0] - offset;
      c[at] = (c[at] as number) + bin[1];
    }
  }

  /** Adds the count, zero count, min and max of a sketch (trusted) whose bins were added with {@link addBin}. */
  mergeSummary(s: QuantileSketch): void {
    if (s.count === 0) return;
    this.count += s.count;
    this.zeroCount += s.zeroCount;
    if ((s.min as number) < this.min) this.min = s.min as number;
    if ((s.max as number) > this.max) this.max = s.max as number;
  }

  /** The canonical plain JSON form. */
  toJSON(): QuantileSketch {
    const bins: [number, number][] = [];
    if (this.buffered > 0) {
      const indices = new Int32Array(this.buffered);
      for (let i = 0; i < indices.length; i++) {
        indices[i] = Math.ceil(Math.log(this.buffer[i] as number) * this.inverseLogGamma);
      }
      indices.sort();
      pushRuns(indices, 0, indices.length, bins);
    } else {
      const counts = this.counts;
      for (let k = 0; k < counts.length; k++) {
        const n = counts[k] as number;
        if (n > 0) bins.push([k + this.offset, n]);
      }
    }
    const empty = this.count === 0;
    return {
      relativeAccuracy: this.alpha,
      count: this.count,
      zeroCount: this.zeroCount,
      min: empty ? null : this.min,
      max: empty ? null : this.max,
      bins,
    };
  }
}

/** Appends the `[index, count]` runs of the ascending bucket indices `sorted[from..to)` to `bins`. */
function pushRuns(sorted: Int32Array, from: number, to: number, bins: [number, number][]): void {
  for (let i = from; i < to; ) {
    const index = sorted[i] as number;
    let j = i + 1;
    while (j < to && sorted[j] === index) j++;
    bins.push([index, j - i]);
    i = j;
  }
}

/**
 * Internal: the sketches of many groups at once, for a tally with thousands of
 * groups. A {@link SketchStore} per group would buffer a few hundred values
 * each (thousands of small typed arrays, grown one by one, written all over
 * memory); here every value's bucket index is appended to one log with its
 * group's number, and each group's count, zero count, min and max sit
 * together in one row of a table. {@link GroupedSketches.sketches} sorts the
 * log by group once and gives each group's sketch: the same plain JSON a
 * `SketchStore` of the same values gives (the bins depend only on the values,
 * not on their order).
 */
export class GroupedSketches {
  readonly alpha: number;
  private readonly inverseLogGamma: number;
  /** Per group `g`: count, zero count, min, max at `4g … 4g + 3`. */
  private summary: Float64Array = new Float64Array(4 * 64);
  private groups = 0;
  /** The log: the group and the bucket index of each non-zero value, in the order added. */
  private groupOf: Int32Array = new Int32Array(1024);
  private indexOf: Int32Array = new Int32Array(1024);
  private length = 0;

  constructor(alpha: number) {
    this.alpha = alpha;
    this.inverseLogGamma = 1 / Math.log((1 + alpha) / (1 - alpha));
  }

  /** Starts group number `g` (groups are numbered 0, 1, 2, … in the order they start). */
  open(g: number): void {
    if (4 * g + 4 > this.summary.length) {
      const bigger = new Float64Array(2 * this.summary.length);
      bigger.set(this.summary);
      this.summary = bigger;
    }
    this.summary[4 * g + 2] = Number.POSITIVE_INFINITY; // min
    this.summary[4 * g + 3] = Number.NEGATIVE_INFINITY; // max
    this.groups = g + 1;
  }

  /** Adds a value (trusted: finite, ≥ 0) to group `g`'s sketch. */
  add(g: number, value: number): void {
    const row = 4 * g;
    const summary = this.summary;
    summary[row] = (summary[row] as number) + 1;
    if (value < (summary[row + 2] as number)) summary[row + 2] = value;
    if (value > (summary[row + 3] as number)) summary[row + 3] = value;
    if (value === 0) {
      summary[row + 1] = (summary[row + 1] as number) + 1;
      return;
    }
    if (this.length === this.groupOf.length) {
      const groupOf = new Int32Array(2 * this.length);
      groupOf.set(this.groupOf);
      this.groupOf = groupOf;
      const indexOf = new Int32Array(2 * this.length);
      indexOf.set(this.indexOf);
      this.indexOf = indexOf;
    }
    this.groupOf[this.length] = g;
    this.indexOf[this.length] = Math.ceil(Math.log(value) * this.inverseLogGamma);
    this.length++;
  }

  /** Every group's sketch, by group number, in the canonical plain JSON form of {@link SketchStore.toJSON}. */
  sketches(): QuantileSketch[] {
    const groups = this.groups;
    const n = this.length;
    // Sort the log by group (a counting sort): group g's indices end up in sorted[starts[g] … starts[g + 1]).
    const starts = new Int32Array(groups + 1);
    for (let i = 0; i < n; i++) {
      const at = (this.groupOf[i] as number) + 1;
      starts[at] = (starts[at] as number) + 1;
    }
    for (let g = 0; g < groups; g++) starts[g + 1] = (starts[g + 1] as number) + (starts[g] as number);
    const next = starts.slice(0, groups);
    const sorted = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const g = this.groupOf[i] as number;
      sorted[next[g] as number] = this.indexOf[i] as number;
      next[g] = (next[g] as number) + 1;
    }
    const out: QuantileSketch[] = new Array(groups);
    let counts = new Int32Array(0);
    for (let g = 0; g < groups; g++) {
      const from = starts[g] as number;
      const to = starts[g + 1] as number;
      const bins: [number, number][] = [];
      if (to > from) {
        let low = sorted[from] as number;
        let high = low;
        for (let i = from + 1; i < to; i++) {
          const index = sorted[i] as number;
          if (index < low) low = index;
          else if (index > high) high = index;
        }
        if (high - low < 4 * (to - from)) {
          // Many values for the span of their buckets: count them into a dense array.
          if (counts.length < high - low + 1) counts = new Int32Array(2 * (high - low + 1));
          for (let i = from; i < to; i++) {
            const at = (sorted[i] as number) - low;
            counts[at] = (counts[at] as number) + 1;
          }
          for (let k = 0; k <= high - low; k++) {
            const c = counts[k] as number;
            if (c > 0) {
              bins.push([k + low, c]);
              counts[k] = 0;
            }
          }
        } else {
          // Few values spread over many buckets: sort them.
          sorted.subarray(from, to).sort();
          pushRuns(sorted, from, to, bins);
        }
      }
      const row = 4 * g;
      const count = this.summary[row] as number;
      out[g] = {
        relativeAccuracy: this.alpha,
        count,
        zeroCount: this.summary[row + 1] as number,
        min: count === 0 ? null : (this.summary[row + 2] as number),
        max: count === 0 ? null : (this.summary[row + 3] as number),
        bins,
      };
    }
    return out;
  }
}

/** How many values a sketch buffers before it counts into dense buckets. */
const DENSE_FROM = 1024;
const EMPTY_BUFFER = /* @__PURE__ */ new Float64Array(0);

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

/**
 * Internal: reads and checks a sketch at `path` (from JSON or any caller). With
 * `into`, each bin is also added there as soon as it is checked (one walk over
 * the bins; its count, min and max are not added: see {@link SketchStore.mergeSummary});
 * when it throws, `into` holds part of the sketch and must be thrown away.
 */
export function readSketch(fn: string, path: string, value: unknown, into?: SketchStore): QuantileSketch {
  const s = record(fn, path, value, {
    expected: "a quantile sketch { relativeAccuracy, count, zeroCount, min, max, bins }",
  });
  const alpha = s["relativeAccuracy"];
  if (typeof alpha !== "number" || !(alpha > 0 && alpha < 1)) {
    throw inputError(
      alpha === undefined ? "missing_value" : typeof alpha === "number" ? "out_of_range" : "invalid_type",
      fn,
      `${path}.relativeAccuracy`,
      "a relative accuracy 0 < α < 1",
      alpha,
    );
  }
  const count = countField(fn, `${path}.count`, s["count"]);
  const zeroCount = countField(fn, `${path}.zeroCount`, s["zeroCount"]);
  const binsValue = s["bins"];
  if (!Array.isArray(binsValue)) {
    throw inputError(
      binsValue === undefined ? "missing_value" : "invalid_type",
      fn,
      `${path}.bins`,
      "an array of [index, count] pairs",
      binsValue,
    );
  }
  const total = zeroCount + binsTotal(fn, path, binsValue, into);
  if (total !== count) {
    throw inputError("inconsistent_counts", fn, `${path}.count`, `zeroCount + the bin counts (${total})`, count);
  }
  const min = s["min"];
  const max = s["max"];
  if (count === 0) {
    if (min !== null) throw inputError("invalid_type", fn, `${path}.min`, "null (an empty sketch)", min);
    if (max !== null) throw inputError("invalid_type", fn, `${path}.max`, "null (an empty sketch)", max);
  } else {
    boundAt(fn, `${path}.min`, min, 0, "a finite number ≥ 0");
    boundAt(fn, `${path}.max`, max, min as number, "a finite number ≥ min");
  }
  return value as QuantileSketch;
}

/**
 * The sum of the bin counts, each bin checked to be an `[index, count]` pair of
 * safe integers, indices ascending, counts ≥ 1, and added to `into` when given. A loop of its own, kept small
 * so the engine optimizes it well (inside `readSketch` it ran at half the
 * speed); no string is built unless a bin is bad.
 */
function binsTotal(fn: string, path: string, bins: readonly unknown[], into: SketchStore | undefined): number {
  let total = 0;
  let previous = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < bins.length; k++) {
    const pair = bins[k];
    if (!Array.isArray(pair) || pair.length !== 2) throw binError(fn, `${path}.bins[${k}]`, pair, previous);
    const index = pair[0] as unknown;
    const n = pair[1] as unknown;
    if (
      !Number.isSafeInteger(index) ||
      (index as number) <= previous ||
      !Number.isSafeInteger(n) ||
      (n as number) < 1
    ) {
      throw binError(fn, `${path}.bins[${k}]`, pair, previous);
    }
    previous = index as number;
    total += n as number;
    if (into !== undefined) into.addBin(index as number, n as number);
  }
  return total;
}

/** The error of a bin at `at` that is not an `[index, count]` pair above `previous`. */
function binError(fn: string, at: string, pair: unknown, previous: number): MetricInputError {
  if (!Array.isArray(pair) || pair.length !== 2) {
    return inputError("invalid_type", fn, at, "an [index, count] pair", pair);
  }
  const index = pair[0] as unknown;
  const n = pair[1] as unknown;
  if (!Number.isSafeInteger(index) || (index as number) <= previous) {
    return inputError(
      Number.isSafeInteger(index) ? "out_of_range" : typeof index === "number" ? "not_integer" : "invalid_type",
      fn,
      `${at}[0]`,
      "an integer bucket index above the one before",
      index,
    );
  }
  return inputError(
    Number.isSafeInteger(n) ? "out_of_range" : typeof n === "number" ? "not_integer" : "invalid_type",
    fn,
    `${at}[1]`,
    "a count ≥ 1",
    n,
  );
}

/** A finite number ≥ `lowest` (the sketch's min or max). */
function boundAt(fn: string, path: string, value: unknown, lowest: number, expected: string): void {
  if (typeof value === "number" && value >= lowest && Number.isFinite(value)) return;
  throw inputError(typeof value === "number" ? "out_of_range" : "invalid_type", fn, path, expected, value);
}
