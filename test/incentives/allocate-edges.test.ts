import { describe, expect, it } from "vitest";
import { allocate } from "../../src/incentives/allocate.js";
import { fromNumber } from "../../src/incentives/rational.js";
import { allocateLargestRemainder } from "../../src/index.js";
import { code } from "../helpers/errors.js";

// Tie-breaks, the exact path for large products and the error texts of largest remainder,
// which the mutation run found unpinned. Oracle: Hamilton's method worked by hand, and
// Python's integer arithmetic for the large case.
const fn = "allocateLargestRemainder";

describe("allocateLargestRemainder: tie-breaks", () => {
  it("equal remainders and equal weights go to the earlier position without keys", () => {
    expect(allocateLargestRemainder(1, [1, 1])).toEqual([1, 0]);
    expect(allocateLargestRemainder(2, [1, 1, 1, 1, 1])).toEqual([1, 1, 0, 0, 0]);
    expect(allocateLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateLargestRemainder(3, [1, 1, 1, 1, 1, 1, 1])).toEqual([1, 1, 1, 0, 0, 0, 0]);
  });

  it("equal remainders and equal weights go to the key that sorts first", () => {
    expect(allocateLargestRemainder(1, [1, 1], { tieBreak: ["b", "a"] })).toEqual([0, 1]);
    expect(allocateLargestRemainder(2, [1, 1, 1], { tieBreak: ["c", "a", "b"] })).toEqual([0, 1, 1]);
    // Keys compare by code unit, not locale: "Z" (U+005A) sorts before "a" (U+0061).
    expect(allocateLargestRemainder(1, [1, 1], { tieBreak: ["a", "Z"] })).toEqual([0, 1]);
  });

  it("equal keys fall back to the earlier position", () => {
    expect(allocateLargestRemainder(1, [1, 1], { tieBreak: ["x", "x"] })).toEqual([1, 0]);
    expect(allocateLargestRemainder(2, [1, 1, 1, 1], { tieBreak: ["y", "x", "y", "x"] })).toEqual([0, 1, 0, 1]);
  });

  it("the larger weight wins an equal remainder before any key", () => {
    // 5 by [3, 7]: shares 1.5 and 3.5 tie on .5; the weight 7 wins although its key sorts last.
    expect(allocateLargestRemainder(5, [3, 7], { tieBreak: ["a", "z"] })).toEqual([1, 4]);
    expect(allocateLargestRemainder(5, [7, 3], { tieBreak: ["z", "a"] })).toEqual([4, 1]);
  });

  it("the larger remainder wins before weight and key", () => {
    // 2 by [1, 2, 2]: shares .4, .8, .8 → floors 0, 0, 0; the two .8 remainders win over the key "a".
    expect(allocateLargestRemainder(2, [1, 2, 2], { tieBreak: ["a", "c", "b"] })).toEqual([0, 1, 1]);
  });
});

describe("allocateLargestRemainder: large products stay exact", () => {
  it("takes the exact path when total × weight passes 2^53 even if the last weight is small", () => {
    // 999 999 999 999 × 10 001 is past 2^53; Python: divmod(999999999999 * 10001, 10003) = (999800059981, 56),
    // divmod(999999999999 * 2, 10003) = (199940017, 9947) → the leftover unit goes to the second part.
    expect(allocateLargestRemainder(999_999_999_999, [10_001, 2])).toEqual([999_800_059_981, 199_940_018]);
    // Python: divmod(152773323270807 * 1940, 1943) = (152537440630656, 972), divmod(… * 3, 1943) =
    // (235882640150, 971) → the leftover unit goes to the first part; doubles would give it to the second.
    expect(allocateLargestRemainder(152_773_323_270_807, [1940, 3])).toEqual([152_537_440_630_657, 235_882_640_150]);
  });
});

