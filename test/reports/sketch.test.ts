import { describe, expect, it } from "vitest";
import { mergeSketches, quantile, quantileSketch, sketchQuantile } from "../../src/index.js";

describe("quantileSketch, sketchQuantile and mergeSketches", () => {
  it("bins are DDSketch's logarithmic mapping: ⌈ln x / ln γ⌉ with γ = (1 + α)/(1 − α)", () => {
    // DDSketch (Masson, Rim and Lee, VLDB 2019) LogarithmicMapping: index = ceil(log(x) / log(gamma)).
    // α = 0.01: γ = 1.0202…, ln γ = 0.0200013…; ln 1000 / ln γ = 345.37… → 346; ln 60000 / ln γ = 550.08… → 551.
    const sketch = quantileSketch([0, 1000, 2000, 3000, 60000]);
    expect(sketch.bins).toEqual([
      [346, 1],
      [381, 1],
      [401, 1],
      [551, 1],
    ]);
    expect(sketch).toMatchObject({ relativeAccuracy: 0.01, count: 5, zeroCount: 1, min: 0, max: 60000 });
  });

  it("a value exactly on a bucket edge γ^i falls in bucket i (the edges are upper-inclusive)", () => {
    // α = 1/3 gives γ = 2: 1 → 0, 2 → 1, 3 → 2, 4 → 2, 5 → 3.
    expect(quantileSketch([1, 2, 3, 4, 5], { relativeAccuracy: 1 / 3 }).bins).toEqual([
      [0, 1],
      [1, 1],
      [2, 2],
      [3, 1],
    ]);
  });

  it("the ends are exact, zeros are exact, and one distinct value comes back exactly", () => {
    const s = quantileSketch([7, 300, 12_000, 0, 0]);
    expect(sketchQuantile(s, 0)).toBe(0);
    expect(sketchQuantile(s, 0.25)).toBe(0);
    expect(sketchQuantile(s, 1)).toBe(12_000);
    const one = quantileSketch([123.456, 123.456, 123.456]);
    expect(sketchQuantile(one, 0.5)).toBe(123.456);
    expect(sketchQuantile(one, 0.9)).toBe(123.456);
  });

  it("interpolates like R-7 between the estimates of the two order statistics", () => {
    // R: quantile(c(5, 10, 15, 20, 600), 0.9) = 368 (type 7); the sketch is within 1 % of it.
    const q = sketchQuantile(quantileSketch([5, 10, 15, 20, 600]), 0.9) as number;
    expect(Math.abs(q - 368) / 368).toBeLessThanOrEqual(0.01);
    expect(q).not.toBe(quantile([5, 10, 15, 20, 600], 0.9));
  });

  it("an empty sketch has count 0, null bounds and null quantiles", () => {
    const empty = quantileSketch([]);
    expect(empty).toEqual({ relativeAccuracy: 0.01, count: 0, zeroCount: 0, min: null, max: null, bins: [] });
    expect(sketchQuantile(empty, 0.5)).toBeNull();
    expect(mergeSketches()).toBeNull();
    expect(mergeSketches(empty, quantileSketch([3]))).toEqual(quantileSketch([3]));
  });

  it("a large sketch (counted densely) has the same bins as small ones merged (bucketed from buffers)", () => {
    const values = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 5003) * 1000 + (i % 3));
    const parts = [0, 1000, 2000, 3000, 4000].map((from) => quantileSketch(values.slice(from, from + 1000)));
    expect(mergeSketches(...parts)).toEqual(quantileSketch(values));
  });

  it("accepts typed arrays", () => {
    expect(quantileSketch(new Float64Array([1, 2, 3]))).toEqual(quantileSketch([1, 2, 3]));
  });

  it("merging equals the sketch of all the values", () => {
    const a = quantileSketch([1, 10, 100]);
    const b = quantileSketch([0, 5, 1e9]);
    expect(mergeSketches(a, b)).toEqual(quantileSketch([1, 10, 100, 0, 5, 1e9]));
    expect(mergeSketches(b, a)).toEqual(mergeSketches(a, b));
  });

  it("out_of_range for a negative value, at values[i]", () => {
    expect(() => quantileSketch([1, -0.5])).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "values[1]" }),
    );
  });

  it("not_finite for NaN or Infinity", () => {
    expect(() => quantileSketch([Number.NaN])).toThrow(
      expect.objectContaining({ code: "not_finite", path: "values[0]" }),
    );
    expect(() => quantileSketch([1, Number.POSITIVE_INFINITY])).toThrow(
      expect.objectContaining({ code: "not_finite", path: "values[1]" }),
    );
  });

  it("invalid_type for a non-number or a non-array", () => {
    expect(() => quantileSketch(["1" as unknown as number])).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "values[0]" }),
    );
    expect(() => quantileSketch(5 as unknown as number[])).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "values" }),
    );
  });

  it("invalid_option for α outside 0 < α < 1", () => {
    for (const bad of [0, 1, -0.1, Number.NaN, "0.01"]) {
      expect(() => quantileSketch([1], { relativeAccuracy: bad as number })).toThrow(
        expect.objectContaining({ code: "invalid_option", path: "options.relativeAccuracy" }),
      );
    }
  });

  it("sketchQuantile: out_of_range for p outside 0–1, invalid_type for a non-number", () => {
    const s = quantileSketch([1]);
    expect(() => sketchQuantile(s, 1.5)).toThrow(expect.objectContaining({ code: "out_of_range", path: "p" }));
    expect(() => sketchQuantile(s, "0.5" as unknown as number)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "p" }),
    );
  });

  it("sketchQuantile: a malformed sketch names the bad field", () => {
    const s = quantileSketch([1, 2, 3]);
    expect(() => sketchQuantile({ ...s, count: 4 }, 0.5)).toThrow(
      expect.objectContaining({ code: "inconsistent_counts", path: "sketch.count" }),
    );
    expect(() =>
      sketchQuantile(
        {
          ...s,
          bins: [
            [2, 1],
            [1, 2],
          ],
        },
        0.5,
      ),
    ).toThrow(expect.objectContaining({ code: "out_of_range", path: "sketch.bins[1][0]" }));
    expect(() => sketchQuantile({ ...s, bins: [[1, 1.5]] } as never, 0.5)).toThrow(
      expect.objectContaining({ code: "not_integer", path: "sketch.bins[0][1]" }),
    );
    const { zeroCount: _, ...noZeros } = s;
    expect(() => sketchQuantile(noZeros as never, 0.5)).toThrow(
      expect.objectContaining({ code: "missing_value", path: "sketch.zeroCount" }),
    );
    expect(() => sketchQuantile({ ...s, min: -1 }, 0.5)).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "sketch.min" }),
    );
  });

  it("mergeSketches: inconsistent_counts for a different α", () => {
    expect(() => mergeSketches(quantileSketch([1]), quantileSketch([1], { relativeAccuracy: 0.02 }))).toThrow(
      expect.objectContaining({ code: "inconsistent_counts", path: "sketches[1].relativeAccuracy" }),
    );
  });

  it("does not mutate its input", () => {
    const values = Object.freeze([3, 1, 2]);
    const a = quantileSketch(values);
    const frozen = Object.freeze({ ...a, bins: Object.freeze(a.bins.map((p) => Object.freeze([...p]))) });
    const before = JSON.stringify(frozen);
    sketchQuantile(frozen as never, 0.5);
    mergeSketches(frozen as never, frozen as never);
    expect(JSON.stringify(frozen)).toBe(before);
    expect(values).toEqual([3, 1, 2]);
  });
});
