import { arrayLike, inRange, normalize } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";

/**
 * The `p`-quantile of a list of numbers by linear interpolation between order
 * statistics (Hyndman and Fan type 7).
 *
 * With the values sorted as x₀ ≤ … ≤ xₙ₋₁, h = (n − 1)·p and j = ⌊h⌋, the
 * quantile is xⱼ + (h − j)·(xⱼ₊₁ − xⱼ); `p = 0` gives the minimum, `p = 1` the
 * maximum, `p = 0.5` the median. This is the default of R (`quantile(x, p, type = 7)`),
 * numpy (`np.quantile`, method `"linear"`), d3-array and Excel's `PERCENTILE.INC`.
 * The order statistics are found by Floyd–Rivest selection on a private
 * `Float64Array` copy, O(n) on average: the caller's array is neither sorted
 * nor changed. An empty list has no quantile and gives `null`.
 *
 * @param values - The numbers (a plain array or a typed array); each must be finite.
 * @param p - The position, `0 ≤ p ≤ 1` (a fraction, as in every statistics library, not a percentage).
 * @returns The quantile, in the unit of `values`; `null` when `values` is empty.
 * @throws {MetricInputError} `invalid_type` when `values` is not an array or holds a non-number (a string `"7"` included), or `p` is not a number; `not_finite` for `NaN` or `±Infinity` in `values`; `out_of_range` when `p` is outside 0–1.
 *
 * @example
 * ```ts
 * import { quantile } from "support-metrics";
 * // R: quantile(c(5, 10, 15, 20, 600), 0.9) → 368
 * quantile([5, 10, 15, 20, 600], 0.9); // => 368.000000
 * quantile([3, 1, 2], 0.5); // => 2
 * quantile(new Float64Array([1, 2, 3, 4]), 0.25); // => 1.75
 * quantile([], 0.5); // => null
 * quantile([1, 2], 1.5); // throws out_of_range
 * ```
 * @see {@link median}, {@link mean}
 * @category Statistics
 */
export function quantile(values: ArrayLike<number>, p: number): number | null {
  const fn = "quantile";
  const position = inRange(fn, "p", p, { min: 0, max: 1, expected: "a position 0 ≤ p ≤ 1" });
  const copy = copyFinite(fn, values);
  if (copy.length === 0) return null;
  return normalize(quantileInPlace(copy, copy.length, position));
}

/**
 * The median of a list of numbers: the middle value, or the mean of the two
 * middle values when the count is even.
 *
 * Exactly `quantile(values, 0.5)` (R-7; R's `median`, numpy's `np.median`).
 * Found by selection on a private copy; the caller's array is not changed.
 * An empty list gives `null`.
 *
 * @param values - The numbers (a plain array or a typed array); each must be finite.
 * @returns The median, in the unit of `values`; `null` when `values` is empty.
 * @throws {MetricInputError} `invalid_type` when `values` is not an array or holds a non-number; `not_finite` for `NaN` or `±Infinity`.
 *
 * @example
 * ```ts
 * import { median } from "support-metrics";
 * // First-response minutes from the metric reference: the median ignores the 600-minute outlier.
 * median([5, 10, 15, 20, 600]); // => 15
 * median([4, 1, 3, 2]); // => 2.5
 * median([]); // => null
 * median([1, Number.NaN]); // throws not_finite
 * ```
 * @see {@link quantile}, {@link mean}
 * @category Statistics
 */
export function median(values: ArrayLike<number>): number | null {
  const copy = copyFinite("median", values);
  if (copy.length === 0) return null;
  return normalize(quantileInPlace(copy, copy.length, 0.5));
}

/**
 * The arithmetic mean of a list of numbers.
 *
 * Σx / n, summed with Neumaier's compensated summation so that long lists of
 * durations do not drift, and kept within [min, max] (the true mean always
 * lies there; plain summation can overshoot by one ulp, e.g. three times 0.1).
 * An empty list gives `null`.
 *
 * @param values - The numbers (a plain array or a typed array); each must be finite.
 * @returns The mean, in the unit of `values`; `null` when `values` is empty.
 * @throws {MetricInputError} `invalid_type` when `values` is not an array or holds a non-number; `not_finite` for `NaN` or `±Infinity`.
 *
 * @example
 * ```ts
 * import { mean } from "support-metrics";
 * mean([5, 10, 15, 20, 600]); // => 130
 * mean([0.1, 0.1, 0.1]); // => 0.1
 * mean(new Uint8Array([1, 2])); // => 1.5
 * mean([]); // => null
 * mean([1, "2" as unknown as number]); // throws invalid_type
 * ```
 * @see {@link median}, {@link quantile}
 * @category Statistics
 */
