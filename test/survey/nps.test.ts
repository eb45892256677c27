import { describe, expect, it } from "vitest";
import { compareNps, nps, npsCounts, npsFromCounts, npsInterval } from "../../src/index.js";
import { code } from "../helpers/errors.js";

describe("nps", () => {
  // METRICS.md §1 vector; by hand: 3 promoters, 4 detractors of 10 → 30 − 40 = −10 (Bain's definition).
  it("scores [10,9,9,8,7,7,6,5,3,0] give −10", () => {
    expect(nps([10, 9, 9, 8, 7, 7, 6, 5, 3, 0])).toBe(-10);
    expect(npsCounts([10, 9, 9, 8, 7, 7, 6, 5, 3, 0])).toEqual({ promoters: 3, passives: 3, detractors: 4 });
  });

  it("accepts typed arrays of every kind with the same answer", () => {
    const scores = [10, 9, 9, 8, 7, 7, 6, 5, 3, 0];
    for (const typed of [
      Uint8Array.from(scores),
      Uint8ClampedArray.from(scores),
      Int8Array.from(scores),
      Uint16Array.from(scores),
      Int32Array.from(scores),
      Float32Array.from(scores),
      Float64Array.from(scores),
    ]) {
      expect(nps(typed)).toBe(-10);
    }
  });

  it("classifies the category boundaries 6|7 and 8|9 exactly", () => {
    expect(npsCounts([6])).toEqual({ promoters: 0, passives: 0, detractors: 1 });
    expect(npsCounts([7])).toEqual({ promoters: 0, passives: 1, detractors: 0 });
    expect(npsCounts([8])).toEqual({ promoters: 0, passives: 1, detractors: 0 });
    expect(npsCounts([9])).toEqual({ promoters: 1, passives: 0, detractors: 0 });
    expect(npsCounts(new Uint8Array([0, 6, 7, 8, 9, 10]))).toEqual({ promoters: 2, passives: 2, detractors: 2 });
  });

  it("reaches exactly −100, 0 and 100, never −0", () => {
    expect(nps([0, 6, 3])).toBe(-100);
    expect(nps([10, 9])).toBe(100);
    expect(Object.is(nps([7, 8]), 0)).toBe(true);
    expect(Object.is(nps([10, 0]), 0)).toBe(true);
    expect(Object.is(npsFromCounts({ promoters: 3, passives: 0, detractors: 3 }), 0)).toBe(true);
  });

  it("returns null for no scores, and zero counts", () => {
    expect(nps([])).toBeNull();
    expect(nps(new Uint8Array(0))).toBeNull();
    expect(npsCounts([])).toEqual({ promoters: 0, passives: 0, detractors: 0 });
    expect(npsFromCounts({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });

  it("reads passives into the total only", () => {
    // 50/30/20 → 50 % − 20 % = 30 (METRICS.md §1).
    expect(npsFromCounts({ promoters: 50, passives: 30, detractors: 20 })).toBe(30);
    expect(npsFromCounts({ promoters: 50, passives: 0, detractors: 20 })).toBeCloseTo(42.857142857, 9);
  });

  describe("rejects invalid scores with the documented code and path", () => {
    it("out_of_range with the documented message", () => {
      expect(() => nps([10, 9, 11])).toThrow(
        code("out_of_range", {
          fn: "nps",
          path: "scores[2]",
          received: 11,
          message: "nps: expected an integer score 0–10 but received 11 at scores[2]",
        }),
      );
      expect(() => nps([-1])).toThrow(code("out_of_range", { path: "scores[0]" }));
      expect(() => nps(new Uint8Array([10, 11]))).toThrow(code("out_of_range", { path: "scores[1]", received: 11 }));
      expect(() => nps(new Int8Array([10, -3]))).toThrow(code("out_of_range", { path: "scores[1]" }));
      expect(() => nps([2 ** 32 + 5])).toThrow(code("out_of_range", { path: "scores[0]" }));
    });
    it("not_integer", () => {
      expect(() => nps([9, 7.5])).toThrow(code("not_integer", { path: "scores[1]", received: 7.5 }));
      expect(() => nps(new Float64Array([0.5]))).toThrow(code("not_integer", { path: "scores[0]" }));
    });
    it("not_finite", () => {
      expect(() => nps([Number.NaN])).toThrow(code("not_finite", { path: "scores[0]" }));
      expect(() => nps([1, Number.POSITIVE_INFINITY])).toThrow(code("not_finite", { path: "scores[1]" }));
      expect(() => nps([Number.NEGATIVE_INFINITY])).toThrow(code("not_finite", { path: "scores[0]" }));
    });
    it("invalid_type for strings, holes, null and non-arrays", () => {
      expect(() => nps([10, "9"] as unknown as number[])).toThrow(
        code("invalid_type", { path: "scores[1]", received: "9" }),
      );
      // biome-ignore lint/suspicious/noSparseArray: a hole is what a JS caller can pass
      expect(() => nps([10, , 9] as number[])).toThrow(code("invalid_type", { path: "scores[1]" }));
      expect(() => nps([null] as unknown as number[])).toThrow(code("invalid_type", { path: "scores[0]" }));
      expect(() => nps("109" as unknown as number[])).toThrow(code("invalid_type", { path: "scores" }));
      expect(() => nps(null as unknown as number[])).toThrow(code("invalid_type", { path: "scores" }));
      expect(() => npsCounts([true] as unknown as number[])).toThrow(
        code("invalid_type", { path: "scores[0]", fn: "npsCounts" }),
      );
    });
    it("counts that are not counts", () => {
      expect(() => npsFromCounts({ promoters: -1, passives: 0, detractors: 0 })).toThrow(
        code("out_of_range", { fn: "npsFromCounts", path: "counts.promoters" }),
      );
      expect(() => npsFromCounts({ promoters: 1.5, passives: 0, detractors: 0 })).toThrow(
        code("not_integer", { path: "counts.promoters" }),
      );
      expect(() => npsFromCounts({ promoters: 1, passives: Number.NaN, detractors: 0 })).toThrow(
        code("not_finite", { path: "counts.passives" }),
      );
      expect(() => npsFromCounts({ promoters: 1, passives: 0 } as never)).toThrow(
        code("missing_value", { path: "counts.detractors" }),
      );
      expect(() => npsFromCounts({ promoters: "1", passives: 0, detractors: 0 } as never)).toThrow(
        code("invalid_type", { path: "counts.promoters" }),
      );
      expect(() => npsFromCounts(null as never)).toThrow(code("invalid_type", { path: "counts" }));
    });
  });

  it("does not mutate its input", () => {
    const scores = Object.freeze([10, 9, 0, 7]);
    expect(nps(scores)).toBe(25);
    expect(npsCounts(scores)).toEqual({ promoters: 2, passives: 1, detractors: 1 });
    expect(scores).toEqual([10, 9, 0, 7]);
    const counts = Object.freeze({ promoters: 2, passives: 1, detractors: 1 });
    expect(npsFromCounts(counts)).toBe(25);
    expect(npsInterval(counts)).not.toBeNull();
    expect(compareNps(counts, counts)).not.toBeNull();
  });
});

describe("npsInterval", () => {
  const c = { promoters: 50, passives: 30, detractors: 20 };

  // Oracle: R package NPS (CRAN 1.1), npvar(c(rep(10,50), rep(8,30), rep(0,20))) = 0.61 and
  // nps.se(...) = 0.0781025 (as a fraction); bounds checked with mpmath at 40 digits.
  it("Wald: 50/30/20 → NPS 30, SE 7.810250, 95 % [14.692192, 45.307808]", () => {
    const r = npsInterval(c, { method: "wald" })!;
    expect(r.score).toBe(30);
    expect(r.standardError).toBeCloseTo(7.810249676, 8);
    expect(r.marginOfError).toBeCloseTo(15.307808075, 8);
    expect(r.lower).toBeCloseTo(14.692191925, 8);
    expect(r.upper).toBeCloseTo(45.307808075, 8);
    // Var = p + d − (p − d)² = 0.5 + 0.2 − 0.09 = 0.61
    expect((r.standardError / 100) ** 2 * 100).toBeCloseTo(0.61, 12);
  });

  // Oracle: Rocks (2016) adjusted-Wald as described by MeasuringU ("add 3 to n, ¾ to promoters
  // and detractors"), evaluated with mpmath: centre 29.126214, SE 7.691510.
  it("adjusted-Wald (the default): 50/30/20 → [14.051130, 44.201297], score stays 30", () => {
    const r = npsInterval(c)!;
    expect(r.score).toBe(30);
    expect(r.standardError).toBeCloseTo(7.691510422, 8);
    expect(r.lower).toBeCloseTo(14.051130179, 8);
    expect(r.upper).toBeCloseTo(44.201297006, 8);
  });

  it("Wald: 5/0/5 → NPS 0, 95 % [−61.979503, 61.979503]", () => {
    // SE = 100·√(1/10) = 31.622777 (Var = 1, the maximum); z = 1.959964.
    const r = npsInterval({ promoters: 5, passives: 0, detractors: 5 }, { method: "wald" })!;
    expect(r.score).toBe(0);
    expect(r.lower).toBeCloseTo(-61.979503231, 8);
    expect(r.upper).toBeCloseTo(61.979503231, 8);
  });

  it("honours the confidence level (99 % Wald for 50/30/20: [9.882130, 50.117870], mpmath)", () => {
    const r = npsInterval(c, { method: "wald", confidence: 0.99 })!;
    expect(r.lower).toBeCloseTo(9.882130017, 8);
    expect(r.upper).toBeCloseTo(50.117869983, 8);
  });

  it("clamps bounds to [−100, 100]; Wald collapses at the extremes, adjusted-Wald does not", () => {
    const all = { promoters: 10, passives: 0, detractors: 0 };
    const wald = npsInterval(all, { method: "wald" })!;
    expect(wald).toEqual({ score: 100, standardError: 0, marginOfError: 0, lower: 100, upper: 100 });
    // adjusted: centre 76.923077, SE 15.010238, upper 106.34 → clamped to 100 (mpmath).
    const adjusted = npsInterval(all)!;
    expect(adjusted.score).toBe(100);
    expect(adjusted.lower).toBeCloseTo(47.503551545, 8);
    expect(adjusted.upper).toBe(100);
    const none = npsInterval({ promoters: 0, passives: 0, detractors: 4 })!;
    expect(none.lower).toBe(-100);
  });

  it("returns null for no respondents", () => {
    expect(npsInterval({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
    expect(npsInterval({ promoters: 0, passives: 0, detractors: 0 }, { method: "wald" })).toBeNull();
  });

  it("rejects bad options and counts", () => {
    expect(() => npsInterval(c, { confidence: 95 })).toThrow(
      code("invalid_option", { fn: "npsInterval", path: "options.confidence" }),
    );
    expect(() => npsInterval(c, { confidence: 0 })).toThrow(code("invalid_option", { path: "options.confidence" }));
    expect(() => npsInterval(c, { confidence: 1 })).toThrow(code("invalid_option", { path: "options.confidence" }));
    expect(() => npsInterval(c, { method: "exact" as never })).toThrow(
      code("invalid_option", { path: "options.method" }),
    );
    expect(() => npsInterval(c, "wald" as never)).toThrow(code("invalid_option", { path: "options" }));
    expect(() => npsInterval({ promoters: 1, passives: -2, detractors: 0 })).toThrow(
      code("out_of_range", { fn: "npsInterval", path: "counts.passives" }),
    );
  });
});

describe("compareNps", () => {
  // METRICS.md §1 vector; oracle mpmath: NPS 30 vs 20, SE √(SE₁² + SE₂²) = 7.489993,
  // z = 1.335115, two-sided p = erfc(|z|/√2) = 0.181839.
  it("100/60/40 vs 110/80/60: difference 10, not significant", () => {
    const r = compareNps(
      { promoters: 100, passives: 60, detractors: 40 },
      { promoters: 110, passives: 80, detractors: 60 },
    )!;
    expect(r.difference).toBe(10);
    expect(r.standardError).toBeCloseTo(7.489993324, 8);
    expect(r.z).toBeCloseTo(1.335114675, 8);
    expect(r.pValue).toBeCloseTo(0.181838817, 8);
    expect(r.significant).toBe(false);
    expect(r.lower).toBeCloseTo(-4.68011716, 8);
    expect(r.upper).toBeCloseTo(24.68011716, 8);
  });

  it("is significant for a large change on large samples, at the chosen level", () => {
    const a = { promoters: 600, passives: 300, detractors: 100 }; // 50
    const b = { promoters: 400, passives: 300, detractors: 300 }; // 10
    const r = compareNps(a, b)!;
    expect(r.difference).toBe(40);
    expect(r.significant).toBe(true);
    expect(r.lower).toBeGreaterThan(0);
    // p ≈ 0.18: significant at 80 % confidence, not at 95 %.
    const weak = compareNps(
      { promoters: 100, passives: 60, detractors: 40 },
      { promoters: 110, passives: 80, detractors: 60 },
      {
        confidence: 0.8,
      },
    )!;
    expect(weak.significant).toBe(true);
  });

  it("returns null when a side is empty or the test is undefined (SE 0)", () => {
    const some = { promoters: 5, passives: 3, detractors: 2 };
    const empty = { promoters: 0, passives: 0, detractors: 0 };
    expect(compareNps(some, empty)).toBeNull();
    expect(compareNps(empty, some)).toBeNull();
    expect(
      compareNps({ promoters: 4, passives: 0, detractors: 0 }, { promoters: 0, passives: 0, detractors: 9 }),
    ).toBeNull();
  });

  it("rejects bad counts with the side in the path, and bad options", () => {
    const ok = { promoters: 1, passives: 1, detractors: 1 };
    expect(() => compareNps(ok, { promoters: 1, passives: 1 } as never)).toThrow(
      code("missing_value", { fn: "compareNps", path: "b.detractors" }),
    );
    expect(() => compareNps({ ...ok, promoters: 0.5 }, ok)).toThrow(code("not_integer", { path: "a.promoters" }));
    expect(() => compareNps(ok, ok, { confidence: -0.5 })).toThrow(
      code("invalid_option", { path: "options.confidence" }),
    );
  });
});
