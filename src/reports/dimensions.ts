/**
 * Dimensions of a report: how records are split into groups. A dimension is a
 * field name, a calendar period of an instant field local to a time zone, or a
 * function. Compiled once per tally; each record's key is read once.
 */
import type { MetricInputError } from "../errors.js";
import { type Fields, readOptions } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { daysFromCivil } from "../time/instant.js";
import { weekday } from "../time/open-time.js";
import { type ZoneOffsets, zoneOffsets } from "../time/zone-offsets.js";

/**
 * A calendar period of an instant field, read in a time zone: `"day"` labels
 * `2025-06-01`, `"week"` ISO 8601 weeks `2025-W23` (Monday first; the week
 * belongs to the year of its Thursday), `"month"` `2025-06`.
 *
 * @category Reports
 */
export interface PeriodDimension {
  /** The period: `"day"`, `"week"` (ISO week) or `"month"`. */
  readonly period: "day" | "week" | "month";
  /** The instant field it is read from, e.g. `"createdAt"`. */
  readonly of: string;
  /** The IANA time zone the local date is read in, e.g. `"America/New_York"`. */
  readonly timeZone: string;
  /**
   * The dimension's name in report keys.
   * @defaultValue `"week(createdAt)"` style: the period and the field
   */
  readonly name?: string;
}

/**
 * One dimension of a report's `by`: a field name of the record (its value must
 * be a string; absent or `null` is the group `null`), a {@link PeriodDimension},
 * or a function `(record, index) => string | null` (named by the function's
 * `name`, or `by[k]` when it has none).
 *
 * @category Reports
 */
export type Dimension<R = never> = string | PeriodDimension | ((record: R, index: number) => string | null);

/** Internal: a checked dimension. */
export interface CompiledDimension {
  /** Its name in report keys. */
  readonly name: string;
  readonly kind: "field" | "period" | "function";
  /** The field (or the period's instant field); `""` for a function. */
  readonly field: string;
  /** A period's label of an instant (epoch ms); others do not use it. */
  readonly label: (ms: number) => string;
  /** A function dimension's function. */
  readonly call: (record: unknown, index: number) => unknown;
  /** What the dimension means, for the tally's fingerprint. */
  readonly fingerprint: string;
}

const PERIOD_FIELDS: Fields<PeriodDimension> = {
  period: "required",
  of: "required",
  timeZone: "required",
  name: "optional",
};
const NO_LABEL = (): string => "";
const NO_CALL = (): unknown => null;

/**
 * Internal: reads the `by` option (an array of dimensions, or `undefined` for
 * one group). `periodFields` are the instant fields a period may be `of`.
 */
export function compileDimensions(
  fn: string,
  by: unknown,
  path: string,
  periodFields: readonly string[],
): CompiledDimension[] {
  if (by === undefined) return [];
  if (!Array.isArray(by)) throw inputError("invalid_option", fn, path, "an array of dimensions", by);
  const list: readonly unknown[] = by;
  const out: CompiledDimension[] = [];
  for (let k = 0; k < list.length; k++) {
    const d = compileOne(fn, list[k], `${path}[${k}]`, periodFields, `by[${k}]`);
    if (out.some((e) => e.name === d.name)) {
      throw inputError(
        "invalid_option",
        fn,
        `${path}[${k}]`,
        `a dimension whose name is not already used ("${d.name}")`,
        list[k],
      );
    }
    out.push(d);
  }
  return out;
}

