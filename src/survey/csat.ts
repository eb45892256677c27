import { arrayLike, atMost, numberOption, percentOf, readFields, readOptions } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { ratingError } from "./checks.js";

/**
 * A rating scale: integer ratings from `min` to `max`, inclusive.
 *
 * @category Survey
 */
export interface CsatScale {
  /** The lowest rating (an integer). */
  min: number;
  /** The highest rating (an integer greater than `min`). */
  max: number;
}

/**
 * Options of {@link csat} and {@link csatCounts}.
 *
 * @category Survey
 */
export interface CsatOptions {
  /**
   * The rating scale; every rating must be an integer on it.
   * @defaultValue `{ min: 1, max: 5 }`
   */
  readonly scale?: CsatScale | undefined;
  /**
   * The lowest rating that counts as satisfied (an integer on the scale). Use `8` for the "top-3" reading of 1–10.
   * @defaultValue `scale.max − 1` (the top two boxes: 4–5 on 1–5, 9–10 on 1–10)
   */
  readonly satisfiedFrom?: number | undefined;
}

/**
 * The tally behind a CSAT: satisfied responses and all valid responses.
 *
 * @category Survey
 */
export interface CsatCounts {
  /** Responses at or above `satisfiedFrom`. */
  satisfied: number;
  /** All responses (unrated tickets are not responses and are not counted). */
  total: number;
}

/**
 * Tallies satisfaction ratings into satisfied responses and all responses.
 *
 * A rating is satisfied when it is at least `satisfiedFrom` (by default the
 * top two boxes of the scale: 4–5 on 1–5). Ratings must be integers on the
 * scale; an unrated ticket is not a response, so leave it out of `ratings`
 * rather than passing `0` or `null`. Empty input gives zero counts.
 *
 * @param ratings - The satisfaction ratings, integers on the scale (an array or a typed array).
 * @param options - `scale` (default 1–5) and `satisfiedFrom` (default `max − 1`).
 * @returns Counts: `satisfied` and `total` responses.
 * @throws {MetricInputError} `invalid_type` when `ratings` is not array-like or a rating is not a number;
 *   `not_finite`, `not_integer`, `out_of_range` for a rating that is not an integer on the scale (path `ratings[i]`);
 *   `invalid_option` for a malformed scale or `satisfiedFrom` off the scale.
 *
 * @example
 * ```ts
 * import { csatCounts } from "support-metrics";
 * csatCounts([5, 5, 4, 4, 4, 3, 2, 1, 5, 4]); // => { satisfied: 7, total: 10 }
 * csatCounts([]); // => { satisfied: 0, total: 0 }
 * csatCounts([5, 6]); // throws out_of_range
 * ```
 * @see {@link csat}, {@link csatFromCounts}, {@link mergeCounts}
 * @category Survey
 */
export function csatCounts(ratings: ArrayLike<number>, options?: CsatOptions): CsatCounts {
  return tallyCsat("csatCounts", ratings, options);
}

/**
 * The CSAT of a tally: satisfied responses as a percentage of all responses.
 *
 * CSAT = satisfied / total × 100, 0–100 (Zendesk, Freshdesk and Qualtrics
 * report this "percent satisfied" form rather than a mean rating). No
 * responses gives `null`.
 *
 * @param counts - A tally as returned by {@link csatCounts} (or summed by `mergeCounts`, or from SQL).
 * @returns A percentage, 0–100, or `null` when `total` is 0.
 * @throws {MetricInputError} `invalid_type` / `missing_value` / `not_integer` / `out_of_range` for a field that is not a count;
 *   `inconsistent_counts` when `satisfied > total`.
 *
 * @example
 * ```ts
 * import { csatFromCounts } from "support-metrics";
 * csatFromCounts({ satisfied: 7, total: 10 }); // => 70
 * csatFromCounts({ satisfied: 0, total: 0 }); // => null
 * csatFromCounts({ satisfied: 11, total: 10 }); // throws inconsistent_counts
 * ```
 * @see {@link csat}, {@link csatCounts}, {@link wilsonInterval}
 * @category Survey
 */
export function csatFromCounts(counts: CsatCounts): number | null {
  const c = readCsatCounts("csatFromCounts", counts);
  return percentOf(c.satisfied, c.total);
}