export function mean(values: ArrayLike<number>): number | null {
  const fn = "mean";
  const list = checkFinite(fn, values);
  if (list.length === 0) return null;
  return normalize(meanOf(list, list.length));
}

/**
 * Internal: the R-7 quantile of the first `n` (> 0) entries of `buffer`, which
 * it reorders. Trusts its input (finite numbers, 0 ≤ p ≤ 1).
 */
export function quantileInPlace(buffer: Float64Array, n: number, p: number): number {
  const h = (n - 1) * p;
  const j = Math.floor(h);
  select(buffer, j, 0, n - 1);
  const low = buffer[j] as number;
  const fraction = h - j;
  if (fraction === 0 || j + 1 >= n) return low;
  // After selection everything right of j is ≥ buffer[j]; the next order statistic is their minimum.
  let high = buffer[j + 1] as number;
  for (let i = j + 2; i < n; i++) {
    const v = buffer[i] as number;
    if (v < high) high = v;
  }
  const step = high - low;
  const value = Number.isFinite(step) ? low + fraction * step : low * (1 - fraction) + high * fraction;
  // Interpolation between two order statistics never leaves them; rounding could by one ulp.
  return value < low ? low : value > high ? high : value;
}

/**
 * Internal: the mean of the first `n` (> 0) entries of `values` (trusted finite numbers),
 * by Neumaier summation, kept within their [min, max].
 */
export function meanOf(values: ArrayLike<number>, n: number): number {
  let sum = 0;
  let compensation = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  let result = (sum + compensation) / n;
  if (!Number.isFinite(result)) {
    // The sum overflowed (values near ±1.8e308): average the scaled values instead.
    sum = 0;
    compensation = 0;
    for (let i = 0; i < n; i++) {
      const v = (values[i] as number) / n;
      const t = sum + v;
      compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
      sum = t;
    }
    result = sum + compensation;
  }
  return result < min ? min : result > max ? max : result;
}

/** Validates `values` as finite numbers and returns a private `Float64Array` copy (one pass). */
function copyFinite(fn: string, values: unknown): Float64Array {
  const list = arrayLike(fn, "values", values);
  const n = list.length;
  if (ArrayBuffer.isView(list)) {
    const checked = checkTyped(fn, list);
    return checked instanceof Float64Array ? checked.slice() : new Float64Array(checked);
  }
  const copy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = list[i];
    if (typeof v !== "number" || v - v !== 0) throw badValue(fn, i, v);
    copy[i] = v;
  }
  return copy;
}

/** Validates `values` as finite numbers without copying. */
function checkFinite(fn: string, values: unknown): ArrayLike<number> {
  const list = arrayLike(fn, "values", values);
  if (ArrayBuffer.isView(list)) return checkTyped(fn, list);
  for (let i = 0, n = list.length; i < n; i++) {
    const v = list[i];
    if (typeof v !== "number" || v - v !== 0) throw badValue(fn, i, v);
  }
  return list as ArrayLike<number>;
}

/** A typed array holds numbers; only float arrays can hold `NaN`/`±Infinity`, and BigInt arrays hold no numbers. */
function checkTyped(fn: string, list: ArrayLike<unknown>): ArrayLike<number> {
  if (list instanceof BigInt64Array || list instanceof BigUint64Array) {
    if (list.length > 0) throw badValue(fn, 0, list[0]);
    return [];
  }
  if (list instanceof Float64Array || list instanceof Float32Array) {
    for (let i = 0, n = list.length; i < n; i++) {
      const v = list[i] as number;
      if (v - v !== 0) throw badValue(fn, i, v);
    }
  }
  return list as ArrayLike<number>;
}

function badValue(fn: string, i: number, v: unknown): Error {
  return inputError(typeof v === "number" ? "not_finite" : "invalid_type", fn, `values[${i}]`, "a finite number", v);
}

/**
 * Floyd–Rivest selection: reorders `a[left..right]` so that `a[k]` holds the
 * value it would hold if sorted, with smaller-or-equal values before it and
 * larger-or-equal after (Floyd and Rivest 1975, Algorithm 489).
 */
function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      // Recurse on a small sample around k to choose a pivot close to the k-th value.
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      select(a, k, newLeft, newRight);
    }
    const t = a[k] as number;
    let i = left;
    let j = right;
    swap(a, left, k);
    if ((a[right] as number) > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while ((a[i] as number) < t) i++;
      while ((a[j] as number) > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const tmp = a[i] as number;
  a[i] = a[j] as number;
  a[j] = tmp;
}
