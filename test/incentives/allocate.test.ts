import { describe, expect, it } from "vitest";
import { allocateLargestRemainder } from "../../src/index.js";
import { deepFreeze } from "./helpers.js";

describe("allocateLargestRemainder", () => {
  it("splits the spec's pool: 100 000 by 620, 190, 413, 413", () => {
    // Oracle: INCENTIVES.md (ava 37 897, ben 11 614) and Hamilton's method by hand: floors 37 897, 11 613,
    // 25 244, 25 244 (sum 99 998); remainders .3105, .6919, .4988, .4988 → ben, then the first of the tied pair.
    expect(allocateLargestRemainder(100_000, [620, 190, 413, 413])).toEqual([37_897, 11_614, 25_245, 25_244]);
  });

  it("breaks equal remainders by larger weight, then by key, then by position", () => {
    // 10 by [1, 1, 2]: shares 2.5, 2.5, 5 → floors 2, 2, 5; one unit left for the tied .5 remainders.
    expect(allocateLargestRemainder(10, [1, 1, 2])).toEqual([3, 2, 5]);
    expect(allocateLargestRemainder(10, [1, 1, 2], { tieBreak: ["z", "a", "m"] })).toEqual([2, 3, 5]);
    // 5 by [3, 1, 1] · shares 3, 1, 1 exactly: nothing left over.
    expect(allocateLargestRemainder(5, [3, 1, 1])).toEqual([3, 1, 1]);
    // 1 by [2, 1, 1] · 0.5, 0.25, 0.25: the largest remainder wins.
    expect(allocateLargestRemainder(1, [2, 1, 1])).toEqual([1, 0, 0]);
    // Equal remainders, different weights: 3 by [1, 2, 3, 6] = .25, .5, .75, 1.5 → floors 0, 0, 0, 1; two left:
    // .75 first, then the .5 tie between weights 2 and 6 goes to the larger weight.
    expect(allocateLargestRemainder(3, [1, 2, 3, 6])).toEqual([0, 0, 1, 2]);
  });

  it("differs from dinero.js's allocate, which hands leftovers out in ratio order", () => {
    // dinero.js v2 allocate(5 by [3, 7]) floors to 1 and 3, then gives the leftover unit to the first ratio: [2, 3].
    // Hamilton: shares 1.5 and 3.5 tie on remainder .5 → the larger weight → [1, 4].
    expect(allocateLargestRemainder(5, [3, 7])).toEqual([1, 4]);
    // dinero: 10 by [1, 3, 6] floors 1, 3, 6 exactly — both agree when nothing is left over.
    expect(allocateLargestRemainder(10, [1, 3, 6])).toEqual([1, 3, 6]);
  });

  it("reads decimal weights exactly", () => {
    // 0.1 and 0.2 are read as 1/10 and 2/10: exact shares 1/3 and 2/3 of 3.
    expect(allocateLargestRemainder(3, [0.1, 0.2])).toEqual([1, 2]);
    expect(allocateLargestRemainder(100, [0.1, 0.2, 0.30000000000000004])).toEqual([17, 33, 50]);
  });

  it("handles totals whose products pass 2^53 (BigInt path)", () => {
    const parts = allocateLargestRemainder(Number.MAX_SAFE_INTEGER, [1, 1, 1]);
    expect(parts.reduce((s, x) => s + x, 0)).toBe(Number.MAX_SAFE_INTEGER);
    expect(parts).toEqual([3_002_399_751_580_331, 3_002_399_751_580_330, 3_002_399_751_580_330]);
  });

  it("allows zero weights (they get nothing) and a zero total", () => {
    expect(allocateLargestRemainder(10, [0, 1, 0])).toEqual([0, 10, 0]);
    expect(allocateLargestRemainder(0, [1, 2])).toEqual([0, 0]);
  });

  it("throws per code", () => {
    const fn = "allocateLargestRemainder";
    const bad: [unknown, unknown, unknown, string, string][] = [
      ["10", [1], undefined, "invalid_type", "totalMinor"],
      [Number.NaN, [1], undefined, "not_finite", "totalMinor"],
      [1.5, [1], undefined, "not_integer", "totalMinor"],
      [-1, [1], undefined, "out_of_range", "totalMinor"],
      [10, "1,2", undefined, "invalid_type", "weights"],
      [10, [1, "2"], undefined, "invalid_type", "weights[1]"],
      [10, [1, Number.POSITIVE_INFINITY], undefined, "not_finite", "weights[1]"],
      [10, [1, -2], undefined, "out_of_range", "weights[1]"],
      [10, [], undefined, "invalid_value", "weights"],
      [10, [0, 0], undefined, "invalid_value", "weights"],
      [10, [1, 2], { tieBreak: ["a"] }, "invalid_option", "options.tieBreak"],
    ];
    for (const [total, weights, options, code, path] of bad) {
      expect(() => allocateLargestRemainder(total as number, weights as number[], options as never)).toThrow(
        expect.objectContaining({ code, fn, path }),
      );
    }
  });

  it("does not mutate its input", () => {
    const weights = deepFreeze([3, 1, 2]);
    expect(allocateLargestRemainder(7, weights, deepFreeze({ tieBreak: deepFreeze(["c", "a", "b"]) }))).toEqual([
      4, 1, 2,
    ]);
  });
});
