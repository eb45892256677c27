import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeSketches, type QuantileSketch, quantileSketch } from "../../src/index.js";
import { HISTOGRAM_BUCKETS, sketchHistogram } from "../../src/reports/histogram.js";

const alpha = fc.constantFrom(0.001, 0.01, 0.05, 1 / 3);
const tenYearsMs = 10 * 365.25 * 86_400_000;
/** Durations from 1 ms to 10 years, log-uniform, with zeros and fractions down to a microsecond mixed in. */
const duration = fc.oneof(
  fc.double({ min: 0, max: Math.log(tenYearsMs), noNaN: true }).map((x) => Math.round(Math.exp(x))),
  fc.constant(0),
  fc.double({ min: 1e-3, max: 1, noNaN: true }),
);
const durations = fc.array(duration, { maxLength: 200 });

describe("sketchHistogram properties", () => {
  it("the bucket counts always add up to the sketch's count exactly, the zeros' bucket to zeroCount", () => {
    fc.assert(
      fc.property(durations, alpha, (values, a) => {
        const sketch = quantileSketch(values, { relativeAccuracy: a });
        const histogram = sketchHistogram(sketch);
        expect(histogram.reduce((s, b) => s + b.count, 0)).toBe(values.length);
        const zeros = histogram.filter((b) => b.toMs === 0);
        expect(zeros.reduce((s, b) => s + b.count, 0)).toBe(values.filter((v) => v === 0).length);
      }),
      { numRuns: 300 },
    );
  });

  it("merging shards' sketches never changes the histogram of the whole", () => {
    fc.assert(
      fc.property(durations, durations, alpha, (a, b, accuracy) => {
        const options = { relativeAccuracy: accuracy };
        const merged = mergeSketches(quantileSketch(a, options), quantileSketch(b, options));
        expect(sketchHistogram(merged as QuantileSketch)).toEqual(
          sketchHistogram(quantileSketch([...a, ...b], options)),
        );
      }),
    );
  });

  it("never more than 16 log buckets, each wider than zero, each starting where the one before ends", () => {
    fc.assert(
      fc.property(durations, alpha, (values, a) => {
        const positive = sketchHistogram(quantileSketch(values, { relativeAccuracy: a })).filter((b) => b.toMs > 0);
        expect(positive.length).toBeLessThanOrEqual(HISTOGRAM_BUCKETS);
        positive.forEach((b, k) => {
          expect(b.toMs).toBeGreaterThan(b.fromMs);
          if (k > 0) expect(b.fromMs).toBe(positive[k - 1]?.toMs);
        });
        if (positive.length > 0) {
          expect(positive[0]?.count).toBeGreaterThan(0);
          expect(positive[positive.length - 1]?.count).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the smallest and the largest positive value always lie within the histogram's range", () => {
    // Relative slack for the rounding of ⌈ln x / ln γ⌉ and γ^i next to a bucket edge.
    const slack = 1e-9;
    fc.assert(
      fc.property(durations, alpha, (values, a) => {
        const positive = values.filter((v) => v > 0);
        fc.pre(positive.length > 0);
        const buckets = sketchHistogram(quantileSketch(values, { relativeAccuracy: a })).filter((b) => b.toMs > 0);
        const low = (buckets[0]?.fromMs as number) * (1 - slack);
        const high = (buckets[buckets.length - 1]?.toMs as number) * (1 + slack);
        const smallest = positive.reduce((m, v) => (v < m ? v : m));
        const largest = positive.reduce((m, v) => (v > m ? v : m));
        for (const v of [smallest, largest]) {
          expect(v).toBeGreaterThan(low);
          expect(v).toBeLessThanOrEqual(high);
        }
      }),
      { numRuns: 300 },
    );
  });
});
