import { nonNegative, normalize } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { type CalendarSpec, readCalendarOptions } from "./calendar-options.js";
import { type Instant, toEpochMs } from "./instant.js";
import { openTime } from "./open-time.js";
import { type ZoneOffsets, zoneOffsets } from "./zone-offsets.js";

/** Internal: what a calendar from {@link businessCalendar} was built from (read by `businessClock`). */
export interface CalendarParts {
  readonly week: CalendarSpec["week"];
  readonly holidays: readonly number[];
  readonly zone: ZoneOffsets;
  /**
   * `elapsedMs(io[0], io[1])` written into `io[2]` (the same number, or the same
   * error): for hot loops, with no boxed number crossing the call.
   */
  readonly elapsedInto: (io: Float64Array) => void;
  /**
   * Open-time positions, for hot loops that measure many spans between the
   * same few instants. `io[0]` is an instant that places a zone offset segment
   * (from `io[0]` to the next change of offset); each of `io[1]` … `io[n − 1]`
   * that lies in it (from `io[0]` to that change, inclusive) becomes its open
   * time from a fixed origin, and `NaN` stays `NaN`. The open time between two
   * such instants is the difference of their positions: the very number
   * `elapsedMs` gives (the same local arithmetic, one offset). When an instant
   * lies outside the segment, returns `false` and leaves `io` as it was:
   * measure with `elapsedInto` then.
   */
  readonly positionsInto: (io: Float64Array, n: number) => boolean;
}

/** Internal: the slot-writing hooks of a calendar from {@link businessCalendar}. */
export type FastCalendar = Pick<CalendarParts, "elapsedInto" | "positionsInto">;

/** Internal: the parts of each calendar built by {@link businessCalendar}. */
export const CALENDAR_PARTS: WeakMap<object, CalendarParts> = /* @__PURE__ */ new WeakMap();

/**
 * One open interval of a day: `[start, end]` as local wall-clock times
 * `"HH:MM"`, half-open (open at `start`, closed at `end`). `end` may be
 * `"24:00"` (the end of the day); `start` is `"00:00"`–`"23:59"`.
 *
 * @category Time
 */
export type BusinessInterval = readonly [start: string, end: string];

/**
 * The open intervals of each weekday. A weekday left out is closed all day,
 * as is one with `[]`. Intervals of a day may be given in any order; they may
 * touch (`["09:00","12:00"], ["12:00","17:00"]`) but not overlap, and may not
 * cross midnight (split `22:00–06:00` into `["22:00","24:00"]` on one day and
 * `["00:00","06:00"]` on the next).
 *
 * @category Time
 */
export interface BusinessWeek {
  /** Monday. @defaultValue `[]` (closed) */
  readonly mon?: readonly BusinessInterval[];
  /** Tuesday. @defaultValue `[]` (closed) */
  readonly tue?: readonly BusinessInterval[];
  /** Wednesday. @defaultValue `[]` (closed) */
  readonly wed?: readonly BusinessInterval[];
  /** Thursday. @defaultValue `[]` (closed) */
  readonly thu?: readonly BusinessInterval[];
  /** Friday. @defaultValue `[]` (closed) */
  readonly fri?: readonly BusinessInterval[];
  /** Saturday. @defaultValue `[]` (closed) */
  readonly sat?: readonly BusinessInterval[];
  /** Sunday. @defaultValue `[]` (closed) */
  readonly sun?: readonly BusinessInterval[];
}

/**
 * Options of {@link businessCalendar}.
 *
 * @category Time
 */
export interface BusinessCalendarOptions {
  /** The IANA time zone the wall-clock times and holidays are read in, e.g. `"America/New_York"`. @defaultValue none (required) */
  readonly timeZone: string;
  /** The weekly opening hours; at least one interval in the week. @defaultValue none (required) */
  readonly week: BusinessWeek;
  /** Local dates `"YYYY-MM-DD"` closed all day (duplicates count once). @defaultValue `[]` */
  readonly holidays?: readonly string[] | undefined;
}

/**
 * A business calendar from {@link businessCalendar}: open time between
 * instants, deadlines in open time, and whether an instant is open. It can be
 * passed as `calendar` to the ticket metrics ({@link TicketCalendar}).
 *
 * @category Time
 */
