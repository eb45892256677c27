export {
  type CesCounts,
  type CesCountsOptions,
  type CesDirection,
  type CesFromCountsOptions,
  type CesMethod,
  type CesOptions,
  type CesScale,
  ces,
  cesCounts,
  cesFromCounts,
} from "./ces.js";
export { type CsatCounts, type CsatOptions, type CsatScale, csat, csatCounts, csatFromCounts } from "./csat.js";
export {
  type CompareNpsOptions,
  compareNps,
  type NpsComparison,
  type NpsCounts,
  type NpsInterval,
  type NpsIntervalMethod,
  type NpsIntervalOptions,
  nps,
  npsCounts,
  npsFromCounts,
  npsInterval,
} from "./nps.js";
export {
  compareProportions,
  type PercentInterval,
  type ProportionComparison,
  type ProportionCounts,
  type ProportionOptions,
  wilsonInterval,
} from "./proportions.js";
export {
  type NpsSampleSizeOptions,
  type ProportionSampleSizeOptions,
  type SampleSizeBaseOptions,
  type SampleSizeOptions,
  sampleSizeForMargin,
} from "./sample-size.js";
export {
  type NetSentimentOptions,
  netSentiment,
  netSentimentFromCounts,
  type SentimentCounts,
  type SentimentLabel,
  type SentimentShares,
  sentimentCounts,
  sentimentShares,
} from "./sentiment.js";
