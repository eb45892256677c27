import { describe, expect, it } from "vitest";
import { netSentiment, netSentimentFromCounts, sentimentCounts, sentimentShares } from "../../src/index.js";
import { code } from "../helpers/errors.js";

describe("sentiment", () => {
  // METRICS.md §1 vector. Oracle: Black Box Intelligence help centre, "What is Net Sentiment":
  // 80 positive, 20 negative, 100 neutral → 40 % − 10 % = 30; excluding neutral 80 % − 20 % = 60.
  const counts = { positive: 80, negative: 20, neutral: 100 };
  it("80/20/100: net 30 including neutral, 60 excluding it; positive share 40", () => {
    expect(netSentimentFromCounts(counts)).toBe(30);
    expect(netSentimentFromCounts(counts, { neutral: "include" })).toBe(30);
    expect(netSentimentFromCounts(counts, { neutral: "exclude" })).toBe(60);
    expect(sentimentShares(counts)).toEqual({ positive: 40, negative: 10, neutral: 50 });
  });

  it("0 mentions → null", () => {
    const none = { positive: 0, negative: 0, neutral: 0 };
    expect(netSentimentFromCounts(none)).toBeNull();
    expect(netSentimentFromCounts(none, { neutral: "exclude" })).toBeNull();
    expect(sentimentShares(none)).toBeNull();
  });

  it("only neutral mentions: 0 including them, null excluding them", () => {
    expect(netSentimentFromCounts({ positive: 0, negative: 0, neutral: 4 })).toBe(0);
    expect(netSentimentFromCounts({ positive: 0, negative: 0, neutral: 4 }, { neutral: "exclude" })).toBeNull();
    expect(Object.is(netSentimentFromCounts({ positive: 2, negative: 2, neutral: 0 }), 0)).toBe(true);
    expect(netSentimentFromCounts({ positive: 0, negative: 3, neutral: 0 })).toBe(-100);
  });

  it("sentimentCounts tallies labels", () => {
    expect(sentimentCounts(["positive", "neutral", "negative", "positive"])).toEqual({
      positive: 2,
      negative: 1,
      neutral: 1,
    });
    expect(sentimentCounts([])).toEqual({ positive: 0, negative: 0, neutral: 0 });
  });

  describe("errors", () => {
    it("invalid_value for an unknown label (case matters), invalid_type for a non-string", () => {
      expect(() => sentimentCounts(["positive", "Positive"] as never)).toThrow(
        code("invalid_value", { fn: "sentimentCounts", path: "labels[1]", received: "Positive" }),
      );
      expect(() => sentimentCounts(["mixed"] as never)).toThrow(code("invalid_value", { path: "labels[0]" }));
      expect(() => sentimentCounts([1] as never)).toThrow(code("invalid_type", { path: "labels[0]" }));
      expect(() => sentimentCounts([undefined] as never)).toThrow(code("invalid_type", { path: "labels[0]" }));
      expect(() => sentimentCounts("positive" as never)).toThrow(code("invalid_type", { path: "labels" }));
    });
    it("invalid_option and bad counts", () => {
      expect(() => netSentimentFromCounts(counts, { neutral: "ignore" as never })).toThrow(
        code("invalid_option", { fn: "netSentimentFromCounts", path: "options.neutral" }),
      );
      expect(() => netSentimentFromCounts({ positive: 1, negative: -1, neutral: 0 })).toThrow(
        code("out_of_range", { path: "counts.negative" }),
      );
      expect(() => sentimentShares({ positive: 1, negative: 1 } as never)).toThrow(
        code("missing_value", { fn: "sentimentShares", path: "counts.neutral" }),
      );
      expect(() => sentimentShares({ positive: 1.5, negative: 1, neutral: 0 })).toThrow(
        code("not_integer", { path: "counts.positive" }),
      );
    });
  });

  it("netSentiment of labels is netSentimentFromCounts of their tally", () => {
    // By hand: 3 positive, 1 negative, 1 neutral → (3 − 1) / 5 = 40; excluding neutral (3 − 1) / 4 = 50.
    const labels = ["positive", "positive", "neutral", "negative", "positive"] as const;
    expect(netSentiment(labels)).toBe(40);
    expect(netSentiment(labels, { neutral: "exclude" })).toBe(50);
    expect(netSentiment([])).toBeNull();
    expect(netSentiment(["neutral", "neutral"])).toBe(0);
    expect(netSentiment(["neutral"], { neutral: "exclude" })).toBeNull();
    expect(Object.is(netSentiment(["positive", "negative"]), 0)).toBe(true);
  });

  it("netSentiment throws with its own name, checking labels before options", () => {
    expect(() => netSentiment(["positive", "happy"] as never)).toThrow(
      code("invalid_value", { fn: "netSentiment", path: "labels[1]", received: "happy" }),
    );
    expect(() => netSentiment([2] as never)).toThrow(code("invalid_type", { fn: "netSentiment", path: "labels[0]" }));
    expect(() => netSentiment({ positive: 1, negative: 0, neutral: 0 } as never)).toThrow(
      code("invalid_type", { fn: "netSentiment", path: "labels" }),
    );
    expect(() => netSentiment(["positive"], { neutral: "ignore" as never })).toThrow(
      code("invalid_option", { fn: "netSentiment", path: "options.neutral" }),
    );
    expect(() => netSentiment(["positive"], "exclude" as never)).toThrow(
      code("invalid_option", { fn: "netSentiment", path: "options" }),
    );
  });

  it("does not mutate its input", () => {
    const labels = Object.freeze(["positive", "negative"] as const);
    expect(sentimentCounts(labels)).toEqual({ positive: 1, negative: 1, neutral: 0 });
    const frozen = Object.freeze({ ...counts });
    expect(netSentimentFromCounts(frozen, Object.freeze({ neutral: "exclude" as const }))).toBe(60);
    expect(sentimentShares(frozen)).toEqual({ positive: 40, negative: 10, neutral: 50 });
    expect(netSentiment(labels, Object.freeze({ neutral: "exclude" as const }))).toBe(0);
    expect(labels).toEqual(["positive", "negative"]);
  });
});
