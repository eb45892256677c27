/**
 * Internal: what differs between the SQL engines the library writes for:
 * identifier quoting, parameter placeholders, epoch milliseconds of a
 * timestamp, the natural logarithm, type names and local calendar labels.
 * Everything else in the generated SQL is the common core (CTEs, window
 * functions, CASE, UNION ALL) that all six engines share.
 */
import { inputError } from "../internal/messages.js";

/**
 * A SQL engine {@link ticketTallySql} writes for. `"duckdb"` and `"postgres"`
 * are proven by execution in the test suite (DuckDB, PGlite); `"bigquery"`,
 * `"snowflake"`, `"spark"` (Spark SQL / Databricks) and `"clickhouse"` by
 * golden files and, where `node-sql-parser` knows the dialect, by parsing.
 *
 * @category SQL
 */
export type SqlDialect = "duckdb" | "postgres" | "bigquery" | "snowflake" | "spark" | "clickhouse";

/** Internal: the per-engine pieces of the generated SQL. */
export interface DialectSpec {
  readonly name: SqlDialect;
  /** Quotes one validated identifier part. */
  quote(part: string): string;
  /** The placeholder of parameter number `n` (1-based) holding a string. */
  placeholder(n: number): string;
  /** Epoch milliseconds (an integer) of a timestamp expression. */
  epochMs(expr: string): string;
  /** The natural logarithm. */
  ln(expr: string): string;
  readonly bigint: string;
  readonly double: string;
  /** The string type (for a typed `NULL`). */
  readonly text: string;
  /** The local label of a period of a timestamp expression in `timeZone` (a validated literal). */
  period(period: "day" | "week" | "month", expr: string, timeZone: string): string;
  /**
   * How the clock is looked up: absent for a range join on `[start, next start)`; else the pieces of an
   * equality join on day buckets (written only for engines that run here): `day(ms)`, a bucket number that
   * never decreases as `ms` grows, and `days(from, to)`, a select-list expression that expands a row into
   * one row per bucket from `from` to `to`.
   */
  readonly clockDays?: { day(ms: string): string; days(from: string, to: string): string };
  /** The decimal text of an integer expression. */
  integerText(expr: string): string;
  /** An aggregate: the values of a text expression in the group, joined by commas (in any order). */
  commaList(expr: string): string;
}

const DOUBLE_QUOTE = (part: string): string => `"${part}"`;
const BACKTICK = (part: string): string => `\`${part}\``;
const DOLLAR = (n: number): string => `$${n}`;
const QUESTION = (): string => "?";

