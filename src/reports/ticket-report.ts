import { displayTicketReport, withDisplay } from "../display/index.js";
import { normalize, percentOf, readOptions } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { keyObject } from "./dimensions.js";
import { histogramPanel } from "./histogram.js";
import type { SetAside } from "./set-aside.js";
import { quantileOf } from "./sketch.js";
import { GroupSum, readTicketTally } from "./ticket-merge.js";
import type { DurationTally, TicketTally, TicketTallyGroup } from "./tickets.js";

/**
 * Options of {@link ticketReport}.
 *
 * @category Reports
 */
export interface TicketReportOptions {
  /**
   * The quantile positions to estimate from the sketches, each 0 ≤ p ≤ 1.
   * @defaultValue `[0.5, 0.9]`
   */
  readonly quantiles?: readonly number[];
}

/**
 * A duration in a {@link TicketReportRow}.
 *
 * @category Reports
 */
export interface DurationSummary {
  /** Tickets measured (the end event happened by `asOf`). */
  readonly n: number;
  /** Tickets still waiting for the end event at `asOf` (left out: right-censored). */
  readonly censored: number;
  /** The mean in ms, as {@link firstResponseTime} / {@link resolutionTime} with `statistic: "mean"`; `null` when `n` is 0. */
  readonly meanMs: number | null;
  /** Each requested quantile `p` and its estimate in ms (within `relativeAccuracy` of R-7); `ms` is `null` when `n` is 0. */
  readonly quantilesMs: readonly {
    /** The quantile position, 0–1. */
    readonly p: number;
    /** The estimate in ms, `null` when no ticket has this duration. */
    readonly ms: number | null;
  }[];
  /** α, the quantiles' relative accuracy. */
  readonly relativeAccuracy: number;
}

/**
 * One row of a {@link TicketReport}: every ticket KPI of one group.
 *
 * @category Reports
 */
export interface TicketReportRow {
  /** The group's value of each dimension by name; `{}` for the total. */
  readonly key: Readonly<Record<string, string | null>>;
  /** Tickets created at or before `asOf`. */
  readonly tickets: number;
  /** Tickets resolved by `asOf`. */
  readonly resolved: number;
  /** Tickets open at `asOf` ({@link backlog}). */
  readonly backlog: number;
  /** First-response time; `resolvedWithoutResponse` tickets have none. */
  readonly firstResponse: DurationSummary & {
    /** Tickets resolved without any first response (left out of the statistic). */
    readonly resolvedWithoutResponse: number;
  };
  /** Resolution time (to `resolvedAt`). */
  readonly resolution: DurationSummary;
  /** SLA outcomes per ticket and compliance (a percentage, `null` when none is decided); `null` without a policy. */
  readonly sla: {
    /** Tickets that met every target. */
    readonly achieved: number;
    /** Tickets that missed a target, or are open past it at `asOf`. */
    readonly breached: number;
    /** Tickets not yet decided at `asOf`. */
    readonly pending: number;
    /** achieved ÷ (achieved + breached) × 100, `null` when none is decided. */
    readonly compliance: number | null;
  } | null;
  /** {@link reopenRate} of the tickets resolved by `asOf`, a percentage; `null` when none records its reopens. */
  readonly reopenRate: number | null;
  /** {@link firstContactResolutionRate} of the tickets resolved by `asOf`, a percentage; `null` when none records its contacts. */
  readonly firstContactResolutionRate: number | null;
  /** {@link channelMix} of the tickets with a channel: largest first, ties by name. */
  readonly channels: readonly {
    /** The channel's name. */
    readonly channel: string;
    /** Tickets on that channel. */
    readonly count: number;
    /** Its share of the tickets with a channel, 0–100. */
    readonly percent: number;
  }[];
  /** Tickets without a channel, left out of `channels`. */
  readonly channelUnrecorded: number;
}

/**
 * The result of {@link ticketReport}.
 *
 * @category Reports
 */
