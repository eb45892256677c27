import { arrayLike, oneOf, percentOf, readFields, readOptions } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";

/**
 * The label of one mention or message, as produced by a sentiment classifier or a human tagger.
 *
 * @category Survey
 */
export type SentimentLabel = "positive" | "negative" | "neutral";

/**
 * The tally behind the sentiment metrics: mentions per label.
 *
 * @category Survey
 */
export interface SentimentCounts {
  /** Mentions labelled `"positive"`. */
  positive: number;
  /** Mentions labelled `"negative"`. */
  negative: number;
  /** Mentions labelled `"neutral"`. */
  neutral: number;
}

/**
 * Options of {@link netSentiment} and {@link netSentimentFromCounts}.
 *
 * @category Survey
 */
export interface NetSentimentOptions {
  /**
   * `"include"` divides by all mentions (neutral ones dilute the score); `"exclude"` divides by positive + negative only.
   * @defaultValue "include"
   */
  readonly neutral?: "include" | "exclude" | undefined;
}

/**
 * The three shares of {@link sentimentShares}, each a percentage 0–100; they sum to 100.
 *
 * @category Survey
 */
export interface SentimentShares {
  /** Positive mentions as a percentage of all mentions. */
  positive: number;
  /** Negative mentions as a percentage of all mentions. */
  negative: number;
  /** Neutral mentions as a percentage of all mentions. */
  neutral: number;
}

/**
 * Tallies sentiment labels into positive, negative and neutral mentions.
 *
 * Each label must be exactly `"positive"`, `"negative"` or `"neutral"`
 * (lower case; nothing is guessed or skipped). Empty input gives zero counts.
 *
 * @param labels - One label per mention (an array).
 * @returns Counts of mentions per label.
 * @throws {MetricInputError} `invalid_type` when `labels` is not array-like or a label is not a string;
 *   `invalid_value` for any other string (path `labels[i]`).
 *
 * @example
 * ```ts
 * import { sentimentCounts } from "support-metrics";
 * sentimentCounts(["positive", "neutral", "negative", "positive"]); // => { positive: 2, negative: 1, neutral: 1 }
 * sentimentCounts([]); // => { positive: 0, negative: 0, neutral: 0 }
 * sentimentCounts(["positive", "Positive"] as never); // throws invalid_value
 * ```
 * @see {@link netSentiment}, {@link netSentimentFromCounts}, {@link sentimentShares}, {@link mergeCounts}
 * @category Survey
 */
export function sentimentCounts(labels: ArrayLike<SentimentLabel>): SentimentCounts {
  return tallySentiment("sentimentCounts", labels);
}

/**
 * Net sentiment of a tally: positive minus negative mentions as a percentage of mentions.
 *
 * `"include"` (default): (positive − negative) / (positive + negative +
 * neutral) × 100 = % positive − % negative, so neutral chatter pulls the
 * score towards 0 (Black Box Intelligence's "Net Sentiment Score", Symanto's
 * "Net Sentiment"); `"exclude"`: (positive − negative) / (positive +
 * negative) × 100, the polarity of the opinionated mentions only (the
 * "excluding neutral" percentages of the same tools). On −100…100. No mentions (no opinionated mentions
 * with `"exclude"`) gives `null`.
 *
 * @param counts - A tally as returned by {@link sentimentCounts} (or summed by `mergeCounts`, or from SQL).
 * @param options - `neutral`: `"include"` (default) or `"exclude"`.
 * @returns Net points, −100…100, or `null` when the denominator is 0.
 * @throws {MetricInputError} `invalid_type` / `missing_value` / `not_integer` / `out_of_range` for a field that is not a count;
 *   `invalid_option` for an unknown `neutral` option.
 *
 * @example
 * ```ts
 * import { netSentimentFromCounts } from "support-metrics";
 * const counts = { positive: 80, negative: 20, neutral: 100 };
 * netSentimentFromCounts(counts); // => 30
 * netSentimentFromCounts(counts, { neutral: "exclude" }); // => 60
 * netSentimentFromCounts({ positive: 0, negative: 0, neutral: 0 }); // => null
 * netSentimentFromCounts({ positive: 0, negative: 0, neutral: 5 }, { neutral: "exclude" }); // => null
 * ```
 * @see {@link netSentiment}, {@link sentimentCounts}, {@link sentimentShares}
 * @category Survey
 */
export function netSentimentFromCounts(counts: SentimentCounts, options?: NetSentimentOptions): number | null {
  const fn = "netSentimentFromCounts";
  return netOf(fn, readSentimentCounts(fn, counts), options);
}