function compileOne(
  fn: string,
  d: unknown,
  path: string,
  periodFields: readonly string[],
  fallbackName: string,
): CompiledDimension {
  if (typeof d === "string") {
    if (d === "") throw inputError("invalid_option", fn, path, "a field name", d);
    return { name: d, kind: "field", field: d, label: NO_LABEL, call: NO_CALL, fingerprint: `field ${d}` };
  }
  if (typeof d === "function") {
    const name = typeof d.name === "string" && d.name !== "" ? d.name : fallbackName;
    const call = d as (record: unknown, index: number) => unknown;
    return { name, kind: "function", field: "", label: NO_LABEL, call, fingerprint: `function ${name}` };
  }
  if (d === null || typeof d !== "object" || Array.isArray(d)) {
    throw inputError("invalid_option", fn, path, "a field name, { period, of, timeZone } or a function", d);
  }
  const o: Record<string, unknown> = readOptions(fn, path, d as PeriodDimension, PERIOD_FIELDS);
  const period = o["period"];
  if (period !== "day" && period !== "week" && period !== "month") {
    throw inputError("invalid_option", fn, `${path}.period`, 'one of "day", "week", "month"', period);
  }
  const of = o["of"];
  if (typeof of !== "string" || !periodFields.includes(of)) {
    throw inputError("invalid_option", fn, `${path}.of`, `one of ${periodFields.map((f) => `"${f}"`).join(", ")}`, of);
  }
  const timeZone = o["timeZone"];
  let zone: ZoneOffsets | undefined;
  if (typeof timeZone === "string" && timeZone !== "") {
    try {
      zone = zoneOffsets(timeZone);
    } catch {
      zone = undefined;
    }
  }
  if (zone === undefined) {
    throw inputError("invalid_option", fn, `${path}.timeZone`, "an IANA time zone this runtime knows", timeZone);
  }
  const nameValue = o["name"];
  if (nameValue !== undefined && (typeof nameValue !== "string" || nameValue === "")) {
    throw inputError("invalid_option", fn, `${path}.name`, "a dimension name (a string)", nameValue);
  }
  const name = nameValue ?? `${period}(${of})`;
  return {
    name,
    kind: "period",
    field: of,
    label: periodLabeler(zone, period),
    call: NO_CALL,
    fingerprint: `period ${period} ${of} ${timeZone as string}`,
  };
}

const DAY_MS = 86_400_000;

/** Internal: labels instants by local day, ISO week or month in `zone`, cached per local day. */
export function periodLabeler(zone: ZoneOffsets, period: "day" | "week" | "month"): (ms: number) => string {
  const cache = new Map<number, string>();
  return (ms: number): string => {
    const chunk = zone.chunkAt(ms);
    let offset = chunk.offset0;
    const times = chunk.times;
    for (let i = 0; i < times.length && (times[i] as number) <= ms; i++) offset = chunk.offsets[i] as number;
    const day = Math.floor((ms + offset) / DAY_MS);
    let label = cache.get(day);
    if (label === undefined) {
      label = labelOfDay(day, period);
      cache.set(day, label);
    }
    return label;
  };
}

/** The label of local day `day` (days since 1970-01-01). */
export function labelOfDay(day: number, period: "day" | "week" | "month"): string {
  if (period === "week") {
    const thursday = day - weekday(day) + 3;
    const year = civilFromDays(thursday)[0];
    const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
    return `${pad(year, 4)}-W${pad(week, 2)}`;
  }
  const [year, month, date] = civilFromDays(day);
  return period === "month" ? `${pad(year, 4)}-${pad(month, 2)}` : `${pad(year, 4)}-${pad(month, 2)}-${pad(date, 2)}`;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, "0");
  return n < 0 ? `-${s}` : s;
}

/** The proleptic Gregorian date of a day since 1970-01-01 (Hinnant's civil-from-days). */
export function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/**
 * Internal: the value of a field dimension of `record`: a string, or `null`
 * when absent or `null`; anything else is `invalid_type` at `collection[i].field`.
 */
export function fieldKey(
  fn: string,
  record: Record<string, unknown>,
  field: string,
  collection: string,
  i: number,
): string | null {
  const v = record[field];
  if (typeof v === "string") return v;
  if (v === undefined || v === null) return null;
  throw fieldKeyError(fn, collection, i, field, v);
}

function fieldKeyError(fn: string, collection: string, i: number, field: string, v: unknown): MetricInputError {
  return inputError("invalid_type", fn, `${collection}[${i}].${field}`, "a group value (a string or null)", v);
}

/** Internal: a function dimension's key of `record`; a result other than a string or `null` is `invalid_type`. */
export function functionKey(
  fn: string,
  d: CompiledDimension,
  record: unknown,
  collection: string,
  i: number,
  index: number,
): string | null {
  const v = d.call(record, index);
  if (typeof v === "string") return v;
  if (v === null || v === undefined) return null;
  throw inputError(
    "invalid_type",
    fn,
    `${collection}[${i}]`,
    `a group value (a string or null) from the dimension "${d.name}"`,
    v,
  );
}

/** Internal: the key object of a report row, `{ [dimension name]: value }`. */
export function keyObject(names: readonly string[], key: readonly (string | null)[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (let k = 0; k < names.length; k++) out[names[k] as string] = key[k] as string | null;
  return out;
}
