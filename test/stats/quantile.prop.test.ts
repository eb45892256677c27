import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mean, median, quantile } from "../../src/index.js";

const values = fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }), {
  minLength: 1,
  maxLength: 300,
});
// Small integers make ties (and the quickselect's equal-to-pivot paths) common.
const tied = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 1200 });
const position = fc.double({ min: 0, max: 1, noNaN: true });

/** The definition, on a full sort: R-7. */
function sortedDefinition(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const j = Math.floor(h);
  const low = sorted[j]!;
  const high = sorted[Math.min(j + 1, sorted.length - 1)]!;
  return low + (h - j) * (high - low);
}

describe("quantile properties", () => {
  it("always equals the sorted-array definition (R-7)", () => {
    fc.assert(
      fc.property(fc.oneof(values, tied), position, (xs, p) => {
        const expected = sortedDefinition(xs, p);
        expect(Math.abs((quantile(xs, p) as number) - expected)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(expected)),
        );
      }),
    );
  });

  it("never mutates or reorders the caller's array", () => {
    fc.assert(
      fc.property(fc.oneof(values, tied), position, (xs, p) => {
        const before = [...xs];
        quantile(xs, p);
        median(xs);
        mean(xs);
        expect(xs).toEqual(before);
      }),
    );
  });

  it("always lies between the minimum and the maximum, and never decreases in p", () => {
    fc.assert(
      fc.property(values, position, position, (xs, p, q) => {
        const lo = Math.min(p, q);
        const hi = Math.max(p, q);
        const a = quantile(xs, lo) as number;
        const b = quantile(xs, hi) as number;
        expect(a).toBeLessThanOrEqual(b);
        let min = Number.POSITIVE_INFINITY;
        let max = Number.NEGATIVE_INFINITY;
        for (const x of xs) {
          min = Math.min(min, x);
          max = Math.max(max, x);
        }
        expect(a).toBeGreaterThanOrEqual(min);
        expect(b).toBeLessThanOrEqual(max);
        expect(quantile(xs, 0)).toBe(min === 0 ? 0 : min);
        expect(quantile(xs, 1)).toBe(max === 0 ? 0 : max);
      }),
    );
  });

  it("median is always ≤ max and ≥ min, and mean always lies within [min, max]", () => {
    fc.assert(
      fc.property(values, (xs) => {
        let min = Number.POSITIVE_INFINITY;
        let max = Number.NEGATIVE_INFINITY;
        for (const x of xs) {
          min = Math.min(min, x);
          max = Math.max(max, x);
        }
        const m = median(xs) as number;
        const avg = mean(xs) as number;
        expect(m).toBeLessThanOrEqual(max);
        expect(m).toBeGreaterThanOrEqual(min);
        expect(avg).toBeLessThanOrEqual(max);
        expect(avg).toBeGreaterThanOrEqual(min);
      }),
    );
  });

  it("does not depend on the order of the values", () => {
    fc.assert(
      fc.property(
        values.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length }))),
        position,
        ([xs, shuffled], p) => {
          expect(quantile(shuffled, p)).toBe(quantile(xs, p));
          expect(median(shuffled)).toBe(median(xs));
        },
      ),
    );
  });

  it("a typed array gives the same quantile as the plain array", () => {
    fc.assert(
      fc.property(values, position, (xs, p) => {
        expect(quantile(Float64Array.from(xs), p)).toBe(quantile(xs, p));
      }),
    );
  });
});
