import { describe, expect, it } from "vitest";
import { mean, median, quantile } from "../../src/index.js";

describe("quantile", () => {
  // Oracle: numpy 2.x np.quantile(x, p) (method "linear" = R quantile(x, p, type = 7)).
  const x = [3.2, 1.5, 9.9, 4.4, 7.1, 2.2, 8.8];
  it.each([
    [0, 1.5],
    [0.1, 1.9200000000000002],
    [0.25, 2.7],
    [0.5, 4.4],
    [0.75, 7.95],
    [0.9, 9.24],
    [1, 9.9],
  ])("R-7 at p = %s is %s (numpy)", (p, expected) => {
    expect(quantile(x, p)).toBeCloseTo(expected, 12);
  });

  it("matches the metric reference's first-response vector (R: quantile(c(5,10,15,20,600), .5) = 15)", () => {
    expect(quantile([5, 10, 15, 20, 600], 0.5)).toBe(15);
    // numpy gives 368.00000000000006 here too: the same floating-point steps.
    expect(quantile([5, 10, 15, 20, 600], 0.9)).toBeCloseTo(368, 10);
  });

  it("handles one value, ties and negative numbers", () => {
    expect(quantile([7], 0)).toBe(7);
    expect(quantile([7], 0.37)).toBe(7);
    expect(quantile([2, 2, 2, 2], 0.3)).toBe(2);
    expect(quantile([-5, -1, -3], 0.5)).toBe(-3);
    expect(Object.is(quantile([-0, -0], 0.5), 0)).toBe(true);
  });

  it("works on large arrays with many duplicates (R-7 against a full sort)", () => {
    const values = Array.from({ length: 5001 }, (_, i) => (i * 7919) % 97);
    const sorted = [...values].sort((a, b) => a - b);
    for (const p of [0, 0.01, 0.33, 0.5, 0.999, 1]) {
      const h = (values.length - 1) * p;
      const j = Math.floor(h);
      const expected = sorted[j]! + (h - j) * ((sorted[Math.min(j + 1, sorted.length - 1)] ?? 0) - sorted[j]!);
      expect(quantile(values, p)).toBeCloseTo(expected, 9);
    }
  });

  it("accepts typed arrays", () => {
    expect(quantile(new Uint8Array([1, 2, 3, 4]), 0.25)).toBe(1.75);
    expect(quantile(new Int32Array([-4, 4]), 0.5)).toBe(0);
    expect(quantile(new Float32Array([0.5, 1.5]), 0.5)).toBe(1);
  });

  it("returns null for no data", () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile(new Float64Array(0), 0.9)).toBeNull();
  });

  it("rejects p outside 0–1 (out_of_range) and a non-number p (invalid_type)", () => {
    expect(() => quantile([1], -0.1)).toThrow(
      expect.objectContaining({ code: "out_of_range", fn: "quantile", path: "p" }),
    );
    expect(() => quantile([1], 1.01)).toThrow(expect.objectContaining({ code: "out_of_range", path: "p" }));
    expect(() => quantile([1], "0.5" as unknown as number)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "p" }),
    );
    expect(() => quantile([1], Number.NaN)).toThrow(expect.objectContaining({ code: "not_finite", path: "p" }));
  });

  it("rejects NaN and ±Infinity (not_finite) with the path of the value", () => {
    expect(() => quantile([1, Number.NaN], 0.5)).toThrow(
      expect.objectContaining({ code: "not_finite", path: "values[1]", fn: "quantile" }),
    );
    expect(() => quantile(new Float64Array([1, Number.POSITIVE_INFINITY]), 0.5)).toThrow(
      expect.objectContaining({ code: "not_finite", path: "values[1]" }),
    );
  });

  it("rejects strings where numbers belong and non-arrays (invalid_type)", () => {
    expect(() => quantile([1, "2" as unknown as number], 0.5)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "values[1]" }),
    );
    expect(() => quantile(null as unknown as number[], 0.5)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "values" }),
    );
    expect(() => quantile(new BigInt64Array([1n]) as unknown as number[], 0.5)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "values[0]" }),
    );
  });

  it("does not mutate or sort its input", () => {
    const input = Object.freeze([5, 3, 9, 1, 7]);
    expect(quantile(input, 0.5)).toBe(5);
    expect(input).toEqual([5, 3, 9, 1, 7]);
    const typed = new Float64Array([5, 3, 9, 1, 7]);
    quantile(typed, 0.3);
    expect([...typed]).toEqual([5, 3, 9, 1, 7]);
  });
});

describe("median", () => {
  it("is the middle value, or the mean of the two middle values (R median)", () => {
    expect(median([5, 10, 15, 20, 600])).toBe(15);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([1])).toBe(1);
  });
  it("returns null for no data", () => expect(median([])).toBeNull());
  it("rejects bad values", () => {
    expect(() => median([Number.NaN])).toThrow(
      expect.objectContaining({ code: "not_finite", fn: "median", path: "values[0]" }),
    );
    expect(() => median([true as unknown as number])).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "values[0]" }),
    );
    expect(() => median("12" as unknown as number[])).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "values" }),
    );
  });
  it("does not mutate its input", () => {
    const input = Object.freeze([3, 1, 2]);
    median(input);
    expect(input).toEqual([3, 1, 2]);
  });
});

describe("mean", () => {
  it("is Σx/n (the metric reference's FRT vector: 130 minutes)", () => {
    expect(mean([5, 10, 15, 20, 600])).toBe(130);
    expect(mean([1, 2, 3, 4])).toBe(2.5);
  });
  it("does not drift on long sums (compensated summation)", () => {
    const values = [1e16, 1, -1e16, 1];
    // Plain left-to-right summation gives 0.25; the exact mean is 0.5.
    expect(mean(values)).toBe(0.5);
    expect(mean([0.1, 0.1, 0.1])).toBe(0.1);
  });
  it("does not overflow near the largest double", () => {
    expect(mean([Number.MAX_VALUE, Number.MAX_VALUE])).toBe(Number.MAX_VALUE);
  });
  it("returns null for no data and never -0", () => {
    expect(mean([])).toBeNull();
    expect(Object.is(mean([-0]), 0)).toBe(true);
  });
  it("rejects bad values", () => {
    expect(() => mean([1, Number.NEGATIVE_INFINITY])).toThrow(
      expect.objectContaining({ code: "not_finite", path: "values[1]" }),
    );
    expect(() => mean([1, "2" as unknown as number])).toThrow(
      expect.objectContaining({ code: "invalid_type", fn: "mean", path: "values[1]" }),
    );
  });
  it("does not mutate its input", () => {
    const input = Object.freeze([3, 1, 2]);
    expect(mean(input)).toBe(2);
    expect(input).toEqual([3, 1, 2]);
  });
});
