/**
 * Internal: reads and checks the options of `businessCalendar` into plain
 * numbers: the open intervals of each weekday in ms since local midnight and
 * the holidays as days since 1970-01-01. Every problem is `invalid_option`
 * with the path of the bad value (`options.week.mon[1]`).
 */
import type { MetricInputError } from "../errors.js";
import { type Fields, readOptions } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import type { BusinessCalendarOptions, BusinessWeek } from "./business-calendar.js";
import { daysFromCivil, daysInMonth } from "./instant.js";

const FN = "businessCalendar";

/** The `invalid_option` error of `businessCalendar` at `path`. */
function optionError(path: string, expected: string, received: unknown): MetricInputError {
  return inputError("invalid_option", FN, path, expected, received);
}
const MINUTE_MS = 60_000;

/** The weekday keys of `week`, Monday first. */
export const WEEKDAYS: readonly ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] = [
  "mon",
  "tue",
  "wed",
  "thu",
  "fri",
  "sat",
  "sun",
];

const OPTION_FIELDS: Fields<BusinessCalendarOptions> = { timeZone: "required", week: "required", holidays: "optional" };
const WEEK_FIELDS: Fields<BusinessWeek> = {
  mon: "optional",
  tue: "optional",
  wed: "optional",
  thu: "optional",
  fri: "optional",
  sat: "optional",
  sun: "optional",
};

/**
 * The week as flat arrays. Weekday `w` (0 = Monday) owns the intervals
 * `starts[first[w]] … starts[first[w + 1] - 1]` (ms since local midnight,
 * ascending, disjoint); `dayOpen[w]` is its open time and `before[w]` the open
 * time of the days before it in the week; `weekOpen` the whole week's.
 */
export interface WeekTable {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly first: readonly number[];
  readonly dayOpen: readonly number[];
  readonly before: readonly number[];
  readonly weekOpen: number;
}

/** The checked options. `holidays` are days since 1970-01-01, ascending and distinct. */
export interface CalendarSpec {
  readonly timeZone: string;
  readonly week: WeekTable;
  readonly holidays: readonly number[];
}

/** Reads the options object of `businessCalendar`; throws `invalid_option`. */
export function readCalendarOptions(value: unknown): CalendarSpec {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw optionError("options", "an options object { timeZone, week, holidays? }", value);
  }
  const o = readOptions(FN, "options", value as BusinessCalendarOptions, OPTION_FIELDS);
  const timeZone = o.timeZone;
  if (typeof timeZone !== "string" || timeZone === "") {
    throw optionError("options.timeZone", 'an IANA time zone name, e.g. "Europe/Paris"', timeZone);
  }
  return { timeZone, week: readWeek(o.week), holidays: readHolidays(o.holidays) };
}

function readWeek(value: unknown): WeekTable {
  const path = "options.week";
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw optionError(path, 'an object of weekdays, e.g. { mon: [["09:00", "17:00"]] }', value);
  }
  const week: Record<string, unknown> = readOptions(FN, path, value as BusinessWeek, WEEK_FIELDS);
  const starts: number[] = [];
  const ends: number[] = [];
  const first: number[] = [];
  const dayOpen: number[] = [];
  const before: number[] = [];
  let weekOpen = 0;
  for (const day of WEEKDAYS) {
    first.push(starts.length);
    before.push(weekOpen);
    const intervals = readDay(week[day], `${path}.${day}`);
    let open = 0;
    for (const [s, e] of intervals) {
      starts.push(s);
      ends.push(e);
      open += e - s;
    }
    dayOpen.push(open);
    weekOpen += open;
  }
  first.push(starts.length);
  if (weekOpen === 0) {
    throw optionError(path, "a week with at least one open interval", value);
  }
  return { starts, ends, first, dayOpen, before, weekOpen };
}

/** One weekday's intervals, sorted; absent means closed. */
function readDay(value: unknown, path: string): [number, number][] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw optionError(path, 'an array of ["HH:MM", "HH:MM"] intervals', value);
  }
  const list: readonly unknown[] = value;
  const read: { s: number; e: number; i: number }[] = [];
  for (let i = 0; i < list.length; i++) {
    const pair = list[i];
    const at = `${path}[${i}]`;
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw optionError(at, 'an interval ["HH:MM", "HH:MM"]', pair);
    }
    const s = clock(pair[0], `${at}[0]`, false);
    const e = clock(pair[1], `${at}[1]`, true);
    if (e <= s) {
      throw optionError(at, "an interval whose end is after its start", pair);
    }
    read.push({ s, e, i });
  }
  read.sort((a, b) => a.s - b.s);
  for (let k = 1; k < read.length; k++) {
    const prev = read[k - 1] as { s: number; e: number; i: number };
    const cur = read[k] as { s: number; e: number; i: number };
    if (cur.s < prev.e) {
      const later = Math.max(prev.i, cur.i);
      throw optionError(`${path}[${later}]`, "intervals that do not overlap (they may touch)", list[later]);
    }
  }
  return read.map((r) => [r.s, r.e]);
}

/** `"HH:MM"` as ms since midnight; `"24:00"` only as an end. */
function clock(value: unknown, path: string, isEnd: boolean): number {
  const what = `a time "HH:MM" from "00:00" to "${isEnd ? "24:00" : "23:59"}"`;
  if (typeof value !== "string" || !/^\d\d:\d\d$/.test(value)) throw optionError(path, what, value);
  const h = Number(value.slice(0, 2));
  const m = Number(value.slice(3));
  if (h === 24 && m === 0 && isEnd) return 24 * 60 * MINUTE_MS;
  if (h > 23 || m > 59) throw optionError(path, what, value);
  return (h * 60 + m) * MINUTE_MS;
}

/** Holidays `"YYYY-MM-DD"` as ascending distinct days since 1970-01-01. */
function readHolidays(value: unknown): number[] {
  const path = "options.holidays";
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw optionError(path, 'an array of local dates "YYYY-MM-DD"', value);
  }
  const list: readonly unknown[] = value;
  const days: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    const what = 'a local date "YYYY-MM-DD" that exists';
    if (typeof v !== "string" || !/^\d{4}-\d\d-\d\d$/.test(v)) {
      throw optionError(`${path}[${i}]`, what, v);
    }
    const y = Number(v.slice(0, 4));
    const m = Number(v.slice(5, 7));
    const d = Number(v.slice(8));
    if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw optionError(`${path}[${i}]`, what, v);
    days.push(daysFromCivil(y, m, d));
  }
  days.sort((a, b) => a - b);
  return days.filter((d, k) => k === 0 || d !== days[k - 1]);
}
