import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerLifetimeValue } from "../../src/index.js";

const revenue = fc.double({ min: 0.01, max: 1e6, noNaN: true });
const margin = fc.double({ min: 0.01, max: 100, noNaN: true });
// Two churn rates at least 0.01 points apart (closer ones can round to the same CLV).
const twoChurns = fc
  .tuple(fc.double({ min: 0.001, max: 99, noNaN: true }), fc.double({ min: 0.01, max: 99, noNaN: true }))
  .map(([lower, gap]) => [lower, Math.min(100, lower + gap)] as const);
const discount = fc.option(fc.double({ min: 0, max: 50, noNaN: true }), { nil: undefined });

describe("customerLifetimeValue properties", () => {
  it("CLV always grows when churn falls (simple and discounted)", () => {
    fc.assert(
      fc.property(revenue, margin, twoChurns, discount, (r, m, [lower, higher], d) => {
        const base = { revenuePerPeriod: r, grossMarginPercent: m, discountRatePercent: d };
        const atLower = customerLifetimeValue({ ...base, churnRatePercent: lower })!;
        const atHigher = customerLifetimeValue({ ...base, churnRatePercent: higher })!;
        expect(atLower).toBeGreaterThan(atHigher);
      }),
    );
  });

  it("CLV is always finite and ≥ 0, and discounting never raises it above the undiscounted form", () => {
    fc.assert(
      fc.property(
        revenue,
        margin,
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (r, m, c, d) => {
          const discounted = customerLifetimeValue({
            revenuePerPeriod: r,
            grossMarginPercent: m,
            churnRatePercent: c,
            discountRatePercent: d,
          })!;
          const zero = customerLifetimeValue({
            revenuePerPeriod: r,
            grossMarginPercent: m,
            churnRatePercent: c,
            discountRatePercent: 0,
          })!;
          expect(Number.isFinite(discounted)).toBe(true);
          expect(discounted).toBeGreaterThanOrEqual(0);
          expect(discounted).toBeLessThanOrEqual(zero * (1 + 1e-12));
        },
      ),
    );
  });

  it("CLV always scales linearly with revenue", () => {
    fc.assert(
      fc.property(
        revenue,
        margin,
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        fc.integer({ min: 2, max: 10 }),
        (r, m, c, k) => {
          const one = customerLifetimeValue({ revenuePerPeriod: r, grossMarginPercent: m, churnRatePercent: c })!;
          const many = customerLifetimeValue({ revenuePerPeriod: r * k, grossMarginPercent: m, churnRatePercent: c })!;
          expect(many).toBeCloseTo(one * k, Math.max(0, 6 - Math.ceil(Math.log10(Math.max(1, one * k)))));
        },
      ),
    );
  });
});
