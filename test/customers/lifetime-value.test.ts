import { describe, expect, it } from "vitest";
import { convertChurnRate, customerLifetimeValue } from "../../src/index.js";
import { code } from "../helpers/errors.js";

describe("customerLifetimeValue", () => {
  // METRICS.md §2 vector: 50 a month × 90 % margin ÷ 10 % monthly churn = 450 (Baremetrics / ChartMogul simple LTV).
  it("50 per month, 90 % margin, 10 % monthly churn → 450", () => {
    expect(customerLifetimeValue({ revenuePerPeriod: 50, grossMarginPercent: 90, churnRatePercent: 10 })).toBe(450);
  });

  // Gupta & Lehmann (2003): CLV = m·r/(1 + d − r); m = 45, r = 0.9, d = 0.01 → 40.5/0.11 = 368.1818… (mpmath).
  it("discounted form: m·r / (1 + d − r)", () => {
    const clv = customerLifetimeValue({
      revenuePerPeriod: 50,
      grossMarginPercent: 90,
      churnRatePercent: 10,
      discountRatePercent: 1,
    });
    expect(clv).toBeCloseTo(368.181818181818, 9);
    // Gupta–Lehmann textbook case: m = 100, r = 0.8, i = 12 % → 80/0.32 = 250.
    expect(
      customerLifetimeValue({
        revenuePerPeriod: 100,
        grossMarginPercent: 100,
        churnRatePercent: 20,
        discountRatePercent: 12,
      }),
    ).toBeCloseTo(250, 10);
  });

  it("churn 0 is null without a discount rate and m/d with one", () => {
    expect(customerLifetimeValue({ revenuePerPeriod: 50, grossMarginPercent: 90, churnRatePercent: 0 })).toBeNull();
    expect(
      customerLifetimeValue({
        revenuePerPeriod: 50,
        grossMarginPercent: 90,
        churnRatePercent: 0,
        discountRatePercent: 0,
      }),
    ).toBeNull();
    expect(
      customerLifetimeValue({
        revenuePerPeriod: 50,
        grossMarginPercent: 90,
        churnRatePercent: 0,
        discountRatePercent: 5,
      }),
    ).toBeCloseTo(900, 10);
  });

  it("with discount 0 the discounted form is one period's margin less than the simple form (documented)", () => {
    const base = { revenuePerPeriod: 50, grossMarginPercent: 90, churnRatePercent: 10 };
    expect(customerLifetimeValue({ ...base, discountRatePercent: 0 })).toBeCloseTo(450 - 45, 10);
  });

  it("boundaries: churn 100 keeps one period's margin; zero revenue or margin is 0", () => {
    expect(customerLifetimeValue({ revenuePerPeriod: 50, grossMarginPercent: 90, churnRatePercent: 100 })).toBe(45);
    expect(customerLifetimeValue({ revenuePerPeriod: 0, grossMarginPercent: 90, churnRatePercent: 5 })).toBe(0);
    expect(customerLifetimeValue({ revenuePerPeriod: 50, grossMarginPercent: 0, churnRatePercent: 5 })).toBe(0);
  });

  it("an annual churn rate needs annual revenue: convert rather than mix periods", () => {
    const annualChurn = convertChurnRate(3, { fromDays: 30, toDays: 360 });
    const annual = customerLifetimeValue({
      revenuePerPeriod: 600,
      grossMarginPercent: 80,
      churnRatePercent: annualChurn,
    })!;
    const monthly = customerLifetimeValue({ revenuePerPeriod: 50, grossMarginPercent: 80, churnRatePercent: 3 })!;
    // Not equal (the simple form counts whole periods) but of the same order: both ≈ 1 300–1 570.
    expect(annual).toBeCloseTo(1567.8, 1);
    expect(monthly).toBeCloseTo(1333.333333, 5);
  });

  it("throws out_of_range for a margin above 100 %, negative revenue, churn outside 0–100, negative discount", () => {
    expect(() =>
      customerLifetimeValue({ revenuePerPeriod: 50, grossMarginPercent: 120, churnRatePercent: 10 }),
    ).toThrow(code("out_of_range", { fn: "customerLifetimeValue", path: "input.grossMarginPercent" }));
    expect(() =>
      customerLifetimeValue({ revenuePerPeriod: -50, grossMarginPercent: 90, churnRatePercent: 10 }),
    ).toThrow(code("out_of_range", { path: "input.revenuePerPeriod" }));
    expect(() =>
      customerLifetimeValue({ revenuePerPeriod: 50, grossMarginPercent: 90, churnRatePercent: 101 }),
    ).toThrow(code("out_of_range", { path: "input.churnRatePercent" }));
    expect(() =>
      customerLifetimeValue({
        revenuePerPeriod: 50,
        grossMarginPercent: 90,
        churnRatePercent: 10,
        discountRatePercent: -1,
      }),
    ).toThrow(code("out_of_range", { path: "input.discountRatePercent" }));
  });

  it("throws missing_value, invalid_type and not_finite", () => {
    expect(() => customerLifetimeValue({ revenuePerPeriod: 50, grossMarginPercent: 90 } as never)).toThrow(
      code("missing_value", { path: "input.churnRatePercent" }),
    );
    expect(() =>
      customerLifetimeValue({ revenuePerPeriod: "50", grossMarginPercent: 90, churnRatePercent: 10 } as never),
    ).toThrow(code("invalid_type", { path: "input.revenuePerPeriod" }));
    expect(() =>
      customerLifetimeValue({ revenuePerPeriod: 50, grossMarginPercent: Number.NaN, churnRatePercent: 10 }),
    ).toThrow(code("not_finite", { path: "input.grossMarginPercent" }));
  });

  it("does not mutate its input", () => {
    const input = Object.freeze({ revenuePerPeriod: 50, grossMarginPercent: 90, churnRatePercent: 10 });
    expect(customerLifetimeValue(input)).toBe(450);
    expect(input).toEqual({ revenuePerPeriod: 50, grossMarginPercent: 90, churnRatePercent: 10 });
  });
});
