import { COUNT, type Fields, normalize, oneOf, readOptions } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { meanOf, quantileInPlace } from "../stats/quantile.js";
import type { Instant } from "../time/instant.js";
import { activeMs, historyOf } from "./status-history.js";
import {
  asOfOption,
  calendarOption,
  createdAtOf,
  eventAt,
  optionalCount,
  type StatusSet,
  statusesOption,
  type Ticket,
  type TicketCalendar,
  type TicketList,
  ticketAt,
  ticketList,
} from "./ticket.js";

/**
 * The statistic a duration metric reports: the mean, the median, or any
 * quantile `{ quantile: p }` with `0 ≤ p ≤ 1` (R-7, as {@link quantile}).
 *
 * @category Tickets
 */
export type DurationStatistic =
  | "mean"
  | "median"
  | {
      /** The quantile position, 0 ≤ p ≤ 1 (0.9 for the 90th percentile). */
      readonly quantile: number;
    };

/**
 * Options of {@link firstResponseTime}.
 *
 * @category Tickets
 */
export interface DurationOptions {
  /**
   * The statistic to report. The usual definitions of response and resolution
   * times are averages (total time ÷ tickets); Zendesk, Intercom and Gorgias report the median by default.
   * @defaultValue `"mean"`
   */
  readonly statistic?: DurationStatistic | undefined;
  /**
   * Count only the open time of this business calendar (from {@link businessCalendar}).
   * @defaultValue `undefined` (calendar time: every millisecond counts)
   */
  readonly calendar?: TicketCalendar | undefined;
  /**
   * Statuses whose time is not counted, read from each ticket's `statusHistory`
   * (case-insensitive), e.g. `["pending", "on-hold"]`.
   * @defaultValue `[]` (nothing pauses)
   */
  readonly pauseStatuses?: readonly string[] | undefined;
  /**
   * Evaluate as of this instant: events after it have not happened yet and
   * tickets created after it do not exist yet.
   * @defaultValue `undefined` (every recorded event counts)
   */
  readonly asOf?: Instant | undefined;
}

/**
 * Options of {@link resolutionTime}.
 *
 * @category Tickets
 */
export interface ResolutionTimeOptions extends DurationOptions {
  /**
   * `"full"`: to the final resolution (`resolvedAt`, Zendesk's full resolution time);
   * `"first"`: to the first resolution (`firstResolvedAt`, Zendesk's first resolution time).
   * @defaultValue `"full"`
   */
  readonly basis?: "full" | "first" | undefined;
}

/**
 * Options of {@link ticketDurations}.
 *
 * @category Tickets
 */
export interface TicketDurationsOptions {
  /**
   * Which duration: `"firstResponse"` (createdAt → firstResponseAt) or `"resolution"` (createdAt → resolution).
   * @defaultValue `"resolution"`
   */
  readonly measure?: "firstResponse" | "resolution" | undefined;
  /**
   * For `"resolution"`: `"full"` (to `resolvedAt`) or `"first"` (to `firstResolvedAt`).
   * @defaultValue `"full"`
   */
  readonly basis?: "full" | "first" | undefined;
  /**
   * Count only the open time of this business calendar.
   * @defaultValue `undefined` (calendar time)
   */
  readonly calendar?: TicketCalendar | undefined;
  /**
   * Statuses whose time is not counted (case-insensitive), read from `statusHistory`.
   * @defaultValue `[]`
   */
  readonly pauseStatuses?: readonly string[] | undefined;
  /**
   * Evaluate as of this instant (events after it have not happened yet).
   * @defaultValue `undefined` (every recorded event counts)
   */
  readonly asOf?: Instant | undefined;
}

/**
 * Why tickets were left out of a duration statistic, and how many.
 *
 * @category Tickets
 */
export interface DurationLeftOut {
  /** Still waiting for the end event (no first response yet, not resolved yet): right-censored. */
  readonly censored: number;
  /** Created after `asOf`: the ticket did not exist yet. */
  readonly createdAfterAsOf: number;
  /** First response only: resolved without any recorded first response, so there is no response time. */
  readonly resolvedWithoutResponse: number;
  /** `basis: "first"` only: reopened (or not known never to have been), with no `firstResolvedAt`. */
  readonly firstResolutionUnknown: number;
}

/**
 * The result of {@link ticketDurations}.
 *
 * @category Tickets
 */
export interface TicketDurations {
  /** One entry per ticket, in input order: the duration in milliseconds, or `null` when left out. */
  readonly durationsMs: (number | null)[];
  /** How many tickets have a duration. */
  readonly measured: number;
  /** How many were left out, by reason. */
  readonly leftOut: DurationLeftOut;
}