export interface TicketReport {
  /** One row per group, sorted by key. */
  readonly groups: TicketReportRow[];
  /** The row of all groups together (key `{}`). */
  readonly total: TicketReportRow;
  /** The tickets set aside, by code, with the first few. */
  readonly setAside: SetAside;
  /** Tickets processed: in the groups, created after `asOf`, or set aside. */
  readonly records: number;
  /** Valid tickets created after `asOf` (in no row). */
  readonly createdAfterAsOf: number;
}

/**
 * Turns a ticket tally into report rows: every KPI per group and for the total.
 *
 * Every number equals what the per-array function returns for that group's
 * tickets created by `asOf`, with the tally's `asOf`, `calendar` and
 * `pauseStatuses`: `resolved` and the duration counts as {@link ticketDurations},
 * `meanMs` as {@link firstResponseTime} / {@link resolutionTime} (exact up to
 * floating-point summation, and exactly equal for whole-millisecond durations
 * below 2^53 in total), `backlog` as {@link backlog}, `sla` as {@link slaCounts}
 * and {@link slaCompliance}, `reopenRate` and `firstContactResolutionRate` as
 * {@link reopenRate} and {@link firstContactResolutionRate} over the tickets
 * resolved by `asOf`, and `channels` as {@link channelMix} over the tickets with
 * a channel. Quantiles come from the sketches: each lies within the sketch's
 * relative accuracy α of the exact R-7 quantile (see {@link sketchQuantile}).
 * A group with no measured ticket has `meanMs: null` and `ms: null` quantiles.
 *
 * @param tally - A tally from {@link tallyTickets} or {@link mergeTallies} (or its JSON).
 * @param options - `quantiles` (default `[0.5, 0.9]`).
 * @returns `{ groups, total, setAside, records, createdAfterAsOf }`: plain data; durations in ms, rates as percentages 0–100.
 * @throws {MetricInputError} `invalid_option` for a quantile outside 0–1; `missing_value` / `invalid_type` / `out_of_range` / `inconsistent_counts` for a malformed tally (path inside `tally`).
 *
 * @example
 * ```ts
 * import { tallyTickets, ticketReport } from "support-metrics";
 * const minute = 60_000;
 * const tickets = [5, 10, 15, 20, 600].map((m, i) => ({
 *   createdAt: 0,
 *   firstResponseAt: m * minute,
 *   channel: i < 3 ? "email" : "chat",
 * }));
 * const report = ticketReport(tallyTickets(tickets, { asOf: 1000 * minute }));
 * report.total.firstResponse.meanMs / minute; // => 130
 * report.total.firstResponse.quantilesMs[0]; // => { p: 0.5, ms: 900231.314 }
 * report.total.channels; // => [{ channel: "email", count: 3, percent: 60 }, { channel: "chat", count: 2, percent: 40 }]
 * report.total.backlog; // => 5
 * ticketReport(tallyTickets([], { asOf: 0 })).total.resolution.meanMs; // => null
 * ticketReport(tallyTickets([], { asOf: 0 }), { quantiles: [95] }); // throws invalid_option
 * ```
 * @see {@link tallyTickets}, {@link mergeTallies}, {@link slaDetails}
 * @category Reports
 */
export function ticketReport(tally: TicketTally, options?: TicketReportOptions): TicketReport {
  const fn = "ticketReport";
  const o = readOptions(fn, "options", options, { quantiles: "optional" });
  const quantiles = readQuantiles(fn, o.quantiles);
  const t = readTicketTally(fn, "tally", tally);
  const names = t.dimensions;
  const all = new GroupSum(t.relativeAccuracy);
  const groups: TicketReportRow[] = [];
  for (const g of t.groups) {
    groups.push(row(keyObject(names, g.key), g, quantiles));
    all.add(g);
  }
  const whole = t.groups.length === 0 ? emptyGroup(t) : all.toJSON();
  const total = row({}, whole, quantiles);
  const report = { groups, total, setAside: t.setAside, records: t.records, createdAfterAsOf: t.createdAfterAsOf };
  // The charts' histograms come from the total's sketches, which the report does not carry: they live
  // in the display method only (the data stays as it is), taken now so that a tally changed later
  // cannot change what the report shows.
  const panels = [
    histogramPanel("First response time", whole.firstResponse.sketch),
    histogramPanel("Resolution time", whole.resolution.sketch),
  ];
  return withDisplay(report, (r) => displayTicketReport(r, panels));
}

