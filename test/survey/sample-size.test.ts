import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalQuantile, npsInterval, sampleSizeForMargin } from "../../src/index.js";
import { code } from "../helpers/errors.js";

describe("sampleSizeForMargin", () => {
  // Oracle: Cochran (1977) n₀ = z²·p(1 − p)/e², the textbook 385 for ±5 % at 95 % (also the
  // answer of the common online survey calculators); values from mpmath.
  it("proportions, worst case p = ½: ±5 → 385, ±3 → 1068, ±1 → 9604", () => {
    expect(sampleSizeForMargin({ marginOfError: 5 })).toBe(385); // 384.1459
    expect(sampleSizeForMargin({ marginOfError: 3 })).toBe(1068); // 1067.0719
    expect(sampleSizeForMargin({ marginOfError: 1, confidence: 0.95, metric: "proportion" })).toBe(9604); // 9603.6471
  });

  it("an expected proportion lowers the need: 30 % at ±5 → 323 (322.6825)", () => {
    expect(sampleSizeForMargin({ marginOfError: 5, expectedPercent: 30 })).toBe(323);
    expect(sampleSizeForMargin({ marginOfError: 5, expectedPercent: 70 })).toBe(323);
  });

  it("finite-population correction: N = 1000 → 278 (277.7335), N = 5000 at ±3 → 880 (879.5411)", () => {
    expect(sampleSizeForMargin({ marginOfError: 5, population: 1000 })).toBe(278);
    expect(sampleSizeForMargin({ marginOfError: 3, population: 5000 })).toBe(880);
    expect(sampleSizeForMargin({ marginOfError: 5, population: 1 })).toBe(1);
  });

  // NPS: Var = p + d − (p − d)² is at most 1 (half promoters, half detractors), so n₀ = (100·z/e)²;
  // the variance of R NPS::npvar and of Rocks (2016). mpmath: 1536.5835, 4268.2876, 937.3160.
  it("NPS, worst case Var = 1: ±5 → 1537, ±3 → 4269; expected 50 % / 20 % at ±5 → 938", () => {
    expect(sampleSizeForMargin({ metric: "nps", marginOfError: 5 })).toBe(1537);
    expect(sampleSizeForMargin({ metric: "nps", marginOfError: 3 })).toBe(4269);
    expect(
      sampleSizeForMargin({
        metric: "nps",
        marginOfError: 5,
        expectedPromotersPercent: 50,
        expectedDetractorsPercent: 20,
      }),
    ).toBe(938);
  });

  it("is at least 1 even when the expected variance is 0", () => {
    expect(sampleSizeForMargin({ marginOfError: 5, expectedPercent: 100 })).toBe(1);
    expect(
      sampleSizeForMargin({
        metric: "nps",
        marginOfError: 5,
        expectedPromotersPercent: 0,
        expectedDetractorsPercent: 0,
      }),
    ).toBe(1);
  });

  it("the NPS size always achieves the margin with a Wald interval, even in the worst case", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 2, max: 100, noNaN: true }),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        (margin, confidence) => {
          const n = sampleSizeForMargin({ metric: "nps", marginOfError: margin, confidence });
          const half = Math.floor(n / 2);
          const worst = { promoters: n - half, passives: 0, detractors: half };
          expect(npsInterval(worst, { method: "wald", confidence })!.marginOfError).toBeLessThanOrEqual(margin + 1e-9);
        },
      ),
    );
  });

  it("the proportion size is always the smallest n whose worst-case margin is within the target", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        (margin, confidence) => {
          const n = sampleSizeForMargin({ marginOfError: margin, confidence });
          const z = normalQuantile(0.5 + confidence / 2);
          const marginAt = (k: number) => 100 * z * Math.sqrt(0.25 / k);
          expect(marginAt(n)).toBeLessThanOrEqual(margin * (1 + 1e-9));
          if (n > 1) expect(marginAt(n - 1)).toBeGreaterThan(margin * (1 - 1e-9));
        },
      ),
    );
  });

  it("never asks for more than the population, and a smaller margin or a higher confidence never asks for fewer", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom("proportion", "nps" as const),
        (m1, m2, population, metric) => {
          const [small, large] = m1 < m2 ? [m1, m2] : [m2, m1];
          expect(sampleSizeForMargin({ metric, marginOfError: small, population })).toBeLessThanOrEqual(population);
          expect(sampleSizeForMargin({ metric, marginOfError: small })).toBeGreaterThanOrEqual(
            sampleSizeForMargin({ metric, marginOfError: large }),
          );
          expect(sampleSizeForMargin({ metric, marginOfError: small, confidence: 0.99 })).toBeGreaterThanOrEqual(
            sampleSizeForMargin({ metric, marginOfError: small, confidence: 0.9 }),
          );
        },
      ),
    );
  });

  describe("errors", () => {
    it("missing_value without a margin or with one NPS expectation", () => {
      expect(() => sampleSizeForMargin({} as never)).toThrow(
        code("missing_value", { fn: "sampleSizeForMargin", path: "options.marginOfError" }),
      );
      expect(() => sampleSizeForMargin(undefined as never)).toThrow(
        code("missing_value", { path: "options.marginOfError" }),
      );
      expect(() => sampleSizeForMargin({ metric: "nps", marginOfError: 5, expectedPromotersPercent: 40 })).toThrow(
        code("missing_value", { path: "options.expectedDetractorsPercent" }),
      );
    });
    it("invalid_option for values out of range or for the other metric", () => {
      for (const m of [0, -1, 101, Number.NaN, "5"]) {
        expect(() => sampleSizeForMargin({ marginOfError: m as number })).toThrow(
          code("invalid_option", { path: "options.marginOfError" }),
        );
      }
      expect(() => sampleSizeForMargin({ marginOfError: 5, confidence: 95 })).toThrow(
        code("invalid_option", { path: "options.confidence" }),
      );
      expect(() => sampleSizeForMargin({ marginOfError: 5, expectedPercent: 120 })).toThrow(
        code("invalid_option", { path: "options.expectedPercent" }),
      );
      expect(() => sampleSizeForMargin({ marginOfError: 5, population: 0 })).toThrow(
        code("invalid_option", { path: "options.population" }),
      );
      expect(() => sampleSizeForMargin({ marginOfError: 5, population: 10.5 })).toThrow(
        code("invalid_option", { path: "options.population" }),
      );
      expect(() => sampleSizeForMargin({ metric: "csat" as never, marginOfError: 5 })).toThrow(
        code("invalid_option", { path: "options.metric" }),
      );
      expect(() => sampleSizeForMargin({ metric: "nps", marginOfError: 5, expectedPercent: 30 } as never)).toThrow(
        code("invalid_option", { path: "options.expectedPercent" }),
      );
      expect(() => sampleSizeForMargin({ marginOfError: 5, expectedPromotersPercent: 30 } as never)).toThrow(
        code("invalid_option", { path: "options.expectedPromotersPercent" }),
      );
      expect(() =>
        sampleSizeForMargin({
          metric: "nps",
          marginOfError: 5,
          expectedPromotersPercent: 70,
          expectedDetractorsPercent: 40,
        }),
      ).toThrow(code("invalid_option", { path: "options.expectedDetractorsPercent" }));
    });
  });

  describe("error messages say what was expected", () => {
    const f = "sampleSizeForMargin";
    it("names the bounds, the other metric and the missing share", () => {
      expect(() => sampleSizeForMargin({ marginOfError: 0 })).toThrow(
        code("invalid_option", { fn: f, path: "options.marginOfError", message: expect.stringMatching(/0 < e ≤ 100/) }),
      );
      expect(() => sampleSizeForMargin({ marginOfError: 1e-200 })).toThrow(/a margin whose sample size is finite/);
      expect(() => sampleSizeForMargin({ marginOfError: 5, population: 0 })).toThrow(/an integer ≥ 1/);
      expect(() => sampleSizeForMargin({ marginOfError: 5, expectedPercent: 120 })).toThrow(/a percentage 0–100/);
      expect(() => sampleSizeForMargin({ metric: "nps", marginOfError: 5, expectedPercent: 30 } as never)).toThrow(
        /no expectedPercent for metric "nps"/,
      );
      expect(() => sampleSizeForMargin({ marginOfError: 5, expectedDetractorsPercent: 30 } as never)).toThrow(
        code("invalid_option", {
          path: "options.expectedDetractorsPercent",
          message: expect.stringMatching(/no expectedDetractorsPercent for metric "proportion"/),
        }),
      );
      expect(() => sampleSizeForMargin({ metric: "nps", marginOfError: 5, expectedDetractorsPercent: 40 })).toThrow(
        code("missing_value", {
          path: "options.expectedPromotersPercent",
          message: expect.stringMatching(/both expected NPS shares, or neither/),
        }),
      );
      expect(() =>
        sampleSizeForMargin({
          metric: "nps",
          marginOfError: 5,
          expectedPromotersPercent: 70,
          expectedDetractorsPercent: 40,
        }),
      ).toThrow(/at most 30 \(100 − promoters\)/);
    });

    it("a misspelled option is refused at its own path", () => {
      expect(() => sampleSizeForMargin({ marginOfErr: 5 } as never)).toThrow(
        code("invalid_option", {
          fn: f,
          path: "options.marginOfErr",
          message: expect.stringMatching(/did you mean `marginOfError`/),
        }),
      );
    });
  });

  it("does not mutate its input", () => {
    const options = Object.freeze({ marginOfError: 5, population: 1000 });
    expect(sampleSizeForMargin(options)).toBe(278);
  });
});