/**
 * Customer satisfaction: the percentage of responses that are satisfied.
 *
 * CSAT = satisfied responses / all valid responses × 100, 0–100. A response is
 * satisfied at or above `satisfiedFrom`, by default the top two boxes of the
 * scale (`max − 1`: 4–5 on 1–5, 9–10 on 1–10; Zendesk's good/bad and the
 * ACSI-style "top-2 box"; some tools use top-3, 8–10 on 1–10:
 * `satisfiedFrom: 8`). Unrated tickets are not responses: leave them out.
 * Exactly `csatFromCounts(csatCounts(ratings, options))`. No ratings gives `null`.
 *
 * @param ratings - The satisfaction ratings, integers on the scale (an array or a typed array).
 * @param options - `scale` (default 1–5) and `satisfiedFrom` (default `max − 1`).
 * @returns A percentage, 0–100, or `null` for no ratings.
 * @throws {MetricInputError} `invalid_type` when `ratings` is not array-like or a rating is not a number;
 *   `not_finite`, `not_integer`, `out_of_range` for a rating that is not an integer on the scale (path `ratings[i]`);
 *   `invalid_option` for a malformed scale or `satisfiedFrom` off the scale.
 *
 * @example
 * ```ts
 * import { csat } from "support-metrics";
 * csat([5, 5, 4, 4, 4, 3, 2, 1, 5, 4]); // => 70
 * const tenPoint = [10, 9, 9, 8, 8, 7, 6, 10, 3, 9];
 * csat(tenPoint, { scale: { min: 1, max: 10 } }); // => 50
 * csat(tenPoint, { scale: { min: 1, max: 10 }, satisfiedFrom: 8 }); // => 70
 * csat([]); // => null
 * csat([5, 0]); // throws out_of_range
 * csat([5, 4], { satisfiedFrom: 6 }); // throws invalid_option
 * ```
 * @see {@link csatCounts}, {@link csatFromCounts}, {@link wilsonInterval}
 * @category Survey
 */
export function csat(ratings: ArrayLike<number>, options?: CsatOptions): number | null {
  const c = tallyCsat("csat", ratings, options);
  return percentOf(c.satisfied, c.total);
}

/** Internal: validates the options and tallies in one pass, `fn` naming the public caller. */
function tallyCsat(fn: string, ratings: ArrayLike<number>, options: CsatOptions | undefined): CsatCounts {
  const o = readOptions(fn, "options", options, { scale: "optional", satisfiedFrom: "optional" });
  const { min, max } = readScale(fn, o.scale);
  const from = readSatisfiedFrom(fn, o.satisfiedFrom, min, max);
  arrayLike(fn, "ratings", ratings, { expected: `an array of ratings ${min}–${max}` });
  const n = ratings.length;
  let satisfied = 0;
  let i = 0;
  try {
    for (; i < n; i++) {
      const v = ratings[i]!;
      // `Math.floor(v) === v` also rejects strings ("5" passes the comparisons by coercion) and NaN.
      if (!(v >= min && v <= max && Math.floor(v) === v)) break;
      satisfied += +(v >= from);
    }
  } catch {
    // A value that cannot become a number (a BigInt in Math.floor, a Symbol, an object without a primitive value).
  }
  if (i < n) throw ratingError(fn, "ratings", i, ratings[i], "rating", min, max);
  return { satisfied, total: n };
}

function readScale(fn: string, value: unknown): CsatScale {
  if (value === undefined) return DEFAULT_SCALE;
  const what = "a scale { min, max } of integers with min < max";
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw inputError("invalid_option", fn, "options.scale", what, value);
  }
  const { min, max } = readOptions(fn, "options.scale", value as CsatScale, { min: "required", max: "required" });
  if (!Number.isSafeInteger(min)) throw inputError("invalid_option", fn, "options.scale.min", what, min);
  if (!(Number.isSafeInteger(max) && (max as number) > (min as number))) {
    throw inputError("invalid_option", fn, "options.scale.max", what, max);
  }
  return { min: min as number, max: max as number };
}

function readSatisfiedFrom(fn: string, value: unknown, min: number, max: number): number {
  const rule = { expected: `an integer rating ${min}–${max}`, min, max, integer: true };
  return numberOption(fn, "options.satisfiedFrom", value, rule) ?? max - 1;
}

function readCsatCounts(fn: string, counts: unknown): CsatCounts {
  const c = readFields(fn, "counts", counts, { fields: ["satisfied", "total"] satisfies (keyof CsatCounts)[] });
  atMost(fn, "counts.satisfied", c.satisfied, { limit: c.total, what: "total" });
  return c;
}

const DEFAULT_SCALE: CsatScale = { min: 1, max: 5 };
