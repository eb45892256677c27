/**
 * Internal: a ticket's status history: reading and checking it once, the
 * status in force at an instant, and the active time it leaves between two
 * instants once the paused stretches are taken out (in calendar or business
 * time). The ticket's own fields are read in `ticket.ts`.
 *
 * @module
 */
import { inputError } from "../internal/messages.js";
import { epochMsOrNaN, toEpochMs } from "../time/instant.js";
import { MAX_MS, type StatusSet, type TicketCalendar } from "./ticket.js";

/** Internal: reads the `statusHistory` of ticket `i`: `undefined` when absent or `null`. */
export function historyOf(fn: string, t: Record<string, unknown>, i: number): ArrayLike<unknown> | undefined {
  const h = t["statusHistory"];
  if (h === undefined || h === null) return undefined;
  if (!Array.isArray(h)) {
    throw inputError("invalid_type", fn, `tickets[${i}].statusHistory`, "an array of { status, at }", h);
  }
  return h;
}

/** Internal: the status of entry `j` of ticket `i`'s history, validated. */
export function statusOf(fn: string, e: unknown, i: number, j: number): string {
  if (e === null || typeof e !== "object") {
    throw inputError("invalid_type", fn, `tickets[${i}].statusHistory[${j}]`, "a status change { status, at }", e);
  }
  const status = (e as { status?: unknown }).status;
  if (typeof status !== "string") {
    throw inputError(
      status === undefined || status === null ? "missing_value" : "invalid_type",
      fn,
      `tickets[${i}].statusHistory[${j}].status`,
      "a status name (a string)",
      status,
    );
  }
  return status;
}

/** Internal: the instant of entry `j` (already checked to be an object), at or after `previous`. */
function entryInstant(fn: string, e: object, i: number, j: number, previous: number): number {
  return inOrder(fn, (e as { at?: unknown }).at, entryMs(fn, e, i, j), i, j, previous);
}

/** Internal: the instant of entry `j` (already checked to be an object), not yet checked against the entry before. */
function entryMs(fn: string, e: object, i: number, j: number): number {
  const raw = (e as { at?: unknown }).at;
  if (typeof raw === "number" && raw >= -MAX_MS && raw <= MAX_MS) return raw;
  // The path is built only for a bad value (toEpochMs then throws with it).
  const at = epochMsOrNaN(raw);
  if (!Number.isNaN(at)) return at;
  const path = `tickets[${i}].statusHistory[${j}].at`;
  if (raw === undefined || raw === null) throw inputError("missing_value", fn, path, "an instant", raw);
  return toEpochMs(fn, path, raw);
}

/** Internal: `at` (entry `j`'s instant, read from `raw`), checked to be at or after `previous`. */
function inOrder(fn: string, raw: unknown, at: number, i: number, j: number, previous: number): number {
  if (at < previous) {
    throw inputError(
      "inconsistent_instants",
      fn,
      `tickets[${i}].statusHistory[${j}].at`,
      "an instant at or after the entry before",
      raw,
    );
  }
  return at;
}

/**
 * Internal: the time from `start` to `end` (calendar or business time), less the
 * time the ticket spent in a paused status within it. Validates the history.
 */
export function activeMs(
  fn: string,
  start: number,
  end: number,
  calendar: TicketCalendar | undefined,
  history: ArrayLike<unknown> | undefined,
  paused: StatusSet | undefined,
  i: number,
): number {
  SCRATCH_ENDS[0] = end;
  SCRATCH_ENDS[1] = Number.NaN;
  activeSpans(fn, start, SCRATCH_ENDS, calendar, history, paused, i, SCRATCH_OUT);
  return SCRATCH_OUT[0] as number;
}

const SCRATCH_ENDS = /* @__PURE__ */ new Float64Array(2);
const SCRATCH_OUT = /* @__PURE__ */ new Float64Array(2);

/**
 * Internal: for two intervals from `start` to `ends[0]` and to `ends[1]` (`NaN`:
 * no interval), writes into `out` the time of each less the paused time within
 * it, reading (and validating) the history once.
 */
