import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { histogramChart } from "../../src/display/histogram-chart.js";
import { formatDuration, tallyTickets, ticketReport } from "../../src/index.js";

const DISPLAY = Symbol.for("Jupyter.display");
const hour = 3_600_000;
const minute = 60_000;

type Displayable = { [DISPLAY]?: () => Record<string, string> };
const bundleOf = (value: object): Record<string, string> => (value as Displayable)[DISPLAY]!();
/** A committed snapshot (the same bytes under vitest and bun test); rewrite it by hand when the chart changes on purpose. */
const snapshot = (file: string): string => readFileSync(new URL(`./__snapshots__/${file}`, import.meta.url), "utf8");

/** Three panels that take every branch: zeros and a wide range, a narrow range, nothing measured. */
const panels = [
  {
    label: "First response time",
    buckets: [
      { fromMs: 0, toMs: 0, count: 3 },
      { fromMs: 30_000, toMs: 5 * minute, count: 4 },
      { fromMs: 5 * minute, toMs: hour, count: 0 },
      { fromMs: hour, toMs: 8 * hour, count: 9 },
    ],
    medianMs: 2 * hour,
    p90Ms: 7 * hour,
  },
  {
    label: "Resolution time",
    buckets: [
      { fromMs: 58 * minute, toMs: 59 * minute, count: 1 },
      { fromMs: 59 * minute, toMs: 61 * minute, count: 2 },
    ],
    medianMs: 59.5 * minute,
    p90Ms: 60.5 * minute,
  },
  { label: "Wait", buckets: [], medianMs: null, p90Ms: null },
];
const chart = (): string => histogramChart({ title: "Durations", description: "Three panels.", panels });

describe("histogramChart", () => {
  it("matches its SVG snapshot, and renders the same bytes for the same input", () => {
    expect(chart()).toBe(snapshot("histogram.svg"));
    expect(chart()).toBe(chart());
  });

  it("is accessible: a title and description, a title on every bar, text labels on both axes", () => {
    const svg = chart();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* role="img" aria-labelledby="/);
    expect(svg).toContain("<title id=");
    expect(svg).toContain("<desc id=");
    const bars = svg.match(/<rect x="[^"]*" y="[^"]*" width="[^"]*" height="[^"]*" fill="#7fa7d9"[^>]*>/g) ?? [];
    expect(bars).toHaveLength(5); // the zeros and two non-empty buckets of the first panel (its empty one draws nothing), two of the second
    expect(svg).toContain("<title>exactly 0: 3 tickets</title>");
    expect(svg).toContain(`<title>${formatDuration(30_000)} to ${formatDuration(5 * minute)}: 4 tickets</title>`);
    expect(svg).toContain(`<title>${formatDuration(hour)} to ${formatDuration(8 * hour)}: 9 tickets</title>`);
    // The log axis in human durations: round ticks without a zero second unit, and 0 under the zeros' bar.
    for (const tick of [">30 s<", ">2 min<", ">1 h<", ">4 h<", ">0<"]) expect(svg).toContain(tick);
  });

  it("marks the median with a solid line and the p90 with a dashed one, each labelled with its value", () => {
    const svg = chart();
    expect(svg).toContain(">median 2 h 00 min</text>");
    expect(svg).toContain(">p90 7 h 00 min</text>");
    const lines = svg.match(/<g><title>(median|p90) [^<]*<\/title><line [^>]*>/g) ?? [];
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line.includes("stroke-dasharray")).toBe(line.includes("<title>p90"));
  });

  it("a range too narrow for two round ticks is labelled at its two ends", () => {
    const svg = chart();
    expect(svg).toContain('text-anchor="start" fill="#1a1a1a">58 min</text>');
    expect(svg).toContain('text-anchor="end" fill="#1a1a1a">1 h 01 min</text>');
  });

  it("a panel with nothing measured says so and draws no axis", () => {
    expect(chart()).toContain(">Wait: no ticket measured</text>");
  });
});

describe("ticketReport's duration histograms", () => {
  const tickets = [
    { agentId: "ana", createdAt: 0, firstResponseAt: 0, resolvedAt: 5 * hour },
    { agentId: "ana", createdAt: 0, firstResponseAt: 3 * hour, resolvedAt: 30 * hour },
    { agentId: "bo", createdAt: hour, firstResponseAt: 2 * hour, resolvedAt: 9 * hour },
    { agentId: "bo", createdAt: 2 * hour, firstResponseAt: 2 * hour + 20 * minute },
  ];
  const tally = tallyTickets(tickets, { asOf: 48 * hour, by: ["agentId"] });

  it("the SVG is the histograms of the total, marked at the report's own median and p90", () => {
    const report = ticketReport(tally);
    const svg = bundleOf(report)["image/svg+xml"] as string;
    expect(svg).toContain("First response and resolution times, all tickets");
    expect(svg).toContain(">First response time: 4 tickets measured</text>");
    expect(svg).toContain(">Resolution time: 3 tickets measured</text>");
    for (const d of [report.total.firstResponse, report.total.resolution]) {
      const [median, p90] = d.quantilesMs.map((q) => formatDuration(q.ms));
      expect(svg).toContain(`>median ${median}</text>`);
      expect(svg).toContain(`>p90 ${p90}</text>`);
    }
    // A first response at the moment of creation is an exact zero: its own bar.
    expect(svg).toContain("<title>exactly 0: 1 ticket</title>");
    expect(bundleOf(report)["text/html"]).toContain(svg);
  });

  it("the HTML keeps the per-group resolution bars and the data keeps its fields", () => {
    const report = ticketReport(tally);
    expect(bundleOf(report)["text/html"]).toContain("Resolution time by group");
    expect(Object.keys(report.total.resolution)).toEqual([
      "n",
      "censored",
      "meanMs",
      "quantilesMs",
      "relativeAccuracy",
    ]);
    expect(JSON.stringify(report)).not.toContain("histogram");
  });

  it("marks the median and p90 even when the report asks for other quantiles", () => {
    const svg = bundleOf(ticketReport(tally, { quantiles: [0.95] }))["image/svg+xml"] as string;
    const report = ticketReport(tally);
    expect(svg).toContain(`>median ${formatDuration(report.total.resolution.quantilesMs[0]?.ms ?? null)}</text>`);
    expect(svg).toContain(`>p90 ${formatDuration(report.total.resolution.quantilesMs[1]?.ms ?? null)}</text>`);
  });

  it("a report of no tickets still carries the chart, saying nothing was measured", () => {
    const svg = bundleOf(ticketReport(tallyTickets([], { asOf: 0 })))["image/svg+xml"] as string;
    expect(svg).toContain(">First response time: no ticket measured</text>");
    expect(svg).toContain(">Resolution time: no ticket measured</text>");
    expect(svg).not.toContain(">median");
  });

  it("a tally changed after the report does not change what the report shows", () => {
    // One group, so the total is that group itself and its sketch is the caller's own object.
    const copy = tallyTickets(tickets, { asOf: 48 * hour });
    const report = ticketReport(copy);
    const before = bundleOf(report)["image/svg+xml"];
    const bins: unknown = copy.groups[0]?.resolution.sketch.bins;
    (bins as unknown[]).length = 0;
    expect(bundleOf(report)["image/svg+xml"]).toBe(before);
  });
});
