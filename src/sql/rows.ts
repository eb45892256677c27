/**
 * Internal: reading the result rows of the generated SQL exactly as the
 * drivers return them. Counts are integers (a `bigint` from DuckDB, a string
 * of digits from node-postgres, a safe integer number from PGlite); anything
 * else is a coded error, never coerced.
 */
import { inputError } from "../internal/messages.js";

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
  const path = `rows[${i}].${column}`;
  if (b === null) throw inputError("missing_value", fn, path, "an integer", r[column]);
  if ((!signed && b < 0n) || b > 9007199254740991n || b < -9007199254740991n) {
    throw inputError("out_of_range", fn, path, signed ? "a safe integer" : "a count: a safe integer ≥ 0", r[column]);
  }
  const n = Number(b);
  return n === 0 ? 0 : n;
}

/** Group keys in tally order: `null` first, then code-unit order. */
export function compareRowKeys(a: readonly (string | null)[], b: readonly (string | null)[]): number {
  for (let k = 0; k < a.length; k++) {
    const x = a[k] as string | null;
    const y = b[k] as string | null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
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