/**
 * Net sentiment of a list of labels: positive minus negative mentions as a percentage of mentions.
 *
 * Exactly `netSentimentFromCounts(sentimentCounts(labels), options)`: with
 * `neutral: "include"` (default) (positive − negative) / all mentions × 100 =
 * % positive − % negative (Black Box Intelligence's "Net Sentiment Score",
 * Symanto's "Net Sentiment"); with `"exclude"`, divided by the opinionated
 * mentions only. On −100…100. No mentions (no opinionated mentions with
 * `"exclude"`) gives `null`.
 *
 * @param labels - One label per mention, each `"positive"`, `"negative"` or `"neutral"` (an array).
 * @param options - `neutral`: `"include"` (default) or `"exclude"`.
 * @returns Net points, −100…100, or `null` when the denominator is 0.
 * @throws {MetricInputError} `invalid_type` when `labels` is not array-like or a label is not a string;
 *   `invalid_value` for any other string (path `labels[i]`); `invalid_option` for an unknown `neutral` option.
 *
 * @example
 * ```ts
 * import { netSentiment } from "support-metrics";
 * const labels = ["positive", "positive", "positive", "negative", "neutral"] as const;
 * netSentiment(labels); // => 40
 * netSentiment(labels, { neutral: "exclude" }); // => 50
 * netSentiment([]); // => null
 * netSentiment(["neutral"], { neutral: "exclude" }); // => null
 * netSentiment(["positive", "happy"] as never); // throws invalid_value
 * ```
 * @see {@link netSentimentFromCounts}, {@link sentimentCounts}, {@link sentimentShares}
 * @category Survey
 */
export function netSentiment(labels: ArrayLike<SentimentLabel>, options?: NetSentimentOptions): number | null {
  const fn = "netSentiment";
  return netOf(fn, tallySentiment(fn, labels), options);
}

/**
 * The share of each label among all mentions.
 *
 * Each share = label count / (positive + negative + neutral) × 100; the three
 * sum to 100 (up to floating-point rounding). No mentions gives `null`.
 *
 * @param counts - A tally as returned by {@link sentimentCounts}.
 * @returns Three percentages, 0–100, or `null` for no mentions.
 * @throws {MetricInputError} `invalid_type` / `missing_value` / `not_integer` / `out_of_range` for a field that is not a count.
 *
 * @example
 * ```ts
 * import { sentimentShares } from "support-metrics";
 * sentimentShares({ positive: 80, negative: 20, neutral: 100 }); // => { positive: 40, negative: 10, neutral: 50 }
 * sentimentShares({ positive: 0, negative: 0, neutral: 0 }); // => null
 * ```
 * @see {@link sentimentCounts}, {@link netSentimentFromCounts}
 * @category Survey
 */
export function sentimentShares(counts: SentimentCounts): SentimentShares | null {
  const c = readSentimentCounts("sentimentShares", counts);
  const total = c.positive + c.negative + c.neutral;
  if (total === 0) return null;
  return {
    positive: percentOf(c.positive, total)!,
    negative: percentOf(c.negative, total)!,
    neutral: percentOf(c.neutral, total)!,
  };
}

function readSentimentCounts(fn: string, counts: unknown): SentimentCounts {
  return readFields(fn, "counts", counts, {
    fields: ["positive", "negative", "neutral"] satisfies (keyof SentimentCounts)[],
  });
}

/** Tallies `labels` for the public function `fn`. */
function tallySentiment(fn: string, labels: unknown): SentimentCounts {
  arrayLike(fn, "labels", labels, { expected: "an array of sentiment labels" });
  const list = labels as ArrayLike<unknown>;
  const n = list.length;
  let positive = 0;
  let negative = 0;
  let neutral = 0;
  for (let i = 0; i < n; i++) {
    const label = list[i];
    if (label === "positive") positive++;
    else if (label === "negative") negative++;
    else if (label === "neutral") neutral++;
    else {
      const expected = 'one of "positive", "negative", "neutral"';
      throw inputError(
        typeof label === "string" ? "invalid_value" : "invalid_type",
        fn,
        `labels[${i}]`,
        expected,
        label,
      );
    }
  }
  return { positive, negative, neutral };
}

/** Net sentiment of checked counts, with the options of `fn` read here. */
function netOf(fn: string, c: SentimentCounts, options: NetSentimentOptions | undefined): number | null {
  const o = readOptions(fn, "options", options, { neutral: "optional" });
  const neutral = oneOf(fn, "options.neutral", o.neutral, { allowed: ["include", "exclude"], fallback: "include" });
  const denominator = c.positive + c.negative + (neutral === "include" ? c.neutral : 0);
  return percentOf(c.positive - c.negative, denominator);
}
