import { describe, expectTypeOf, it } from "vitest";
import {
  type CesOptions,
  type CesScale,
  type CsatCounts,
  ces,
  compareNps,
  compareProportions,
  csat,
  csatCounts,
  mergeCounts,
  type NpsComparison,
  type NpsCounts,
  type NpsInterval,
  type NpsIntervalOptions,
  netSentiment,
  netSentimentFromCounts,
  nps,
  npsCounts,
  npsInterval,
  type ProportionComparison,
  type SampleSizeOptions,
  type SentimentCounts,
  type SentimentShares,
  sampleSizeForMargin,
  sentimentCounts,
  sentimentShares,
  wilsonInterval,
} from "../../src/index.js";

describe("survey types", () => {
  it("scores are ArrayLike<number>: arrays, readonly arrays and typed arrays", () => {
    expectTypeOf(nps).toBeCallableWith([10, 9]);
    expectTypeOf(nps).toBeCallableWith(new Uint8Array(3));
    expectTypeOf(nps).toBeCallableWith(Object.freeze([1, 2]));
    expectTypeOf(csat).toBeCallableWith(new Float64Array(2), { scale: { min: 1, max: 10 } });
    // @ts-expect-error strings are not scores
    nps(["10"]);
  });

  it("no data is in the type: metrics return number | null", () => {
    expectTypeOf(nps([])).toEqualTypeOf<number | null>();
    expectTypeOf(csat([])).toEqualTypeOf<number | null>();
    expectTypeOf(ces([])).toEqualTypeOf<number | null>();
    expectTypeOf(netSentiment([])).toEqualTypeOf<number | null>();
    expectTypeOf(netSentimentFromCounts({ positive: 0, negative: 0, neutral: 0 })).toEqualTypeOf<number | null>();
    expectTypeOf(npsInterval({ promoters: 0, passives: 0, detractors: 0 })).toEqualTypeOf<NpsInterval | null>();
    expectTypeOf(compareNps(npsCounts([]), npsCounts([]))).toEqualTypeOf<NpsComparison | null>();
    expectTypeOf(
      compareProportions({ successes: 0, total: 0 }, { successes: 0, total: 0 }),
    ).toEqualTypeOf<ProportionComparison | null>();
    expectTypeOf(wilsonInterval(0, 0)).toEqualTypeOf<{ lower: number; upper: number } | null>();
    expectTypeOf(sentimentShares({ positive: 0, negative: 0, neutral: 0 })).toEqualTypeOf<SentimentShares | null>();
    // a sample size always exists
    expectTypeOf(sampleSizeForMargin({ marginOfError: 5 })).toEqualTypeOf<number>();
  });

  it("tallies are plain objects of counts and keep their type through mergeCounts", () => {
    expectTypeOf(npsCounts([])).toEqualTypeOf<NpsCounts>();
    expectTypeOf(mergeCounts(npsCounts([]), npsCounts([]))).toEqualTypeOf<NpsCounts>();
    expectTypeOf(mergeCounts(csatCounts([]), csatCounts([]))).toEqualTypeOf<CsatCounts>();
    expectTypeOf<NpsCounts>().toEqualTypeOf<{ promoters: number; passives: number; detractors: number }>();
    expectTypeOf<SentimentCounts>().toEqualTypeOf<{ positive: number; negative: number; neutral: number }>();
  });

  it("options are closed unions", () => {
    expectTypeOf<NpsIntervalOptions["method"]>().toEqualTypeOf<"adjusted-wald" | "wald" | undefined>();
    expectTypeOf<CesScale>().toEqualTypeOf<5 | 7>();
    expectTypeOf<CesOptions["direction"]>().toEqualTypeOf<"higher-is-easier" | "higher-is-harder" | undefined>();
    expectTypeOf<CesOptions["method"]>().toEqualTypeOf<"percent-easy" | "mean" | "net" | undefined>();
    // @ts-expect-error CES scales are 5 or 7 points
    ces([1], { scale: 10 });
    // @ts-expect-error there is no "exact" NPS interval
    npsInterval({ promoters: 1, passives: 0, detractors: 0 }, { method: "exact" });
    // @ts-expect-error labels are lower-case literals
    sentimentCounts(["Positive"]);
    // @ts-expect-error neutral is "include" or "exclude"
    netSentimentFromCounts({ positive: 1, negative: 0, neutral: 0 }, { neutral: "ignore" });
    // @ts-expect-error netSentiment takes labels; a tally goes to netSentimentFromCounts
    netSentiment({ positive: 1, negative: 0, neutral: 0 });
  });

  it("sample-size options are a union discriminated by metric", () => {
    expectTypeOf<{ marginOfError: 5; expectedPercent: 30 }>().toMatchTypeOf<SampleSizeOptions>();
    expectTypeOf<{
      metric: "nps";
      marginOfError: 5;
      expectedPromotersPercent: 50;
      expectedDetractorsPercent: 20;
    }>().toMatchTypeOf<SampleSizeOptions>();
    // @ts-expect-error an expected proportion does not apply to NPS
    sampleSizeForMargin({ metric: "nps", marginOfError: 5, expectedPercent: 30 });
    // @ts-expect-error NPS expectations need metric: "nps"
    sampleSizeForMargin({ marginOfError: 5, expectedPromotersPercent: 30 });
    // @ts-expect-error the margin is required
    sampleSizeForMargin({ confidence: 0.9 });
  });
});
