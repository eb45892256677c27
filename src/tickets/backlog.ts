import { DURATION, type Fields, numberOption, readOptions } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import type { Instant } from "../time/instant.js";
import { historyOf, statusAt } from "./status-history.js";
import {
  asOfOption,
  calendarOption,
  createdAtOf,
  eventAt,
  type StatusSet,
  statusesOption,
  type Ticket,
  type TicketCalendar,
  type TicketList,
  ticketAt,
  ticketList,
} from "./ticket.js";

/**
 * Options of {@link backlog}.
 *
 * @category Tickets
 */
export interface BacklogOptions {
  /** The instant the backlog is taken at (required: nothing reads the clock). */
  readonly asOf: Instant;
  /**
   * Count only tickets older than this at `asOf` (age strictly greater), in ms.
   * @defaultValue `undefined` (every unresolved ticket)
   */
  readonly olderThanMs?: number | undefined;
  /**
   * Measure ages in the open time of this business calendar.
   * @defaultValue `undefined` (calendar time)
   */
  readonly calendar?: TicketCalendar | undefined;
  /**
   * The statuses (case-insensitive) that mean resolved when read from `statusHistory`.
   * @defaultValue `["solved", "resolved", "closed"]`
   */
  readonly resolvedStatuses?: readonly string[] | undefined;
}

/**
 * Options of {@link backlogAging}.
 *
 * @category Tickets
 */
export interface BacklogAgingOptions {
  /** The instant the backlog is taken at. */
  readonly asOf: Instant;
  /** Upper bucket edges in ms, strictly increasing and > 0, e.g. one hour, one day, three days. */
  readonly bucketsMs: readonly number[];
  /**
   * Measure ages in the open time of this business calendar.
   * @defaultValue `undefined` (calendar time)
   */
  readonly calendar?: TicketCalendar | undefined;
  /**
   * The statuses (case-insensitive) that mean resolved when read from `statusHistory`.
   * @defaultValue `["solved", "resolved", "closed"]`
   */
  readonly resolvedStatuses?: readonly string[] | undefined;
}

/**
 * One age bucket of {@link backlogAging}: tickets with `fromMs < age ≤ toMs`
 * (the first bucket includes age 0; the last has `toMs: null`, no upper edge).
 *
 * @category Tickets
 */
export interface BacklogBucket {
  /** Lower edge in ms (exclusive, except 0 for the first bucket). */
  readonly fromMs: number;
  /** Upper edge in ms (inclusive), or `null` for the open-ended last bucket. */
  readonly toMs: number | null;
  /** Unresolved tickets of this age at `asOf`. */
  readonly count: number;
}

/**
 * The backlog: how many tickets are open (created and not resolved) at an instant.
 *
 * Counts tickets created at or before `asOf` and not resolved at `asOf`,
 * optionally only those older than `olderThanMs` (age = `asOf − createdAt`, or
 * business time with `calendar`; strictly older). With a `statusHistory`, the
 * status in force at `asOf` decides: `solved`, `resolved` and `closed` (any case)
 * mean resolved unless `resolvedStatuses` says otherwise; pending and on-hold
 * tickets are unsolved, as in Zendesk; before its first entry a ticket is
 * unresolved. Without one (or with an empty one), a ticket is resolved when
 * `resolvedAt ≤ asOf`. No ticket gives 0 (a count, never `null`).
 *
 * @param tickets - The tickets.
 * @param options - `asOf` (required), `olderThanMs`, `calendar`, `resolvedStatuses`.
 * @returns A count of tickets, 0 or more.
 * @throws {MetricInputError} `missing_value` without `asOf` or `createdAt`; `inconsistent_instants` for `resolvedAt` before `createdAt` or a status history out of time order; `invalid_instant` / `invalid_type` for an unreadable field; `invalid_option` for a bad option.
 *
 * @example
 * ```ts
 * import { backlog } from "support-metrics";
 * const asOf = "2024-03-20T12:00:00Z";
 * const tickets = [
 *   { createdAt: "2024-03-18T09:00:00Z" }, // 51 h, open
 *   { createdAt: "2024-03-19T13:00:00Z", statusHistory: [{ status: "new", at: "2024-03-19T13:00:00Z" }, { status: "pending", at: "2024-03-19T15:00:00Z" }] }, // 23 h, pending
 *   { createdAt: "2024-03-20T11:00:00Z" }, // 1 h, new
 *   { createdAt: "2024-03-19T08:00:00Z", resolvedAt: "2024-03-19T10:00:00Z" }, // resolved
 *   { createdAt: "2024-03-12T10:00:00Z", statusHistory: [{ status: "open", at: "2024-03-12T10:00:00Z" }, { status: "solved", at: "2024-03-13T10:00:00Z" }, { status: "open", at: "2024-03-14T10:00:00Z" }] }, // 194 h, reopened
 * ];
 * backlog(tickets, { asOf }); // => 4
 * backlog(tickets, { asOf, olderThanMs: 24 * 3_600_000 }); // => 2
 * backlog([], { asOf }); // => 0
 * backlog(tickets, { asOf: "2024-03-20T12:00:00" }); // throws invalid_instant
 * ```
 * @see {@link backlogAging}
 * @category Tickets
 */