export function activeSpans(
  fn: string,
  start: number,
  ends: Float64Array,
  calendar: TicketCalendar | undefined,
  history: ArrayLike<unknown> | undefined,
  paused: StatusSet | undefined,
  i: number,
  out: Float64Array,
): void {
  const reading = history !== undefined && paused !== undefined && !paused.empty ? SCRATCH_HISTORY : undefined;
  if (reading !== undefined) reading.read(fn, history as ArrayLike<unknown>, i, paused);
  const intervals = SCRATCH_INTERVALS;
  intervals[0] = start;
  intervals[1] = ends[0] as number;
  intervals[2] = ends[1] as number;
  readSpans(intervals, calendar, reading, out);
}

const SCRATCH_INTERVALS = /* @__PURE__ */ new Float64Array(3);

/**
 * Internal: a status history read once: each entry's instant (epoch ms) and
 * whether its status pauses the clocks, in reused typed arrays (no allocation
 * per ticket).
 */
export class HistoryReading {
  at: Float64Array = new Float64Array(8);
  paused: Uint8Array = new Uint8Array(8);
  length = 0;
  /** The clipped paused stretches found by {@link HistoryReading.pausedWithin}: start, end in the first interval, end in the second, in turn. */
  clipped: Float64Array = new Float64Array(12);
  /**
   * Up to three instant strings already read for this ticket (`createdAt`,
   * `firstResponseAt`, `resolvedAt`; anything else: not a string) and their
   * epoch ms: an entry whose `at` is the very same string reuses the reading
   * instead of parsing it again. Set with {@link HistoryReading.know}; a reader
   * that never sets them parses every entry.
   */
  private known0: unknown = undefined;
  private known1: unknown = undefined;
  private known2: unknown = undefined;
  private readonly knownMs: Float64Array = new Float64Array(3);

  /**
   * Declares the ticket's `createdAt`, `firstResponseAt` and `resolvedAt` raw
   * values, whose epoch ms are `ms[0]`, `ms[1]`, `ms[2]` (already read and
   * valid; read only for a string value): entries with the same string reuse them.
   */
  know(created: unknown, response: unknown, resolved: unknown, ms: Float64Array): void {
    this.known0 = created;
    this.known1 = response;
    this.known2 = resolved;
    this.knownMs[0] = ms[0] as number;
    this.knownMs[1] = ms[1] as number;
    this.knownMs[2] = ms[2] as number;
  }

  /**
   * Reads and validates `history` of ticket `i` (each entry's status, then its
   * instant, at or after the one before); returns the status in force at
   * `asOf` (as {@link statusAt}).
   */
  read(
    fn: string,
    history: ArrayLike<unknown>,
    i: number,
    paused: StatusSet | undefined,
    asOf?: number,
  ): string | undefined {
    const n = history.length;
    if (n > this.at.length) {
      this.at = new Float64Array(2 * n);
      this.paused = new Uint8Array(2 * n);
    }
    let status: string | undefined;
    let previous = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < n; j++) {
      const e = history[j];
      const s = statusOf(fn, e, i, j);
      const raw = (e as { at?: unknown }).at;
      // The same string as an instant already read gives the same epoch ms: no second parse.
      let at: number;
      if (typeof raw === "string" && raw === this.known0) at = this.knownMs[0] as number;
      else if (typeof raw === "string" && raw === this.known1) at = this.knownMs[1] as number;
      else if (typeof raw === "string" && raw === this.known2) at = this.knownMs[2] as number;
      else if (typeof raw === "number" && raw >= -MAX_MS && raw <= MAX_MS) at = raw;
      else at = entryMs(fn, e as object, i, j);
      if (at < previous) inOrder(fn, raw, at, i, j, previous);
      previous = at;
      this.at[j] = previous;
      this.paused[j] = paused?.has(s) ? 1 : 0;
      if (asOf !== undefined && previous <= asOf) status = s;
    }
    this.length = n;
    return status;
  }

  /**
   * The paused stretches of the history read, clipped to the two intervals
   * from `intervals[0]` to `intervals[1]` and to `intervals[2]` (as
   * {@link readSpans} takes them; `NaN`: no interval): for each stretch that
   * overlaps one, its start (no earlier than `intervals[0]`) and its end
   * within each interval (`NaN` where it does not overlap that one), as
   * triples in {@link HistoryReading.clipped}; returns how many.
   */
  pausedWithin(intervals: Float64Array): number {
    const start = intervals[0] as number;
    const endA = intervals[1] as number;
    const endB = intervals[2] as number;
    let count = 0;
    let since = Number.NEGATIVE_INFINITY; // when the current status began
    let inPause = false;
    for (let j = 0, n = this.length; j <= n; j++) {
      const at = j < n ? (this.at[j] as number) : Number.POSITIVE_INFINITY;
      if (inPause) {
        const from = since > start ? since : start;
        const toA = at < endA ? at : endA; // NaN without the interval
        const toB = at < endB ? at : endB;
        if (toA > from || toB > from) {
          if (3 * count + 3 > this.clipped.length) {
            const bigger = new Float64Array(2 * this.clipped.length);
            bigger.set(this.clipped);
            this.clipped = bigger;
          }
          this.clipped[3 * count] = from;
          this.clipped[3 * count + 1] = toA > from ? toA : Number.NaN;
          this.clipped[3 * count + 2] = toB > from ? toB : Number.NaN;
          count++;
        }
      }
      inPause = j < n && this.paused[j] === 1;
      since = at;
    }
    return count;
  }
}

