// Shared fast-check arbitraries for the customer-base tests: consistent counts built from their parts.
import fc from "fast-check";

/** A period built from its parts: start, lost of the start, new still there at the end. */
export const customerPeriod: fc.Arbitrary<{ start: number; lost: number; added: number; end: number }> = fc
  .integer({ min: 0, max: 1_000_000 })
  .chain((start) =>
    fc
      .tuple(fc.integer({ min: 0, max: start }), fc.integer({ min: 0, max: 1_000_000 }))
      .map(([lost, added]) => ({ start, lost, added, end: start - lost + added })),
  );

/** A churn rate in percent, including the boundaries. */
export const ratePercent: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 100),
  fc.double({ min: 0, max: 100, noNaN: true }),
);

/** One customer's start and end revenue in cents (integers, so totals are exact). */
export const customerRevenue: fc.Arbitrary<{ startRevenue: number; endRevenue: number }> = fc.record({
  startRevenue: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 })),
  endRevenue: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2_000_000 })),
});
