// Golden files and parser checks of the generated SQL, for the dialects no engine here can run.
import { readFileSync, writeFileSync } from "node:fs";
import sqlParser from "node-sql-parser";
import { describe, expect, it } from "vitest";
import type { SqlDialect, SqlQuery } from "../../src/index.js";

const DIALECTS: SqlDialect[] = ["duckdb", "postgres", "bigquery", "snowflake", "spark", "clickhouse"];

/**
 * The SQL of every dialect is kept in test/sql/golden/<prefix><dialect>.sql; UPDATE_GOLDEN=1 rewrites
 * them after a deliberate change.
 */
export function describeGolden(
  fn: string,
  prefix: string,
  query: (dialect: SqlDialect) => SqlQuery,
  params: readonly string[],
): void {
  describe(`${fn} golden files`, () => {
    for (const dialect of DIALECTS) {
      it(`writes the same ${dialect} SQL as test/sql/golden/${prefix}${dialect}.sql`, () => {
        const q = query(dialect);
        const text = `-- params: ${JSON.stringify(q.params)}\n${q.sql}\n`;
        const file = new URL(`./golden/${prefix}${dialect}.sql`, import.meta.url);
        if (process.env["UPDATE_GOLDEN"] === "1") writeFileSync(file, text);
        expect(text).toBe(readFileSync(file, "utf8"));
        expect(q.params).toEqual(params);
      });
    }
  });
}

/**
 * node-sql-parser 5.4 knows BigQuery, PostgreSQL, Snowflake and Hive (Spark SQL's ancestor); it has no DuckDB
 * or ClickHouse grammar (DuckDB is proven by execution; ClickHouse only by its golden file).
 */
export function describeParsed(fn: string, query: (dialect: SqlDialect) => SqlQuery): void {
  describe(`${fn} syntax, checked by node-sql-parser`, () => {
    const parser = new sqlParser.Parser();
    for (const [dialect, database] of [
      ["postgres", "postgresql"],
      ["bigquery", "bigquery"],
      ["snowflake", "snowflake"],
      ["spark", "hive"],
    ] as const) {
      it(`${dialect} parses as ${database}`, () => {
        // Placeholders become string literals: the parser's grammars differ in which placeholder styles they read.
        const literal = query(dialect).sql.replace(/\$\d+|\?/g, "'p'");
        expect(() => parser.astify(literal, { database })).not.toThrow();
      });
    }
  });
}
