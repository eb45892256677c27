import { describe, expect, it } from "vitest";
import { churnRate, convertChurnRate, mergeCounts } from "../../src/index.js";
import { code } from "../helpers/errors.js";

describe("churnRate", () => {
  // METRICS.md §2 vector; §9 error 2: 400 of 2 000 is 20 %, not 2 %.
  it("start 2000, lost 400 → 20 %", () => {
    expect(churnRate({ customersAtStart: 2000, customersLost: 400 })).toBe(20);
  });

  // Average denominator (Recurly's "average customers"): 400 / ((2000 + 2200)/2) = 19.047619… (hand and mpmath).
  it("average denominator: lost / ((start + end)/2)", () => {
    const r = churnRate(
      { customersAtStart: 2000, customersLost: 400, customersAtEnd: 2200 },
      { denominator: "average" },
    );
    expect(r).toBeCloseTo(19.047619047619, 10);
    // Shrinking base: the average denominator is the smaller one, the rate higher.
    expect(
      churnRate({ customersAtStart: 100, customersLost: 50, customersAtEnd: 50 }, { denominator: "average" }),
    ).toBeCloseTo(66.666666666667, 10);
  });

  it("boundaries: nobody lost is 0, everybody lost is 100, an empty base is null", () => {
    expect(churnRate({ customersAtStart: 10, customersLost: 0 })).toBe(0);
    expect(churnRate({ customersAtStart: 10, customersLost: 10 })).toBe(100);
    expect(churnRate({ customersAtStart: 0, customersLost: 0 })).toBeNull();
    expect(
      churnRate({ customersAtStart: 0, customersLost: 0, customersAtEnd: 0 }, { denominator: "average" }),
    ).toBeNull();
    // A base that starts empty but ends with customers: the average denominator is end/2, nobody of it lost.
    expect(churnRate({ customersAtStart: 0, customersLost: 0, customersAtEnd: 8 }, { denominator: "average" })).toBe(0);
  });

  it("segments merged with mergeCounts give the churn of the whole base", () => {
    const emea = { customersAtStart: 1200, customersLost: 240, customersAtEnd: 1100 };
    const amer = { customersAtStart: 800, customersLost: 160, customersAtEnd: 900 };
    expect(churnRate(mergeCounts(emea, amer))).toBe(20);
  });

  it("throws inconsistent_counts when more customers are lost than there were", () => {
    expect(() => churnRate({ customersAtStart: 10, customersLost: 11 })).toThrow(
      code("inconsistent_counts", { fn: "churnRate", path: "counts.customersLost", received: 11 }),
    );
  });

  it("throws inconsistent_counts when the end is below the survivors", () => {
    expect(() => churnRate({ customersAtStart: 100, customersLost: 10, customersAtEnd: 80 })).toThrow(
      code("inconsistent_counts", { path: "counts.customersAtEnd" }),
    );
  });

  it("throws missing_value without customersAtEnd for the average denominator, or without a count", () => {
    expect(() => churnRate({ customersAtStart: 100, customersLost: 10 }, { denominator: "average" })).toThrow(
      code("missing_value", { path: "counts.customersAtEnd" }),
    );
    expect(() => churnRate({ customersAtStart: 100 } as never)).toThrow(
      code("missing_value", { path: "counts.customersLost" }),
    );
  });

  it("throws the count codes per field", () => {
    expect(() => churnRate({ customersAtStart: "100", customersLost: 1 } as never)).toThrow(
      code("invalid_type", { path: "counts.customersAtStart" }),
    );
    expect(() => churnRate({ customersAtStart: 100, customersLost: 1.5 })).toThrow(
      code("not_integer", { path: "counts.customersLost" }),
    );
    expect(() => churnRate({ customersAtStart: -1, customersLost: 0 })).toThrow(
      code("out_of_range", { path: "counts.customersAtStart" }),
    );
    expect(() => churnRate({ customersAtStart: Number.NaN, customersLost: 0 })).toThrow(
      code("not_finite", { path: "counts.customersAtStart" }),
    );
    expect(() => churnRate(null as never)).toThrow(code("invalid_type", { path: "counts" }));
  });

  it("throws invalid_option for an unknown denominator or options that are not an object", () => {
    expect(() => churnRate({ customersAtStart: 10, customersLost: 1 }, { denominator: "end" as never })).toThrow(
      code("invalid_option", { fn: "churnRate", path: "options.denominator", received: "end" }),
    );
    expect(() => churnRate({ customersAtStart: 10, customersLost: 1 }, "average" as never)).toThrow(
      code("invalid_option", { fn: "churnRate", path: "options" }),
    );
  });

  it("throws invalid_option for a denominator in the counts (it moved to the options), never ignoring it", () => {
    const old = { customersAtStart: 2000, customersLost: 400, customersAtEnd: 2200, denominator: "average" };
    expect(() => churnRate(old as never)).toThrow(
      code("invalid_option", { fn: "churnRate", path: "counts.denominator", received: "average" }),
    );
  });

  it("does not mutate its input", () => {
    const input = Object.freeze({ customersAtStart: 2000, customersLost: 400, customersAtEnd: 2200 });
    expect(churnRate(input)).toBe(20);
    expect(churnRate(input, Object.freeze({ denominator: "average" as const }))).toBeCloseTo(19.047619047619, 10);
    expect(input).toEqual({ customersAtStart: 2000, customersLost: 400, customersAtEnd: 2200 });
  });
});

