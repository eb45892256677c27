import { type Fields, readOptions } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { daysFromCivil, daysInMonth } from "./instant.js";
import { type ZoneOffsets, zoneOffsets } from "./zone-offsets.js";

/**
 * How {@link localInstant} resolves a wall-clock time that a time zone skips
 * (a spring-forward gap) or shows twice (a fall-back overlap). The names and
 * the default are Temporal's (`Temporal.ZonedDateTime.from`, option `disambiguation`):
 *
 * - `"compatible"`: a time in a gap moves forward by the length of the gap
 *   (02:30 on a New York spring-forward day is 03:30 EDT); a time in an
 *   overlap takes the earlier instant. This is what `Date` and most libraries do.
 * - `"earlier"`: the earlier of the two instants in an overlap; in a gap, the
 *   time moved *backward* by the length of the gap (02:30 → 01:30 EST).
 * - `"later"`: the later of the two instants in an overlap; in a gap, the time
 *   moved forward (02:30 → 03:30 EDT).
 * - `"reject"`: throw `invalid_instant` for a time in a gap or an overlap.
 *
 * @category Time
 */
export type Disambiguation = "compatible" | "earlier" | "later" | "reject";

/**
 * Options of {@link localInstant}.
 *
 * @category Time
 */
export interface LocalInstantOptions {
  /**
   * The layout of the text: the tokens `YYYY` (four-digit year), `MM` / `M`
   * (month, two digits / one or two), `DD` / `D` (day), `HH` / `H` (hour
   * 0–23), `mm` (minute), `ss` (second) and `SSS` (millisecond); every other
   * character must appear as written (`T` included). A year, month and day are
   * required; absent time fields read as 0, e.g. `"DD-MM-YYYY HH:mm"`, `"MM/DD/YYYY H:mm"`.
   * Other letters are refused, so that `"yyyy-MM-dd"` fails loudly instead of misreading.
   * @defaultValue ISO-like local time: `YYYY-MM-DD`, then optionally `T` or a space and `HH:mm`, `:ss`, `.fraction` (1–9 digits, truncated to ms)
   */
  readonly format?: string;
  /**
   * How a time in a daylight-saving gap or overlap is resolved (see {@link Disambiguation}).
   * @defaultValue `"compatible"`
   */
  readonly disambiguation?: Disambiguation;
}

const FN = "localInstant";
const DAY_MS = 86_400_000;
const OPTION_FIELDS: Fields<LocalInstantOptions> = { format: "optional", disambiguation: "optional" };
const DISAMBIGUATIONS: readonly string[] = ["compatible", "earlier", "later", "reject"];

