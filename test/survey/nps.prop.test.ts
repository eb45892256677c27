import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareNps, mergeCounts, nps, npsCounts, npsFromCounts, npsInterval } from "../../src/index.js";
import {
  detractorScore,
  invalidScore,
  npsScore,
  npsTally,
  promoterScore,
  twoLevels,
  withPermutation,
} from "./arbitraries.js";

describe("nps properties", () => {
  it("NPS always lies within −100…100 and is null only for empty input", () => {
    fc.assert(
      fc.property(fc.array(npsScore, { maxLength: 300 }), (scores) => {
        const score = nps(scores);
        if (scores.length === 0) expect(score).toBeNull();
        else {
          expect(score).not.toBeNull();
          expect(score!).toBeGreaterThanOrEqual(-100);
          expect(score!).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it("does not depend on response order", () => {
    fc.assert(
      fc.property(withPermutation(npsScore), ([xs, ys]) => {
        expect(nps(ys)).toBe(nps(xs));
        expect(npsCounts(ys)).toEqual(npsCounts(xs));
      }),
    );
  });

  it("duplicating every response leaves NPS unchanged", () => {
    fc.assert(
      fc.property(fc.array(npsScore, { minLength: 1 }), fc.integer({ min: 2, max: 5 }), (scores, k) => {
        const repeated = Array.from({ length: k }, () => scores).flat();
        expect(nps(repeated)).toBe(nps(scores));
      }),
    );
  });

  it("nps always agrees with npsFromCounts of npsCounts, for arrays and Uint8Arrays", () => {
    fc.assert(
      fc.property(fc.array(npsScore), (scores) => {
        const expected = npsFromCounts(npsCounts(scores));
        expect(nps(scores)).toBe(expected);
        expect(nps(Uint8Array.from(scores))).toBe(expected);
        expect(nps(Float64Array.from(scores))).toBe(expected);
      }),
    );
  });

  it("the tallies of two halves, merged, always equal the tally of the whole", () => {
    fc.assert(
      fc.property(fc.array(npsScore), fc.array(npsScore), (a, b) => {
        expect(mergeCounts(npsCounts(a), npsCounts(b))).toEqual(npsCounts([...a, ...b]));
      }),
    );
  });

  it("counts always add up to the number of scores", () => {
    fc.assert(
      fc.property(fc.array(npsScore), (scores) => {
        const c = npsCounts(scores);
        expect(c.promoters + c.passives + c.detractors).toBe(scores.length);
        expect(c.promoters).toBe(scores.filter((s) => s >= 9).length);
        expect(c.detractors).toBe(scores.filter((s) => s <= 6).length);
      }),
    );
  });

  it("replacing a detractor by a promoter never lowers NPS (it raises it by 200/n)", () => {
    fc.assert(
      fc.property(fc.array(npsScore), detractorScore, promoterScore, fc.nat(), (rest, d, p, at) => {
        const i = at % (rest.length + 1);
        const before = [...rest.slice(0, i), d, ...rest.slice(i)];
        const after = [...rest.slice(0, i), p, ...rest.slice(i)];
        expect(nps(after)!).toBeGreaterThan(nps(before)!);
        expect(nps(after)! - nps(before)!).toBeCloseTo(200 / before.length, 9);
      }),
    );
  });

  it("any invalid score anywhere always throws its documented code with the path scores[i]", () => {
    fc.assert(
      fc.property(fc.array(npsScore), invalidScore(0, 10), fc.nat(), (valid, bad, at) => {
        const i = at % (valid.length + 1);
        const scores = [...valid.slice(0, i), bad.value, ...valid.slice(i)] as number[];
        expect(() => nps(scores)).toThrow(expect.objectContaining({ code: bad.code, fn: "nps", path: `scores[${i}]` }));
        expect(() => npsCounts(scores)).toThrow(
          expect.objectContaining({ code: bad.code, fn: "npsCounts", path: `scores[${i}]` }),
        );
      }),
    );
  });

  it("a Uint8Array score above 10 always throws out_of_range at its index", () => {
    fc.assert(
      fc.property(fc.array(npsScore), fc.integer({ min: 11, max: 255 }), fc.nat(), (valid, bad, at) => {
        const i = at % (valid.length + 1);
        const bytes = Uint8Array.from([...valid.slice(0, i), bad, ...valid.slice(i)]);
        expect(() => nps(bytes)).toThrow(expect.objectContaining({ code: "out_of_range", path: `scores[${i}]` }));
      }),
    );
  });
});

describe("npsInterval properties", () => {
  it("a Wald interval always contains its score and lies within −100…100", () => {
    fc.assert(
      fc.property(npsTally(1), fc.double({ min: 0.5, max: 0.999, noNaN: true }), (counts, confidence) => {
        const r = npsInterval(counts, { method: "wald", confidence })!;
        expect(r.score).toBe(npsFromCounts(counts));
        expect(r.lower).toBeLessThanOrEqual(r.score);
        expect(r.upper).toBeGreaterThanOrEqual(r.score);
        expect(r.lower).toBeGreaterThanOrEqual(-100);
        expect(r.upper).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("an adjusted-Wald interval always lies within −100…100 and reports the plain score", () => {
    fc.assert(
      fc.property(npsTally(1), fc.double({ min: 0.01, max: 0.999, noNaN: true }), (counts, confidence) => {
        const r = npsInterval(counts, { confidence })!;
        expect(r.score).toBe(npsFromCounts(counts));
        expect(r.lower).toBeLessThanOrEqual(r.upper);
        expect(r.lower).toBeGreaterThanOrEqual(-100);
        expect(r.upper).toBeLessThanOrEqual(100);
        expect(r.standardError).toBeGreaterThan(0);
      }),
    );
  });

  it("a wider confidence always gives a wider interval that contains the narrower one", () => {
    fc.assert(
      fc.property(
        npsTally(1),
        twoLevels,
        fc.constantFrom("wald", "adjusted-wald" as const),
        (counts, [lo, hi], method) => {
          const narrow = npsInterval(counts, { confidence: lo, method })!;
          const wide = npsInterval(counts, { confidence: hi, method })!;
          expect(wide.marginOfError).toBeGreaterThanOrEqual(narrow.marginOfError);
          expect(wide.lower).toBeLessThanOrEqual(narrow.lower + 1e-9);
          expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper - 1e-9);
        },
      ),
    );
  });

  it("more respondents with the same mix never widen the interval", () => {
    fc.assert(
      fc.property(npsTally(1), fc.integer({ min: 2, max: 20 }), (c, k) => {
        const more = { promoters: c.promoters * k, passives: c.passives * k, detractors: c.detractors * k };
        expect(npsInterval(more, { method: "wald" })!.marginOfError).toBeLessThanOrEqual(
          npsInterval(c, { method: "wald" })!.marginOfError + 1e-9,
        );
      }),
    );
  });
});

describe("compareNps properties", () => {
  it("swapping the periods always negates the difference and keeps the p-value", () => {
    fc.assert(
      fc.property(npsTally(1), npsTally(1), (a, b) => {
        const ab = compareNps(a, b);
        const ba = compareNps(b, a);
        if (ab === null) {
          expect(ba).toBeNull();
          return;
        }
        expect(ba!.difference).toBeCloseTo(-ab.difference, 9);
        expect(ba!.pValue).toBeCloseTo(ab.pValue, 12);
        expect(ba!.significant).toBe(ab.significant);
      }),
    );
  });

  it("the difference is always NPS(a) − NPS(b), the p-value a probability, and significance agrees with the interval", () => {
    fc.assert(
      fc.property(npsTally(1), npsTally(1), (a, b) => {
        const r = compareNps(a, b);
        if (r === null) return;
        expect(r.difference).toBeCloseTo(npsFromCounts(a)! - npsFromCounts(b)!, 9);
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
        expect(r.lower).toBeLessThanOrEqual(r.difference);
        expect(r.upper).toBeGreaterThanOrEqual(r.difference);
        expect(r.significant).toBe(r.lower > 0 || r.upper < 0);
      }),
    );
  });

  it("a period compared with itself is never significant", () => {
    fc.assert(
      fc.property(npsTally(1), (a) => {
        const r = compareNps(a, a);
        if (r === null) return;
        expect(r.difference).toBe(0);
        expect(r.pValue).toBe(1);
        expect(r.significant).toBe(false);
      }),
    );
  });
});
