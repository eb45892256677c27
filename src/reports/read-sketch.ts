/**
 * Internal: reading and checking a quantile sketch from JSON or any caller,
 * and the relative-accuracy option.
 *
 * @module
 */
import type { MetricInputError } from "../errors.js";
import { countField, record } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import type { QuantileSketch } from "./sketch.js";
import type { SketchStore } from "./sketch-store.js";

/**
 * Internal: the smallest relative accuracy α a sketch may have, 1e-4 (±0.01 %).
 * A sketch needs about ln(max/min)/(2α) buckets: 1 ms to 100 years is about
 * 1 440 buckets at α = 0.01 and 144 000 at α = 1e-4, but 14 million at 1e-6
 * and beyond what an array can hold at 1e-9. It also keeps every bucket index
 * within ±3.8 million, a 32-bit integer, from the smallest positive double to
 * the largest.
 */
export const MIN_RELATIVE_ACCURACY = 1e-4;

/** Internal: the relative-accuracy option, 1e-4 ≤ α < 1 (default 0.01; see {@link MIN_RELATIVE_ACCURACY}). */
export function accuracyOption(fn: string, value: unknown, path: string): number {
  if (value === undefined) return 0.01;
  if (typeof value === "number" && value >= MIN_RELATIVE_ACCURACY && value < 1) return value;
  throw inputError("invalid_option", fn, path, "a relative accuracy 1e-4 ≤ α < 1, e.g. 0.01", value);
}

/**
 * Internal: reads and checks a sketch at `path` (from JSON or any caller). With
 * `into` of the same α, each bin is also added there as it is checked (one walk
 * over the bins; its count, min and max are not added: see
 * {@link SketchStore.mergeSummary}); when it throws, `into` holds part of the
 * sketch and must be thrown away. A sketch of another α is checked, not added.
 */
export function readSketch(fn: string, path: string, value: unknown, into?: SketchStore): QuantileSketch {
  const s = record(fn, path, value, {
    expected: "a quantile sketch { relativeAccuracy, count, zeroCount, min, max, bins }",
  });
  const alpha = s["relativeAccuracy"];
  if (typeof alpha !== "number" || !(alpha >= MIN_RELATIVE_ACCURACY && alpha < 1)) {
    throw inputError(
      alpha === undefined ? "missing_value" : typeof alpha === "number" ? "out_of_range" : "invalid_type",
      fn,
      `${path}.relativeAccuracy`,
      "a relative accuracy 1e-4 ≤ α < 1",
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
  const total = zeroCount + binsTotal(fn, path, binsValue, alpha, into?.alpha === alpha ? into : undefined);
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
 * integers, indices ascending and within what a finite value > 0 gives at α
 * (⌈ln v / ln γ⌉ for v from `Number.MIN_VALUE` to `Number.MAX_VALUE`, one more
 * either side for an index computed elsewhere), counts safe integers ≥ 1; each
 * added to `into` when given. No string is built unless a bin is bad.
 *
 * With `into`, when the first and last bins look right, the store covers
 * their range once and a tight loop checks and adds every bin (one walk, no
 * growth, no branch per bin beyond the checks); the first bin it does not take
 * sends the rest to {@link checkBins}, which throws that bin's error.
 */
function binsTotal(fn: string, path: string, bins: readonly unknown[], alpha: number, into?: SketchStore): number {
  const inverseLogGamma = 1 / Math.log((1 + alpha) / (1 - alpha));
  const lowest = Math.ceil(LN_MIN_VALUE * inverseLogGamma) - 1;
  const highest = Math.ceil(LN_MAX_VALUE * inverseLogGamma) + 1;
  const length = bins.length;
  if (into === undefined || length === 0) return checkBins(fn, path, bins, 0, 0, lowest, highest, into);
  const head = bins[0];
  const tail = bins[length - 1];
  if (!Array.isArray(head) || !Array.isArray(tail)) return checkBins(fn, path, bins, 0, 0, lowest, highest, into);
  const low = head[0] as unknown;
  const high = tail[0] as unknown;
  if (
    typeof low !== "number" ||
    typeof high !== "number" ||
    !(lowest <= low && low <= high && high <= highest) ||
    !Number.isInteger(low) ||
    !Number.isInteger(high) ||
    !into.cover(low, high)
  ) {
    return checkBins(fn, path, bins, 0, 0, lowest, highest, into);
  }
  const counts = into.counts;
  const offset = into.offset;
  let total = 0;
  let previous = low - 1;
  let k = 0;
  for (; k < length; k++) {
    const pair = bins[k];
    if (!Array.isArray(pair) || pair.length !== 2) break;
    const index = pair[0] as unknown;
    const n = pair[1] as unknown;
    // Every index here lies in low…high, within ±2^31: `| 0` keeps it exactly when it is an integer.
    if (
      typeof index !== "number" ||
      (index | 0) !== index ||
      index <= previous ||
      index > high ||
      !Number.isSafeInteger(n) ||
      (n as number) < 1
    ) {
      break;
    }
    previous = index;
    total += n as number;
    const at = index - offset;
    counts[at] = (counts[at] as number) + (n as number);
  }
  return k === length ? total : total + checkBins(fn, path, bins, k, k === 0 ? 0 : previous, lowest, highest, into);
}

/**
 * The sum of the counts of `bins[from…]` after an index `previous` (ignored
 * when `from` is 0), each bin checked as in {@link binsTotal} and added to
 * `into` one by one when given. A loop of its own, kept small so the engine
 * optimizes it well.
 */
function checkBins(
  fn: string,
  path: string,
  bins: readonly unknown[],
  from: number,
  previous: number,
  lowest: number,
  highest: number,
  into: SketchStore | undefined,
): number {
  let total = 0;
  let last = from === 0 ? lowest - 1 : previous;
  for (let k = from; k < bins.length; k++) {
    const pair = bins[k];
    if (!Array.isArray(pair) || pair.length !== 2)
      throw binError(fn, `${path}.bins[${k}]`, pair, last, lowest, highest);
    const index = pair[0] as unknown;
    const n = pair[1] as unknown;
    if (
      !Number.isSafeInteger(index) ||
      (index as number) <= last ||
      (index as number) > highest ||
      !Number.isSafeInteger(n) ||
      (n as number) < 1
    ) {
      throw binError(fn, `${path}.bins[${k}]`, pair, last, lowest, highest);
    }
    last = index as number;
    total += n as number;
    if (into !== undefined) into.addBin(index as number, n as number);
  }
  return total;
}

/** The error of a bin at `at` that is not an `[index, count]` pair with an index in (`previous`, `highest`]. */
function binError(
  fn: string,
  at: string,
  pair: unknown,
  previous: number,
  lowest: number,
  highest: number,
): MetricInputError {
  if (!Array.isArray(pair) || pair.length !== 2) {
    return inputError("invalid_type", fn, at, "an [index, count] pair", pair);
  }
  const index = pair[0] as unknown;
  const n = pair[1] as unknown;
  if (!Number.isSafeInteger(index) || (index as number) <= previous || (index as number) > highest) {
    return inputError(
      Number.isSafeInteger(index) ? "out_of_range" : typeof index === "number" ? "not_integer" : "invalid_type",
      fn,
      `${at}[0]`,
      `an integer bucket index above the one before, within ${lowest}…${highest} (what a finite value > 0 gives at this α)`,
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

/** ln of the smallest positive double (about −744.4) and of the largest finite one (about 709.8). */
const LN_MIN_VALUE = /* @__PURE__ */ Math.log(Number.MIN_VALUE);
const LN_MAX_VALUE = /* @__PURE__ */ Math.log(Number.MAX_VALUE);
