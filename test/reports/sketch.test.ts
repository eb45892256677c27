import { describe, expect, it } from "vitest";
import {
  mergeSketches,
  mergeTallies,
  type QuantileSketch,
  quantile,
  quantileSketch,
  sketchQuantile,
  tallyTickets,
} from "../../src/index.js";

/** The highest bucket index accepted at α: that of the largest finite double, plus one. */
function highestIndex(alpha: number): number {
  return Math.ceil(Math.log(Number.MAX_VALUE) / Math.log((1 + alpha) / (1 - alpha))) + 1;
}

/** The lowest bucket index accepted at α: that of the smallest positive double, minus one. */
function lowestIndex(alpha: number): number {
  return Math.ceil(Math.log(Number.MIN_VALUE) / Math.log((1 + alpha) / (1 - alpha))) - 1;
}

/** A hand-made sketch of α = 0.01 with one value in each of the given buckets. */
function handMade(indices: number[], relativeAccuracy = 0.01): QuantileSketch {
  return { relativeAccuracy, count: indices.length, zeroCount: 0, min: 1, max: 1, bins: indices.map((i) => [i, 1]) };
}

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

  it("invalid_option for α outside 1e-4 ≤ α < 1 (the floor keeps the bucket count bounded)", () => {
    for (const bad of [0, 1, -0.1, Number.NaN, "0.01", 9.99e-5, 1e-6, 1e-12]) {
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

  it("α = 1e-4, the floor, is accepted: values 1e-300 to 1e300 at it merge to the sketch of the whole", () => {
    const values = Array.from({ length: 3000 }, (_, i) => 10 ** (-300 + (600 * i) / 2999));
    const whole = quantileSketch(values, { relativeAccuracy: 1e-4 });
    expect(whole.bins.length).toBe(3000);
    const halves = mergeSketches(
      quantileSketch(values.slice(0, 1500), { relativeAccuracy: 1e-4 }),
      quantileSketch(values.slice(1500), { relativeAccuracy: 1e-4 }),
    );
    expect(JSON.stringify(halves)).toBe(JSON.stringify(whole));
    const median = sketchQuantile(whole, 0.5) as number;
    const exact = quantile(values, 0.5) as number;
    expect(Math.abs(median - exact) / exact).toBeLessThanOrEqual(1e-4 * (1 + 1e-9));
  });

  it("the smallest and largest positive doubles have bucket indices that read back", () => {
    for (const alpha of [1e-4, 0.01, 0.5]) {
      const s = quantileSketch([Number.MIN_VALUE, Number.MAX_VALUE], { relativeAccuracy: alpha });
      expect(sketchQuantile(s, 1)).toBe(Number.MAX_VALUE);
      expect(mergeSketches(s, s)?.count).toBe(4);
      const edges = handMade([lowestIndex(alpha), highestIndex(alpha)], alpha);
      expect(mergeSketches(edges, edges)?.bins).toEqual([
        [lowestIndex(alpha), 2],
        [highestIndex(alpha), 2],
      ]);
    }
  });

  it("out_of_range for a sketch of α below 1e-4, at its path", () => {
    const s = { ...quantileSketch([1, 2, 3]), relativeAccuracy: 1e-6 };
    expect(() => sketchQuantile(s, 0.5)).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "sketch.relativeAccuracy" }),
    );
    expect(() => mergeSketches(quantileSketch([1]), s)).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "sketches[1].relativeAccuracy" }),
    );
  });

  it("out_of_range for a bucket index no finite value has, never a RangeError or a huge array", () => {
    expect(() => mergeSketches(handMade([-1e9, 1e9]))).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "sketches[0].bins[0][0]" }),
    );
    expect(() => mergeSketches(quantileSketch([5]), handMade([0, 1e9]))).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "sketches[1].bins[1][0]" }),
    );
    expect(() => sketchQuantile(handMade([highestIndex(0.01) + 1]), 0.5)).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "sketch.bins[0][0]" }),
    );
    expect(() => sketchQuantile(handMade([lowestIndex(0.01) - 1, 0]), 0.5)).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "sketch.bins[0][0]" }),
    );
    expect(() => sketchQuantile(handMade([0, Number.MAX_SAFE_INTEGER]), 0.5)).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "sketch.bins[1][0]" }),
    );
  });

  it("mergeTallies: out_of_range for a tally sketch with a bucket index no finite value has", () => {
    const tally = tallyTickets([{ createdAt: 0, firstResponseAt: 60_000 }], { asOf: 3_600_000 });
    const json = JSON.parse(JSON.stringify(tally));
    json.groups[0].firstResponse.sketch.bins = [
      [-1e9, 1],
      [1e9, 1],
    ];
    json.groups[0].firstResponse.sketch.count = 2;
    json.groups[0].firstResponse.n = 2;
    expect(() => mergeTallies(tally, json)).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "tallies[1].groups[0].firstResponse.sketch.bins[0][0]" }),
    );
  });

  it("mergeSketches: a bad bin after good ones throws that bin's error (the fast loop hands over)", () => {
    const good = quantileSketch([1000, 2000, 3000, 4000]);
    const bins = good.bins.map((b) => [...b]);
    const cases: [unknown, string, string][] = [
      [[...bins.slice(0, 2), [bins[1]?.[0], 1], ...bins.slice(2)], "out_of_range", "sketches[1].bins[2][0]"],
      [
        [...bins.slice(0, 2), [(bins[2]?.[0] as number) + 0.5, 1], ...bins.slice(3)],
        "not_integer",
        "sketches[1].bins[2][0]",
      ],
      [[...bins.slice(0, 2), ["9", 1], ...bins.slice(3)], "invalid_type", "sketches[1].bins[2][0]"],
      [[...bins.slice(0, 2), [bins[2]?.[0], 0], ...bins.slice(3)], "out_of_range", "sketches[1].bins[2][1]"],
      [[...bins.slice(0, 2), [bins[2]?.[0]], ...bins.slice(3)], "invalid_type", "sketches[1].bins[2]"],
      [
        [...bins.slice(0, 2), [(bins[3]?.[0] as number) + 5, 1], ...bins.slice(3)],
        "out_of_range",
        "sketches[1].bins[3][0]",
      ],
    ];
    for (const [b, code, path] of cases) {
      expect(() => mergeSketches(good, { ...good, bins: b } as never)).toThrow(expect.objectContaining({ code, path }));
    }
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