/**
 * Each ticket's first-response or resolution time, with a count of the tickets
 * left out and why.
 *
 * The duration runs from `createdAt` to the end event: `firstResponseAt` for
 * `measure: "firstResponse"`, `resolvedAt` (the final resolution, `basis: "full"`)
 * or `firstResolvedAt` (`basis: "first"`) for `"resolution"`. A ticket without
 * its end event is right-censored: its duration is unknown, not 0, so it is left
 * out and counted in `leftOut.censored` (averaging open tickets as 0, or as
 * their age so far, biases the statistic). With `asOf`, events after it have not
 * happened yet and tickets created after it are left out. With `calendar`, only
 * open business time counts; with `pauseStatuses`, time spent in those statuses
 * (from `statusHistory`, as Zendesk's requester wait time pauses while pending)
 * does not count. With `basis: "first"` and no `firstResolvedAt`, `resolvedAt`
 * is the first resolution only when `reopenCount` is 0. An end event before
 * `createdAt` is invalid input.
 *
 * @param tickets - The tickets.
 * @param options - `measure`, `basis`, `calendar`, `pauseStatuses`, `asOf`.
 * @returns Milliseconds per ticket (`null` when left out), the count measured and the counts left out by reason.
 * @throws {MetricInputError} `inconsistent_instants` for an end event before `createdAt`, `firstResolvedAt` after `resolvedAt` or a status history out of time order (the path names the ticket, e.g. `tickets[2].resolvedAt`); `missing_value` without `createdAt`; `invalid_instant` / `invalid_type` for an unreadable instant or field; `invalid_option` for a bad option.
 *
 * @example
 * ```ts
 * import { ticketDurations } from "support-metrics";
 * const tickets = [
 *   { createdAt: "2024-03-20T09:00:00Z", firstResponseAt: "2024-03-20T09:05:00Z" },
 *   { createdAt: "2024-03-20T10:00:00Z" },
 *   { createdAt: "2024-03-20T11:00:00Z", resolvedAt: "2024-03-20T11:30:00Z" },
 * ];
 * const frt = ticketDurations(tickets, { measure: "firstResponse" });
 * frt.durationsMs; // => [300000, null, null]
 * frt.leftOut; // => { censored: 1, createdAfterAsOf: 0, resolvedWithoutResponse: 1, firstResolutionUnknown: 0 }
 * ticketDurations([{ createdAt: 0, resolvedAt: -1 }]); // throws inconsistent_instants
 * ```
 * @see {@link firstResponseTime}, {@link resolutionTime}
 * @category Tickets
 */
export function ticketDurations(tickets: readonly Ticket[], options?: TicketDurationsOptions): TicketDurations {
  const fn = "ticketDurations";
  const list = ticketList(fn, tickets);
  const o = readOptions(fn, "options", options, TICKET_DURATIONS_FIELDS);
  const measure = oneOf(fn, "options.measure", o.measure, {
    allowed: ["firstResponse", "resolution"],
    fallback: "resolution",
  });
  const spec = readSpec(fn, o, measure);
  const durations: (number | null)[] = new Array(list.length);
  const left = [0, 0, 0, 0]; // by reason: left[-code - 1]
  let measured = 0;
  for (let i = 0; i < list.length; i++) {
    const d = measureTicket(fn, list, i, spec);
    if (d >= 0) {
      durations[i] = d;
      measured++;
    } else {
      durations[i] = null;
      left[-d - 1]!++;
    }
  }
  const leftOut = {
    censored: left[-CENSORED - 1] as number,
    createdAfterAsOf: left[-CREATED_AFTER_AS_OF - 1] as number,
    resolvedWithoutResponse: left[-RESOLVED_WITHOUT_RESPONSE - 1] as number,
    firstResolutionUnknown: left[-FIRST_RESOLUTION_UNKNOWN - 1] as number,
  };
  return { durationsMs: durations, measured, leftOut };
}