/**
 * Reads a local wall-clock time in an IANA time zone ("this local time in that
 * zone") as epoch milliseconds.
 *
 * Definition: the result is the instant `t` whose local time in `timeZone` is
 * the given text, that is `t + offset(t) = local`, where `offset(t)` is the
 * zone's UTC offset at `t` from the tz database (through `Intl`, cached as the
 * business calendars cache it). When the zone skips the local time (a
 * spring-forward gap) or shows it twice (a fall-back overlap), `disambiguation`
 * chooses, with the names and default of Temporal (TC39's
 * `Temporal.ZonedDateTime.from`): `"compatible"` moves a gap time forward by
 * the gap and takes the earlier instant of an overlap. Half-hour and 45-minute
 * offsets (Kathmandu +05:45, St John's −03:30, Chatham +12:45/+13:45) and
 * 30-minute daylight-saving shifts (Lord Howe) are handled the same way.
 *
 * Text that carries its own offset or `Z` is refused: it is not local time
 * (read it with {@link parseInstant}). The text must match the whole format;
 * an impossible date (31 February, hour 24) is refused, never rolled over.
 *
 * @param text - The local date and time, e.g. `"2024-06-01 12:00"` or, with a `format`, `"01-06-2024 12:00"`.
 * @param timeZone - The IANA time zone the text was written in, e.g. `"Asia/Kathmandu"`.
 * @param options - `format` and `disambiguation`.
 * @returns Epoch milliseconds of the instant.
 * @throws {MetricInputError} `invalid_instant` for malformed text, an impossible date, text with an
 *   offset or `Z`, or (with `"reject"`) a time in a gap or overlap (path `text`); `invalid_type` when `text`
 *   is not a string; `invalid_option` for an unknown time zone (path `timeZone`), an unknown option key, a
 *   malformed `format` or an unknown `disambiguation` (path `options.…`).
 *
 * @example
 * ```ts
 * import { localInstant } from "support-metrics";
 * localInstant("2024-06-01 12:00", "Asia/Kathmandu") === Date.parse("2024-06-01T06:15:00Z"); // => true
 * localInstant("29-02-2016 01:16", "Europe/London", { format: "DD-MM-YYYY HH:mm" }) === Date.parse("2016-02-29T01:16:00Z"); // => true
 * // 02:30 does not exist on 10 March 2024 in New York: "compatible" moves it to 03:30 EDT.
 * localInstant("2024-03-10T02:30", "America/New_York") === Date.parse("2024-03-10T03:30:00-04:00"); // => true
 * localInstant("2024-03-10T02:30", "America/New_York", { disambiguation: "earlier" }) === Date.parse("2024-03-10T01:30:00-05:00"); // => true
 * // 01:30 happens twice on 3 November 2024: the earlier (EDT) by default, the later (EST) on request.
 * localInstant("2024-11-03 01:30", "America/New_York") === Date.parse("2024-11-03T01:30:00-04:00"); // => true
 * localInstant("2024-11-03 01:30", "America/New_York", { disambiguation: "later" }) === Date.parse("2024-11-03T01:30:00-05:00"); // => true
 * localInstant("2024-11-03 01:30", "America/New_York", { disambiguation: "reject" }); // throws invalid_instant
 * localInstant("2024-02-31 12:00", "Europe/Paris"); // throws invalid_instant
 * localInstant("2024-06-01T12:00Z", "Europe/Paris"); // throws invalid_instant
 * localInstant("2024-06-01 12:00", "Mars/Olympus_Mons"); // throws invalid_option
 * ```
 * @see {@link parseInstant} for text with an offset, {@link businessCalendar} for open time in a zone.
 * @category Time
 */
export function localInstant(text: string, timeZone: string, options?: LocalInstantOptions): number {
  const o = readLocalOptions(options);
  const zone = zoneOption(FN, "timeZone", timeZone);
  return resolveLocal(FN, "text", text, zone, o.fields, o.disambiguation);
}

/** Internal: the checked options of {@link localInstant}. */
interface CheckedOptions {
  readonly fields: Format | undefined;
  readonly disambiguation: Disambiguation;
}

function readLocalOptions(options: unknown): CheckedOptions {
  if (options === undefined) return { fields: undefined, disambiguation: "compatible" };
  const o = readOptions(FN, "options", options as LocalInstantOptions, OPTION_FIELDS);
  return {
    fields: o["format"] === undefined ? undefined : compileFormat(FN, "options.format", o["format"]),
    disambiguation: disambiguationOption(FN, "options.disambiguation", o["disambiguation"]),
  };
}

/** Internal: reads a `disambiguation` option (`undefined` → `"compatible"`). */
export function disambiguationOption(fn: string, path: string, value: unknown): Disambiguation {
  if (value === undefined) return "compatible";
  if (typeof value !== "string" || !DISAMBIGUATIONS.includes(value)) {
    throw inputError("invalid_option", fn, path, `one of ${DISAMBIGUATIONS.map((d) => `"${d}"`).join(", ")}`, value);
  }
  return value as Disambiguation;
}

const ZONE_CACHE: Map<string, ZoneOffsets> = /* @__PURE__ */ new Map();

/** Internal: the offset table of a time-zone option; `invalid_option` for a zone the runtime does not know. */
export function zoneOption(fn: string, path: string, timeZone: unknown): ZoneOffsets {
  if (typeof timeZone === "string") {
    const hit = ZONE_CACHE.get(timeZone);
    if (hit !== undefined) return hit;
    if (timeZone !== "") {
      try {
        const zone = zoneOffsets(timeZone);
        ZONE_CACHE.set(timeZone, zone);
        return zone;
      } catch {
        // reported below
      }
    }
  }
  throw inputError("invalid_option", fn, path, "an IANA time zone this runtime knows", timeZone);
}

/** Field kinds of a compiled format: indexes into the parsed values. */
type Field = number;
const Year = 0;
const Month = 1;
const Day = 2;
const Hour = 3;
const Minute = 4;
const Second = 5;
const Milli = 6;
const Literal = 7;

