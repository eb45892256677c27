import { inputError } from "../internal/messages.js";

/**
 * A point in time: a `Date`, epoch milliseconds (`number`), or an ISO 8601 /
 * RFC 3339 string **with** `Z` or an offset (`"2024-03-20T12:00:00Z"`,
 * `"2024-03-20T14:00+02:00"`). A string without a zone is ambiguous and is rejected.
 *
 * @category Time
 */
export type Instant = Date | number | string;

/**
 * Reads an {@link Instant} as epoch milliseconds.
 *
 * Numbers are epoch milliseconds and must be finite and within the range of
 * `Date` (±8.64e15). Strings must be ISO 8601 date-times with `T` (or a space)
 * between date and time, minutes at least, optional seconds and fraction, and
 * a zone: `Z` or `±HH:MM` / `±HHMM` / `±HH`. Fractions below a millisecond are
 * truncated, as `Date` does. Parsing is done here, not by `Date.parse`, so the
 * result is the same on every runtime.
 *
 * @param value - The instant to read.
 * @returns Epoch milliseconds.
 * @throws {MetricInputError} `invalid_instant` for a zone-less or malformed string, an invalid `Date`, or a number out of range; `invalid_type` for any other type.
 *
 * @example
 * ```ts
 * import { parseInstant } from "support-metrics";
 * parseInstant("2024-03-20T12:00:00Z"); // => 1710936000000
 * parseInstant("2024-03-20T14:00+02:00"); // => 1710936000000
 * parseInstant(new Date(0)); // => 0
 * parseInstant("2024-03-20T12:00:00"); // throws invalid_instant
 * ```
 * @category Time
 */
export function parseInstant(value: Instant): number {
  return toEpochMs("parseInstant", "value", value);
}

const EXPECTED = "an instant (Date, epoch ms, or ISO 8601 string with a zone)";
const MAX_MS = 8.64e15;

/** Internal: reads an instant for public function `fn`; errors carry `path`. */
export function toEpochMs(fn: string, path: string, value: unknown): number {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value > MAX_MS || value < -MAX_MS) {
      throw inputError("invalid_instant", fn, path, EXPECTED, value);
    }
    return value === 0 ? 0 : value;
  }
  if (typeof value === "string") {
    const ms = parseIso(value);
    if (Number.isNaN(ms)) throw inputError("invalid_instant", fn, path, EXPECTED, value);
    return ms;
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw inputError("invalid_instant", fn, path, EXPECTED, value);
    return ms;
  }
  throw inputError("invalid_type", fn, path, EXPECTED, value);
}

/**
 * Internal: reads an instant as epoch milliseconds without building an error:
 * `NaN` for any value {@link toEpochMs} rejects, and otherwise the same number.
 * Hot loops call this first and build the error's path only for a bad value
 * (handing it to `toEpochMs`, which throws), so a valid ISO string costs no
 * string building.
 */
export function epochMsOrNaN(value: unknown): number {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value > MAX_MS || value < -MAX_MS) return Number.NaN;
    return value === 0 ? 0 : value;
  }
  if (typeof value === "string") return parseIso(value);
  if (value instanceof Date) return value.getTime();
  return Number.NaN;
}

/**
 * Two ASCII digits at `i` as a number 0–99, or -1 when either is not a digit:
 * an integer either way, so the date arithmetic stays in small integers (a
 * `NaN` here made every field a double, and `%` on doubles a call).
 */
function d2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Parses an ISO 8601 date-time with a zone; NaN when malformed. */
function parseIso(s: string): number {
  isoInto(s, PARSED, 0);
  return PARSED[0] as number;
}

const PARSED = /* @__PURE__ */ new Float64Array(1);

/**
 * Internal: {@link epochMsOrNaN} written into `out[k]` instead of returned, so a
 * hot loop gets the epoch ms without a boxed number crossing the call (epoch
 * ms are too large for small integers).
 */
export function epochMsInto(value: unknown, out: Float64Array, k: number): void {
  if (typeof value === "string") isoInto(value, out, k);
  else out[k] = epochMsOrNaN(value);
}

/**
 * Writes the epoch ms of ISO 8601 date-time `s` (with a zone) into `out[k]`;
 * NaN when malformed. Written into a slot, not returned: the result is never
 * boxed, whether or not the caller inlines this parser.
 */
function isoInto(s: string, out: Float64Array, k: number): void {
  out[k] = Number.NaN;
  // YYYY-MM-DDTHH:MM
  if (s.length < 17) return;
  const century = d2(s, 0);
  const yy = d2(s, 2);
  if (century < 0 || yy < 0 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return;
  const year = century * 100 + yy;
  const month = d2(s, 5);
  const day = d2(s, 8);
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 116 && sep !== 32) return; // T t space
  const hour = d2(s, 11);
  if (s.charCodeAt(13) !== 58) return;
  const minute = d2(s, 14);
  let i = 16;
  let second = 0;
  let ms = 0;
  if (s.charCodeAt(i) === 58) {
    second = d2(s, i + 1);
    i += 3;
    if (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44) {
      i++;
      let digits = 0;
      while (i < s.length) {
        const c = s.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        if (digits < 3) ms = ms * 10 + c;
        digits++;
        i++;
      }
      if (digits === 0) return;
      if (digits === 1) ms *= 100;
      else if (digits === 2) ms *= 10;
    }
  }
  // zone
  let offsetMin: number;
  const z = s.charCodeAt(i);
  if ((z === 90 || z === 122) && i + 1 === s.length) {
    offsetMin = 0;
  } else if (z === 43 || z === 45) {
    const oh = d2(s, i + 1);
    let om = 0;
    const rest = s.length - (i + 3);
    if (rest === 0) om = 0;
    else if (rest === 3 && s.charCodeAt(i + 3) === 58) om = d2(s, i + 4);
    else if (rest === 2) om = d2(s, i + 3);
    else return;
    if (!(oh >= 0 && oh <= 23 && om >= 0 && om <= 59)) return;
    offsetMin = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return;
  }
  // A field that is not two digits is -1 (d2), outside every range below.
  const monthDay = month >= 1 && month <= 12 && day >= 1;
  const time = hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
  const endOfDay = hour === 24 && minute === 0 && second === 0 && ms === 0; // 24:00 is the next midnight
  if (!(monthDay && (time || endOfDay))) return;
  if (day > daysInMonth(year, month)) return;
  const local = daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  out[k] = local - offsetMin * 60_000;
}

/** Internal: the number of days in `month` (1–12) of `year` (proleptic Gregorian). */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}

/**
 * Internal: days since 1970-01-01 of a proleptic Gregorian date (month 1–12),
 * without `Date` (Hinnant's days-from-civil algorithm).
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