/**
 * First response time: how long customers waited for the first reply, as one
 * statistic over tickets (the mean by default).
 *
 * Per ticket, `firstResponseAt − createdAt`, or its business-hours / paused form
 * (see {@link ticketDurations}). Tickets still waiting for a first response are
 * censored: left out, never counted as 0 (their count is in
 * `ticketDurations(tickets, { measure: "firstResponse" }).leftOut`), and so are
 * tickets resolved without a response. The usual definition of FRT is the
 * average (total first-response time ÷ first responses, so 54 000 s over 800
 * responses is 67.5 s); Zendesk, Intercom and Gorgias show the median by
 * default, which a few very late replies do not drag up. No measured ticket
 * gives `null`.
 *
 * @param tickets - The tickets.
 * @param options - `statistic` (`"mean"`, `"median"` or `{ quantile: p }`), `calendar`, `pauseStatuses`, `asOf`.
 * @returns Milliseconds; `null` when no ticket has a first response.
 * @throws {MetricInputError} `inconsistent_instants` for a first response before `createdAt` (path `tickets[i].firstResponseAt`); `missing_value` without `createdAt`; `invalid_instant` / `invalid_type` for an unreadable field; `invalid_option` for a bad option.
 *
 * @example
 * ```ts
 * import { firstResponseTime } from "support-metrics";
 * const minute = 60_000;
 * const tickets = [5, 10, 15, 20, 600].map((m) => ({ createdAt: 0, firstResponseAt: m * minute }));
 * firstResponseTime(tickets) / minute; // => 130
 * firstResponseTime(tickets, { statistic: "median" }) / minute; // => 15
 * firstResponseTime(tickets, { statistic: { quantile: 0.9 } }) / minute; // => 368.000000
 * firstResponseTime([{ createdAt: 0 }]); // => null
 * firstResponseTime([{ createdAt: 10, firstResponseAt: 5 }]); // throws inconsistent_instants
 * ```
 * @see {@link ticketDurations}, {@link resolutionTime}, {@link slaCompliance}
 * @category Tickets
 */
export function firstResponseTime(tickets: readonly Ticket[], options?: DurationOptions): number | null {
  const fn = "firstResponseTime";
  const list = ticketList(fn, tickets);
  const o = readOptions(fn, "options", options, DURATION_FIELDS);
  return statisticOf(fn, list, readSpec(fn, o, "firstResponse"), readStatistic(fn, o.statistic));
}

/**
 * Resolution time: how long tickets took to resolve, as one statistic over
 * resolved tickets (the mean by default).
 *
 * Per ticket, from `createdAt` to the final resolution `resolvedAt`
 * (`basis: "full"`, Zendesk's full resolution time) or to the first one
 * `firstResolvedAt` (`basis: "first"`), in calendar time or, with `calendar`,
 * business time, less the time in `pauseStatuses` (see {@link ticketDurations}).
 * Unresolved tickets are censored: left out, never averaged as 0. Mean by default
 * as in the usual definition (total time ÷ tickets); Zendesk, Intercom and Gorgias show the median. No
 * resolved ticket gives `null`.
 *
 * @param tickets - The tickets.
 * @param options - `basis`, `statistic`, `calendar`, `pauseStatuses`, `asOf`.
 * @returns Milliseconds; `null` when no ticket is resolved.
 * @throws {MetricInputError} `inconsistent_instants` for a resolution before `createdAt` (path `tickets[i].resolvedAt`), `firstResolvedAt` after `resolvedAt` or a status history out of order; `missing_value` without `createdAt`; `invalid_instant` / `invalid_type` for an unreadable field; `invalid_option` for a bad option.
 *
 * @example
 * ```ts
 * import { resolutionTime } from "support-metrics";
 * const hour = 3_600_000;
 * const tickets = [
 *   { createdAt: 0, resolvedAt: 10 * hour, reopenCount: 0, statusHistory: [{ status: "open", at: 0 }, { status: "pending", at: 2 * hour }, { status: "open", at: 8 * hour }] },
 *   { createdAt: 0, firstResolvedAt: 1 * hour, resolvedAt: 4 * hour, reopenCount: 1 },
 *   { createdAt: 0 },
 * ];
 * resolutionTime(tickets) / hour; // => 7
 * resolutionTime(tickets, { basis: "first" }) / hour; // => 5.5
 * // Zendesk's requester wait time: the pending hours do not count.
 * resolutionTime(tickets, { pauseStatuses: ["pending"] }) / hour; // => 4
 * resolutionTime([{ createdAt: 0 }]); // => null
 * resolutionTime(tickets, { statistic: "mode" as "mean" }); // throws invalid_option
 * ```
 * @see {@link ticketDurations}, {@link firstResponseTime}, {@link slaCompliance}
 * @category Tickets
 */
export function resolutionTime(tickets: readonly Ticket[], options?: ResolutionTimeOptions): number | null {
  const fn = "resolutionTime";
  const list = ticketList(fn, tickets);
  const o = readOptions(fn, "options", options, { ...DURATION_FIELDS, basis: "optional" });
  return statisticOf(fn, list, readSpec(fn, o, "resolution"), readStatistic(fn, o.statistic));
}

/** What to measure, read from the options once. */
interface Spec {
  readonly measure: "firstResponse" | "resolution";
  readonly basis: "full" | "first";
  readonly calendar: TicketCalendar | undefined;
  readonly paused: StatusSet | undefined;
  readonly asOf: number;
}