const DEFAULT_QUANTILES: readonly number[] = [0.5, 0.9];

function readQuantiles(fn: string, value: unknown): readonly number[] {
  if (value === undefined) return DEFAULT_QUANTILES;
  if (!Array.isArray(value)) {
    throw inputError("invalid_option", fn, "options.quantiles", "an array of positions 0 ≤ p ≤ 1", value);
  }
  const list: readonly unknown[] = value;
  for (let k = 0; k < list.length; k++) {
    const p = list[k];
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
      throw inputError("invalid_option", fn, `options.quantiles[${k}]`, "a position 0 ≤ p ≤ 1", p);
    }
  }
  return list as number[];
}

function row(key: Record<string, string | null>, g: TicketTallyGroup, quantiles: readonly number[]): TicketReportRow {
  const channelTotal = g.tickets - g.channelUnrecorded;
  const channels = g.channels
    .map(([channel, count]) => ({ channel, count, percent: (count * 100) / channelTotal }))
    .sort((a, b) => (a.count !== b.count ? b.count - a.count : a.channel < b.channel ? -1 : 1));
  return {
    key,
    tickets: g.tickets,
    resolved: g.resolution.n,
    backlog: g.backlog,
    firstResponse: {
      ...summary(g.firstResponse, quantiles),
      resolvedWithoutResponse: g.firstResponse.resolvedWithoutResponse,
    },
    resolution: summary(g.resolution, quantiles),
    sla: g.sla === null ? null : { ...g.sla, compliance: percentOf(g.sla.achieved, g.sla.achieved + g.sla.breached) },
    reopenRate: percentOf(g.reopens.reopened, g.reopens.resolved),
    firstContactResolutionRate: percentOf(g.firstContact.firstContact, g.firstContact.resolved),
    channels,
    channelUnrecorded: g.channelUnrecorded,
  };
}

function summary(d: DurationTally, quantiles: readonly number[]): DurationSummary {
  const s = d.sketch;
  let meanMs: number | null = null;
  if (d.n > 0) {
    const mean = (d.sumMs + d.sumRemainderMs) / d.n;
    // The mean of values lies within their [min, max] (as `mean`); rounding could step out by an ulp.
    const min = s.min as number;
    const max = s.max as number;
    meanMs = normalize(mean < min ? min : mean > max ? max : mean);
  }
  return {
    n: d.n,
    censored: d.censored,
    meanMs,
    quantilesMs: quantiles.map((p) => {
      const ms = quantileOf(s, p);
      return { p, ms: ms === null ? null : normalize(ms) };
    }),
    relativeAccuracy: s.relativeAccuracy,
  };
}

function emptyGroup(t: TicketTally): TicketTallyGroup {
  const sketch = {
    relativeAccuracy: t.relativeAccuracy,
    count: 0,
    zeroCount: 0,
    min: null,
    max: null,
    bins: [],
  };
  const duration = { n: 0, censored: 0, sumMs: 0, sumRemainderMs: 0, sketch };
  return {
    key: [],
    tickets: 0,
    backlog: 0,
    firstResponse: { ...duration, resolvedWithoutResponse: 0 },
    resolution: duration,
    sla: t.hasSla ? { achieved: 0, breached: 0, pending: 0 } : null,
    reopens: { reopened: 0, resolved: 0, unrecorded: 0 },
    firstContact: { firstContact: 0, resolved: 0, unrecorded: 0 },
    channels: [],
    channelUnrecorded: 0,
  };
}
