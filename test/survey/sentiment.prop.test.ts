import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  mergeCounts,
  netSentiment,
  netSentimentFromCounts,
  type SentimentLabel,
  sentimentCounts,
  sentimentShares,
} from "../../src/index.js";
import { withPermutation } from "./arbitraries.js";

const label = fc.constantFrom<SentimentLabel>("positive", "negative", "neutral");
const tally = fc.record({ positive: fc.nat(10_000), negative: fc.nat(10_000), neutral: fc.nat(10_000) });

describe("sentiment properties", () => {
  it("net sentiment always lies within −100…100, and neutral mentions only ever pull it towards 0", () => {
    fc.assert(
      fc.property(tally, (c) => {
        const include = netSentimentFromCounts(c);
        const exclude = netSentimentFromCounts(c, { neutral: "exclude" });
        if (c.positive + c.negative === 0) {
          expect(exclude).toBeNull();
          return;
        }
        expect(exclude!).toBeGreaterThanOrEqual(-100);
        expect(exclude!).toBeLessThanOrEqual(100);
        expect(Math.abs(include!)).toBeLessThanOrEqual(Math.abs(exclude!) + 1e-12);
        expect(Math.sign(include!)).toBe(Math.sign(exclude!));
      }),
    );
  });

  it("the shares always sum to 100, and net sentiment always equals positive share − negative share", () => {
    fc.assert(
      fc.property(tally, (c) => {
        const shares = sentimentShares(c);
        if (c.positive + c.negative + c.neutral === 0) {
          expect(shares).toBeNull();
          return;
        }
        expect(shares!.positive + shares!.negative + shares!.neutral).toBeCloseTo(100, 9);
        expect(netSentimentFromCounts(c)!).toBeCloseTo(shares!.positive - shares!.negative, 9);
      }),
    );
  });

  it("does not depend on the order of mentions, and halves merge into the whole", () => {
    fc.assert(
      fc.property(withPermutation(label), fc.nat(), ([xs, ys], cut) => {
        expect(sentimentCounts(ys)).toEqual(sentimentCounts(xs));
        const i = cut % (xs.length + 1);
        expect(mergeCounts(sentimentCounts(xs.slice(0, i)), sentimentCounts(xs.slice(i)))).toEqual(sentimentCounts(xs));
      }),
    );
  });

  it("duplicating every mention leaves net sentiment unchanged", () => {
    fc.assert(
      fc.property(fc.array(label, { minLength: 1 }), (xs) => {
        expect(netSentiment([...xs, ...xs])).toBe(netSentiment(xs));
      }),
    );
  });

  it("netSentiment always agrees with netSentimentFromCounts of sentimentCounts", () => {
    fc.assert(
      fc.property(fc.array(label), fc.constantFrom("include" as const, "exclude" as const), (xs, neutral) => {
        expect(netSentiment(xs, { neutral })).toBe(netSentimentFromCounts(sentimentCounts(xs), { neutral }));
      }),
    );
  });
});
