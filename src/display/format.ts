/**
 * Formatting for people: durations, percentages, NPS points and intervals,
 * with a fixed default locale (`"en-US"`), never the machine's.
 */
import { type Fields, readOptions, record, type Unchecked } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";

/**
 * Options of the number formatters.
 *
 * @category Display
 */
export interface FormatOptions {
  /**
   * Digits after the decimal point.
   * @defaultValue 1
   */
  readonly digits?: number | undefined;
  /**
   * A BCP 47 locale for `Intl.NumberFormat` (`"de-DE"` writes `65,6 %`).
   * @defaultValue "en-US" (fixed, so output never depends on the machine)
   */
  readonly locale?: string | undefined;
}

/**
 * Writes a duration for people: `"850 ms"`, `"45 s"`, `"4 min 30 s"`, `"2 h 05 min"`, `"3 d 04 h"`.
 *
 * Two units at most, the smaller one rounded half up and zero-padded, so
 * columns line up; the value is rounded to the smaller unit first, so
 * 59.6 s reads `"1 min 00 s"`, never `"60 s"`. `null` (no data) reads `"–"`.
 *
 * @param ms - A duration in milliseconds (finite, ≥ 0), or `null`.
 * @returns The text.
 * @throws {MetricInputError} `invalid_type` for a non-number; `not_finite`; `out_of_range` for a negative duration (path `ms`).
 *
 * @example
 * ```ts
 * import { formatDuration } from "support-metrics";
 * formatDuration(7_500_000); // => "2 h 05 min"
 * formatDuration(270_000); // => "4 min 30 s"
 * formatDuration(59_600); // => "1 min 00 s"
 * formatDuration(850); // => "850 ms"
 * formatDuration(3 * 86_400_000 + 4 * 3_600_000); // => "3 d 04 h"
 * formatDuration(null); // => "–"
 * formatDuration(-1); // throws out_of_range
 * ```
 * @see {@link formatPercent}, {@link formatNpsPoints}
 * @category Display
 */
export function formatDuration(ms: number | null): string {
  if (ms === null) return DASH;
  if (!(typeof ms === "number" && ms >= 0 && ms < Number.POSITIVE_INFINITY)) {
    const code = typeof ms !== "number" ? "invalid_type" : Number.isFinite(ms) ? "out_of_range" : "not_finite";
    throw inputError(code, "formatDuration", "ms", "a duration in ms ≥ 0", ms);
  }
  if (Math.round(ms) < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${pad(seconds % 60)} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1440) return `${Math.floor(minutes / 60)} h ${pad(minutes % 60)} min`;
  const hours = Math.round(ms / 3_600_000);
  return `${Math.floor(hours / 24)} d ${pad(hours % 24)} h`;
}

/**
 * Writes a percentage 0–100 for people: `"65.6 %"`.
 *
 * The value is a percentage already (as every rate of the library returns),
 * rounded to `digits` (1 by default) in the fixed default locale `"en-US"` or
 * the one given; `-0` reads as `0`. `null` (no data) reads `"–"`.
 *
 * @param value - A percentage, or `null`.
 * @param options - `digits` (default 1), `locale` (default `"en-US"`).
 * @returns The text, with a narrow space before `%` as in the ISO 80000 style.
 * @throws {MetricInputError} `invalid_type` / `not_finite` for a value that is not a finite number; `invalid_option` for bad options.
 *
 * @example
 * ```ts
 * import { formatPercent } from "support-metrics";
 * formatPercent(65.6123); // => "65.6 %"
 * formatPercent(4.761905, { digits: 2 }); // => "4.76 %"
 * formatPercent(1234.5, { locale: "de-DE" }); // => "1.234,5 %"
 * formatPercent(null); // => "–"
 * formatPercent(Number.NaN); // throws not_finite
 * ```
 * @see {@link formatNpsPoints}, {@link formatInterval}
 * @category Display
 */
export function formatPercent(value: number | null, options?: FormatOptions): string {
  if (value === null) return DASH;
  const f = formatOptions("formatPercent", options);
  return `${number("formatPercent", value, f, "value")} %`;
}

/**
 * Writes NPS points (or any signed points) for people: `"+5.0"`, `"-12.0"`, `"0.0"`.
 *
 * A sign always, so a change and a score read alike: `+` above zero, a minus
 * below, none for a value that rounds to zero. `null` reads `"–"`.
 *
 * @param value - Points, e.g. an NPS (−100…100) or a difference of two, or `null`.
 * @param options - `digits` (default 1), `locale` (default `"en-US"`).
 * @returns The text.
 * @throws {MetricInputError} `invalid_type` / `not_finite` for a value that is not a finite number; `invalid_option` for bad options.
 *
 * @example
 * ```ts
 * import { formatNpsPoints } from "support-metrics";
 * formatNpsPoints(5.04); // => "+5.0"
 * formatNpsPoints(-12); // => "-12.0"
 * formatNpsPoints(-0.01); // => "0.0"
 * formatNpsPoints(25.304050064942732, { digits: 0 }); // => "+25"
 * formatNpsPoints(null); // => "–"
 * ```
 * @see {@link formatPercent}, {@link formatInterval}
 * @category Display
 */
