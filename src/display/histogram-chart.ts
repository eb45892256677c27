/**
 * Internal: the duration histogram chart: one panel per duration (first
 * response, resolution), bars on a log duration axis labelled in human
 * durations, the median and the 90th percentile drawn as labelled lines (solid
 * and dashed, so they differ in more than colour). Deterministic and
 * self-contained, as every chart of svg.ts.
 */
import { formatDuration } from "./format.js";
import { clamp, FILL, INK, n, open, TOP } from "./svg.js";
import { escapeHtml } from "./table.js";

/** One bucket of a histogram: durations in (`fromMs`, `toMs`], or exactly 0 when both are 0. */
export interface DurationBucket {
  readonly fromMs: number;
  readonly toMs: number;
  readonly count: number;
}

/** One panel: a duration's buckets (ascending, the zeros' bucket first if any) and its marks. */
export interface HistogramPanel {
  /** The duration's name, e.g. `"Resolution time"`. */
  readonly label: string;
  readonly buckets: readonly DurationBucket[];
  /** The median in ms, `null` when nothing was measured. */
  readonly medianMs: number | null;
  /** The 90th percentile in ms, `null` when nothing was measured. */
  readonly p90Ms: number | null;
}

/** Histograms of durations, one panel each, in one SVG. */
export function histogramChart(spec: {
  readonly title: string;
  readonly description: string;
  readonly panels: readonly HistogramPanel[];
}): string {
  let y = TOP;
  const body: string[] = [];
  for (const p of spec.panels) {
    const total = p.buckets.reduce((s, b) => s + b.count, 0);
    body.push(
      `<text x="${PLOT_LEFT}" y="${n(y + 14)}" font-size="12" font-weight="600" fill="${INK}">${escapeHtml(
        total === 0 ? `${p.label}: no ticket measured` : `${p.label}: ${tickets(total)} measured`,
      )}</text>`,
    );
    if (total === 0) {
      y += EMPTY_PANEL;
      continue;
    }
    body.push(panel(p, y));
    y += PANEL;
  }
  const height = y + LEGEND;
  return [
    open(spec.title, spec.description, height),
    ...body,
    `<text x="${PLOT_LEFT}" y="${n(y + 16)}" font-size="11" fill="${INK}">${escapeHtml(LEGEND_TEXT)}</text>`,
    "</svg>",
  ].join("");
}

const PLOT_LEFT = 56;
/** `WIDTH` − 24. Written out, like every constant here: a computed top-level constant stays in every bundle. */
const PLOT_RIGHT = 616;
/** Panel rows, from the panel's top: heading, the median's label, the p90's label, the plot, the axis labels. */
const MEDIAN_ROW = 30;
const P90_ROW = 44;
const PLOT_TOP = 52;
const PLOT_HEIGHT = 100;
/** `PLOT_TOP` + `PLOT_HEIGHT` + 28 for the axis labels. */
const PANEL = 180;
const EMPTY_PANEL = 24;
const LEGEND = 24;
/** The zeros' bar, left of the log axis (which cannot hold 0), and the gap after it. */
const ZERO_WIDTH = 16;
const ZERO_GAP = 12;
/** Labels closer than this (px) to the previous one are left out. */
const TICK_SPACING = 56;
const LEGEND_TEXT = "Bars: tickets per duration range (log scale). Solid line: median; dashed line: 90th percentile.";

const SECOND = 1000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Round durations the axis may label, ascending (built when drawn, so that unused it costs nothing). */
function roundDurations(): number[] {
  return [
    1,
    10,
    100,
    SECOND,
    5 * SECOND,
    15 * SECOND,
    30 * SECOND,
    MINUTE,
    2 * MINUTE,
    5 * MINUTE,
    10 * MINUTE,
    15 * MINUTE,
    30 * MINUTE,
    HOUR,
    2 * HOUR,
    4 * HOUR,
    8 * HOUR,
    12 * HOUR,
    DAY,
    2 * DAY,
    4 * DAY,
    7 * DAY,
    14 * DAY,
    30 * DAY,
    60 * DAY,
    90 * DAY,
    180 * DAY,
    365 * DAY,
  ];
}

