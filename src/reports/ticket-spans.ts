/**
 * Internal: the spans of one ticket in business time, measured by open-time
 * positions: for the tally's hot loop, apart from `readSpans` (tickets/ticket.ts) so that
 * the per-array functions' bundles do not carry it.
 *
 * @module
 */
import { normalize } from "../internal/assert.js";
import type { HistoryReading } from "../tickets/status-history.js";
import type { FastCalendar } from "../time/business-calendar.js";

/**
 * Internal: `readSpans` by open-time positions (the calendar's `positionsInto`):
 * the start and both ends are placed once, each paused stretch's ends once,
 * and every span is a difference (the same numbers as measuring each span).
 * Returns `false`, having written nothing, when an end lies past the start's
 * zone offset segment.
 */
export function readSpansByPosition(
  intervals: Float64Array,
  history: HistoryReading | undefined,
  out: Float64Array,
  fast: FastCalendar,
): boolean {
  const start = intervals[0] as number;
  const endA = intervals[1] as number;
  const endB = intervals[2] as number;
  const p = PLACES;
  p[0] = start;
  p[1] = start;
  p[2] = endA;
  p[3] = endB;
  if (!fast.positionsInto(p, 4)) return false;
  const atStart = p[1] as number;
  const atA = p[2] as number; // NaN: no interval
  const atB = p[3] as number;
  let a = normalize(atA - atStart);
  let b = normalize(atB - atStart);
  if (history !== undefined) {
    const stretches = history.pausedWithin(intervals);
    for (let k = 0; k < stretches; k++) {
      // A stretch's ends lie between the start and an end, so in the start's segment.
      p[1] = history.clipped[3 * k] as number;
      p[2] = history.clipped[3 * k + 1] as number; // NaN: not within the first interval
      p[3] = history.clipped[3 * k + 2] as number;
      fast.positionsInto(p, 4);
      const from = p[1] as number;
      if (!Number.isNaN(p[2] as number)) a -= normalize((p[2] as number) - from);
      if (!Number.isNaN(p[3] as number)) b -= normalize((p[3] as number) - from);
    }
    // Float rounding of fractional milliseconds could leave -1e-12; time is never negative.
    if (a < 0) a = 0;
    if (b < 0) b = 0;
  }
  out[0] = a;
  out[1] = b;
  return true;
}

/** The instants placed by {@link readSpansByPosition}: the reference instant, then up to three. */
const PLACES = /* @__PURE__ */ new Float64Array(4);