/** One step of a compiled format: a field with its digit counts, or a literal text. */
interface Step {
  readonly field: Field;
  readonly min: number;
  readonly max: number;
  readonly literal: string;
}

/** Internal: a compiled `format` option. */
export type Format = readonly Step[];

const TOKENS: readonly [string, Field, number, number][] = [
  ["YYYY", Year, 4, 4],
  ["SSS", Milli, 3, 3],
  ["MM", Month, 2, 2],
  ["DD", Day, 2, 2],
  ["HH", Hour, 2, 2],
  ["mm", Minute, 2, 2],
  ["ss", Second, 2, 2],
  ["M", Month, 1, 2],
  ["D", Day, 1, 2],
  ["H", Hour, 1, 2],
];

/** Internal: compiles a `format` pattern; `invalid_option` at `path` when malformed. */
export function compileFormat(fn: string, path: string, format: unknown): Format {
  const expected = 'a format of the tokens YYYY MM M DD D HH H mm ss SSS, e.g. "DD-MM-YYYY HH:mm"';
  if (typeof format !== "string") throw inputError("invalid_option", fn, path, expected, format);
  const steps: Step[] = [];
  const seen = new Set<Field>();
  let i = 0;
  while (i < format.length) {
    const token = TOKENS.find(([t]) => format.startsWith(t, i));
    if (token !== undefined) {
      const [t, field, min, max] = token;
      if (seen.has(field)) throw inputError("invalid_option", fn, path, `${expected} (each field once)`, format);
      seen.add(field);
      steps.push({ field, min, max, literal: "" });
      i += t.length;
      continue;
    }
    const c = format[i] as string;
    if (/[A-Za-z]/.test(c) && c !== "T") throw inputError("invalid_option", fn, path, expected, format);
    const last = steps[steps.length - 1];
    if (last !== undefined && last.field === Literal) {
      steps[steps.length - 1] = { field: Literal, min: 0, max: 0, literal: last.literal + c };
    } else steps.push({ field: Literal, min: 0, max: 0, literal: c });
    i++;
  }
  const needs: readonly [Field, Field][] = [
    [Milli, Second],
    [Second, Minute],
    [Minute, Hour],
  ];
  const complete =
    seen.has(Year) &&
    seen.has(Month) &&
    seen.has(Day) &&
    needs.every(([field, needed]) => !seen.has(field) || seen.has(needed));
  if (!complete) throw inputError("invalid_option", fn, path, `${expected} (year, month and day required)`, format);
  return steps;
}

const EXPECTED_TEXT = 'a local date and time without an offset, e.g. "2024-06-01 12:00"';

/**
 * Internal: reads local `text` (ISO-like, or by `format`) in `zone` as epoch ms.
 * Throws `invalid_type` / `invalid_instant` at `path`.
 */
export function resolveLocal(
  fn: string,
  path: string,
  text: unknown,
  zone: ZoneOffsets,
  format: Format | undefined,
  disambiguation: Disambiguation,
): number {
  if (typeof text !== "string") throw inputError("invalid_type", fn, path, EXPECTED_TEXT, text);
  const local = format === undefined ? parseIsoLocal(text) : parseByFormat(text, format);
  if (Number.isNaN(local)) {
    const why = format === undefined ? EXPECTED_TEXT : "a local date and time matching the format";
    throw inputError("invalid_instant", fn, path, why, text);
  }
  const t = fromLocal(zone, local, disambiguation);
  if (Number.isNaN(t)) {
    throw inputError(
      "invalid_instant",
      fn,
      path,
      `a local time that exists exactly once in ${zone.timeZone} (disambiguation "reject")`,
      text,
    );
  }
  return t;
}

/** The offset (local − UTC, ms) of `zone` at instant `t`. */
function offsetAt(zone: ZoneOffsets, t: number): number {
  const chunk = zone.chunkAt(t);
  let offset = chunk.offset0;
  const times = chunk.times;
  for (let i = 0; i < times.length && (times[i] as number) <= t; i++) offset = chunk.offsets[i] as number;
  return offset;
}

/**
 * The instant of local time `local` (ms on the local timeline) in `zone`, or
 * `NaN` for a gap or overlap under `"reject"`. Like Temporal's
 * GetPossibleEpochNanoseconds: the offsets a day before and a day after are the
 * only candidates (a zone changes its offset at most once a day).
 */
