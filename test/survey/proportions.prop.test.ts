import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareProportions, wilsonInterval } from "../../src/index.js";
import { proportion, twoLevels } from "./arbitraries.js";

describe("wilsonInterval properties", () => {
  it("always contains the observed percentage and lies within 0–100", () => {
    fc.assert(
      fc.property(
        proportion(1),
        fc.double({ min: 0.01, max: 0.999, noNaN: true }),
        ({ successes, total }, confidence) => {
          const r = wilsonInterval(successes, total, { confidence })!;
          const observed = (successes * 100) / total;
          expect(r.lower).toBeGreaterThanOrEqual(0);
          expect(r.upper).toBeLessThanOrEqual(100);
          expect(r.lower).toBeLessThanOrEqual(observed + 1e-9);
          expect(r.upper).toBeGreaterThanOrEqual(observed - 1e-9);
        },
      ),
    );
  });

  it("a wider confidence always gives an interval containing the narrower one", () => {
    fc.assert(
      fc.property(proportion(1), twoLevels, ({ successes, total }, [lo, hi]) => {
        const narrow = wilsonInterval(successes, total, { confidence: lo })!;
        const wide = wilsonInterval(successes, total, { confidence: hi })!;
        expect(wide.lower).toBeLessThanOrEqual(narrow.lower + 1e-9);
        expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper - 1e-9);
      }),
    );
  });

  it("failures mirror successes: the interval of n − x is 100 minus the interval of x", () => {
    fc.assert(
      fc.property(proportion(1), ({ successes, total }) => {
        const r = wilsonInterval(successes, total)!;
        const m = wilsonInterval(total - successes, total)!;
        expect(m.lower).toBeCloseTo(100 - r.upper, 9);
        expect(m.upper).toBeCloseTo(100 - r.lower, 9);
      }),
    );
  });
});

describe("compareProportions properties", () => {
  it("swapping the groups always negates the difference and z and keeps the p-value", () => {
    fc.assert(
      fc.property(proportion(1), proportion(1), (a, b) => {
        const ab = compareProportions(a, b);
        const ba = compareProportions(b, a);
        if (ab === null) {
          expect(ba).toBeNull();
          return;
        }
        expect(ba!.difference).toBeCloseTo(-ab.difference, 9);
        expect(ba!.z).toBeCloseTo(-ab.z, 9);
        expect(ba!.pValue).toBeCloseTo(ab.pValue, 12);
        expect(ab.pValue).toBeGreaterThanOrEqual(0);
        expect(ab.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("the same proportion on any two sample sizes is never significant", () => {
    fc.assert(
      fc.property(proportion(1), fc.integer({ min: 1, max: 50 }), ({ successes, total }, k) => {
        const r = compareProportions({ successes, total }, { successes: successes * k, total: total * k });
        if (r === null) return; // pooled proportion 0 or 1
        expect(r.difference).toBe(0);
        expect(r.pValue).toBe(1);
        expect(r.significant).toBe(false);
      }),
    );
  });

  it("is null exactly when a side is empty or the pooled proportion is 0 or 1", () => {
    fc.assert(
      fc.property(proportion(0), proportion(0), (a, b) => {
        const degenerate =
          a.total === 0 ||
          b.total === 0 ||
          a.successes + b.successes === 0 ||
          a.successes + b.successes === a.total + b.total;
        expect(compareProportions(a, b) === null).toBe(degenerate);
      }),
    );
  });
});
