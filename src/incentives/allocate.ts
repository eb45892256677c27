/**
 * `allocateLargestRemainder`: Hamilton's method of splitting an integer total
 * by weights, exactly.
 *
 * @module
 */
import { arrayLike, count, nonNegative, readOptions } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { fromNumber, type Rational } from "./rational.js";

/**
 * Options of {@link allocateLargestRemainder}.
 *
 * @category Incentives
 */
export interface AllocateOptions {
  /**
   * Keys (e.g. agent ids), one per weight: among parts with equal remainders
   * and equal weights the leftover unit goes to the key that sorts first
   * (code-unit order, no locale).
   * @defaultValue the earlier position wins
   */
  readonly tieBreak?: readonly string[];
}

/**
 * Splits `totalMinor` into integer parts proportional to `weights` that sum
 * exactly to `totalMinor`, by largest remainder (Hamilton's method).
 *
 * Each part's exact share is `totalMinor × wᵢ / Σw`; every part first gets the
 * floor of its share, then the leftover units (fewer than the number of parts)
 * go one each to the largest fractional remainders. Equal remainders go to the
 * larger weight, then to the key that sorts first in `tieBreak`, else to the
 * earlier position. So each part differs from its exact share by less than one
 * unit and the parts always sum to the total. Weights are read exactly through
 * their shortest decimal spelling (`0.1` is 1/10). This is Hamilton's
 * largest-remainder method (see "Largest remainder method", Wikipedia), the one
 * the incentive specification prescribes (docs/spec/INCENTIVES.md, "API");
 * dinero.js's `allocate` is not (it hands leftovers out by ratio order) and
 * gives other cents.
 *
 * @param totalMinor - The amount to split, an integer ≥ 0 (minor units).
 * @param weights - One finite weight ≥ 0 per part, with a positive sum.
 * @param options - `tieBreak` keys.
 * @returns Integer parts in minor units, one per weight, summing to `totalMinor`.
 * @throws {MetricInputError} `invalid_type` / `not_finite` / `not_integer` / `out_of_range` for a bad total or weight;
 *   `invalid_value` when the weights are empty or sum to 0; `invalid_option` for `tieBreak` that is not one string per weight.
 *
 * @example
 * ```ts
 * import { allocateLargestRemainder } from "support-metrics";
 * allocateLargestRemainder(100_000, [620, 190, 413, 413]); // => [37897, 11614, 25245, 25244]
 * allocateLargestRemainder(100_000, [620, 190, 413, 413], { tieBreak: ["ava", "ben", "dev", "cleo"] }); // => [37897, 11614, 25244, 25245]
 * allocateLargestRemainder(100, [1, 1, 1]); // => [34, 33, 33]
 * allocateLargestRemainder(5, [0, 0]); // throws invalid_value
 * ```
 * @see {@link evaluatePlan}
 * @category Incentives
 */
export function allocateLargestRemainder(
  totalMinor: number,
  weights: ArrayLike<number>,
  options?: AllocateOptions,
): number[] {
  const fn = "allocateLargestRemainder";
  count(fn, "totalMinor", totalMinor, { expected: "an integer ≥ 0" });
  const w = arrayLike(fn, "weights", weights, { expected: "an array of weights" });
  const opts = readOptions(fn, "options", options, { tieBreak: "optional" });
  const keys = (opts as { tieBreak?: unknown }).tieBreak;
  if (
    keys !== undefined &&
    !(Array.isArray(keys) && keys.length === w.length && keys.every((k: unknown) => typeof k === "string"))
  ) {
    throw inputError("invalid_option", fn, "options.tieBreak", `an array of ${w.length} strings`, keys);
  }
  const exact: Rational[] = new Array(w.length);
  let positive = false;
  for (let i = 0; i < w.length; i++) {
    const v = nonNegative(fn, `weights[${i}]`, w[i]);
    if (v > 0) positive = true;
    exact[i] = fromNumber(v);
  }
  if (!positive) throw inputError("invalid_value", fn, "weights", "weights with a positive sum", weights);
  return allocate(totalMinor, exact, keys as readonly string[] | undefined).parts;
}

/** The parts, and which parts received a leftover unit. */
export interface Allocation {
  /** Integer parts summing to the total. */
  readonly parts: number[];
  /** 1 where the part got a leftover unit. */
  readonly bumped: Uint8Array;
}

/**
 * The core of largest remainder (internal; trusts its input: total a safe
 * integer ≥ 0, weights ≥ 0 with a positive sum). Works on integer weights: the
 * rationals are scaled by the lcm of their denominators, so every comparison
 * is between integers. Uses doubles when every product stays below 2^53, else BigInt.
 */
export function allocate(total: number, weights: readonly Rational[], keys?: readonly string[]): Allocation {
  const n = weights.length;
  let scale = 1n;
  for (const w of weights) if (scale % w.d !== 0n) scale = (scale * w.d) / gcd(scale, w.d);
  const ints: bigint[] = weights.map((w) => (w.n * scale) / w.d);
  let sum = 0n;
  let maxW = 0n;
  for (const w of ints) {
    sum += w;
    if (w > maxW) maxW = w;
  }
  const parts: number[] = new Array(n);
  const remainders: (number | bigint)[] = new Array(n);
  let given = 0;
  const totalBig = BigInt(total);
  if (totalBig * maxW + sum <= BigInt(Number.MAX_SAFE_INTEGER)) {
    // Every product x = total × w is an integer below 2^53, so it is exact in doubles, and
    // Math.floor(x / s) is the exact integer quotient: x / s rounds up to the next integer
    // m only if m − x/s ≥ 1/s is at most half an ulp of x/s (≤ (x/s)·2^−53), that is only
    // if x ≥ 2^53; and it never rounds below q, which is itself a double. So q·s ≤ x and
    // the remainder x − q·s are exact too. (The property test "the double path equals
    // integer arithmetic" checks this near the 2^53 edge.)
    const s = Number(sum);
    for (let i = 0; i < n; i++) {
      const x = total * Number(ints[i]!);
      const q = Math.floor(x / s);
      const r = x - q * s;
      parts[i] = q;
      remainders[i] = r;
      given += q;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const x = totalBig * ints[i]!;
      const q = x / sum;
      parts[i] = Number(q);
      remainders[i] = x - q * sum;
      given += parts[i]!;
    }
  }
  const bumped = new Uint8Array(n);
  let left = total - given;
  if (left > 0) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => {
      const ra = remainders[a]!;
      const rb = remainders[b]!;
      if (ra !== rb) return ra > rb ? -1 : 1;
      const wa = ints[a]!;
      const wb = ints[b]!;
      if (wa !== wb) return wa > wb ? -1 : 1;
      if (keys) {
        const ka = keys[a]!;
        const kb = keys[b]!;
        if (ka !== kb) return ka < kb ? -1 : 1;
      }
      return a - b;
    });
    for (let i = 0; left > 0; i++, left--) {
      const k = order[i]!;
      parts[k] = parts[k]! + 1;
      bumped[k] = 1;
    }
  }
  return { parts, bumped };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