export interface BusinessCalendar {
  /** The time zone exactly as given in the options (`"Asia/Kolkata"` stays `"Asia/Kolkata"`, although some runtimes' `Intl` canonicalizes it to `"Asia/Calcutta"`). */
  readonly timeZone: string;
  /**
   * The open time from `start` to `end`, in milliseconds (0 when `start` equals `end`).
   * Throws `inconsistent_instants` when `end` is before `start`; `invalid_instant` / `invalid_type` for a bad instant.
   */
  elapsedMs(start: Instant, end: Instant): number;
  /**
   * The deadline `ms` of open time after `start`, as epoch milliseconds: the
   * instant at which open time counted from `start` reaches `ms` and the
   * calendar is open (closed time before it is skipped, so `addMs(t, 0)` at a
   * closed `t` is the next opening). Throws `out_of_range` for `ms` below 0 or a deadline beyond the range of `Date` (±8.64e15), `not_finite` / `invalid_type` for a bad `ms`.
   */
  addMs(start: Instant, ms: number): number;
  /** Whether the calendar is open at `at` (at an interval's start: open; at its end: closed). */
  isOpen(at: Instant): boolean;
}

const MAX_MS = 8.64e15;

/**
 * Builds a business calendar: weekly opening hours in an IANA time zone, with
 * holidays, that measures open ("business") time between instants.
 *
 * Definition: an instant is open when its local wall-clock reading in
 * `timeZone` falls in one of its weekday's intervals `[start, end)` and its
 * local date is not a holiday; {@link BusinessCalendar.elapsedMs} is the
 * measure of open instants in `[start, end)`, in real milliseconds. So
 * daylight-saving changes come out right in both directions: on a
 * spring-forward day the skipped wall-clock hour is never open (an interval
 * boundary inside the gap, such as 02:30, takes effect at the instant the
 * clock jumps), and on a fall-back day the repeated hour is open twice when an
 * interval covers it (a `00:00–24:00` day holds 25 real hours). Holidays close
 * the whole local day. The model is Zendesk's schedules (weekly intervals in
 * the schedule's local time that may not span calendar days, holidays as whole
 * days; the API counts minutes from Sunday 00:00) and Freshdesk's business
 * hours; here zones are IANA names and holidays are listed date by date (see
 * the business calendars guide for converting a Zendesk schedule). With no
 * open time between them, `elapsedMs` is 0 (never `null`: a calendar always
 * answers).
 *
 * Performance: the zone's offset changes are found once with `Intl` and cached
 * per 366-day chunk (sampled daily, bisected to the second); after that every
 * call is arithmetic: the open time up to a local time is closed-form (whole
 * weeks × weekly open time + the partial week − holidays by binary search), so
 * `elapsedMs` over a year costs the same as over an hour.
 *
 * @param options - `timeZone`, `week` and optional `holidays`.
 * @returns A calendar object (its methods take and return epoch milliseconds).
 * @throws {MetricInputError} `invalid_option` for a missing or unknown time zone, a
 * malformed `"HH:MM"`, an empty, inverted or overlapping interval, an unknown weekday
 * key, a week with no open time, or a malformed or impossible holiday date; the path
 * names the value, e.g. `options.week.mon[1]`.
 *
 * @example
 * ```ts
 * import { businessCalendar } from "support-metrics";
 * const nineToFive = [["09:00", "17:00"]] as const;
 * const calendar = businessCalendar({
 *   timeZone: "America/New_York",
 *   week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
 *   holidays: ["2024-12-25"],
 * });
 * // Fri 16:00 → Mon 10:00 across the start of daylight-saving time: 120 minutes.
 * calendar.elapsedMs("2024-03-08T16:00:00-05:00", "2024-03-11T10:00:00-04:00") / 60_000; // => 120
 * calendar.elapsedMs("2024-03-19T18:00:00-04:00", "2024-03-19T20:00:00-04:00"); // => 0
 * calendar.isOpen("2024-03-13T17:00:00-04:00"); // => false
 * calendar.addMs("2024-03-08T16:00:00-05:00", 120 * 60_000) === Date.parse("2024-03-11T10:00:00-04:00"); // => true
 * businessCalendar({ timeZone: "Mars/Olympus_Mons", week: { mon: nineToFive } }); // throws invalid_option
 * ```
 * @see {@link BusinessCalendarOptions} for the options, {@link resolutionTime} and {@link slaCompliance} for their use.
 * @category Time
 */
