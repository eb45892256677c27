import { count } from "./internal/assert.js";
import { inputError, memberPath } from "./internal/messages.js";

/**
 * Adds two tallies field by field: the way to combine counts computed on
 * different shards, days or SQL `GROUP BY` rows before finalizing them.
 *
 * Every tally in this library (`npsCounts`, `csatCounts`, `slaCounts`, …) is a
 * plain object of non-negative integer counts, and `metricFromCounts(mergeCounts(a, b))`
 * equals the metric of the concatenated records. Both tallies must have the
 * same fields; to merge many, use `tallies.reduce(mergeCounts)`.
 *
 * @param a - A tally.
 * @param b - A tally of the same shape.
 * @returns A new tally with each field the sum of the two; the inputs are not changed.
 * @throws {MetricInputError} `invalid_type` when either is not an object of counts; `inconsistent_counts` when their fields differ; `not_finite` / `not_integer` / `out_of_range` for a field that is not a count.
 *
 * @example
 * ```ts
 * import { mergeCounts, npsCounts, npsFromCounts } from "support-metrics";
 * const monday = npsCounts([10, 9, 3]);
 * const tuesday = npsCounts([8, 10]);
 * mergeCounts(monday, tuesday); // => { promoters: 3, passives: 1, detractors: 1 }
 * npsFromCounts(mergeCounts(monday, tuesday)); // => 40
 * mergeCounts({ a: 1 }, { b: 1 }); // throws inconsistent_counts
 * ```
 * @see {@link npsCounts}, {@link csatCounts}
 * @category Tallies
 */
export function mergeCounts<T extends { readonly [K in keyof T]: number }>(a: T, b: T): T {
  const fn = "mergeCounts";
  checkTally(fn, "a", a);
  checkTally(fn, "b", b);
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  // A field of a missing from b, else a field of b that a lacks.
  const mismatch = keysA.find((k) => !Object.hasOwn(b, k)) ?? keysB.find((k) => !Object.hasOwn(a, k));
  if (mismatch !== undefined) {
    throw inputError(
      "inconsistent_counts",
      fn,
      memberPath("b", mismatch),
      `the same fields as a (${keysA.join(", ")})`,
      Object.hasOwn(b, mismatch) ? (b as Record<string, unknown>)[mismatch] : undefined,
    );
  }
  const out: Record<string, number> = {};
  for (const key of keysA) out[key] = (a as Record<string, number>)[key]! + (b as Record<string, number>)[key]!;
  return out as T;
}

function checkTally(fn: string, path: string, tally: unknown): void {
  if (tally === null || typeof tally !== "object" || Array.isArray(tally)) {
    throw inputError("invalid_type", fn, path, "an object of counts", tally);
  }
  for (const key of Object.keys(tally)) count(fn, memberPath(path, key), (tally as Record<string, unknown>)[key]);
}
