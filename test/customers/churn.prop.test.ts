import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { churnRate, convertChurnRate, mergeCounts, retentionRate } from "../../src/index.js";
import { customerPeriod } from "./arbitraries.js";

describe("churn and retention properties", () => {
  it("churn and retention always lie within 0–100 for consistent counts, and null only for an empty base", () => {
    fc.assert(
      fc.property(customerPeriod, ({ start, lost, added, end }) => {
        const churn = churnRate({ customersAtStart: start, customersLost: lost, customersAtEnd: end });
        const retention = retentionRate({ customersAtStart: start, customersAtEnd: end, newCustomers: added });
        if (start === 0) {
          expect(churn).toBeNull();
          expect(retention).toBeNull();
          return;
        }
        for (const v of [churn!, retention!]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it("retention always equals 100 − churn over the same period (start denominator)", () => {
    fc.assert(
      fc.property(customerPeriod, ({ start, lost, added, end }) => {
        fc.pre(start > 0);
        const churn = churnRate({ customersAtStart: start, customersLost: lost })!;
        const retention = retentionRate({ customersAtStart: start, customersAtEnd: end, newCustomers: added })!;
        expect(churn + retention).toBeCloseTo(100, 9);
      }),
    );
  });

  it("losing one more customer never lowers churn", () => {
    fc.assert(
      fc.property(customerPeriod, ({ start, lost }) => {
        fc.pre(lost < start);
        expect(churnRate({ customersAtStart: start, customersLost: lost + 1 })!).toBeGreaterThan(
          churnRate({ customersAtStart: start, customersLost: lost })!,
        );
      }),
    );
  });

  it("the churn of merged segments always lies between the segments' churns", () => {
    fc.assert(
      fc.property(customerPeriod, customerPeriod, (a, b) => {
        fc.pre(a.start > 0 && b.start > 0);
        const ca = { customersAtStart: a.start, customersLost: a.lost, customersAtEnd: a.end };
        const cb = { customersAtStart: b.start, customersLost: b.lost, customersAtEnd: b.end };
        const merged = churnRate(mergeCounts(ca, cb))!;
        const [lo, hi] = [churnRate(ca)!, churnRate(cb)!].sort((x, y) => x - y);
        expect(merged).toBeGreaterThanOrEqual(lo! - 1e-9);
        expect(merged).toBeLessThanOrEqual(hi! + 1e-9);
      }),
    );
  });

  it("a count that contradicts the others always throws inconsistent_counts", () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 1000 }), (start, extra) => {
        expect(() => churnRate({ customersAtStart: start, customersLost: start + extra })).toThrow(
          expect.objectContaining({ code: "inconsistent_counts", fn: "churnRate", path: "counts.customersLost" }),
        );
        expect(() =>
          retentionRate({ customersAtStart: start, customersAtEnd: start + extra, newCustomers: 0 }),
        ).toThrow(
          expect.objectContaining({ code: "inconsistent_counts", fn: "retentionRate", path: "counts.customersAtEnd" }),
        );
      }),
    );
  });
});

describe("convertChurnRate properties", () => {
  // Rates and period ratios where the converted rate does not saturate to 100 in floating point.
  const rate = fc.double({ min: 0, max: 60, noNaN: true });
  const days = fc.integer({ min: 1, max: 730 });

  it("converting to another period and back always returns the original rate (to 1e-9)", () => {
    fc.assert(
      fc.property(rate, days, days, (r, fromDays, toDays) => {
        const there = convertChurnRate(r, { fromDays, toDays });
        fc.pre(there < 99.9);
        const back = convertChurnRate(there, { fromDays: toDays, toDays: fromDays });
        expect(Math.abs(back - r)).toBeLessThanOrEqual(1e-9);
      }),
    );
  });

  it("converting to a longer period never lowers churn, to a shorter never raises it", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(0, 100), fc.double({ min: 1e-9, max: 100, noNaN: true })),
        days,
        days,
        (r, a, b) => {
          const [shorter, longer] = a <= b ? [a, b] : [b, a];
          expect(convertChurnRate(r, { fromDays: shorter, toDays: longer })).toBeGreaterThanOrEqual(r);
          expect(convertChurnRate(r, { fromDays: longer, toDays: shorter })).toBeLessThanOrEqual(r);
        },
      ),
    );
  });

  it("converted churn always lies within 0–100 and never exceeds the ×k shortcut", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 1, max: 24 }), (r, k) => {
        const c = convertChurnRate(r, { fromDays: 30, toDays: 30 * k });
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(100);
        expect(c).toBeLessThanOrEqual(r * k + 1e-9);
      }),
    );
  });

  it("converting in two steps always equals converting at once", () => {
    fc.assert(
      fc.property(rate, days, days, days, (r, a, b, c) => {
        const between = convertChurnRate(r, { fromDays: a, toDays: b });
        const once = convertChurnRate(r, { fromDays: a, toDays: c });
        fc.pre(between < 99.9 && once < 99.9);
        const twoSteps = convertChurnRate(between, { fromDays: b, toDays: c });
        expect(Math.abs(twoSteps - once)).toBeLessThanOrEqual(1e-9 * Math.max(1, once));
      }),
    );
  });
});
