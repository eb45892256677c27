/**
 * nps over 10 million scores: the library (which validates every score) against
 * a branch-free hand loop that validates nothing (the baseline) and against the
 * naive `filter(...).length` one-liner. Target: within 1.5× of the hand loop,
 * with no allocation per score.
 */
import { nps } from "support-metrics";
import { type BenchSection, rng } from "./lib.ts";

const N = 10_000_000;
const random = rng(20250601);
const bytes = new Uint8Array(N);
for (let i = 0; i < N; i++) bytes[i] = Math.floor(random() * 11);
const numbers: number[] = Array.from(bytes);

/** The baseline: counts promoters and detractors with no check and no branch (comparisons become 0/1). */
function handLoopBytes(scores: Uint8Array): number {
  let promoters = 0;
  let detractors = 0;
  const n = scores.length;
  for (let i = 0; i < n; i++) {
    const v = scores[i]!;
    promoters += +(v >= 9);
    detractors += +(v <= 6);
  }
  return ((promoters - detractors) * 100) / n;
}

/** The same hand loop for a plain array (a separate function so each call site stays monomorphic). */
function handLoopNumbers(scores: readonly number[]): number {
  let promoters = 0;
  let detractors = 0;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]!;
    detractors += +(score <= 6);
    promoters += +(score >= 9);
  }
  return ((promoters - detractors) * 100) / scores.length;
}

/** What a first attempt looks like: two filtered copies of the array. */
function naive(scores: readonly number[]): number {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return ((promoters - detractors) * 100) / scores.length;
}

// Every row must agree before anything is timed.
const expected = handLoopBytes(bytes);
for (const [name, value] of [
  ["nps (Uint8Array)", nps(bytes)],
  ["nps (number[])", nps(numbers)],
  ["hand loop (number[])", handLoopNumbers(numbers)],
  ["naive", naive(numbers)],
] as const) {
  if (value !== expected) throw new Error(`${name} gave ${value}, the hand loop ${expected}`);
}

export const sections: BenchSection[] = [
  {
    title: "nps over 10 million scores",
    baseline: "hand loop, no validation (Uint8Array)",
    target: "nps within 1.5× of the branch-free hand loop (Uint8Array), no allocation per score",
    timeMs: 3000,
    rows: [
      { name: "hand loop, no validation (Uint8Array)", fn: () => handLoopBytes(bytes), items: N },
      { name: "support-metrics nps (Uint8Array)", fn: () => nps(bytes), items: N },
      { name: "hand loop, no validation (number[])", fn: () => handLoopNumbers(numbers), items: N },
      { name: "support-metrics nps (number[])", fn: () => nps(numbers), items: N },
      { name: "naive filter(...).length (number[])", fn: () => naive(numbers), items: N },
    ],
  },
];
