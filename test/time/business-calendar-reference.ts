/**
 * A slow, obviously correct business calendar for the tests: each minute is
 * read with `Intl` (local date, weekday and "HH:MM" in the zone) and is open
 * when its weekday has an interval `start ≤ HH:MM < end` and its date is not a
 * holiday. Correct for instants on the minute grid in zones whose offsets and
 * changes fall on whole minutes (all zones in use today).
 */
import fc from "fast-check";
import type { BusinessCalendarOptions, BusinessInterval, BusinessWeek } from "../../src/index.js";

export const MINUTE = 60_000;
const WEEKDAY_KEYS: Record<string, keyof BusinessWeek> = {
  Mon: "mon",
  Tue: "tue",
  Wed: "wed",
  Thu: "thu",
  Fri: "fri",
  Sat: "sat",
  Sun: "sun",
};

export interface Reference {
  /** Whether the minute starting at `t` (a multiple of 60 000) is open. */
  isOpen(t: number): boolean;
  /** Open ms in `[a, b)`, minute by minute (`a`, `b` multiples of 60 000). */
  elapsedMs(a: number, b: number): number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const localCache = new Map<string, Map<number, { date: string; day: keyof BusinessWeek; clock: string }>>();

/** The local date `YYYY-MM-DD`, weekday key and `HH:MM` of `t` in `timeZone`, by `Intl`. */
export function localReading(timeZone: string, t: number): { date: string; day: keyof BusinessWeek; clock: string } {
  let cache = localCache.get(timeZone);
  if (cache === undefined) {
    cache = new Map();
    localCache.set(timeZone, cache);
  }
  const hit = cache.get(t);
  if (hit !== undefined) return hit;
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(t)) parts[p.type] = p.value;
  const reading = {
    date: `${parts["year"]}-${parts["month"]}-${parts["day"]}`,
    day: WEEKDAY_KEYS[parts["weekday"] as string] as keyof BusinessWeek,
    clock: `${parts["hour"]}:${parts["minute"]}`,
  };
  cache.set(t, reading);
  return reading;
}

export function reference(options: BusinessCalendarOptions): Reference {
  const holidays = new Set(options.holidays ?? []);
  const isOpen = (t: number): boolean => {
    const { date, day, clock } = localReading(options.timeZone, t);
    if (holidays.has(date)) return false;
    // "HH:MM" strings order as times do ("24:00" after every clock reading).
    return (options.week[day] ?? []).some(([s, e]) => s <= clock && clock < e);
  };
  return {
    isOpen,
    elapsedMs(a, b) {
      let open = 0;
      for (let t = a; t < b; t += MINUTE) if (isOpen(t)) open += MINUTE;
      return open;
    },
  };
}

const hhmm = (halfHours: number): string =>
  `${String(Math.floor(halfHours / 2)).padStart(2, "0")}:${halfHours % 2 === 0 ? "00" : "30"}`;

/** One day's intervals on the half-hour grid (0–3 of them, touching allowed, "24:00" possible). */
export const dayIntervals: fc.Arbitrary<BusinessInterval[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 48 }), { maxLength: 6 })
  .chain((marks) => {
    const sorted = [...marks].sort((a, b) => a - b);
    const pairs: [number, number][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) pairs.push([sorted[i] as number, sorted[i + 1] as number]);
    // Sometimes make neighbours touch: the next interval starts where this one ends.
    return fc.array(fc.boolean(), { minLength: pairs.length, maxLength: pairs.length }).map((touch) => {
      for (let i = 1; i < pairs.length; i++) {
        const prev = pairs[i - 1] as [number, number];
        const cur = pairs[i] as [number, number];
        if (touch[i] && prev[1] < cur[1]) cur[0] = prev[1];
      }
      return pairs.map(([s, e]) => [hhmm(s), hhmm(e)] as const);
    });
  });

/** A week with at least one open interval. */
export const weeks: fc.Arbitrary<BusinessWeek> = fc
  .record({
    mon: dayIntervals,
    tue: dayIntervals,
    wed: dayIntervals,
    thu: dayIntervals,
    fri: dayIntervals,
    sat: dayIntervals,
    sun: dayIntervals,
  })
  .map((week) =>
    Object.values(week).some((d) => d.length > 0) ? week : { ...week, wed: [["01:00", "03:30"] as const] },
  );

/** The zones of the cross-check, each with the days (UTC) around which its offset changes in 2024. */
export const ZONES: readonly { timeZone: string; around: readonly string[] }[] = [
  { timeZone: "America/New_York", around: ["2024-03-10", "2024-11-03"] },
  { timeZone: "Europe/London", around: ["2024-03-31", "2024-10-27"] },
  { timeZone: "Australia/Lord_Howe", around: ["2024-04-07", "2024-10-06"] }, // ±30 minutes
  { timeZone: "Asia/Kolkata", around: ["2024-03-10", "2024-11-03"] }, // +05:30, no changes
  { timeZone: "America/Santiago", around: ["2024-04-07", "2024-09-08"] }, // changes at local midnight
  { timeZone: "Australia/Sydney", around: ["2024-04-07", "2024-10-06"] },
];

/** Local dates near `around` (±4 days), as holiday candidates. */
export function datesNear(around: string): string[] {
  const base = Date.parse(`${around}T00:00:00Z`);
  return Array.from({ length: 9 }, (_, k) => new Date(base + (k - 4) * 86_400_000).toISOString().slice(0, 10));
}
