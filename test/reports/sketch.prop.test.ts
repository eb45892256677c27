import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MetricInputError, mergeSketches, quantile, quantileSketch, sketchQuantile } from "../../src/index.js";
import { GroupedSketches } from "../../src/reports/sketch.js";

const alpha = fc.constantFrom(0.001, 0.01, 0.02, 0.05, 0.2);
const position = fc.double({ min: 0, max: 1, noNaN: true });
const tenYearsMs = 10 * 365.25 * 86_400_000;

/** Durations from 1 ms to 10 years, log-uniform, with zeros and repeated values mixed in. */
const duration = fc.oneof(
  fc.double({ min: 0, max: Math.log(tenYearsMs), noNaN: true }).map((x) => Math.round(Math.exp(x))),
  fc.constant(0),
  fc.constant(1),
  fc.constant(tenYearsMs),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
);
const durations = fc.array(duration, { minLength: 1, maxLength: 200 });

/** The R-7 order statistics around position p of sorted values. */
function bracket(values: number[], p: number): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  return [sorted[Math.floor(h)] as number, sorted[Math.ceil(h)] as number];
}

/** Relative slack for the floating-point rounding of ⌈ln x / ln γ⌉ next to a bucket edge. */
const ROUNDING = 1e-9;

describe("quantile sketch properties", () => {
  it("an estimate always lies in [x_lo·(1 − α), x_hi·(1 + α)] and within α of the exact R-7 quantile", () => {
    fc.assert(
      fc.property(durations, alpha, position, (values, a, p) => {
        const q = sketchQuantile(quantileSketch(values, { relativeAccuracy: a }), p) as number;
        const [lo, hi] = bracket(values, p);
        expect(q).toBeGreaterThanOrEqual(lo * (1 - a) * (1 - ROUNDING));
        expect(q).toBeLessThanOrEqual(hi * (1 + a) * (1 + ROUNDING));
        const exact = quantile(values, p) as number;
        expect(Math.abs(q - exact)).toBeLessThanOrEqual(exact * (a + ROUNDING) + 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it("adversarial data: all zeros, one repeated value, and 1 ms next to 10 years are always within α", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.nat(50).map((n) => new Array(n + 1).fill(0)),
          fc.tuple(duration, fc.nat(50)).map(([v, n]) => new Array(n + 1).fill(v)),
          fc
            .tuple(fc.nat(50), fc.nat(50))
            .map(([a, b]) => [...new Array(a + 1).fill(1), ...new Array(b + 1).fill(tenYearsMs)]),
        ),
        alpha,
        position,
        (values, a, p) => {
          const q = sketchQuantile(quantileSketch(values, { relativeAccuracy: a }), p) as number;
          const exact = quantile(values, p) as number;
          expect(Math.abs(q - exact)).toBeLessThanOrEqual(exact * (a + ROUNDING));
          if (new Set(values).size === 1) expect(q).toBe(values[0]);
        },
      ),
    );
  });

  it("merging the sketches of any split, in any order, always equals the sketch of the whole", () => {
    fc.assert(
      fc.property(durations, fc.array(fc.nat(), { maxLength: 5 }), alpha, (values, cuts, a) => {
        const points = [...new Set(cuts.map((c) => c % (values.length + 1)))].sort((x, y) => x - y);
        const bounds = [0, ...points, values.length];
        const parts = [];
        for (let k = 0; k + 1 < bounds.length; k++) {
          parts.push(quantileSketch(values.slice(bounds[k], bounds[k + 1]), { relativeAccuracy: a }));
        }
        const whole = quantileSketch(values, { relativeAccuracy: a });
        expect(mergeSketches(...parts)).toEqual(whole);
        expect(mergeSketches(...parts.reverse())).toEqual(whole);
      }),
    );
  });

  it("a sketch always survives a JSON round trip with the same quantiles", () => {
    fc.assert(
      fc.property(fc.array(duration, { maxLength: 100 }), alpha, position, (values, a, p) => {
        const s = quantileSketch(values, { relativeAccuracy: a });
        const back = JSON.parse(JSON.stringify(s));
        expect(back).toEqual(s);
        expect(sketchQuantile(back, p)).toBe(sketchQuantile(s, p));
      }),
    );
  });

  it("an estimate never decreases as p grows", () => {
    fc.assert(
      fc.property(durations, position, position, (values, p, q) => {
        const s = quantileSketch(values);
        const [a, b] = p <= q ? [p, q] : [q, p];
        expect(sketchQuantile(s, a) as number).toBeLessThanOrEqual(sketchQuantile(s, b) as number);
      }),
    );
  });

  it("the grouped sketches of a tally always equal one quantileSketch per group, however the values interleave", () => {
    // Values near one another (many per bucket: the dense count) and spread out (few per bucket: the sort).
    const value = fc.oneof(duration, fc.constantFrom(60_000, 61_000, 62_500, 90_000));
    const entry = fc.tuple(fc.nat({ max: 5 }), value);
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 400 }), alpha, (entries, a) => {
        const grouped = new GroupedSketches(a);
        for (let g = 0; g < 6; g++) grouped.open(g);
        for (const [g, v] of entries) grouped.add(g, v);
        const sketches = grouped.sketches();
        expect(sketches.length).toBe(6);
        for (let g = 0; g < 6; g++) {
          const values = entries.filter(([k]) => k === g).map(([, v]) => v);
          expect(JSON.stringify(sketches[g])).toBe(JSON.stringify(quantileSketch(values, { relativeAccuracy: a })));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reading arbitrary sketch JSON never throws anything but a MetricInputError (no RangeError, however far apart the bins)", () => {
    // Bucket indices near the valid edges, far beyond them, fractional, huge, of the wrong type.
    const index = fc.oneof(
      fc.integer({ min: -3000, max: 3000 }),
      fc.integer(),
      fc.constantFrom(-1e9, 1e9, -37_223, 35_491, -3_722_200, 3_548_900, Number.MAX_SAFE_INTEGER, -0, 0.5, Number.NaN),
      fc.double(),
      fc.jsonValue(),
    );
    const count = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0, -1, 1.5, 2 ** 53), fc.jsonValue());
    const bin = fc.oneof(
      { weight: 8, arbitrary: fc.tuple(index, count) },
      { weight: 1, arbitrary: fc.jsonValue() },
      { weight: 1, arbitrary: fc.array(index, { maxLength: 3 }) },
    );
    const bins = fc.oneof(
      { weight: 4, arbitrary: fc.array(bin, { maxLength: 6 }) },
      // Ascending integer indices anywhere in the range: well formed except, perhaps, by their reach.
      {
        weight: 4,
        arbitrary: fc
          .uniqueArray(fc.oneof(fc.integer({ min: -4_000_000, max: 4_000_000 }), fc.integer({ min: -50, max: 50 })), {
            maxLength: 6,
          })
          .map((xs) => xs.sort((a, b) => a - b).map((x) => [x, 1])),
      },
      { weight: 1, arbitrary: fc.jsonValue() },
    );
    const accuracy = fc.oneof(
      fc.constantFrom(0.01, 1e-4, 0.5, 0.999, 1e-5, 1e-9, 0, 1),
      fc.double({ min: 1e-4, max: 0.9999, noNaN: true }),
      fc.jsonValue(),
    );
    const sketch = fc.record(
      {
        relativeAccuracy: accuracy,
        count: fc.oneof(fc.nat({ max: 8 }), fc.jsonValue()),
        zeroCount: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.jsonValue()),
        min: fc.oneof(fc.constant(1), fc.constant(null), fc.jsonValue()),
        max: fc.oneof(fc.constant(1e6), fc.constant(null), fc.jsonValue()),
        bins,
      },
      { requiredKeys: [] },
    );
    // Well formed but for, perhaps, the bins' reach: ascending integer indices anywhere (a span of 2^32
    // buckets asks for a 32 GiB dense array), counts that add up, a valid α.
    const farApart = fc.record({
      relativeAccuracy: fc.constantFrom(0.01, 1e-4, 0.5),
      bins: fc
        .uniqueArray(fc.oneof(fc.integer(), fc.integer({ min: -50, max: 50 }), fc.constantFrom(-1e9, 1e9, 2 ** 40)), {
          minLength: 1,
          maxLength: 6,
        })
        .map((xs) => xs.sort((x, y) => x - y).map((x) => [x, 1])),
    });
    const consistent = farApart.map(({ relativeAccuracy, bins }) => ({
      relativeAccuracy,
      count: bins.length,
      zeroCount: 0,
      min: 1,
      max: 1e6,
      bins,
    }));
    const valid = quantileSketch([5, 500, 50_000]);
    const check = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        expect(error).toBeInstanceOf(MetricInputError);
      }
    };
    fc.assert(
      fc.property(fc.oneof(sketch, consistent, fc.jsonValue()), (s) => {
        check(() => sketchQuantile(s as never, 0.5));
        check(() => mergeSketches(s as never));
        check(() => mergeSketches(valid, s as never, s as never));
        check(() => mergeSketches(s as never, valid));
      }),
      { numRuns: 2000 },
    );
  });
});
