import { describe, expect, it } from "vitest";
import { compareProportions, wilsonInterval } from "../../src/index.js";
import { code } from "../helpers/errors.js";

describe("wilsonInterval", () => {
  // METRICS.md §1 vectors. Oracle: Wilson (1927) score interval = R prop.test(x, n, correct = FALSE)$conf.int
  // = binom::binom.wilson; recomputed with mpmath at 40 digits (z = √2·erfinv(0.95)).
  it.each([
    [8, 10, 49.0162471537, 94.3317848546],
    [45, 50, 78.6397685625, 95.6524235068],
    [0, 10, 0, 27.7532799863],
    [10, 10, 72.2467200137, 100],
    // METRICS.md §7 (leaderboard) lower bounds, same oracle.
    [40, 40, 91.2378398803, 100],
    [85, 100, 76.7164404092, 90.6940147163],
    [9, 10, 59.5849973205, 98.2123786905],
    [3, 3, 43.8502968245, 100],
  ])("%i/%i → [%f, %f]", (x, n, lower, upper) => {
    const r = wilsonInterval(x, n)!;
    expect(r.lower).toBeCloseTo(lower, 8);
    expect(r.upper).toBeCloseTo(upper, 8);
  });

  it("is exactly 0 at no successes and exactly 100 at all successes", () => {
    expect(wilsonInterval(0, 10)!.lower).toBe(0);
    expect(wilsonInterval(10, 10)!.upper).toBe(100);
    expect(wilsonInterval(0, 1)).toEqual({ lower: 0, upper: expect.any(Number) });
  });

  it("honours the confidence level: 8/10 at 99 % → [40.081870, 95.986885]", () => {
    // Same oracle (R prop.test(8, 10, conf.level = 0.99, correct = FALSE)), mpmath with z = 2.575829.
    const r = wilsonInterval(8, 10, { confidence: 0.99 })!;
    expect(r.lower).toBeCloseTo(40.0818696522, 8);
    expect(r.upper).toBeCloseTo(95.9868847495, 8);
  });

  it("returns null for no cases", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it("rejects non-counts, successes above total and bad options", () => {
    expect(() => wilsonInterval(11, 10)).toThrow(
      code("inconsistent_counts", { fn: "wilsonInterval", path: "successes" }),
    );
    expect(() => wilsonInterval(-1, 10)).toThrow(code("out_of_range", { path: "successes" }));
    expect(() => wilsonInterval(1.5, 10)).toThrow(code("not_integer", { path: "successes" }));
    expect(() => wilsonInterval(1, Number.NaN)).toThrow(code("not_finite", { path: "total" }));
    expect(() => wilsonInterval("1" as never, 10)).toThrow(code("invalid_type", { path: "successes" }));
    expect(() => wilsonInterval(1, 10, { confidence: 1.5 })).toThrow(
      code("invalid_option", { path: "options.confidence" }),
    );
  });

  it("does not mutate its options", () => {
    const options = Object.freeze({ confidence: 0.9 });
    expect(wilsonInterval(5, 10, options)).not.toBeNull();
  });
});

describe("compareProportions", () => {
  // Oracle: R prop.test(c(45, 35), c(50, 50), correct = FALSE): X-squared = 6.25 (= z²), p-value = 0.01242;
  // mpmath: z = 2.5, p = 0.0124193306516.
  it("45/50 vs 35/50: difference 20 points, z 2.5, p 0.012419, significant", () => {
    const r = compareProportions({ successes: 45, total: 50 }, { successes: 35, total: 50 })!;
    expect(r.difference).toBe(20);
    expect(r.z).toBeCloseTo(2.5, 12);
    expect(r.pValue).toBeCloseTo(0.0124193306516, 10);
    expect(r.significant).toBe(true);
  });

  // R prop.test(c(80, 70), c(100, 100), correct = FALSE): X-squared = 2.6667, p-value = 0.1025.
  it("80/100 vs 70/100: z 1.632993, p 0.102470, not significant; significant at 85 %", () => {
    const r = compareProportions({ successes: 80, total: 100 }, { successes: 70, total: 100 })!;
    expect(r.difference).toBe(10);
    expect(r.z).toBeCloseTo(1.632993161855, 10);
    expect(r.z ** 2).toBeCloseTo(2.6667, 4);
    expect(r.pValue).toBeCloseTo(0.10247043486, 10);
    expect(r.significant).toBe(false);
    const loose = compareProportions(
      { successes: 80, total: 100 },
      { successes: 70, total: 100 },
      { confidence: 0.85 },
    )!;
    expect(loose.significant).toBe(true);
  });

  it("returns null for an empty side or a pooled proportion of 0 or 1", () => {
    expect(compareProportions({ successes: 0, total: 0 }, { successes: 1, total: 2 })).toBeNull();
    expect(compareProportions({ successes: 1, total: 2 }, { successes: 0, total: 0 })).toBeNull();
    expect(compareProportions({ successes: 5, total: 5 }, { successes: 9, total: 9 })).toBeNull();
    expect(compareProportions({ successes: 0, total: 5 }, { successes: 0, total: 9 })).toBeNull();
  });

  it("equal proportions give z 0 (never −0) and p 1", () => {
    const r = compareProportions({ successes: 3, total: 6 }, { successes: 5, total: 10 })!;
    expect(Object.is(r.z, 0)).toBe(true);
    expect(Object.is(r.difference, 0)).toBe(true);
    expect(r.pValue).toBe(1);
  });

  it("rejects bad sides and options", () => {
    expect(() => compareProportions({ successes: 6, total: 5 }, { successes: 1, total: 9 })).toThrow(
      code("inconsistent_counts", { fn: "compareProportions", path: "a.successes" }),
    );
    expect(() => compareProportions({ successes: 1, total: 5 }, { successes: 1 } as never)).toThrow(
      code("missing_value", { path: "b.total" }),
    );
    expect(() => compareProportions(null as never, { successes: 1, total: 2 })).toThrow(
      code("invalid_type", { path: "a" }),
    );
    expect(() =>
      compareProportions({ successes: 1, total: 5 }, { successes: 1, total: 5 }, { confidence: 0.95 * 100 }),
    ).toThrow(code("invalid_option", { path: "options.confidence" }));
  });

  it("does not mutate its input", () => {
    const a = Object.freeze({ successes: 45, total: 50 });
    const b = Object.freeze({ successes: 35, total: 50 });
    expect(compareProportions(a, b)!.difference).toBe(20);
    expect(a).toEqual({ successes: 45, total: 50 });
  });
});

describe("compareProportions at huge counts", () => {
  // mpmath 1.3 at 50 digits: p = 1.9999999999989e12 / 2e12, z = (p₁ − p₂)/√(p(1 − p)(1/n₁ + 1/n₂)).
  it("keeps z precise at counts around 1e12 (exact complements and an exact difference)", () => {
    const c = compareProportions(
      { successes: 999_999_999_999, total: 1_000_000_000_000 },
      { successes: 999_999_999_990, total: 1_000_000_000_000 },
    )!;
    expect(c.difference).toBeCloseTo(9e-10, 24);
    expect(Math.abs(c.z - 2.713602101207335)).toBeLessThan(1e-12);
    // mpmath: 0.0066556054827994761
    expect(Math.abs(c.pValue - 0.006655605482799476)).toBeLessThan(1e-15);
  });
});