function fromLocal(zone: ZoneOffsets, local: number, disambiguation: Disambiguation): number {
  const before = offsetAt(zone, local - DAY_MS);
  const after = offsetAt(zone, local + DAY_MS);
  const a = local - before;
  const b = local - after;
  const aFits = offsetAt(zone, a) === before;
  const bFits = offsetAt(zone, b) === after;
  if (aFits && bFits && a !== b) {
    // An overlap: two instants.
    if (disambiguation === "reject") return Number.NaN;
    return disambiguation === "later" ? Math.max(a, b) : Math.min(a, b);
  }
  if (aFits) return a;
  if (bFits) return b;
  // A gap: `a` (read with the offset before) lies after the change, `b` before it.
  if (disambiguation === "reject") return Number.NaN;
  return disambiguation === "earlier" ? b : a;
}

/** Digits `s[i…i+n)` as a number, or NaN. */
function digits(s: string, i: number, n: number): number {
  if (i + n > s.length) return Number.NaN;
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    v = v * 10 + c;
  }
  return v;
}

/** The local timeline value of the fields, or NaN for an impossible date or time. */
function localMs(year: number, month: number, day: number, h: number, m: number, s: number, ms: number): number {
  if (!(month >= 1 && month <= 12 && day >= 1 && h <= 23 && m <= 59 && s <= 59)) return Number.NaN;
  if (Number.isNaN(year) || Number.isNaN(ms) || day > daysInMonth(year, month)) return Number.NaN;
  return daysFromCivil(year, month, day) * DAY_MS + ((h * 60 + m) * 60 + s) * 1000 + ms;
}

/** The ISO-like layouts: a date, then `T` or a space and `HH:mm`, `:ss`, `.fraction` (1–9 digits, truncated to ms). */
let isoFormats: Format[] | undefined;

/** `YYYY-MM-DD[( |T)HH:mm[:ss[(.|,)f…]]]`, nothing after; NaN otherwise (an offset or `Z` included). */
function parseIsoLocal(s: string): number {
  if (isoFormats === undefined) {
    const fraction: Step = { field: Milli, min: 1, max: 9, literal: "" };
    const layouts = ["YYYY-MM-DD"];
    for (const sep of ["T", " "]) {
      layouts.push(
        `YYYY-MM-DD${sep}HH:mm`,
        `YYYY-MM-DD${sep}HH:mm:ss`,
        `YYYY-MM-DD${sep}HH:mm:ss.`,
        `YYYY-MM-DD${sep}HH:mm:ss,`,
      );
    }
    isoFormats = layouts.map((layout) => {
      const steps = compileFormat(FN, "", layout);
      return layout.endsWith(".") || layout.endsWith(",") ? [...steps, fraction] : steps;
    });
  }
  if (s.length === 10) return parseByFormat(s, isoFormats[0] as Format);
  const sep = s[10] === "T" ? 1 : s[10] === " " ? 5 : -1;
  const tail = s.length === 16 ? 0 : s.length === 19 ? 1 : s[19] === "." ? 2 : s[19] === "," ? 3 : -1;
  if (sep < 0 || tail < 0) return Number.NaN;
  return parseByFormat(s, isoFormats[sep + tail] as Format);
}

function parseByFormat(s: string, format: Format): number {
  const v = [Number.NaN, Number.NaN, Number.NaN, 0, 0, 0, 0];
  let i = 0;
  for (const step of format) {
    if (step.field === Literal) {
      if (!s.startsWith(step.literal, i)) return Number.NaN;
      i += step.literal.length;
      continue;
    }
    let n = 0;
    while (n < step.max && i + n < s.length) {
      const c = s.charCodeAt(i + n) - 48;
      if (c < 0 || c > 9) break;
      n++;
    }
    if (n < step.min) return Number.NaN;
    // A fraction of 1–9 digits (ISO layouts only) is truncated to milliseconds.
    v[step.field] = step.field === Milli && step.max > 3 ? digits(`${s.slice(i, i + 3)}00`, 0, 3) : digits(s, i, n);
    i += n;
  }
  if (i !== s.length) return Number.NaN;
  return localMs(
    v[0] as number,
    v[1] as number,
    v[2] as number,
    v[3] as number,
    v[4] as number,
    v[5] as number,
    v[6] as number,
  );
}
