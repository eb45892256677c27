/**
 * The benchmark harness every `bench/*.bench.ts` uses. A bench file exports
 * `sections: BenchSection[]` (or a function returning a promise of them).
 * `bench/run.ts` runs them all and writes `bench/RESULTS.md`.
 *
 * Each row is timed with tinybench; its median time per operation, throughput
 * in items per second (when the row says how many items one operation handles)
 * and ratio to the section's baseline row are reported. Ratios, not absolute
 * times, are what the README quotes.
 */
import { Bench } from "tinybench";

export interface BenchRow {
  /** What this row runs, e.g. "support-metrics nps (Uint8Array)". */
  name: string;
  /** One operation. */
  fn: () => unknown;
  /** How many items (scores, tickets, agents) one operation handles; gives throughput. */
  items?: number;
}

export interface BenchSection {
  title: string;
  /** The row ratios are taken against (usually ours or the peer). */
  baseline: string;
  /** A target written in words, e.g. "nps within 1.5× of the hand loop". */
  target?: string;
  rows: BenchRow[];
  /** Milliseconds per row (default 1500). */
  timeMs?: number;
  /** Minimum samples per row (tinybench's default is 64); lower it for rows that take seconds. */
  iterations?: number;
  /** Untimed runs of each row before its samples, with `iterations` (default 1). */
  warmupIterations?: number;
}

export interface BenchResult {
  name: string;
  medianMs: number;
  itemsPerSecond: number | null;
  ratio: number;
  samples: number;
}

export async function runSection(section: BenchSection): Promise<BenchResult[]> {
  const bench = new Bench({
    time: section.timeMs ?? 1500,
    warmupTime: 200,
    ...(section.iterations === undefined
      ? {}
      : { iterations: section.iterations, warmupIterations: section.warmupIterations ?? 1 }),
  });
  for (const row of section.rows) bench.add(row.name, row.fn);
  await bench.run();
  const median = new Map<string, number>();
  const samples = new Map<string, number>();
  for (const task of bench.tasks) {
    const result = task.result as unknown as {
      latency?: { p50?: number; samplesCount?: number };
      state?: string;
      error?: unknown;
    };
    if (result?.error) throw result.error;
    median.set(task.name, result?.latency?.p50 ?? Number.NaN);
    samples.set(task.name, result?.latency?.samplesCount ?? 0);
  }
  const base = median.get(section.baseline);
  if (base === undefined) throw new Error(`baseline ${section.baseline} is not a row of ${section.title}`);
  return section.rows.map((row) => {
    const m = median.get(row.name) ?? Number.NaN;
    return {
      name: row.name,
      medianMs: m,
      itemsPerSecond: row.items ? (row.items / m) * 1000 : null,
      ratio: m / base,
      samples: samples.get(row.name) ?? 0,
    };
  });
}

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  if (ms >= 0.001) return `${(ms * 1000).toFixed(2)} µs`;
  return `${(ms * 1e6).toFixed(1)} ns`;
}

export function formatRate(perSecond: number | null): string {
  if (perSecond === null) return "";
  if (perSecond >= 1e9) return `${(perSecond / 1e9).toFixed(2)} G/s`;
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k/s`;
  return `${perSecond.toFixed(1)} /s`;
}

/** A markdown table for one section. */
export function formatSection(section: BenchSection, results: BenchResult[]): string {
  const lines = [
    `### ${section.title}`,
    "",
    ...(section.target ? [`Target: ${section.target}`, ""] : []),
    `| row | median / op | throughput | × ${section.baseline} |`,
    "|---|---:|---:|---:|",
    ...results.map(
      (r) =>
        `| ${r.name} | ${formatMs(r.medianMs)} | ${formatRate(r.itemsPerSecond)} | ${r.ratio < 10 ? r.ratio.toFixed(2) : r.ratio.toFixed(0)} |`,
    ),
    "",
  ];
  return lines.join("\n");
}

/** A deterministic PRNG (mulberry32) for benchmark and sample data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One agent's metrics for the spec's whole plan (test/incentives/plan.ts), drawn from `random`. */
export function specPlanMetrics(random: () => number): {
  tickets_resolved: number;
  csat_score: number;
  csat_responses: number;
  sla_compliance: number;
  frt_median_min: number;
  qa_score: number;
  escalations: number;
  active_days: number;
} {
  return {
    tickets_resolved: Math.floor(random() * 700),
    csat_score: Math.round(700 + random() * 300) / 10,
    csat_responses: Math.floor(random() * 80),
    sla_compliance: Math.round(850 + random() * 150) / 10,
    frt_median_min: Math.round(random() * 900) / 10,
    qa_score: Math.floor(70 + random() * 31),
    escalations: Math.floor(random() * 6),
    active_days: 10 + Math.floor(random() * 21),
  };
}