describe("sampleSizeForMargin: the finite-population correction n₀·N/(n₀ + N − 1)", () => {
  it("needs one response when no spread is expected, even from a population of 1 (it returned NaN)", () => {
    expect(sampleSizeForMargin({ marginOfError: 5, expectedPercent: 0, population: 1 })).toBe(1);
    expect(sampleSizeForMargin({ marginOfError: 5, expectedPercent: 100, population: 50 })).toBe(1);
    expect(sampleSizeForMargin({ marginOfError: 5, expectedPercent: 0 })).toBe(1);
  });

  it("never asks for more responses than the population (a population of 1 once gave 2)", () => {
    expect(sampleSizeForMargin({ marginOfError: 5, expectedPercent: 1e-11, population: 1 })).toBe(1);
    expect(sampleSizeForMargin({ marginOfError: 0.01, population: 7 })).toBe(7);
    expect(sampleSizeForMargin({ marginOfError: 1e-200, population: 12 })).toBe(12);
  });

  it("matches Cochran's corrected size (by hand: n₀ = 384.146, N = 1000 → 277.7 → 278)", () => {
    expect(sampleSizeForMargin({ marginOfError: 5, population: 1000 })).toBe(278);
    // By hand: n₀ = 1.95996² · 0.25 / 0.02² = 2400.91; 2400.91 · 100 / (2400.91 + 99) = 96.04 → 97
    // (with N + 1 in the denominator it would be 96.00 → 96).
    expect(sampleSizeForMargin({ marginOfError: 2, population: 100 })).toBe(97);
    // n₀ = 1.95996² · 0.005 · 0.995 / 0.01² = 191.11; · 30 / 220.11 = 26.05 → 27.
    expect(sampleSizeForMargin({ marginOfError: 1, expectedPercent: 0.5, population: 30 })).toBe(27);
  });

  it("refuses a margin so small that no finite sample reaches it without a population", () => {
    expect(() => sampleSizeForMargin({ marginOfError: 1e-200 })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.marginOfError" }),
    );
  });

  it("is always an integer from 1 to N", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        (marginOfError, expectedPercent, population) => {
          const n = sampleSizeForMargin({ marginOfError, expectedPercent, population });
          expect(Number.isSafeInteger(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(1);
          expect(n).toBeLessThanOrEqual(population);
        },
      ),
    );
  });
});