export function businessCalendar(options: BusinessCalendarOptions): BusinessCalendar {
  const spec = readCalendarOptions(options);
  let zone: ZoneOffsets;
  try {
    zone = zoneOffsets(spec.timeZone);
  } catch {
    throw inputError(
      "invalid_option",
      "businessCalendar",
      "options.timeZone",
      "an IANA time zone this runtime knows",
      spec.timeZone,
    );
  }
  const { openBefore, openAt, latestWith } = openTime(spec.week, spec.holidays);

  // The offset segment holding the last located instant: the offset (local − UTC, ms)
  // at [0] holds from [2] (the offset change or chunk start before it) until [1]
  // (the next offset change or chunk end). Kept in a typed array, not in closure
  // variables: a double stored in a closure variable is boxed anew on every store.
  const segment = new Float64Array([0, Number.NaN, Number.NaN]);
  function locate(t: number): void {
    if (t >= (segment[2] as number) && t < (segment[1] as number)) return; // still in the last segment
    const chunk = zone.chunkAt(t);
    const times = chunk.times;
    let offset = chunk.offset0;
    let from = chunk.start;
    let next = chunk.end;
    for (let i = 0; i < times.length; i++) {
      const at = times[i] as number;
      if (at > t) {
        next = at;
        break;
      }
      offset = chunk.offsets[i] as number;
      from = at;
    }
    segment[0] = offset;
    segment[1] = next;
    segment[2] = from;
  }

  function instant(fn: string, path: string, value: unknown): number {
    return typeof value === "number" && value >= -MAX_MS && value <= MAX_MS ? value : toEpochMs(fn, path, value);
  }

  function elapsedMs(start: Instant, end: Instant): number {
    const fn = "businessCalendar.elapsedMs";
    const a = instant(fn, "start", start);
    const b = instant(fn, "end", end);
    if (b < a) throw inputError("inconsistent_instants", fn, "end", "an instant at or after start", end);
    const io = IO;
    io[0] = a;
    io[1] = b;
    spanInto(io);
    return io[2] as number;
  }

  // The open time from io[0] to io[1] (checked: readable, in order) into io[2].
  const IO = new Float64Array(3);
  function spanInto(io: Float64Array): void {
    const b = io[1] as number;
    let sum = 0;
    let t = io[0] as number;
    for (;;) {
      locate(t);
      const offset = segment[0] as number;
      const next = segment[1] as number;
      if (b <= next) {
        io[2] = normalize(sum + openBefore(b + offset) - openBefore(t + offset));
        return;
      }
      sum += openBefore(next + offset) - openBefore(t + offset);
      t = next;
    }
  }

  // elapsedMs(io[0], io[1]) into io[2], with no number boxed across the call;
  // anything elapsedMs would refuse goes through it, to throw its error.
  function elapsedInto(io: Float64Array): void {
    const a = io[0] as number;
    const b = io[1] as number;
    if (a >= -MAX_MS && a <= MAX_MS && b >= -MAX_MS && b <= MAX_MS && b >= a) spanInto(io);
    else io[2] = elapsedMs(a, b);
  }

  function positionsInto(io: Float64Array, n: number): boolean {
    const from = io[0] as number;
    if (!(from >= -MAX_MS && from <= MAX_MS)) return false;
    locate(from);
    const offset = segment[0] as number;
    const next = segment[1] as number;
    for (let k = 1; k < n; k++) {
      const t = io[k] as number;
      if (t < from || t > next) return false; // NaN passes
    }
    for (let k = 1; k < n; k++) {
      const t = io[k] as number;
      if (!Number.isNaN(t)) io[k] = openBefore(t + offset);
    }
    return true;
  }

  function addMs(start: Instant, ms: number): number {
    const fn = "businessCalendar.addMs";
    let t = instant(fn, "start", start);
    let left = nonNegative(fn, "ms", ms);
    for (;;) {
      locate(t);
      const offset = segment[0] as number;
      const next = segment[1] as number;
      const from = openBefore(t + offset);
      const available = openBefore(next + offset) - from;
      const deadline = available > left ? latestWith(from + left, t + offset, next + offset) - offset : next;
      if (deadline > MAX_MS) {
        throw inputError("out_of_range", fn, "ms", "a duration whose deadline is within Date's range", ms);
      }
      if (available > left) return normalize(deadline);
      left -= available;
      t = next;
    }
  }

  function isOpen(at: Instant): boolean {
    const t = instant("businessCalendar.isOpen", "at", at);
    locate(t);
    return openAt(t + (segment[0] as number));
  }

  const calendar = Object.freeze({ timeZone: spec.timeZone, elapsedMs, addMs, isOpen });
  CALENDAR_PARTS.set(calendar, { week: spec.week, holidays: spec.holidays, zone, elapsedInto, positionsInto });
  SPECS.set(calendar, JSON.stringify(spec));
  return calendar;
}

/** The checked options of each calendar built here, as canonical JSON (for tally fingerprints). */
const SPECS: WeakMap<object, string> = /* @__PURE__ */ new WeakMap();

/**
 * Internal: the canonical JSON of the options a calendar from
 * {@link businessCalendar} was built with (zone, weekly table, holidays);
 * `undefined` for any other calendar object.
 */
export function calendarSpecOf(calendar: object): string | undefined {
  return SPECS.get(calendar);
}

/**
 * Internal: the slot-writing hooks of a calendar from {@link businessCalendar}
 * (see {@link CalendarParts.elapsedInto}, {@link CalendarParts.positionsInto});
 * `undefined` for any other calendar object.
 */
export function fastCalendarOf(calendar: object): FastCalendar | undefined {
  return CALENDAR_PARTS.get(calendar);
}