export function formatNpsPoints(value: number | null, options?: FormatOptions): string {
  if (value === null) return DASH;
  return signed("formatNpsPoints", value, formatOptions("formatNpsPoints", options), "value");
}

/**
 * Writes an interval for people: `"[64.0, 67.1]"`, or signed points `"[+2.0, +8.1]"`.
 *
 * @param interval - `{ lower, upper }` (as {@link wilsonInterval} and {@link npsInterval} return), or `null`.
 * @param options - `digits` (default 1), `locale` (default `"en-US"`), `signed` (default `false`; `true` for NPS points).
 * @returns The text, or `"–"` for `null` or a bound that is `null`.
 * @throws {MetricInputError} `invalid_type` / `not_finite` for a bound that is not a finite number (path
 *   `interval.lower` or `interval.upper`), or an `interval` that is neither an object nor `null` (path `interval`);
 *   `invalid_option` for bad options or an unknown option key.
 *
 * @example
 * ```ts
 * import { formatInterval } from "support-metrics";
 * formatInterval({ lower: 64.04, upper: 67.12 }); // => "[64.0, 67.1]"
 * formatInterval({ lower: 2.04, upper: 8.1 }, { signed: true }); // => "[+2.0, +8.1]"
 * formatInterval(null); // => "–"
 * ```
 * @see {@link formatPercent}, {@link formatNpsPoints}
 * @category Display
 */
export function formatInterval(
  interval: { readonly lower: number | null; readonly upper: number | null } | null,
  options?: FormatOptions & { readonly signed?: boolean | undefined },
): string {
  const fn = "formatInterval";
  const o = readOptions(fn, "options", options, INTERVAL_FIELDS);
  const isSigned = o.signed;
  if (isSigned !== undefined && typeof isSigned !== "boolean") {
    throw inputError("invalid_option", fn, "options.signed", "a boolean", isSigned);
  }
  const f = readFormat(fn, o);
  if (interval !== null) record(fn, "interval", interval, { expected: "an interval { lower, upper }, or null" });
  if (interval === null || interval.lower === null || interval.upper === null) return DASH;
  const write = isSigned === true ? signed : number;
  return `[${write(fn, interval.lower, f, "interval.lower")}, ${write(fn, interval.upper, f, "interval.upper")}]`;
}

/** What the formatters write for "no data". */
export const DASH = "–";

interface Format {
  readonly digits: number;
  readonly locale: string;
}

const FORMAT_FIELDS: Fields<FormatOptions> = { digits: "optional", locale: "optional" };
const INTERVAL_FIELDS: Fields<FormatOptions & { readonly signed?: boolean | undefined }> = {
  ...FORMAT_FIELDS,
  signed: "optional",
};

/** The format options of `options`, whose keys are those of {@link FormatOptions} only. */
function formatOptions(fn: string, options: FormatOptions | undefined): Format {
  return readFormat(fn, readOptions(fn, "options", options, FORMAT_FIELDS));
}

/** The format options of an options object whose keys are already checked. */
function readFormat(fn: string, o: Unchecked<FormatOptions>): Format {
  const digits = o.digits ?? 1;
  if (!(Number.isSafeInteger(digits) && (digits as number) >= 0 && (digits as number) <= 20)) {
    throw inputError("invalid_option", fn, "options.digits", "an integer 0–20", digits);
  }
  const locale = o.locale ?? "en-US";
  if (typeof locale !== "string" || !isLocale(locale)) {
    throw inputError("invalid_option", fn, "options.locale", 'a BCP 47 locale such as "en-US"', locale);
  }
  return { digits: digits as number, locale };
}

function isLocale(locale: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

/** A finite number with `digits` decimals in `locale`; `-0` (or a value that rounds to it) without its sign. */
function number(fn: string, value: unknown, f: Format, path: string): string {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw inputError(typeof value === "number" ? "not_finite" : "invalid_type", fn, path, "a finite number", value);
  }
  const text = formatter(f).format(value);
  return isZeroText(text) ? formatter(f).format(0) : text;
}

function signed(fn: string, value: number, f: Format, path: string): string {
  const text = number(fn, value, f, path);
  return value > 0 && !isZeroText(text) ? `+${text}` : text;
}

function isZeroText(text: string): boolean {
  return !/[1-9]/.test(text);
}

const FORMATTERS = /* @__PURE__ */ new Map<string, Intl.NumberFormat>();

function formatter(f: Format): Intl.NumberFormat {
  const id = `${f.locale} ${f.digits}`;
  let nf = FORMATTERS.get(id);
  if (nf === undefined) {
    nf = new Intl.NumberFormat(f.locale, {
      minimumFractionDigits: f.digits,
      maximumFractionDigits: f.digits,
      useGrouping: true,
    });
    FORMATTERS.set(id, nf);
  }
  return nf;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
