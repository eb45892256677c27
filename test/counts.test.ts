import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeCounts } from "../src/index.js";

describe("mergeCounts", () => {
  it("adds field by field", () => {
    expect(mergeCounts({ achieved: 3, breached: 1, pending: 0 }, { achieved: 2, breached: 0, pending: 4 })).toEqual({
      achieved: 5,
      breached: 1,
      pending: 4,
    });
  });
  it("is commutative and associative, and the empty tally is neutral", () => {
    const tally = fc.record({ a: fc.nat(1e6), b: fc.nat(1e6) });
    fc.assert(
      fc.property(tally, tally, tally, (x, y, z) => {
        expect(mergeCounts(x, y)).toEqual(mergeCounts(y, x));
        expect(mergeCounts(mergeCounts(x, y), z)).toEqual(mergeCounts(x, mergeCounts(y, z)));
        expect(mergeCounts(x, { a: 0, b: 0 })).toEqual(x);
      }),
    );
  });
  it("rejects tallies of different shapes and non-counts", () => {
    expect(() => mergeCounts({ a: 1 } as Record<string, number>, { b: 1 })).toThrow(
      expect.objectContaining({ code: "inconsistent_counts", fn: "mergeCounts", path: "b.a" }),
    );
    expect(() => mergeCounts({ a: 1 } as Record<string, number>, { a: 1, b: 2 })).toThrow(
      expect.objectContaining({ code: "inconsistent_counts", path: "b.b" }),
    );
    expect(() => mergeCounts({ a: 1.5 }, { a: 1 })).toThrow(
      expect.objectContaining({ code: "not_integer", path: "a.a" }),
    );
    expect(() => mergeCounts({ a: -1 }, { a: 1 })).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "a.a", received: -1 }),
    );
    // NaN and ±Infinity are not_finite, as for every other count in the library.
    expect(() => mergeCounts({ a: 1 }, { a: Number.NaN })).toThrow(
      expect.objectContaining({ code: "not_finite", path: "b.a" }),
    );
    expect(() => mergeCounts({ a: Number.POSITIVE_INFINITY }, { a: 1 })).toThrow(
      expect.objectContaining({ code: "not_finite", path: "a.a" }),
    );
    expect(() => mergeCounts({ a: "1" } as unknown as { a: number }, { a: 1 })).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "a.a" }),
    );
    expect(() => mergeCounts(null as unknown as { a: number }, { a: 1 })).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "a" }),
    );
  });

  it("names a field that is not an identifier in brackets", () => {
    expect(() => mergeCounts({ "first reply": 1 }, { "first reply": -1 })).toThrow(
      expect.objectContaining({ code: "out_of_range", path: 'b["first reply"]' }),
    );
    expect(() => mergeCounts({ "": 1 } as Record<string, number>, { a: 1 })).toThrow(
      expect.objectContaining({ code: "inconsistent_counts", path: 'b[""]' }),
    );
  });
  it("does not mutate its input", () => {
    const a: { readonly a: number } = Object.freeze({ a: 1 });
    const b = Object.freeze({ a: 2 });
    expect(mergeCounts(a, b)).toEqual({ a: 3 });
    expect(a).toEqual({ a: 1 });
  });
});
