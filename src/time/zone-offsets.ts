/**
 * Internal: the UTC offsets of an IANA time zone as plain numbers, found with
 * `Intl.DateTimeFormat` once and cached, so that converting an instant to local
 * wall-clock time is arithmetic (`local = utc + offset`), not an `Intl` call.
 *
 * The timeline is cut into chunks of {@link CHUNK_MS} (366 days) aligned on the
 * epoch. The first time an instant of a chunk is asked for, the zone's offset is
 * sampled at every UTC midnight of the chunk ({@link STEP_MS}); where two
 * samples differ, the change is bisected to the exact second (the tz database
 * changes offsets on whole seconds). About 370 `Intl` calls per chunk, 2–5 ms.
 * The tables are shared by every calendar of the same zone (a memo of what
 * `Intl` answers; nothing else is kept).
 * The one assumption: a zone does not change its offset twice within one day
 * and back again (a change and its reversal inside 24 hours would go unseen);
 * no rule in current use does.
 */
import { daysFromCivil } from "./instant.js";

const DAY_MS = 86_400_000;
const MAX_MS = 8.64e15;
/** Distance between two offset samples. */
const STEP_MS = DAY_MS;
/** Length of one cached chunk of the timeline. */
export const CHUNK_MS: number = 366 * DAY_MS;

/**
 * One chunk `[start, start + CHUNK_MS)` of the timeline: the offset in force at
 * `start`, then each change inside the chunk: from `times[i]` (epoch ms) on the
 * offset is `offsets[i]` (ms, local − UTC). `times` ascends; all are `> start`.
 */
export interface OffsetChunk {
  readonly start: number;
  readonly end: number;
  readonly offset0: number;
  readonly times: readonly number[];
  readonly offsets: readonly number[];
}

/** A zone's offsets, computed lazily per chunk and cached. */
export interface ZoneOffsets {
  /** The zone's canonical name as `Intl` resolves it. */
  readonly timeZone: string;
  /** The chunk that contains instant `t` (epoch ms). */
  chunkAt(t: number): OffsetChunk;
}

/**
 * Internal: builds the offset table of `timeZone`. Throws `RangeError` (from
 * `Intl`) for a zone the runtime does not know.
 */
export function zoneOffsets(timeZone: string): ZoneOffsets {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    era: "short",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const resolved = format.resolvedOptions().timeZone;
  const known = ZONES.get(resolved);
  if (known !== undefined) return known;
  const cache = new Map<number, OffsetChunk>();
  let last: OffsetChunk | undefined;
  const zone: ZoneOffsets = {
    timeZone: resolved,
    chunkAt(t: number): OffsetChunk {
      if (last !== undefined && t >= last.start && t < last.end) return last;
      const index = Math.floor(t / CHUNK_MS);
      let chunk = cache.get(index);
      if (chunk === undefined) {
        chunk = buildChunk(format, index * CHUNK_MS);
        cache.set(index, chunk);
      }
      last = chunk;
      return chunk;
    },
  };
  ZONES.set(resolved, zone);
  return zone;
}

/** Offset tables by resolved zone name, shared by every calendar. */
const ZONES: Map<string, ZoneOffsets> = /* @__PURE__ */ new Map();

function buildChunk(format: Intl.DateTimeFormat, start: number): OffsetChunk {
  const end = start + CHUNK_MS;
  const offset0 = offsetAt(format, start);
  const times: number[] = [];
  const offsets: number[] = [];
  let before = offset0;
  for (let t = start + STEP_MS; t <= end; t += STEP_MS) {
    const now = offsetAt(format, t);
    if (now !== before) {
      // Bisect on whole seconds: the first second in (t − STEP, t] with the new offset.
      let lo = (t - STEP_MS) / 1000; // offset `before` here
      let hi = t / 1000; // offset `now` here
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(format, mid * 1000) === before) lo = mid;
        else hi = mid;
      }
      const at = hi * 1000;
      if (at < end) {
        times.push(at);
        offsets.push(now);
      }
      before = now;
    }
  }
  return { start, end, offset0, times, offsets };
}

/** The offset (local − UTC, ms, whole seconds) at instant `t` (a whole second), by one `Intl` call. */
function offsetAt(format: Intl.DateTimeFormat, t: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  // Date's range ends at ±8.64e15; chunks reach a little beyond it, where the offset is the edge's.
  const at = Math.min(Math.max(t, -MAX_MS), MAX_MS);
  for (const part of format.formatToParts(at)) {
    switch (part.type) {
      case "year":
        year = Number(part.value);
        break;
      case "month":
        month = Number(part.value);
        break;
      case "day":
        day = Number(part.value);
        break;
      case "hour":
        hour = Number(part.value);
        break;
      case "minute":
        minute = Number(part.value);
        break;
      case "second":
        second = Number(part.value);
        break;
      case "era":
        bc = part.value.startsWith("B");
        break;
    }
  }
  if (bc) year = 1 - year;
  const local = daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
  return local - Math.floor(at / 1000) * 1000;
}
