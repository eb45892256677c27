import { describe, expect, it } from "vitest";
import { ces, cesCounts, cesFromCounts } from "../../src/index.js";
import { code } from "../helpers/errors.js";

describe("ces", () => {
  // METRICS.md §1 vectors, by hand. CES 2.0 (Gartner), 7 points, higher is easier:
  // easy = 5–7 → 6 of 10; hard = 1–3 → 3 of 10; mean 46/10.
  const ease = [7, 6, 6, 5, 5, 4, 3, 2, 7, 1];
  it("7-point easier: percent-easy 60, mean 4.6, net 30", () => {
    expect(ces(ease)).toBe(60);
    expect(ces(ease, { method: "percent-easy", scale: 7, direction: "higher-is-easier" })).toBe(60);
    expect(ces(ease, { method: "mean" })).toBe(4.6);
    expect(ces(ease, { method: "net" })).toBe(30);
    expect(cesCounts(ease)).toEqual({ easy: 6, neutral: 1, hard: 3, ratingSum: 46 });
  });

  // CES 1.0 (CEB 2010), 5 points, higher is harder: "low effort" = 1–2 → 7 of 10; mean 22/10.
  const effort = [1, 1, 2, 2, 3, 5, 1, 2, 4, 1];
  it("5-point harder: mean 2.2, percent-easy 70", () => {
    const o = { scale: 5, direction: "higher-is-harder" } as const;
    expect(ces(effort, { ...o, method: "mean" })).toBe(2.2);
    expect(ces(effort, o)).toBe(70);
    expect(ces(effort, { ...o, method: "net" })).toBe(50); // 70 easy − 20 hard (4–5)
    expect(cesCounts(effort, o)).toEqual({ easy: 7, neutral: 1, hard: 2, ratingSum: 22 });
  });

  it("reads the other two scale/direction combinations by mirroring", () => {
    // 5-point easier: easy 4–5; 7-point harder: easy 1–3.
    expect(cesCounts([5, 4, 3, 2, 1], { scale: 5 })).toEqual({ easy: 2, neutral: 1, hard: 2, ratingSum: 15 });
    expect(ces([5, 4, 4, 1], { scale: 5 })).toBe(75);
    expect(cesCounts([1, 2, 3, 4, 5, 6, 7], { direction: "higher-is-harder" })).toEqual({
      easy: 3,
      neutral: 1,
      hard: 3,
      ratingSum: 28,
    });
    expect(ces([1, 3, 5, 7], { direction: "higher-is-harder" })).toBe(50);
  });

  it("the midpoint is neutral: it counts in n but on neither side", () => {
    expect(ces([4, 4])).toBe(0);
    expect(ces([4, 4], { method: "net" })).toBe(0);
    expect(ces([3], { scale: 5, method: "net" })).toBe(0);
    expect(ces([4, 7], { method: "mean" })).toBe(5.5);
  });

  it("returns null for no ratings, and zero counts", () => {
    expect(ces([])).toBeNull();
    expect(ces([], { method: "mean" })).toBeNull();
    expect(ces([], { method: "net" })).toBeNull();
    expect(cesCounts([])).toEqual({ easy: 0, neutral: 0, hard: 0, ratingSum: 0 });
    expect(cesFromCounts({ easy: 0, neutral: 0, hard: 0, ratingSum: 0 }, { method: "mean" })).toBeNull();
  });

  it("net is never −0", () => {
    expect(Object.is(ces([7, 1], { method: "net" }), 0)).toBe(true);
  });

  it("cesFromCounts finalizes tallies", () => {
    const counts = { easy: 6, neutral: 1, hard: 3, ratingSum: 46 };
    expect(cesFromCounts(counts)).toBe(60);
    expect(cesFromCounts(counts, { method: "mean" })).toBe(4.6);
    expect(cesFromCounts(counts, { method: "net" })).toBe(30);
    expect(cesFromCounts({ easy: 7, neutral: 1, hard: 2, ratingSum: 22 }, { scale: 5, method: "mean" })).toBe(2.2);
  });

  describe("errors", () => {
    it("out_of_range: 0, 8 on 7 points, 6 on 5 points", () => {
      expect(() => ces([7, 8])).toThrow(
        code("out_of_range", {
          fn: "ces",
          path: "ratings[1]",
          message: "ces: expected an integer rating 1–7 but received 8 at ratings[1]",
        }),
      );
      expect(() => ces([0])).toThrow(code("out_of_range", { path: "ratings[0]" }));
      expect(() => ces([6], { scale: 5 })).toThrow(code("out_of_range", { path: "ratings[0]" }));
      expect(() => cesCounts([-1])).toThrow(code("out_of_range", { path: "ratings[0]", fn: "cesCounts" }));
    });
    it("not_integer, not_finite, invalid_type", () => {
      expect(() => ces([3.5])).toThrow(code("not_integer", { path: "ratings[0]" }));
      expect(() => ces([Number.NaN])).toThrow(code("not_finite", { path: "ratings[0]" }));
      expect(() => ces(["7"] as unknown as number[])).toThrow(code("invalid_type", { path: "ratings[0]" }));
      expect(() => ces({} as unknown as number[])).toThrow(code("invalid_type", { path: "ratings" }));
    });
    it("invalid_option for other scales, directions and methods", () => {
      expect(() => ces([1], { scale: 10 as 7 })).toThrow(code("invalid_option", { path: "options.scale" }));
      expect(() => ces([1], { scale: "7" as unknown as 7 })).toThrow(code("invalid_option", { path: "options.scale" }));
      expect(() => ces([1], { direction: "lower-is-better" as never })).toThrow(
        code("invalid_option", { path: "options.direction" }),
      );
      expect(() => ces([1], { method: "median" as never })).toThrow(code("invalid_option", { path: "options.method" }));
      expect(() => cesFromCounts({ easy: 0, neutral: 0, hard: 0, ratingSum: 0 }, { method: "top" as never })).toThrow(
        code("invalid_option", { path: "options.method" }),
      );
    });
    it("counts: inconsistent ratingSum and non-counts", () => {
      expect(() => cesFromCounts({ easy: 1, neutral: 0, hard: 0, ratingSum: 9 })).toThrow(
        code("inconsistent_counts", { fn: "cesFromCounts", path: "counts.ratingSum" }),
      );
      expect(() => cesFromCounts({ easy: 1, neutral: 0, hard: 0, ratingSum: 6 }, { scale: 5 })).toThrow(
        code("inconsistent_counts", { path: "counts.ratingSum" }),
      );
      expect(() => cesFromCounts({ easy: 2, neutral: 0, hard: 0, ratingSum: 1 })).toThrow(
        code("inconsistent_counts", { path: "counts.ratingSum" }),
      );
      expect(() => cesFromCounts({ easy: 1, neutral: 0, hard: 0 } as never)).toThrow(
        code("missing_value", { path: "counts.ratingSum" }),
      );
      expect(() => cesFromCounts({ easy: -1, neutral: 0, hard: 0, ratingSum: 0 })).toThrow(
        code("out_of_range", { path: "counts.easy" }),
      );
    });
  });

  it("does not mutate its input", () => {
    const ratings = Object.freeze([7, 1, 4]);
    const options = Object.freeze({ scale: 7, direction: "higher-is-easier", method: "net" } as const);
    expect(ces(ratings, options)).toBe(0);
    const countsOptions = Object.freeze({ scale: 7, direction: "higher-is-easier" } as const);
    expect(cesCounts(ratings, countsOptions)).toEqual({ easy: 1, neutral: 1, hard: 1, ratingSum: 12 });
    const fromCountsOptions = Object.freeze({ scale: 7, method: "net" } as const);
    expect(cesFromCounts(Object.freeze({ easy: 1, neutral: 1, hard: 1, ratingSum: 12 }), fromCountsOptions)).toBe(0);
    expect(ratings).toEqual([7, 1, 4]);
  });
});
