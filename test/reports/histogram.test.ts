import { describe, expect, it } from "vitest";
import { quantileSketch, sketchQuantile } from "../../src/index.js";
import { histogramPanel, sketchHistogram } from "../../src/reports/histogram.js";

// α = 0.5 gives γ = (1 + α)/(1 − α) = 3 (exactly, in floating point), so the sketch's buckets
// (DDSketch's logarithmic mapping, Masson, Rim and Lee, VLDB 2019: bucket i = ⌈ln x / ln γ⌉ holds
// (γ^(i−1), γ^i]) have the exact edges 3^(i−1) and 3^i. The values avoid the edges themselves.
const GAMMA_3 = { relativeAccuracy: 0.5 };

describe("sketchHistogram", () => {
  it("few bins: one histogram bucket per sketch bucket, from the lowest to the highest", () => {
    // 2 → bucket 1 (1, 3]; 5 and 7 → 2 (3, 9]; 20 → 3 (9, 27].
    expect(sketchHistogram(quantileSketch([2, 5, 7, 20], GAMMA_3))).toEqual([
      { fromMs: 1, toMs: 3, count: 1 },
      { fromMs: 3, toMs: 9, count: 2 },
      { fromMs: 9, toMs: 27, count: 1 },
    ]);
  });

  it("many bins: merged ⌈span / 16⌉ whole bins at a time, empty buckets between kept", () => {
    // 2 → bucket 1, 5 → 2, 10 → 3, 10^12 → ⌈log3 10^12⌉ = ⌈25.15⌉ = 26: a span of 26 sketch buckets,
    // merged 2 at a time into 13: (3^0, 3^2] holds 2 and 5, (3^2, 3^4] holds 10, (3^24, 3^26] holds 10^12.
    const histogram = sketchHistogram(quantileSketch([2, 5, 10, 1e12], GAMMA_3));
    expect(histogram).toHaveLength(13);
    expect(histogram[0]).toEqual({ fromMs: 1, toMs: 9, count: 2 });
    expect(histogram[1]).toEqual({ fromMs: 9, toMs: 81, count: 1 });
    expect(histogram[12]).toEqual({ fromMs: 3 ** 24, toMs: 3 ** 26, count: 1 });
    expect(histogram.slice(2, 12).map((b) => b.count)).toEqual(new Array(10).fill(0));
  });

  it("exactly 16 sketch buckets stay 16; 17 merge two at a time into 9", () => {
    // 3^0.5 … 3^15.5 land in buckets 1 … 16; adding 3^16.5 makes bucket 17.
    const values = Array.from({ length: 16 }, (_, i) => 3 ** (i + 0.5));
    expect(sketchHistogram(quantileSketch(values, GAMMA_3)).map((b) => b.count)).toEqual(new Array(16).fill(1));
    const more = sketchHistogram(quantileSketch([...values, 3 ** 16.5], GAMMA_3));
    expect(more.map((b) => b.count)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 1]);
    expect(more[8]).toEqual({ fromMs: 3 ** 16, toMs: 3 ** 18, count: 1 });
  });

  it("zeros come first as their own bucket { fromMs: 0, toMs: 0 }", () => {
    expect(sketchHistogram(quantileSketch([0, 5, 0], GAMMA_3))).toEqual([
      { fromMs: 0, toMs: 0, count: 2 },
      { fromMs: 3, toMs: 9, count: 1 },
    ]);
    expect(sketchHistogram(quantileSketch([0]))).toEqual([{ fromMs: 0, toMs: 0, count: 1 }]);
  });

  it("an empty sketch gives []", () => {
    expect(sketchHistogram(quantileSketch([]))).toEqual([]);
  });

  it("one value gives one bucket holding it", () => {
    const [bucket, ...rest] = sketchHistogram(quantileSketch([90_000]));
    expect(rest).toEqual([]);
    expect(bucket?.count).toBe(1);
    expect(bucket?.fromMs).toBeLessThan(90_000);
    expect(bucket?.toMs).toBeGreaterThanOrEqual(90_000);
  });

  it("does not mutate its input", () => {
    const sketch = quantileSketch([0, 2, 5, 10, 1e12], GAMMA_3);
    const before = JSON.stringify(sketch);
    sketchHistogram(Object.freeze(sketch));
    expect(JSON.stringify(sketch)).toBe(before);
  });
});

describe("histogramPanel", () => {
  it("marks the sketch's median and 90th percentile, as sketchQuantile estimates them", () => {
    const sketch = quantileSketch([60_000, 120_000, 180_000, 240_000, 3_600_000]);
    expect(histogramPanel("Resolution time", sketch)).toEqual({
      label: "Resolution time",
      buckets: sketchHistogram(sketch),
      medianMs: sketchQuantile(sketch, 0.5),
      p90Ms: sketchQuantile(sketch, 0.9),
    });
  });

  it("an empty sketch has no buckets and no marks", () => {
    expect(histogramPanel("First response time", quantileSketch([]))).toEqual({
      label: "First response time",
      buckets: [],
      medianMs: null,
      p90Ms: null,
    });
  });
});