const NONE: readonly string[] = [];

const DURATION_FIELDS: Fields<DurationOptions> = {
  statistic: "optional",
  calendar: "optional",
  pauseStatuses: "optional",
  asOf: "optional",
};

const TICKET_DURATIONS_FIELDS: Fields<TicketDurationsOptions> = {
  measure: "optional",
  basis: "optional",
  calendar: "optional",
  pauseStatuses: "optional",
  asOf: "optional",
};

function readSpec(fn: string, o: Record<string, unknown>, measure: "firstResponse" | "resolution"): Spec {
  const basis = oneOf(fn, "options.basis", o["basis"], { allowed: ["full", "first"], fallback: "full" });
  const calendar = calendarOption(fn, o["calendar"], "options.calendar");
  const paused = statusesOption(fn, o["pauseStatuses"], "options.pauseStatuses", NONE);
  const asOf = asOfOption(fn, o, false);
  return { measure, basis, calendar, paused: paused.empty ? undefined : paused, asOf };
}

// Why a ticket is left out: the negative codes measureTicket returns.
const CENSORED = -1;
const CREATED_AFTER_AS_OF = -2;
const RESOLVED_WITHOUT_RESPONSE = -3;
const FIRST_RESOLUTION_UNKNOWN = -4;

/** The duration of ticket `i` in ms (≥ 0), or a negative code saying why it is left out. */
function measureTicket(fn: string, list: TicketList, i: number, spec: Spec): number {
  const t = ticketAt(fn, list, i);
  const created = createdAtOf(fn, t, i);
  const asOf = spec.asOf;
  const hasAsOf = !Number.isNaN(asOf);
  const resolved = eventAt(fn, t, i, "resolvedAt", created);
  let end: number;
  let unknownFirst = false;
  if (spec.measure === "firstResponse") {
    end = eventAt(fn, t, i, "firstResponseAt", created);
    if (hasAsOf && created > asOf) return CREATED_AFTER_AS_OF;
    if (Number.isNaN(end) || (hasAsOf && end > asOf)) {
      return Number.isNaN(resolved) || (hasAsOf && resolved > asOf) ? CENSORED : RESOLVED_WITHOUT_RESPONSE;
    }
  } else if (spec.basis === "full") {
    end = resolved;
  } else {
    end = eventAt(fn, t, i, "firstResolvedAt", created);
    if (end > resolved) {
      throw inputError(
        "inconsistent_instants",
        fn,
        `tickets[${i}].firstResolvedAt`,
        "an instant at or before resolvedAt",
        t["firstResolvedAt"],
      );
    }
    if (Number.isNaN(end) && !Number.isNaN(resolved)) {
      // Without firstResolvedAt, the final resolution is the first only for a ticket never reopened.
      const reopens = optionalCount(fn, t, i, "reopenCount", 0, COUNT);
      if (reopens === 0) end = resolved;
      else unknownFirst = true;
    }
  }
  if (hasAsOf && created > asOf) return CREATED_AFTER_AS_OF;
  if (unknownFirst) return hasAsOf && resolved > asOf ? CENSORED : FIRST_RESOLUTION_UNKNOWN;
  if (Number.isNaN(end) || (hasAsOf && end > asOf)) return CENSORED;
  const history = spec.paused === undefined ? undefined : historyOf(fn, t, i);
  return activeMs(fn, created, end, spec.calendar, history, spec.paused, i);
}

/** The statistic option read as a quantile position (`-1` for the mean). */
function readStatistic(fn: string, value: unknown): number {
  if (value === undefined || value === "mean") return -1;
  if (value === "median") return 0.5;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const p = readOptions(fn, "options.statistic", value as { quantile: number }, { quantile: "required" }).quantile;
    if (typeof p === "number" && p >= 0 && p <= 1) return p;
    throw inputError("invalid_option", fn, "options.statistic.quantile", "a position 0 ≤ p ≤ 1", p);
  }
  throw inputError("invalid_option", fn, "options.statistic", '"mean", "median" or { quantile: p }', value);
}

/** Measures every ticket into one buffer and reduces it to the statistic (`p < 0`: mean). */
function statisticOf(fn: string, list: TicketList, spec: Spec, p: number): number | null {
  const buffer = new Float64Array(list.length);
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    const d = measureTicket(fn, list, i, spec);
    if (d >= 0) buffer[n++] = d;
  }
  if (n === 0) return null;
  const value = p < 0 ? meanOf(buffer, n) : quantileInPlace(buffer, n, p);
  return normalize(value);
}