/** Internal: the dialects by name. */
export const DIALECTS: Readonly<Record<SqlDialect, DialectSpec>> = {
  duckdb: {
    name: "duckdb",
    clockDays: { day: (ms) => `${ms} // 86400000`, days: (from, to) => `UNNEST(range(${from}, ${to} + 1))` },
    integerText: (e) => `CAST(${e} AS VARCHAR)`,
    commaList: (e) => `STRING_AGG(${e}, ',')`,
    quote: DOUBLE_QUOTE,
    placeholder: DOLLAR,
    epochMs: (e) => `epoch_ms(${e})`,
    ln: (e) => `LN(${e})`,
    bigint: "BIGINT",
    double: "DOUBLE",
    text: "VARCHAR",
    period: (p, e, z) =>
      `strftime(timezone(${z}, ${e}), '${p === "day" ? "%Y-%m-%d" : p === "week" ? "%G-W%V" : "%Y-%m"}')`,
  },
  postgres: {
    name: "postgres",
    integerText: (e) => `CAST(${e} AS TEXT)`,
    commaList: (e) => `STRING_AGG(${e}, ',')`,
    quote: DOUBLE_QUOTE,
    placeholder: DOLLAR,
    epochMs: (e) => `CAST(FLOOR(EXTRACT(EPOCH FROM ${e}) * 1000) AS BIGINT)`,
    ln: (e) => `LN(${e})`,
    bigint: "BIGINT",
    double: "DOUBLE PRECISION",
    text: "TEXT",
    period: (p, e, z) =>
      `to_char(timezone(${z}, ${e}), '${p === "day" ? "YYYY-MM-DD" : p === "week" ? 'IYYY-"W"IW' : "YYYY-MM"}')`,
  },
  bigquery: {
    name: "bigquery",
    integerText: (e) => `CAST(${e} AS STRING)`,
    commaList: (e) => `STRING_AGG(${e}, ',')`,
    quote: BACKTICK,
    placeholder: QUESTION,
    epochMs: (e) => `UNIX_MILLIS(${e})`,
    ln: (e) => `LN(${e})`,
    bigint: "INT64",
    double: "FLOAT64",
    text: "STRING",
    period: (p, e, z) =>
      `FORMAT_TIMESTAMP('${p === "day" ? "%Y-%m-%d" : p === "week" ? "%G-W%V" : "%Y-%m"}', ${e}, ${z})`,
  },
  snowflake: {
    name: "snowflake",
    integerText: (e) => `CAST(${e} AS VARCHAR)`,
    commaList: (e) => `LISTAGG(${e}, ',')`,
    // Unquoted Snowflake names are stored in upper case; quoting the upper-case form finds them and survives reserved words.
    quote: (part) => `"${part.toUpperCase()}"`,
    placeholder: QUESTION,
    epochMs: (e) => `DATE_PART(EPOCH_MILLISECOND, ${e})`,
    ln: (e) => `LN(${e})`,
    bigint: "BIGINT",
    double: "DOUBLE",
    text: "VARCHAR",
    period: (p, e, z) => {
      const local = `CONVERT_TIMEZONE(${z}, ${e})`;
      if (p === "week") return `YEAROFWEEKISO(${local}) || '-W' || LPAD(WEEKISO(${local}), 2, '0')`;
      return `TO_CHAR(${local}, '${p === "day" ? "YYYY-MM-DD" : "YYYY-MM"}')`;
    },
  },
  spark: {
    name: "spark",
    integerText: (e) => `CAST(${e} AS STRING)`,
    commaList: (e) => `CONCAT_WS(',', COLLECT_LIST(${e}))`,
    quote: BACKTICK,
    placeholder: QUESTION,
    epochMs: (e) => `UNIX_MILLIS(${e})`,
    ln: (e) => `LN(${e})`,
    bigint: "BIGINT",
    double: "DOUBLE",
    text: "STRING",
    period: (p, e, z) => {
      const local = `from_utc_timestamp(${e}, ${z})`;
      if (p === "week") return `concat(date_part('YEAROFWEEK', ${local}), '-W', lpad(weekofyear(${local}), 2, '0'))`;
      return `date_format(${local}, '${p === "day" ? "yyyy-MM-dd" : "yyyy-MM"}')`;
    },
  },
  clickhouse: {
    name: "clickhouse",
    integerText: (e) => `toString(${e})`,
    commaList: (e) => `arrayStringConcat(groupArray(${e}), ',')`,
    quote: BACKTICK,
    placeholder: (n) => `{p${n}:String}`,
    epochMs: (e) => `toUnixTimestamp64Milli(${e})`,
    ln: (e) => `log(${e})`,
    bigint: "Nullable(Int64)",
    double: "Float64",
    text: "Nullable(String)",
    period: (p, e, z) => {
      const local = `toTimeZone(${e}, ${z})`;
      if (p === "week") {
        return `concat(toString(toISOYear(${local})), '-W', leftPad(toString(toISOWeek(${local})), 2, '0'))`;
      }
      return `formatDateTime(${local}, '${p === "day" ? "%Y-%m-%d" : "%Y-%m"}')`;
    },
  },
};

/** Internal: the dialect option (`invalid_option` for anything else). */
export function dialectOption(fn: string, value: unknown, path: string): DialectSpec {
  if (typeof value === "string" && Object.hasOwn(DIALECTS, value)) return DIALECTS[value as SqlDialect];
  throw inputError("invalid_option", fn, path, `one of ${Object.keys(DIALECTS).join(", ")}`, value);
}

/** One identifier part: a letter or `_`, then letters, digits or `_` (BigQuery project names may also hold `-`). */
const PART = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const BIGQUERY_PROJECT = /^[A-Za-z][A-Za-z0-9_-]{0,127}$/;

/**
 * Internal: a table name (`table`, `schema.table`, `catalog.schema.table`)
 * checked part by part and quoted for the dialect; anything else (spaces,
 * quotes, `;`, comments) is `invalid_option`, never SQL.
 */
export function tableName(fn: string, d: DialectSpec, value: unknown, path: string): string {
  const parts = typeof value === "string" ? value.split(".") : [];
  const ok =
    parts.length >= 1 &&
    parts.length <= 3 &&
    parts.every(
      (p, k) => PART.test(p) || (d.name === "bigquery" && k === 0 && parts.length === 3 && BIGQUERY_PROJECT.test(p)),
    );
  if (!ok) {
    throw inputError(
      "invalid_option",
      fn,
      path,
      "a table name of 1–3 dot-separated parts, each a letter or _ then letters, digits or _",
      value,
    );
  }
  return parts.map(d.quote).join(".");
}

/** Internal: a column name checked and quoted (one part). */
export function columnName(fn: string, d: DialectSpec, value: unknown, path: string): string {
  if (typeof value !== "string" || !PART.test(value)) {
    throw inputError("invalid_option", fn, path, "a column name: a letter or _, then letters, digits or _", value);
  }
  return d.quote(value);
}

/** Internal: an IANA time-zone name as a SQL string literal (checked to hold no quote or backslash). */
export function zoneLiteral(fn: string, value: string, path: string): string {
  if (!/^[A-Za-z0-9_+\-/]{1,64}$/.test(value)) {
    throw inputError("invalid_option", fn, path, "an IANA time zone name of letters, digits, _ + - /", value);
  }
  return `'${value}'`;
}

/**
 * Internal: a finite number as a SQL literal. Only numbers the library checked
 * (or computed) reach here; the shortest round-trip form keeps doubles exact.
 */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return String(value === 0 ? 0 : value);
}