const SCRATCH_HISTORY = /* @__PURE__ */ new HistoryReading();

/**
 * Internal: {@link activeSpans} of a history already read (`undefined`: nothing
 * paused), for the two intervals from `intervals[0]` to `intervals[1]` and to
 * `intervals[2]` (`NaN`: no interval): the time of each less the paused
 * stretches within it. The instants come in slots, so that no epoch-ms number
 * is boxed for the call. `elapsedInto`, when given, is the calendar's
 * `elapsedMs` writing into a slot (same numbers, same errors), for hot loops.
 */
export function readSpans(
  intervals: Float64Array,
  calendar: TicketCalendar | undefined,
  history: HistoryReading | undefined,
  out: Float64Array,
  elapsedInto?: ((io: Float64Array) => void) | undefined,
): void {
  const start = intervals[0] as number;
  const endA = intervals[1] as number;
  const endB = intervals[2] as number;
  // Every span goes through the slots of SPAN (see measure): no number is boxed across a call.
  const io = SPAN;
  let a = Number.NaN;
  let b = Number.NaN;
  if (!Number.isNaN(endA)) {
    io[0] = start;
    io[1] = endA;
    measure(io, calendar, elapsedInto);
    a = io[2] as number;
  }
  if (!Number.isNaN(endB)) {
    io[0] = start;
    io[1] = endB;
    measure(io, calendar, elapsedInto);
    b = io[2] as number;
  }
  if (history !== undefined) {
    const stretches = history.pausedWithin(intervals);
    for (let k = 0; k < stretches; k++) {
      const from = history.clipped[3 * k] as number;
      const toA = history.clipped[3 * k + 1] as number; // NaN: not within the first interval
      const toB = history.clipped[3 * k + 2] as number;
      io[0] = from;
      if (!Number.isNaN(toA)) {
        io[1] = toA;
        measure(io, calendar, elapsedInto);
        a -= io[2] as number;
      }
      if (!Number.isNaN(toB)) {
        io[1] = toB;
        measure(io, calendar, elapsedInto);
        b -= io[2] as number;
      }
    }
    // Float rounding of fractional milliseconds could leave -1e-12; time is never negative.
    if (a < 0) a = 0;
    if (b < 0) b = 0;
  }
  out[0] = a;
  out[1] = b;
}

/**
 * The time from `io[0]` to `io[1]` into `io[2]`: calendar time without a
 * calendar, else `elapsedInto` when given (the calendar's `elapsedMs` writing
 * into the slot), else the calendar's `elapsedMs`.
 */
function measure(
  io: Float64Array,
  calendar: TicketCalendar | undefined,
  elapsedInto: ((io: Float64Array) => void) | undefined,
): void {
  if (calendar === undefined) io[2] = (io[1] as number) - (io[0] as number);
  else if (elapsedInto !== undefined) elapsedInto(io);
  else io[2] = calendar.elapsedMs(io[0] as number, io[1] as number);
}

const SPAN = /* @__PURE__ */ new Float64Array(3);

/**
 * Internal: the status in force at `asOf` (the last entry at or before it),
 * or `undefined` before the first entry. Validates the whole history.
 */
export function statusAt(fn: string, history: ArrayLike<unknown>, i: number, asOf: number): string | undefined {
  let status: string | undefined;
  let previous = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < history.length; j++) {
    const e = history[j];
    const s = statusOf(fn, e, i, j);
    previous = entryInstant(fn, e as object, i, j, previous);
    if (previous <= asOf) status = s;
  }
  return status;
}
