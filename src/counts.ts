import { inputError } from "./internal/messages.js";

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
 * @throws {MetricInputError} `invalid_type` when either is not an object of counts; `inconsistent_counts` when their fields differ; `not_integer` / `out_of_range` for a field that is not a count.
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
  const out: Record<string, number> = {};
  for (const key of keysA) {
    if (!Object.hasOwn(b, key)) {
      throw inputError(
        "inconsistent_counts",
        fn,
        `b.${key}`,
        `a tally with the same fields as a (${keysA.join(", ")})`,
        undefined,
      );
    }
    out[key] = (a as Record<string, number>)[key]! + (b as Record<string, number>)[key]!;
  }
  if (keysB.length !== keysA.length) {
    const extra = keysB.find((k) => !Object.hasOwn(a, k)) as string;
    throw inputError(
      "inconsistent_counts",
      fn,
      `b.${extra}`,
      `a tally with the same fields as a (${keysA.join(", ")})`,
      (b as Record<string, unknown>)[extra],
    );
  }
  return out as T;
}

function checkTally(fn: string, path: string, tally: unknown): void {
  if (tally === null || typeof tally !== "object" || Array.isArray(tally)) {
    throw inputError("invalid_type", fn, path, "a tally (an object of counts)", tally);
  }
  for (const key of Object.keys(tally)) {
    const v = (tally as Record<string, unknown>)[key];
    if (typeof v !== "number") throw inputError("invalid_type", fn, `${path}.${key}`, "a count (an integer ≥ 0)", v);
    if (!Number.isSafeInteger(v)) throw inputError("not_integer", fn, `${path}.${key}`, "a count (an integer ≥ 0)", v);
    if (v < 0) throw inputError("out_of_range", fn, `${path}.${key}`, "a count (an integer ≥ 0)", v);
  }
}
