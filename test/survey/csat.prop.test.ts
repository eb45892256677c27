import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csat, csatCounts, csatFromCounts, mergeCounts } from "../../src/index.js";
import { invalidScore, withPermutation } from "./arbitraries.js";

/** A scale, a threshold on it and ratings on it. */
const scaled = fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 10 })).chain(([min, width]) => {
  const max = min + width;
  return fc.record({
    scale: fc.constant({ min, max }),
    satisfiedFrom: fc.integer({ min, max }),
    ratings: fc.array(fc.integer({ min, max }), { maxLength: 200 }),
  });
});

describe("csat properties", () => {
  it("CSAT always lies within 0–100 and is null only for no ratings", () => {
    fc.assert(
      fc.property(scaled, ({ scale, satisfiedFrom, ratings }) => {
        const r = csat(ratings, { scale, satisfiedFrom });
        if (ratings.length === 0) {
          expect(r).toBeNull();
          return;
        }
        expect(r!).toBeGreaterThanOrEqual(0);
        expect(r!).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("csat always agrees with csatFromCounts of csatCounts", () => {
    fc.assert(
      fc.property(scaled, ({ scale, satisfiedFrom, ratings }) => {
        expect(csat(ratings, { scale, satisfiedFrom })).toBe(
          csatFromCounts(csatCounts(ratings, { scale, satisfiedFrom })),
        );
      }),
    );
  });

  it("does not depend on response order", () => {
    fc.assert(
      fc.property(withPermutation(fc.integer({ min: 1, max: 5 })), ([xs, ys]) => {
        expect(csat(ys)).toBe(csat(xs));
      }),
    );
  });

  it("duplicating every response leaves CSAT unchanged", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1 }), (ratings) => {
        expect(csat([...ratings, ...ratings])).toBe(csat(ratings));
      }),
    );
  });

  it("the tallies of two halves, merged, always equal the tally of the whole", () => {
    const rating = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(fc.array(rating), fc.array(rating), (a, b) => {
        expect(mergeCounts(csatCounts(a), csatCounts(b))).toEqual(csatCounts([...a, ...b]));
      }),
    );
  });

  it("raising the threshold never raises CSAT", () => {
    fc.assert(
      fc.property(scaled, ({ scale, satisfiedFrom, ratings }) => {
        if (satisfiedFrom === scale.max || ratings.length === 0) return;
        expect(csat(ratings, { scale, satisfiedFrom: satisfiedFrom + 1 })!).toBeLessThanOrEqual(
          csat(ratings, { scale, satisfiedFrom })!,
        );
      }),
    );
  });

  it("any invalid rating anywhere always throws its documented code with the path ratings[i]", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 })), invalidScore(1, 5), fc.nat(), (valid, bad, at) => {
        const i = at % (valid.length + 1);
        const ratings = [...valid.slice(0, i), bad.value, ...valid.slice(i)] as number[];
        expect(() => csat(ratings)).toThrow(
          expect.objectContaining({ code: bad.code, fn: "csat", path: `ratings[${i}]` }),
        );
      }),
    );
  });
});