describe("convertChurnRate", () => {
  // METRICS.md §2: 3 % monthly (30 d) to 360 d = 1 − 0.97¹² = 30.615763900456… % (mpmath, 30 digits); never 3 × 12.
  it("3 % monthly → 30.615764 % over 360 days", () => {
    expect(convertChurnRate(3, { fromDays: 30, toDays: 360 })).toBeCloseTo(30.6157639004562, 11);
  });

  // mpmath: 100·(1 − 0.75^(1/12)) = 2.3688424223; 100·(1 − 0.98^(365/30)) = 21.7921066614
  it("annual to monthly and monthly to a 365-day year (mpmath)", () => {
    expect(convertChurnRate(25, { fromDays: 360, toDays: 30 })).toBeCloseTo(2.3688424223, 9);
    expect(convertChurnRate(2, { fromDays: 30, toDays: 365 })).toBeCloseTo(21.7921066614, 9);
  });

  it("keeps 0 and 100, and the same period returns the rate", () => {
    expect(convertChurnRate(0, { fromDays: 30, toDays: 360 })).toBe(0);
    expect(convertChurnRate(100, { fromDays: 30, toDays: 1 })).toBe(100);
    expect(convertChurnRate(7.5, { fromDays: 30, toDays: 30 })).toBeCloseTo(7.5, 12);
  });

  it("keeps precision for tiny rates (expm1/log1p)", () => {
    // 1e-10 % a day over 10 days: 1 − (1 − 1e-12)^10 ≈ 1e-11 → 1e-9 %.
    expect(convertChurnRate(1e-10, { fromDays: 1, toDays: 10 })).toBeCloseTo(1e-9, 20);
  });

  it("throws out_of_range for a rate outside 0–100 or a period ≤ 0", () => {
    expect(() => convertChurnRate(120, { fromDays: 30, toDays: 360 })).toThrow(
      code("out_of_range", { fn: "convertChurnRate", path: "ratePercent" }),
    );
    expect(() => convertChurnRate(-1, { fromDays: 30, toDays: 360 })).toThrow(
      code("out_of_range", { path: "ratePercent" }),
    );
    expect(() => convertChurnRate(3, { fromDays: 0, toDays: 360 })).toThrow(
      code("out_of_range", { path: "periods.fromDays" }),
    );
  });

  it("throws missing_value, invalid_type and not_finite for bad periods", () => {
    expect(() => convertChurnRate(3, { fromDays: 30 } as never)).toThrow(
      code("missing_value", { path: "periods.toDays" }),
    );
    expect(() => convertChurnRate("3" as never, { fromDays: 30, toDays: 360 })).toThrow(
      code("invalid_type", { path: "ratePercent" }),
    );
    expect(() => convertChurnRate(3, null as never)).toThrow(code("invalid_type", { path: "periods" }));
    expect(() => convertChurnRate(3, { fromDays: 30, toDays: Number.POSITIVE_INFINITY })).toThrow(
      code("not_finite", { path: "periods.toDays" }),
    );
  });

  it("does not mutate its input", () => {
    const periods = Object.freeze({ fromDays: 30, toDays: 360 });
    expect(convertChurnRate(3, periods)).toBeCloseTo(30.615764, 6);
    expect(periods).toEqual({ fromDays: 30, toDays: 360 });
  });
});

describe("convertChurnRate near 100 %", () => {
  // mpmath 1.3 at 50 digits: (1 − (1 − r)^(to/from)) × 100.
  it.each([
    [99.99, 7, 2, 92.80314326998743], // mpmath: 92.803143269987428
    [99.99, 10, 2, 84.151068075387244],
    [99.9999999, 30, 15, 99.9968377224337], // mpmath: 99.996837722433701
    [3, 30, 365, 30.967102827734664], // mpmath: 30.967102827734662
  ])("converts %s %% from %s to %s days as mpmath does", (rate, fromDays, toDays, expected) => {
    expect(Math.abs(convertChurnRate(rate, { fromDays, toDays }) - expected)).toBeLessThanOrEqual(2e-14 * expected);
  });
});
