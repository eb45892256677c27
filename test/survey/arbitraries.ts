// Shared fast-check arbitraries for the survey tests (scores in their domains).
import fc from "fast-check";

/** A likelihood-to-recommend score, 0–10. */
export const npsScore: fc.Arbitrary<number> = fc.integer({ min: 0, max: 10 });
export const promoterScore: fc.Arbitrary<number> = fc.integer({ min: 9, max: 10 });
export const detractorScore: fc.Arbitrary<number> = fc.integer({ min: 0, max: 6 });

/** A list and a permutation of it. */
export function withPermutation<T>(item: fc.Arbitrary<T>): fc.Arbitrary<[T[], T[]]> {
  return fc
    .array(item, { maxLength: 200 })
    .chain((xs) =>
      fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }).map((ys): [T[], T[]] => [xs, ys]),
    );
}

/** An NPS tally with at least `min` respondents. */
export function npsTally(min = 0): fc.Arbitrary<{ promoters: number; passives: number; detractors: number }> {
  return fc
    .record({ promoters: fc.nat(5000), passives: fc.nat(5000), detractors: fc.nat(5000) })
    .filter((c) => c.promoters + c.passives + c.detractors >= min);
}

/** A proportion `{ successes, total }` with total ≥ `min`. */
export function proportion(min = 0): fc.Arbitrary<{ successes: number; total: number }> {
  return fc
    .integer({ min, max: 100_000 })
    .chain((total) => fc.integer({ min: 0, max: total }).map((successes) => ({ successes, total })));
}

/** Two confidence levels, the first strictly below the second. */
export const twoLevels: fc.Arbitrary<[number, number]> = fc
  .tuple(fc.double({ min: 0.01, max: 0.999, noNaN: true }), fc.double({ min: 0.01, max: 0.999, noNaN: true }))
  .filter(([a, b]) => a !== b)
  .map(([a, b]): [number, number] => (a < b ? [a, b] : [b, a]));

/**
 * A value that is not an integer 0…max, with the code the library must throw for it:
 * out-of-range integers, fractions, NaN/±Infinity, and wrong JavaScript types.
 */
export function invalidScore(min: number, max: number): fc.Arbitrary<{ value: unknown; code: string }> {
  return fc.oneof(
    fc.integer({ min: max + 1, max: 1e9 }).map((value) => ({ value, code: "out_of_range" })),
    fc.integer({ min: -1e9, max: min - 1 }).map((value) => ({ value, code: "out_of_range" })),
    fc
      .double({ min: min - 5, max: max + 5, noNaN: true, noDefaultInfinity: true })
      .filter((v) => !Number.isInteger(v))
      .map((value) => ({ value, code: "not_integer" })),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY).map((value) => ({
      value,
      code: "not_finite",
    })),
    fc
      .oneof(
        fc.integer({ min, max }).map(String),
        fc.string(),
        fc.constant(null),
        fc.constant(undefined),
        fc.boolean(),
        fc.constant({}),
      )
      .map((value) => ({ value, code: "invalid_type" })),
  );
}
