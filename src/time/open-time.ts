/**
 * Internal: the open time of a weekly schedule with holidays on the *local*
 * timeline (wall-clock time read as if it were UTC: `days × 86 400 000 + ms of
 * day`), in closed form. `openBefore(x)` is the open time from a fixed origin
 * up to local time `x`: whole weeks × the week's open time, plus the days
 * before `x` in its week, plus the part of its own day, minus the holidays'
 * open time before `x` (prefix sums, binary search). No loop over days.
 */
import type { WeekTable } from "./calendar-options.js";

const DAY_MS = 86_400_000;

/** Arithmetic on the local timeline of one schedule. */
export interface OpenTime {
  /** Open ms from the origin up to local time `x` (non-decreasing, continuous). */
  openBefore(x: number): number;
  /** Whether local time `x` is open (half-open intervals, holidays closed). */
  openAt(x: number): boolean;
  /**
   * The latest local time `x` with `openBefore(x) = y`, i.e. the moment the
   * open time starts to exceed `y` (always an open moment). Requires
   * `openBefore(lo) ≤ y < openBefore(hi)`; the answer lies in `[lo, hi)`.
   */
  latestWith(y: number, lo: number, hi: number): number;
}

/** Internal: the closed-form open time of `week` with `holidays` (days since 1970-01-01, ascending, distinct). */
export function openTime(week: WeekTable, holidays: readonly number[]): OpenTime {
  const { starts, ends, first, dayOpen, before, weekOpen } = week;
  // Only holidays on days with open hours change anything.
  const hDays: number[] = [];
  const hBefore: number[] = [0];
  for (const d of holidays) {
    const open = dayOpen[weekday(d)] as number;
    if (open > 0) {
      hDays.push(d);
      hBefore.push((hBefore[hBefore.length - 1] as number) + open);
    }
  }
  const nH = hDays.length;

  /** Open ms of weekday `w` before `tod` ms after midnight. */
  function within(w: number, tod: number): number {
    let sum = 0;
    const stop = first[w + 1] as number;
    for (let i = first[w] as number; i < stop; i++) {
      const s = starts[i] as number;
      if (tod <= s) break;
      const e = ends[i] as number;
      sum += Math.min(tod, e) - s;
    }
    return sum;
  }

  /** How many holidays fall before day `d`. */
  function holidaysBefore(d: number): number {
    let lo = 0;
    let hi = nH;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((hDays[mid] as number) < d) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function openBefore(x: number): number {
    const d = Math.floor(x / DAY_MS);
    const tod = x - d * DAY_MS;
    const w = weekday(d);
    const own = within(w, tod);
    let open = ((d + 3 - w) / 7) * weekOpen + (before[w] as number) + own;
    if (nH > 0 && d >= (hDays[0] as number)) {
      const k = holidaysBefore(d);
      open -= hBefore[k] as number;
      if (hDays[k] === d) open -= own;
    }
    return open;
  }

  function openAt(x: number): boolean {
    const d = Math.floor(x / DAY_MS);
    const tod = x - d * DAY_MS;
    const w = weekday(d);
    const stop = first[w + 1] as number;
    for (let i = first[w] as number; i < stop; i++) {
      if (tod < (starts[i] as number)) return false;
      if (tod < (ends[i] as number)) return nH === 0 || hDays[holidaysBefore(d)] !== d;
    }
    return false;
  }

  function latestWith(y: number, lo: number, hi: number): number {
    // The last day whose start has open time ≤ y holds the answer.
    let dLo = Math.floor(lo / DAY_MS);
    let dHi = Math.floor(hi / DAY_MS) + 1; // openBefore(dHi) > y
    while (dHi - dLo > 1) {
      const mid = Math.floor((dLo + dHi) / 2);
      if (openBefore(mid * DAY_MS) <= y) dLo = mid;
      else dHi = mid;
    }
    const dayStart = dLo * DAY_MS;
    let rest = y - openBefore(dayStart);
    const w = weekday(dLo);
    const stop = first[w + 1] as number;
    for (let i = first[w] as number; i < stop; i++) {
      const s = starts[i] as number;
      const length = (ends[i] as number) - s;
      if (rest < length) return dayStart + s + rest;
      rest -= length;
    }
    return dayStart + DAY_MS; // not reached when the precondition holds
  }

  return { openBefore, openAt, latestWith };
}

/** Weekday of day `d` since 1970-01-01 (a Thursday), 0 = Monday … 6 = Sunday. */
export function weekday(d: number): number {
  return (((d + 3) % 7) + 7) % 7;
}
