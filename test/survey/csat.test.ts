import { describe, expect, it } from "vitest";
import { csat, csatCounts, csatFromCounts } from "../../src/index.js";
import { code } from "../helpers/errors.js";

describe("csat", () => {
  // METRICS.md §1 vectors, by hand: top-2 box of 1–5 is {4, 5}: 7 of 10 → 70 (Zendesk/Qualtrics "percent satisfied").
  it("1–5: [5,5,4,4,4,3,2,1,5,4] → 70", () => {
    expect(csat([5, 5, 4, 4, 4, 3, 2, 1, 5, 4])).toBe(70);
    expect(csatCounts([5, 5, 4, 4, 4, 3, 2, 1, 5, 4])).toEqual({ satisfied: 7, total: 10 });
  });

  it("1–10: [10,9,9,8,8,7,6,10,3,9] → 50 with the top-2 default, 70 with satisfiedFrom 8", () => {
    const ratings = [10, 9, 9, 8, 8, 7, 6, 10, 3, 9];
    expect(csat(ratings, { scale: { min: 1, max: 10 } })).toBe(50);
    expect(csat(ratings, { scale: { min: 1, max: 10 }, satisfiedFrom: 8 })).toBe(70);
  });

  it("[] → null; zero counts", () => {
    expect(csat([])).toBeNull();
    expect(csatCounts([])).toEqual({ satisfied: 0, total: 0 });
    expect(csatFromCounts({ satisfied: 0, total: 0 })).toBeNull();
  });

  it("counts a rating exactly at satisfiedFrom as satisfied, one below as not", () => {
    expect(csat([4])).toBe(100);
    expect(csat([3])).toBe(0);
    expect(Object.is(csat([1, 2, 3]), 0)).toBe(true);
    expect(csat([3], { satisfiedFrom: 3 })).toBe(100);
    expect(csat([1, 5], { satisfiedFrom: 1 })).toBe(100);
    expect(csat([4], { satisfiedFrom: 5 })).toBe(0);
  });

  it("works on other scales, including ones starting at 0, and typed arrays", () => {
    expect(csat([0, 1, 2, 3], { scale: { min: 0, max: 3 } })).toBe(50);
    expect(csat(Uint8Array.from([5, 4, 1, 2]))).toBe(50);
    expect(csat([2, 1], { scale: { min: 1, max: 2 } })).toBe(100); // top-2 of a 2-point scale is everything
    expect(csat([5, 5, 1], {})).toBeCloseTo(66.666666667, 9);
  });

  it("csatFromCounts finalizes tallies from SQL and shards", () => {
    expect(csatFromCounts({ satisfied: 7, total: 10 })).toBe(70);
    expect(csatFromCounts({ satisfied: 10, total: 10 })).toBe(100);
  });

  describe("errors", () => {
    it("out_of_range for a rating off the scale, with a message naming the scale", () => {
      expect(() => csat([5, 6])).toThrow(
        code("out_of_range", {
          fn: "csat",
          path: "ratings[1]",
          received: 6,
          message: "csat: expected an integer rating 1–5 but received 6 at ratings[1]",
        }),
      );
      expect(() => csat([0])).toThrow(code("out_of_range", { path: "ratings[0]" }));
      expect(() => csat([11], { scale: { min: 1, max: 10 } })).toThrow(code("out_of_range", { path: "ratings[0]" }));
      expect(() => csatCounts([9])).toThrow(code("out_of_range", { path: "ratings[0]", fn: "csatCounts" }));
    });
    it("not_integer, not_finite, invalid_type", () => {
      expect(() => csat([4.5])).toThrow(code("not_integer", { path: "ratings[0]" }));
      expect(() => csat([4, Number.NaN])).toThrow(code("not_finite", { path: "ratings[1]" }));
      expect(() => csat([Number.POSITIVE_INFINITY])).toThrow(code("not_finite", { path: "ratings[0]" }));
      expect(() => csat(["5"] as unknown as number[])).toThrow(code("invalid_type", { path: "ratings[0]" }));
      expect(() => csat([null] as unknown as number[])).toThrow(code("invalid_type", { path: "ratings[0]" }));
      expect(() => csat(5 as unknown as number[])).toThrow(code("invalid_type", { path: "ratings" }));
    });
    it("invalid_option for a malformed scale or satisfiedFrom off the scale", () => {
      expect(() => csat([5], { scale: { min: 5, max: 1 } })).toThrow(
        code("invalid_option", { path: "options.scale.max" }),
      );
      expect(() => csat([5], { scale: { min: 1.5, max: 5 } })).toThrow(
        code("invalid_option", { path: "options.scale.min" }),
      );
      expect(() => csat([5], { scale: { min: 1, max: 1 } })).toThrow(
        code("invalid_option", { path: "options.scale.max" }),
      );
      expect(() => csat([5], { scale: [1, 5] as never })).toThrow(code("invalid_option", { path: "options.scale" }));
      expect(() => csat([5], { satisfiedFrom: 6 })).toThrow(code("invalid_option", { path: "options.satisfiedFrom" }));
      expect(() => csat([5], { satisfiedFrom: 4.5 })).toThrow(
        code("invalid_option", { path: "options.satisfiedFrom" }),
      );
      expect(() => csat([5], { satisfiedFrom: "4" as never })).toThrow(
        code("invalid_option", { path: "options.satisfiedFrom" }),
      );
      expect(() => csat([5], null as never)).toThrow(code("invalid_option", { path: "options" }));
    });
    it("counts: inconsistent_counts when satisfied > total, and non-counts", () => {
      expect(() => csatFromCounts({ satisfied: 11, total: 10 })).toThrow(
        code("inconsistent_counts", { fn: "csatFromCounts", path: "counts.satisfied" }),
      );
      expect(() => csatFromCounts({ satisfied: 1, total: -1 })).toThrow(code("out_of_range", { path: "counts.total" }));
      expect(() => csatFromCounts({ satisfied: 1 } as never)).toThrow(code("missing_value", { path: "counts.total" }));
      expect(() => csatFromCounts({ satisfied: 0.5, total: 1 })).toThrow(
        code("not_integer", { path: "counts.satisfied" }),
      );
      expect(() => csatFromCounts([7, 10] as never)).toThrow(code("invalid_type", { path: "counts" }));
    });
  });

  it("does not mutate its input", () => {
    const ratings = Object.freeze([5, 4, 1]);
    const options = Object.freeze({ scale: Object.freeze({ min: 1, max: 5 }), satisfiedFrom: 4 });
    expect(csat(ratings, options)).toBeCloseTo(66.666666667, 9);
    expect(csatCounts(ratings, options)).toEqual({ satisfied: 2, total: 3 });
    expect(csatFromCounts(Object.freeze({ satisfied: 2, total: 3 }))).toBeCloseTo(66.666666667, 9);
    expect(ratings).toEqual([5, 4, 1]);
  });
});
