/**
 * Internal: what the tally queries share. Their dimensions as SQL reads them,
 * and the reading of their result rows exactly as the drivers return them:
 * counts are integers (a `bigint` from DuckDB, a string of digits from
 * node-postgres, a safe integer number from PGlite); anything else is a coded
 * error, never coerced.
 */
import type { MetricErrorCode } from "../errors.js";
import { inputError } from "../internal/messages.js";
import type { SetAside } from "../reports/index.js";

/** The option keys only the SQL functions read (`tallyTickets` and `tallySurveys` would refuse them). */
interface SqlOnlyOptions {
  readonly dialect?: unknown;
  readonly tables?: unknown;
  readonly columns?: unknown;
}

/**
 * Internal: the caller's options (already checked by `readOptions`) minus
 * `dialect`, `tables` and `columns`: what the JS tally reads, typed as its options.
 */
export function withoutSqlKeys<T extends object>(options: T & SqlOnlyOptions): Omit<T, keyof SqlOnlyOptions> {
  const { dialect, tables, columns, ...tallyOptions } = options;
  return tallyOptions;
}

const DIGITS = /^-?\d+$/;

/** The exact integer value of `row[column]` as a bigint (`null` and absent read as `null`). */
export function bigOf(fn: string, r: Record<string, unknown>, i: number, column: string): bigint | null {
  const v = r[column];
  if (v === null || v === undefined) return null;
  if (typeof v === "bigint") return v;
  if (typeof v === "string" && DIGITS.test(v)) return BigInt(v);
  if (typeof v === "number" && Number.isSafeInteger(v)) return BigInt(v);
  const path = `rows[${i}].${column}`;
  const expected = "an integer (a bigint, a string of digits or a safe integer)";
  if (typeof v === "number") throw inputError(Number.isFinite(v) ? "not_integer" : "not_finite", fn, path, expected, v);
  if (typeof v === "string") throw inputError("not_integer", fn, path, expected, v);
  throw inputError("invalid_type", fn, path, expected, v);
}

/** A count (or a signed index when `signed`) of `row[column]` as a safe integer number. */
export function rowInteger(fn: string, r: Record<string, unknown>, i: number, column: string, signed: boolean): number {
  const b = bigOf(fn, r, i, column);
  if (b === null) throw inputError("missing_value", fn, `rows[${i}].${column}`, "an integer", r[column]);
  if ((!signed && b < 0n) || b > 9007199254740991n || b < -9007199254740991n) {
    const expected = signed ? "a safe integer" : "a count: a safe integer ≥ 0";
    throw inputError("out_of_range", fn, `rows[${i}].${column}`, expected, r[column]);
  }
  const n = Number(b);
  return n === 0 ? 0 : n;
}

/** The row with lower-case column names (Snowflake returns unquoted names in upper case), unless it has `marker`. */
export function lowerCaseKeys(row: Record<string, unknown>, marker: string): Record<string, unknown> {
  if (marker in row) return row;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row)) out[key.toLowerCase()] = row[key];
  return out;
}

/**
 * Runs the option checks of the JS tally (`check`) and rethrows their errors
 * under the public function `fn`, with the same code, path and received value.
 */
export function checkedAs<T>(fn: string, original: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    const e = error as { code?: unknown; path?: unknown; received?: unknown; message?: unknown };
    if (typeof e.code === "string" && typeof e.path === "string") {
      const message = typeof e.message === "string" ? e.message.replace(`${original}: expected `, "") : "";
      const expected = message.replace(/ but received .*$/s, "");
      throw inputError(e.code as "invalid_option", fn, e.path, expected, e.received);
    }
    throw error;
  }
}

/** The group key of row `i`: its columns `k0` … `k(n−1)`, each a string or `null` (else `invalid_type`). */
export function rowKey(fn: string, r: Record<string, unknown>, i: number, n: number): (string | null)[] {
  const key: (string | null)[] = [];
  for (let j = 0; j < n; j++) {
    const v = r[`k${j}`];
    if (v !== null && typeof v !== "string") {
      throw inputError("invalid_type", fn, `rows[${i}].k${j}`, "a group key (a string or null)", v);
    }
    key.push(v);
  }
  return key;
}

/**
 * The records the SQL refused, counted by error code: with `onInvalid: "setAside"` a
 * set-aside without entries (the rows carry no indices), else the error of the first
 * code in code-unit order at `rows`, its expected text `no <what(code)> refused by the SQL`.
 */
export function refusedRecords(
  fn: string,
  refused: ReadonlyMap<string, number>,
  onInvalid: unknown,
  what: (code: string, n: number) => string,
): SetAside {
  const codes = [...refused.keys()].sort();
  if (onInvalid !== "setAside" && codes.length > 0) {
    const code = codes[0] as MetricErrorCode;
    const n = refused.get(code) as number;
    throw inputError(code, fn, "rows", `no ${what(code, n)} refused by the SQL`, n);
  }
  const byCode: Record<string, number> = {};
  let count = 0;
  for (const code of codes) {
    byCode[code] = refused.get(code) as number;
    count += refused.get(code) as number;
  }
  return { count, byCode, first: [] };
}

/** One dimension as SQL reads it: a field column, or a period of an instant column. */
export type SqlDimension =
  | { readonly kind: "field"; readonly field: string }
  | {
      readonly kind: "period";
      readonly field: string;
      readonly period: "day" | "week" | "month";
      readonly timeZone: string;
    };

/** The `by` option (already checked by the JS tally); a function is `invalid_option` at `options.by[k]`. */
export function sqlDimensions(fn: string, by: unknown): SqlDimension[] {
  if (by === undefined) return [];
  return (by as readonly unknown[]).map((dim, k) => {
    if (typeof dim === "string") return { kind: "field", field: dim };
    if (typeof dim === "function") {
      throw inputError(
        "invalid_option",
        fn,
        `options.by[${k}]`,
        "a field name or a period (SQL cannot call a function)",
        dim,
      );
    }
    const p = dim as { period: "day" | "week" | "month"; of: string; timeZone: string };
    return { kind: "period", field: p.of, period: p.period, timeZone: p.timeZone };
  });
}
