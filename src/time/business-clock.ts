import { inputError } from "../internal/messages.js";
import { type BusinessCalendar, CALENDAR_PARTS } from "./business-calendar.js";
import { type Instant, toEpochMs } from "./instant.js";
import { weekday } from "./open-time.js";

/**
 * One row of {@link businessClock}: an open stretch of a business calendar in
 * UTC epoch milliseconds, half-open `[startMs, endMs)`, with the open time of
 * the rows before it.
 *
 * @category Time
 */
export interface BusinessClockRow {
  /** When the calendar opens, epoch ms (UTC). */
  readonly startMs: number;
  /** When it closes again, epoch ms (UTC), after `startMs`. */
  readonly endMs: number;
  /** The open time of all earlier rows, in ms: the open time from `from` to `startMs`. */
  readonly openBeforeMs: number;
}

const DAY_MS = 86_400_000;
/** The longest span one call covers: 100 years of 366 days. */
const MAX_SPAN_MS = 100 * 366 * DAY_MS;

/**
 * The open intervals of a business calendar between two instants, as rows a
 * SQL engine can join against: `{ startMs, endMs, openBeforeMs }`.
 *
 * Definition: the rows are the maximal open stretches of `calendar` within
 * `[from, to)` in UTC epoch milliseconds, in time order, disjoint and not
 * touching (an interval that ends where the next begins, such as 09:00–12:00
 * and 12:00–17:00, or 22:00–24:00 and 00:00–06:00 the next day, is one row),
 * clipped to `from` and `to`; `openBeforeMs` is the sum of the lengths of the
 * rows before. Daylight saving and holidays are resolved exactly as
 * {@link BusinessCalendar.elapsedMs} resolves them (a skipped hour is never
 * open, a repeated hour is open twice when covered, a holiday closes its local
 * day). The open time up to an instant `t` in `[from, to]` is
 * B(t) = `openBeforeMs + min(max(t − startMs, 0), endMs − startMs)` of the
 * last row with `startMs ≤ t` (0 when there is none), and the business time
 * between `t1 ≤ t2` is B(t2) − B(t1), equal to `calendar.elapsedMs(t1, t2)`
 * to the millisecond. In SQL that is one range (or ASOF) join per instant: no
 * generated weeks, no cross join, no cap on a ticket's length (the week-table
 * approach of dbt_zendesk's business-hours models caps it at 52 weeks). Row
 * count: one per open stretch, so a year of Monday–Friday 09:00–17:00 is about
 * 260 rows (fewer with holidays), a 24/7 calendar one row. No open time in the
 * span gives `[]`.
 *
 * @param calendar - A calendar built by {@link businessCalendar}.
 * @param from - The first instant covered.
 * @param to - The end of the covered span (at or after `from`, at most 100 years of 366 days later).
 * @returns Rows in time order; instants in epoch ms (UTC), `openBeforeMs` in ms.
 * @throws {MetricInputError} `invalid_type` for a calendar not built by {@link businessCalendar} (path `calendar`);
 * `invalid_instant` / `invalid_type` for an unreadable `from` or `to`; `inconsistent_instants` when `to` is before
 * `from` (path `to`); `out_of_range` for a span longer than 100 years of 366 days (path `to`).
 *
 * @example
 * ```ts
 * import { businessCalendar, businessClock } from "support-metrics";
 * const nineToFive = [["09:00", "17:00"]] as const;
 * const calendar = businessCalendar({
 *   timeZone: "America/New_York",
 *   week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
 * });
 * // Friday and Monday around the start of daylight-saving time (10 March 2024).
 * const rows = businessClock(calendar, "2024-03-08T00:00:00Z", "2024-03-12T00:00:00Z");
 * rows.length; // => 2
 * rows[0]; // => { startMs: 1709906400000, endMs: 1709935200000, openBeforeMs: 0 }
 * rows[1]; // => { startMs: 1710162000000, endMs: 1710190800000, openBeforeMs: 28800000 }
 * businessClock(calendar, "2024-03-09T00:00:00Z", "2024-03-10T00:00:00Z"); // => []
 * businessClock(calendar, "2024-03-12T00:00:00Z", "2024-03-08T00:00:00Z"); // throws inconsistent_instants
 * ```
 * @see {@link businessCalendar} for the calendar, {@link ticketTallySql} for the SQL that joins these rows.
 * @category Time
 */
export function businessClock(calendar: BusinessCalendar, from: Instant, to: Instant): BusinessClockRow[] {
  const fn = "businessClock";
  const parts = calendar !== null && typeof calendar === "object" ? CALENDAR_PARTS.get(calendar as object) : undefined;
  if (parts === undefined) {
    throw inputError("invalid_type", fn, "calendar", "a calendar built by businessCalendar()", calendar);
  }
  const a = toEpochMs(fn, "from", from);
  const b = toEpochMs(fn, "to", to);
  if (b < a) throw inputError("inconsistent_instants", fn, "to", "an instant at or after from", to);
  if (b - a > MAX_SPAN_MS) throw inputError("out_of_range", fn, "to", "a span of at most 100 × 366 days", to);

  const { week, zone } = parts;
  const holidays = new Set(parts.holidays);
  const rows: { startMs: number; endMs: number; openBeforeMs: number }[] = [];
  let open = 0;
  /** Appends the open stretch `[s, e)` (UTC), joining it to the last row when they touch. */
  function add(s: number, e: number): void {
    const last = rows[rows.length - 1];
    if (last !== undefined && last.endMs === s) last.endMs = e;
    else rows.push({ startMs: s, endMs: e, openBeforeMs: open });
    open += e - s;
  }

  // Walk the offset segments of the zone; within one the local time is UTC + offset.
  let t = a;
  while (t < b) {
    const chunk = zone.chunkAt(t);
    let offset = chunk.offset0;
    let next = chunk.end;
    for (let i = 0; i < chunk.times.length; i++) {
      const at = chunk.times[i] as number;
      if (at > t) {
        next = at;
        break;
      }
      offset = chunk.offsets[i] as number;
    }
    const end = Math.min(next, b);
    const lo = t + offset;
    const hi = end + offset;
    for (let d = Math.floor(lo / DAY_MS), last = Math.floor((hi - 1) / DAY_MS); d <= last; d++) {
      if (holidays.has(d)) continue;
      const w = weekday(d);
      const stop = week.first[w + 1] as number;
      for (let k = week.first[w] as number; k < stop; k++) {
        const s = Math.max(d * DAY_MS + (week.starts[k] as number), lo);
        const e = Math.min(d * DAY_MS + (week.ends[k] as number), hi);
        if (e > s) add(s - offset, e - offset);
      }
    }
    t = end;
  }
  return rows;
}
