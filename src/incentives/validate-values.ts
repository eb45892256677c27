/**
 * The checks of single plan values (`validatePlan`): texts, integers, minor
 * amounts, exact numbers, dates, currencies and the enumerations. Each takes
 * the value and its {@link Place} and returns the value (an exact number as a
 * rational) or `undefined` after reporting an issue.
 *
 * @module
 */
import { compare, fromNumber, isDecimalString, type Rational, readExact, ZERO } from "./rational.js";
import { ROUNDING_MODES } from "./rounding.js";
import type { ComparisonOp, MetricType } from "./schema.js";
import { type Check, expected, memberOf, type Place, report } from "./validate-walker.js";

export const METRIC_TYPES: readonly MetricType[] = [
  "count",
  "days",
  "minutes",
  "hours",
  "seconds",
  "percent",
  "ratio",
  "score",
  "number",
  "amountMinor",
];
export const OPERATORS: readonly ComparisonOp[] = ["eq", "ne", "lt", "lte", "gt", "gte", "between", "in"];
export const BETTER: readonly string[] = ["higher", "lower"];
export const ORDER: readonly string[] = ["asc", "desc"];

/** A key whose value another check reads (a `type`) or that is judged with its siblings: kept as given. */
export function kept(value: unknown): unknown {
  return value;
}

/** A non-empty string. */
export function text(v: unknown, at: Place): string | undefined {
  return typeof v === "string" && v.length > 0 ? v : report(at, "invalid_type", expected("a non-empty string", v));
}

export function positiveInteger(v: unknown, at: Place): unknown {
  return Number.isSafeInteger(v) && (v as number) >= 1 ? v : report(at, "invalid_type", expected("an integer ≥ 1", v));
}

/** `top` of a rank award: not an integer is `invalid_type`, an integer below 1 `out_of_range`. */
export function top(v: unknown, at: Place): unknown {
  if (!Number.isSafeInteger(v)) return report(at, "invalid_type", expected("an integer ≥ 1", v));
  return (v as number) < 1 ? report(at, "out_of_range", expected("an integer ≥ 1", v)) : v;
}

export function quantity(v: unknown, at: Place): unknown {
  return typeof v === "number" && v > 0 && v < Number.POSITIVE_INFINITY
    ? v
    : report(at, "out_of_range", expected("a number > 0", v));
}

/** A minor-unit amount: a safe integer ≥ 0. */
export function amount(v: unknown, at: Place): unknown {
  if (typeof v !== "number" || !Number.isFinite(v)) {
    return report(at, "invalid_type", expected("an amount in minor units (an integer)", v));
  }
  if (!Number.isSafeInteger(v)) return report(at, "not_integer", expected("whole minor units (an integer)", v));
  return v < 0 ? report(at, "negative_amount", expected("an amount ≥ 0", v)) : v;
}

/** How an exact plan number is judged: the code when it cannot be read, and its least value with that code. */
export interface ExactRule {
  /** The code when the value is not an integer or a decimal string. */
  readonly code: string;
  /** Compared with 0: `-1` any value, `0` ≥ 0, `1` > 0. */
  readonly least: -1 | 0 | 1;
  /** The code when the value is below its least. */
  readonly rangeCode: string;
}

/** An exact plan number (a safe integer or a decimal string), compared with 0 as `rule.least` says. */
export function exactNumber(v: unknown, at: Place, rule: ExactRule): Rational | undefined {
  const r = readExact(v);
  if (r === null) return report(at, rule.code, expected('an integer or a decimal string such as "112.5"', v));
  return compare(r, ZERO) < rule.least
    ? report(at, rule.rangeCode, expected(`a number ${rule.least ? ">" : "≥"} 0`, v))
    : r;
}

/** A check of exact numbers by `rule`. */
function exactCheck(rule: ExactRule): Check {
  return (v, at) => exactNumber(v, at, rule);
}

/** An exact number ≥ 0 (band edges, weights, percentages). */
export const nonNegativeExact: Check = /* @__PURE__ */ exactCheck({
  code: "invalid_number",
  least: 0,
  rangeCode: "out_of_range",
});

/** An exact number > 0 (a tier target). */
export const positiveExact: Check = /* @__PURE__ */ exactCheck({
  code: "invalid_number",
  least: 1,
  rangeCode: "out_of_range",
});

/** A rate per unit: an exact number ≥ 0, `invalid_rate` when it is not one, `negative_amount` below 0. */
export const rate: Check = /* @__PURE__ */ exactCheck({ code: "invalid_rate", least: 0, rangeCode: "negative_amount" });

export function schemaId(v: unknown, at: Place): unknown {
  return v === "cs-incentive-plan/1" ? v : report(at, "invalid_value", expected('"cs-incentive-plan/1"', v));
}

export function currencyCode(v: unknown, at: Place): unknown {
  return typeof v === "string" && /^[A-Z]{3}$/.test(v)
    ? v
    : report(at, "invalid_currency", expected("an ISO 4217 code (three capital letters)", v));
}

export function exponent(v: unknown, at: Place): unknown {
  return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 4
    ? v
    : report(at, "invalid_currency", expected("minor-unit digits 0–4 (USD 2, JPY 0)", v));
}

export const roundingMode: Check = /* @__PURE__ */ memberOf(ROUNDING_MODES, "invalid_rounding_mode");

export const operator: Check = /* @__PURE__ */ memberOf(OPERATORS, "invalid_operator");

export function rewardKind(v: unknown, at: Place): unknown {
  return typeof v === "string" && /^[A-Za-z]\w*$/.test(v)
    ? v
    : report(at, "invalid_value", expected('"cash" or a reward kind such as "paidTimeOff"', v));
}

/** A calendar date `YYYY-MM-DD` (leap years counted). */
export function date(v: unknown, at: Place): unknown {
  const m = typeof v === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  if (m) {
    const y = Number(m[1]);
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Number(m[2]) - 1];
    const d = Number(m[3]);
    if (days !== undefined && d >= 1 && d <= days) return v;
  }
  return report(at, "invalid_date", expected("a date YYYY-MM-DD", v));
}

/** A condition constant: any finite JS number (read as its shortest decimal) or a decimal string. */
export function conditionNumber(v: unknown, at: Place): Rational | undefined {
  if (typeof v === "number") {
    return Number.isFinite(v) ? fromNumber(v) : report(at, "not_finite", expected("a finite number", v));
  }
  if (typeof v === "string" && isDecimalString(v)) return readExact(v) ?? undefined;
  return report(at, "invalid_type", expected("a number or a decimal string", v));
}
