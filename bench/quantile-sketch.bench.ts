/**
 * `quantileSketch` insert and merge against `@datadog/sketches-js` (the
 * reference DDSketch implementation, same logarithmic mapping), with the
 * accuracy of both checked on the same data before anything is timed.
 *
 * In a file of its own, named to sort (and so run) before
 * `report.bench.ts`: a merge job holds its sketches, not two million ticket
 * rows. Timed after that bench's library row, in the same process, the merge
 * reads sketches the collector has scattered across a 2 GiB heap and measures
 * the heap, not the merge (6–30× in the runs where it was tried).
 */
import { DDSketch } from "@datadog/sketches-js";
import { mergeSketches, quantile, quantileSketch, sketchQuantile } from "support-metrics";
import { type BenchSection, rng } from "./lib.ts";

const random = rng(10);

// Sketch data: 1 000 000 durations, log-normal around 20 minutes, plus zeros.
const m = 1_000_000;
const durations = new Float64Array(m);
for (let i = 0; i < m; i++) {
  const u = Math.max(random(), 1e-12);
  const v = random();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  durations[i] = i % 100 === 0 ? 0 : Math.round(1_200_000 * Math.exp(1.5 * z));
}
const shards = 100;
const shardSize = m / shards;
const ours = Array.from({ length: shards }, (_, k) =>
  quantileSketch(durations.subarray(k * shardSize, (k + 1) * shardSize)),
);
/** The same sketches as they come back from storage or a worker: `JSON.parse` of their text. */
const oursFromJson = JSON.parse(JSON.stringify(ours)) as typeof ours;
const theirs = Array.from({ length: shards }, (_, k) => {
  const s = new DDSketch({ relativeAccuracy: 0.01 });
  for (let i = k * shardSize; i < (k + 1) * shardSize; i++) s.accept(durations[i] as number);
  return s;
});

function datadogInsert(): number {
  const s = new DDSketch({ relativeAccuracy: 0.01 });
  for (let i = 0; i < m; i++) s.accept(durations[i] as number);
  return s.count;
}

function datadogMerge(): number {
  const s = new DDSketch({ relativeAccuracy: 0.01 });
  for (const t of theirs) s.merge(t);
  return s.count;
}

/** The relative error of each at p = 0.5, 0.9, 0.99 against the exact R-7 quantile (printed, and checked ≤ α). */
function accuracy(): string {
  const whole = mergeSketches(...ours);
  const dd = new DDSketch({ relativeAccuracy: 0.01 });
  for (const t of theirs) dd.merge(t);
  const rows: string[] = [];
  for (const p of [0.5, 0.9, 0.99]) {
    const exact = quantile(durations, p) as number;
    const a = Math.abs((sketchQuantile(whole as NonNullable<typeof whole>, p) as number) - exact) / exact;
    const b = Math.abs(dd.getValueAtQuantile(p) - exact) / exact;
    if (a > 0.01 + 1e-9) throw new Error(`quantileSketch off by ${a} at p = ${p}`);
    rows.push(`p ${p}: support-metrics ${(a * 100).toFixed(3)} %, @datadog/sketches-js ${(b * 100).toFixed(3)} %`);
  }
  return rows.join("; ");
}

export async function sections(): Promise<BenchSection[]> {
  console.log(`sketch accuracy, 1 M durations, α = 0.01: ${accuracy()}`);
  return [
    {
      title: "Quantile sketch insert, 1 000 000 durations, α = 0.01",
      baseline: "@datadog/sketches-js accept",
      target: "at least as fast per value as @datadog/sketches-js, same accuracy",
      timeMs: 1000,
      iterations: 5,
      rows: [
        { name: "quantileSketch", fn: () => quantileSketch(durations).count, items: m },
        { name: "@datadog/sketches-js accept", fn: datadogInsert, items: m },
      ],
    },
    {
      // Not like for like, in DDSketch's favour: mergeSketches reads plain JSON bins ([index, count]
      // arrays) and checks every one (integers, ascending, within a finite value's range, counts
      // adding up), then builds a new JSON sketch; DDSketch adds its in-memory dense stores, unchecked.
      title: "Quantile sketch merge, 100 shards of 10 000 durations",
      baseline: "@datadog/sketches-js merge",
      target:
        "at least as fast per value as @datadog/sketches-js (which merges its in-memory stores unchecked; ours reads, checks and writes JSON)",
      timeMs: 1000,
      rows: [
        { name: "mergeSketches", fn: () => mergeSketches(...ours)?.count, items: shards },
        {
          name: "mergeSketches (the sketches parsed from JSON)",
          fn: () => mergeSketches(...oursFromJson)?.count,
          items: shards,
        },
        { name: "@datadog/sketches-js merge", fn: datadogMerge, items: shards },
      ],
    },
  ];
}