export function backlog(tickets: readonly Ticket[], options: BacklogOptions): number {
  const fn = "backlog";
  const list = ticketList(fn, tickets);
  const o = readOptions(fn, "options", options, BACKLOG_FIELDS);
  const asOf = asOfOption(fn, o, true);
  // Absent: every open ticket (an age is never below -∞).
  const olderThan =
    numberOption(fn, "options.olderThanMs", o.olderThanMs, { expected: DURATION }) ?? Number.NEGATIVE_INFINITY;
  const calendar = calendarOption(fn, o["calendar"], "options.calendar");
  const resolvedSet = statusesOption(fn, o["resolvedStatuses"], "options.resolvedStatuses", RESOLVED);
  let open = 0;
  for (let i = 0; i < list.length; i++) {
    const age = openAge(fn, list, i, asOf, calendar, resolvedSet);
    if (age >= 0 && age > olderThan) open++;
  }
  return open;
}

/**
 * The backlog split by age: how many open tickets at `asOf` fall in each age bucket.
 *
 * The same tickets as {@link backlog} (created at or before `asOf`, not resolved
 * at `asOf`), counted by age: with edges b₁ < b₂ < … < bₖ the buckets are
 * [0, b₁], (b₁, b₂], …, (bₖ, ∞), so the counts beyond edge b add up to
 * `backlog(tickets, { asOf, olderThanMs: b })` and all of them to the backlog.
 * Ages are calendar time, or business time with `calendar`.
 *
 * @param tickets - The tickets.
 * @param options - `asOf` (required), `bucketsMs` (required), `calendar`, `resolvedStatuses`.
 * @returns One bucket per edge plus an open-ended last one, each `{ fromMs, toMs, count }` (ages in ms, counts ≥ 0).
 * @throws {MetricInputError} `missing_value` without `asOf`; `invalid_option` when `bucketsMs` is missing, empty, not increasing or not > 0; otherwise as {@link backlog}.
 *
 * @example
 * ```ts
 * import { backlogAging } from "support-metrics";
 * const hour = 3_600_000;
 * const tickets = [{ createdAt: 0 }, { createdAt: 20 * hour }, { createdAt: 47 * hour }, { createdAt: 0, resolvedAt: hour }];
 * backlogAging(tickets, { asOf: 48 * hour, bucketsMs: [24 * hour] }); // => [{ fromMs: 0, toMs: 86400000, count: 1 }, { fromMs: 86400000, toMs: null, count: 2 }]
 * backlogAging(tickets, { asOf: 48 * hour, bucketsMs: [2 * hour, hour] }); // throws invalid_option
 * ```
 * @see {@link backlog}
 * @category Tickets
 */
export function backlogAging(tickets: readonly Ticket[], options: BacklogAgingOptions): BacklogBucket[] {
  const fn = "backlogAging";
  const list = ticketList(fn, tickets);
  const o = readOptions(fn, "options", options, BACKLOG_AGING_FIELDS);
  const asOf = asOfOption(fn, o, true);
  const edges = readEdges(fn, o["bucketsMs"]);
  const calendar = calendarOption(fn, o["calendar"], "options.calendar");
  const resolvedSet = statusesOption(fn, o["resolvedStatuses"], "options.resolvedStatuses", RESOLVED);
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < list.length; i++) {
    const age = openAge(fn, list, i, asOf, calendar, resolvedSet);
    if (age < 0) continue;
    // First bucket whose upper edge is ≥ age (binary search: edges increase).
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((edges[mid] as number) >= age) hi = mid;
      else lo = mid + 1;
    }
    counts[lo] = (counts[lo] as number) + 1;
  }
  return counts.map((c, k) => ({
    fromMs: k === 0 ? 0 : (edges[k - 1] as number),
    toMs: k < edges.length ? (edges[k] as number) : null,
    count: c,
  }));
}

const RESOLVED: readonly string[] = ["solved", "resolved", "closed"];

const BACKLOG_FIELDS: Fields<BacklogOptions> = {
  asOf: "required",
  olderThanMs: "optional",
  calendar: "optional",
  resolvedStatuses: "optional",
};

const BACKLOG_AGING_FIELDS: Fields<BacklogAgingOptions> = {
  asOf: "required",
  bucketsMs: "required",
  calendar: "optional",
  resolvedStatuses: "optional",
};

/** The age at `asOf` of ticket `i` when it is in the backlog then, else `-1`. */
function openAge(
  fn: string,
  list: TicketList,
  i: number,
  asOf: number,
  calendar: TicketCalendar | undefined,
  resolvedSet: StatusSet,
): number {
  const t = ticketAt(fn, list, i);
  const created = createdAtOf(fn, t, i);
  const resolved = eventAt(fn, t, i, "resolvedAt", created);
  const history = historyOf(fn, t, i);
  if (created > asOf) return -1;
  if (history !== undefined && history.length > 0) {
    const status = statusAt(fn, history, i, asOf);
    if (status !== undefined && resolvedSet.has(status)) return -1;
  } else if (resolved <= asOf) {
    return -1;
  }
  return calendar === undefined ? asOf - created : calendar.elapsedMs(created, asOf);
}

function readEdges(fn: string, value: unknown): number[] {
  const path = "options.bucketsMs";
  if (!Array.isArray(value)) throw inputError("invalid_option", fn, path, "an array of bucket edges in ms", value);
  const list: readonly unknown[] = value;
  if (list.length === 0) throw inputError("invalid_option", fn, path, "at least one bucket edge", value);
  const edges: number[] = [];
  for (let k = 0; k < list.length; k++) {
    const e = list[k];
    const previous = k === 0 ? 0 : (edges[k - 1] as number);
    if (typeof e !== "number" || !Number.isFinite(e) || e <= previous) {
      throw inputError("invalid_option", fn, `${path}[${k}]`, `an edge in ms greater than ${previous}`, e);
    }
    edges.push(e);
  }
  return edges;
}
