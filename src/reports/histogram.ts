/**
 * Internal: a duration histogram merged from a sketch's logarithmic bins, for
 * the ticket report's chart. Computed only when the report is displayed, so the
 * report's data stays as it was.
 */
import type { HistogramPanel } from "../display/index.js";
import { normalize } from "../internal/assert.js";
import { type QuantileSketch, quantileOf } from "./sketch.js";

/** One bucket of a {@link sketchHistogram}: values in (`fromMs`, `toMs`], or exactly 0 when both are 0. */
export interface HistogramBucket {
  readonly fromMs: number;
  readonly toMs: number;
  readonly count: number;
}

/** The most log-spaced buckets a histogram has (the zeros' bucket aside). */
export const HISTOGRAM_BUCKETS = 16;

/**
 * Internal: the histogram of a trusted sketch. The zeros (if any) come first as
 * the bucket `{ fromMs: 0, toMs: 0 }`; then the sketch's bins from the lowest
 * to the highest non-empty one are merged, `w = ⌈span / 16⌉` whole bins at a
 * time, into at most 16 buckets of equal width on a log scale: bucket k holds
 * (γ^(lo + k·w − 1), γ^(lo + (k + 1)·w − 1)]. Each bucket's `toMs` is the next
 * one's `fromMs` (the same number), empty buckets between are kept (count 0),
 * and the counts add up to the sketch's `count` exactly. An empty sketch gives `[]`.
 */
export function sketchHistogram(s: QuantileSketch): HistogramBucket[] {
  const out: HistogramBucket[] = [];
  if (s.zeroCount > 0) out.push({ fromMs: 0, toMs: 0, count: s.zeroCount });
  const bins = s.bins;
  const first = bins[0];
  const last = bins[bins.length - 1];
  if (first === undefined || last === undefined) return out;
  const lo = first[0];
  const span = last[0] - lo + 1;
  const width = Math.ceil(span / HISTOGRAM_BUCKETS);
  const counts = new Array<number>(Math.ceil(span / width)).fill(0);
  for (const [index, n] of bins) {
    const k = Math.floor((index - lo) / width);
    counts[k] = (counts[k] as number) + n;
  }
  const gamma = (1 + s.relativeAccuracy) / (1 - s.relativeAccuracy);
  let from = gamma ** (lo - 1);
  for (let k = 0; k < counts.length; k++) {
    const to = gamma ** (lo + (k + 1) * width - 1);
    out.push({ fromMs: from, toMs: to, count: counts[k] as number });
    from = to;
  }
  return out;
}

/** Internal: a chart panel of a trusted sketch: its histogram, median and 90th percentile (as `ticketReport`'s quantiles). */
export function histogramPanel(label: string, s: QuantileSketch): HistogramPanel {
  const median = quantileOf(s, 0.5);
  const p90 = quantileOf(s, 0.9);
  return {
    label,
    buckets: sketchHistogram(s),
    medianMs: median === null ? null : normalize(median),
    p90Ms: p90 === null ? null : normalize(p90),
  };
}