describe("allocateLargestRemainder: errors name what was expected", () => {
  it("says what each argument must be, at the argument", () => {
    const cases: [() => unknown, RegExp, Parameters<typeof code>[0], string, unknown][] = [
      [() => allocateLargestRemainder(-1, [1]), /an integer ≥ 0/, "out_of_range", "totalMinor", -1],
      [() => allocateLargestRemainder(1, 5 as never), /an array of weights/, "invalid_type", "weights", 5],
      [() => allocateLargestRemainder(1, [0, 0]), /weights with a positive sum/, "invalid_value", "weights", [0, 0]],
      [
        () => allocateLargestRemainder(1, [1, 2], { tieBreak: ["a"] }),
        /an array of 2 strings/,
        "invalid_option",
        "options.tieBreak",
        ["a"],
      ],
    ];
    for (const [call, message, c, path, received] of cases) {
      expect(call).toThrow(message);
      expect(call).toThrow(code(c, { fn: "allocateLargestRemainder", path, received }));
    }
  });

  it("a misspelled option or options that are not an object are invalid_option at their path", () => {
    expect(() => allocateLargestRemainder(1, [1, 1], { tiebreak: ["a", "b"] } as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", fn, path: "options.tiebreak" }),
    );
    expect(() => allocateLargestRemainder(1, [1, 1], { tiebreak: ["a", "b"] } as never)).toThrow(
      /did you mean `tieBreak`/,
    );
    expect(() => allocateLargestRemainder(1, [1, 1], "ab" as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", fn, path: "options" }),
    );
  });

  it("a tieBreak that is not one string per weight is invalid_option", () => {
    for (const tieBreak of ["ab", ["a", 1], [1, "a"], [null, null], { 0: "a", 1: "b", length: 2 }]) {
      expect(() => allocateLargestRemainder(1, [1, 1], { tieBreak: tieBreak as never })).toThrow(
        expect.objectContaining({ code: "invalid_option", fn, path: "options.tieBreak", received: tieBreak }),
      );
    }
  });
});

describe("allocateLargestRemainder: the comparator decides who gets the leftover units", () => {
  it("among several equal remainders the larger weight wins, then the key, then the position", () => {
    // Oracle: Hamilton's method by hand. By [1, 5, 9, 1] (sum 16) every share has the same fraction:
    // 4 → .25, 1.25, 2.25, .25 (floors 0, 1, 2, 0; one unit left: the weight 9 takes it before the keys);
    // 8 → .5, 2.5, 4.5, .5 (two left: 9, then 5); 12 → .75, 3.75, 6.75, .75 (three left: 9, 5, then a 1 by key).
    const tieBreak = ["d", "c", "b", "a"];
    expect(allocateLargestRemainder(4, [1, 5, 9, 1], { tieBreak })).toEqual([0, 1, 3, 0]);
    expect(allocateLargestRemainder(8, [1, 5, 9, 1], { tieBreak })).toEqual([0, 3, 5, 0]);
    expect(allocateLargestRemainder(12, [1, 5, 9, 1], { tieBreak })).toEqual([0, 4, 7, 1]);
    expect(allocateLargestRemainder(12, [1, 5, 9, 1])).toEqual([1, 4, 7, 0]);
  });

  it("marks only the parts that received a leftover unit, never an exact share", () => {
    // 10 by [1, 1] is exact (5, 5): nothing is left over, nothing is marked.
    expect(allocate(10, [fromNumber(1), fromNumber(1)])).toEqual({ parts: [5, 5], bumped: new Uint8Array([0, 0]) });
    // 1 by [0, 1, 1]: the zero weight's exact share 0 is not a leftover; the tied halves go to the earlier position.
    expect(allocate(1, [fromNumber(0), fromNumber(1), fromNumber(1)])).toEqual({
      parts: [0, 1, 0],
      bumped: new Uint8Array([0, 1, 0]),
    });
  });
});

describe("allocateLargestRemainder: products just past 2^53 stay exact", () => {
  it("compares remainders that differ by one unit or tie exactly, where doubles would be off by one", () => {
    // 3 × 3 002 399 751 580 335 = 9 007 199 254 741 005 > 2^53 is not a double. Python:
    // divmod(3 * 3002399751580335, 3602879701896402) = (2, 1801439850948201) and
    // divmod(3 * 600479950316067, 3602879701896402) = (0, 1801439850948201): equal remainders, the larger weight wins.
    expect(allocateLargestRemainder(3, [3_002_399_751_580_335, 600_479_950_316_067])).toEqual([3, 0]);
    // divmod(3 * 3002399751580349, 3602879701896419) = (2, 1801439850948209) and
    // divmod(3 * 600479950316070, 3602879701896419) = (0, 1801439850948210): the second remainder is larger by one.
    expect(allocateLargestRemainder(3, [3_002_399_751_580_349, 600_479_950_316_070])).toEqual([2, 1]);
  });
});