/** One non-empty panel whose top is at `top`. */
function panel(p: HistogramPanel, top: number): string {
  const zero = p.buckets[0]?.toMs === 0 ? p.buckets[0] : undefined;
  const positive = zero === undefined ? p.buckets : p.buckets.slice(1);
  const plotTop = top + PLOT_TOP;
  const bottom = plotTop + PLOT_HEIGHT;
  const left = zero === undefined ? PLOT_LEFT : PLOT_LEFT + ZERO_WIDTH + ZERO_GAP;
  const most = p.buckets.reduce((m, b) => (b.count > m ? b.count : m), 0);
  const height = (count: number): number => (count / most) * PLOT_HEIGHT;
  const out: string[] = [
    `<text x="${PLOT_LEFT - 6}" y="${n(plotTop + 4)}" font-size="11" text-anchor="end" fill="${INK}">${most}</text>`,
    `<text x="${PLOT_LEFT - 6}" y="${n(bottom + 4)}" font-size="11" text-anchor="end" fill="${INK}">0</text>`,
    `<line x1="${PLOT_LEFT}" y1="${n(plotTop)}" x2="${PLOT_RIGHT}" y2="${n(plotTop)}" stroke="#dddddd" stroke-width="1"/>`,
  ];
  const first = positive[0];
  const last = positive[positive.length - 1];
  // x of a positive duration on the log axis from the first bucket's lower edge to the last one's upper edge.
  let x = (_ms: number): number => left;
  if (first !== undefined && last !== undefined) {
    const low = Math.log(first.fromMs);
    const span = Math.log(last.toMs) - low;
    x = (ms: number) => left + ((Math.log(clamp(ms, first.fromMs, last.toMs)) - low) / span) * (PLOT_RIGHT - left);
    out.push(ticks(first.fromMs, last.toMs, x, plotTop, bottom));
  }
  if (zero !== undefined) {
    out.push(
      bar(PLOT_LEFT, PLOT_LEFT + ZERO_WIDTH, bottom, height(zero.count), `exactly 0: ${tickets(zero.count)}`),
      `<text x="${n(PLOT_LEFT + ZERO_WIDTH / 2)}" y="${n(bottom + 14)}" font-size="11" text-anchor="middle" fill="${INK}">0</text>`,
    );
  }
  for (const b of positive) {
    if (b.count === 0) continue;
    const range = `${formatDuration(b.fromMs)} to ${formatDuration(b.toMs)}: ${tickets(b.count)}`;
    out.push(bar(x(b.fromMs), x(b.toMs), bottom, height(b.count), range));
  }
  out.push(`<line x1="${PLOT_LEFT}" y1="${n(bottom)}" x2="${PLOT_RIGHT}" y2="${n(bottom)}" stroke="${INK}"/>`);
  const at = (ms: number): number => (ms === 0 && zero !== undefined ? PLOT_LEFT + ZERO_WIDTH / 2 : x(ms));
  if (p.medianMs !== null)
    out.push(mark(`median ${formatDuration(p.medianMs)}`, at(p.medianMs), top + MEDIAN_ROW, bottom, ""));
  if (p.p90Ms !== null) out.push(mark(`p90 ${formatDuration(p.p90Ms)}`, at(p.p90Ms), top + P90_ROW, bottom, "5 3"));
  return out.join("");
}

/** A bar from `from` to `to` (px), `h` high, standing on `bottom`, with its range and count as its title. */
function bar(from: number, to: number, bottom: number, h: number, title: string): string {
  return `<rect x="${n(from)}" y="${n(bottom - h)}" width="${n(to - from)}" height="${n(h)}" fill="${FILL}" stroke="${INK}"><title>${escapeHtml(title)}</title></rect>`;
}

/** A vertical line from the label's row to the axis, the label beside it (left of it past the middle). */
function mark(label: string, x: number, row: number, bottom: number, dash: string): string {
  const right = x > (PLOT_LEFT + PLOT_RIGHT) / 2;
  const dasharray = dash === "" ? "" : ` stroke-dasharray="${dash}"`;
  return (
    `<g><title>${escapeHtml(label)}</title>` +
    `<line x1="${n(x)}" y1="${n(row - 10)}" x2="${n(x)}" y2="${n(bottom)}" stroke="${INK}" stroke-width="2"${dasharray}/>` +
    `<text x="${n(right ? x - 4 : x + 4)}" y="${n(row)}" font-size="11"${right ? ' text-anchor="end"' : ""} fill="${INK}">${escapeHtml(label)}</text></g>`
  );
}

/**
 * The axis labels: the round durations between `low` and `high`, each at least
 * {@link TICK_SPACING} px after the one before; the two ends when fewer than two fit.
 */
function ticks(low: number, high: number, x: (ms: number) => number, top: number, bottom: number): string {
  const round: number[] = [];
  for (const t of roundDurations()) {
    const previous = round[round.length - 1];
    if (t >= low && t <= high && (previous === undefined || x(t) - x(previous) >= TICK_SPACING)) round.push(t);
  }
  const tick = (ms: number, anchor: string): string => {
    const at = n(x(ms));
    return (
      `<line x1="${at}" y1="${n(top)}" x2="${at}" y2="${n(bottom)}" stroke="#dddddd" stroke-width="1"/>` +
      `<text x="${at}" y="${n(bottom + 14)}" font-size="11" text-anchor="${anchor}" fill="${INK}">${escapeHtml(tickLabel(ms))}</text>`
    );
  };
  if (round.length < 2) return tick(low, "start") + tick(high, "end");
  return round.map((ms) => tick(ms, "middle")).join("");
}

/** A tick's duration without a zero second unit: `"1 h"`, not `"1 h 00 min"`. */
function tickLabel(ms: number): string {
  return formatDuration(ms).replace(/ 00 (s|min|h)$/, "");
}

function tickets(count: number): string {
  return `${count} ticket${count === 1 ? "" : "s"}`;
}
