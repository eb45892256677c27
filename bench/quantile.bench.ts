/**
 * quantile at 1 million values against simple-statistics and d3-array.
 * All three copy the input before selecting (simple-statistics 7.x `quantile`
 * slices the array itself; d3 copies into a Float64Array), so the rows compare
 * like with like; no library sorts the caller's array.
 * support-metrics also validates every value (finite numbers), the others do not.
 */
import { quantile as d3Quantile } from "d3-array";
import { quantile as ssQuantile } from "simple-statistics";
import { quantile } from "support-metrics";
import { type BenchSection, rng } from "./lib.ts";

const n = 1_000_000;
const random = rng(20240601);
// Response times in ms: log-normal-ish, as real durations are.
const values: number[] = Array.from({ length: n }, () => Math.exp(10 + 1.5 * (random() + random() + random() - 1.5)));
const typed = Float64Array.from(values);

export const sections: BenchSection[] = [
  {
    title: "quantile (R-7), p = 0.9, 1 000 000 values",
    baseline: "simple-statistics quantile (array)",
    target: "support-metrics within 1.2× of simple-statistics",
    rows: [
      { name: "support-metrics quantile (array)", fn: () => quantile(values, 0.9), items: n },
      { name: "support-metrics quantile (Float64Array)", fn: () => quantile(typed, 0.9), items: n },
      { name: "simple-statistics quantile (array)", fn: () => ssQuantile(values, 0.9), items: n },
      { name: "d3-array quantile (array)", fn: () => d3Quantile(values, 0.9), items: n },
      { name: "d3-array quantile (Float64Array)", fn: () => d3Quantile(typed, 0.9), items: n },
    ],
  },
  {
    title: "median, 1 000 000 values",
    baseline: "simple-statistics quantile (array)",
    rows: [
      { name: "support-metrics quantile (array)", fn: () => quantile(values, 0.5), items: n },
      { name: "simple-statistics quantile (array)", fn: () => ssQuantile(values, 0.5), items: n },
      { name: "d3-array quantile (array)", fn: () => d3Quantile(values, 0.5), items: n },
      { name: "full sort of a copy (Float64Array)", fn: () => Float64Array.from(values).sort()[n >> 1], items: n },
    ],
  },
];
