// Test harness: loads tickets, status histories and the business clock into an
// in-memory DuckDB (@duckdb/node-api) or PostgreSQL (PGlite) and runs queries.
import { DuckDBInstance } from "@duckdb/node-api";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe } from "vitest";
import type { BusinessClockRow, Ticket } from "../../src/index.js";

export interface Engine {
  readonly dialect: "duckdb" | "postgres";
  /** Replaces the three tables with these tickets and clock rows. */
  load(tickets: readonly Ticket[], clock: readonly BusinessClockRow[]): Promise<void>;
  query(sql: string, params: readonly string[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

const TICKETS = `CREATE TABLE tickets (id BIGINT, created_at TIMESTAMPTZ, first_response_at TIMESTAMPTZ,
  resolved_at TIMESTAMPTZ, first_resolved_at TIMESTAMPTZ, agent_id VARCHAR, channel VARCHAR, priority VARCHAR,
  reopen_count BIGINT, contacts_to_resolve BIGINT, team VARCHAR)`;
const STATUSES = 'CREATE TABLE ticket_statuses (ticket_id BIGINT, status VARCHAR, "at" TIMESTAMPTZ)';
const CLOCK = "CREATE TABLE business_clock (start_at TIMESTAMPTZ, end_at TIMESTAMPTZ, open_before_ms BIGINT)";

const iso = (v: unknown): string | null =>
  v === undefined || v === null ? null : new Date(typeof v === "number" ? v : Date.parse(String(v))).toISOString();

/** The rows of the three tables, as strings (timestamps in ISO 8601 UTC). */
function tableRows(tickets: readonly Ticket[], clock: readonly BusinessClockRow[]) {
  const t = tickets.map((x, i) => [
    String(i),
    iso(x.createdAt),
    iso(x.firstResponseAt),
    iso(x.resolvedAt),
    iso(x.firstResolvedAt),
    x.agentId ?? null,
    x.channel ?? null,
    x.priority ?? null,
    x.reopenCount === undefined || x.reopenCount === null ? null : String(x.reopenCount),
    x.contactsToResolve === undefined || x.contactsToResolve === null ? null : String(x.contactsToResolve),
    ((x as { team?: string }).team ?? null) as string | null,
  ]);
  const s = tickets.flatMap((x, i) => (x.statusHistory ?? []).map((e) => [String(i), e.status, iso(e.at)]));
  const c = clock.map((r) => [iso(r.startMs), iso(r.endMs), String(r.openBeforeMs)]);
  return { t, s, c };
}

/** `INSERT … VALUES` in chunks, every value a literal string (test data only). */
function inserts(table: string, rows: (string | null)[][], casts: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows
      .slice(i, i + 500)
      .map(
        (r) =>
          `(${r.map((v, k) => (v === null ? "NULL" : `CAST('${v.replace(/'/g, "''")}' AS ${casts[k]})`)).join(", ")})`,
      )
      .join(", ");
    out.push(`INSERT INTO ${table} VALUES ${values}`);
  }
  return out;
}

const T_CASTS = [
  "BIGINT",
  "TIMESTAMPTZ",
  "TIMESTAMPTZ",
  "TIMESTAMPTZ",
  "TIMESTAMPTZ",
  "VARCHAR",
  "VARCHAR",
  "VARCHAR",
  "BIGINT",
  "BIGINT",
  "VARCHAR",
];
const S_CASTS = ["BIGINT", "VARCHAR", "TIMESTAMPTZ"];
const C_CASTS = ["TIMESTAMPTZ", "TIMESTAMPTZ", "BIGINT"];

function statements(tickets: readonly Ticket[], clock: readonly BusinessClockRow[]): string[] {
  const { t, s, c } = tableRows(tickets, clock);
  return [
    "DROP TABLE IF EXISTS tickets",
    "DROP TABLE IF EXISTS ticket_statuses",
    "DROP TABLE IF EXISTS business_clock",
    TICKETS,
    STATUSES,
    CLOCK,
    ...inserts("tickets", t, T_CASTS),
    ...inserts("ticket_statuses", s, S_CASTS),
    ...inserts("business_clock", c, C_CASTS),
  ];
}

export async function duckdb(): Promise<Engine> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  return {
    dialect: "duckdb",
    async load(tickets, clock) {
      for (const sql of statements(tickets, clock)) await connection.run(sql);
    },
    async query(sql, params) {
      const reader = await connection.runAndReadAll(sql, [...params]);
      return reader.getRowObjects() as Record<string, unknown>[];
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export async function postgres(): Promise<Engine> {
  const db = new PGlite();
  await db.exec("SET TIME ZONE 'UTC'");
  return {
    dialect: "postgres",
    async load(tickets, clock) {
      const sql = statements(tickets, clock).map((s) => s.replace(/VARCHAR/g, "TEXT"));
      await db.exec(sql.join(";\n"));
    },
    async query(sql, params) {
      const result = await db.query<Record<string, unknown>>(sql, [...params]);
      return result.rows;
    },
    async close() {
      await db.close();
    },
  };
}

/** The engines the differential tests run on, with the names their titles show. */
const ENGINES = [
  { name: "DuckDB", open: duckdb },
  { name: "PostgreSQL (PGlite)", open: postgres },
] as const;

/**
 * Declares `describe("<title> on <engine>")` once per engine in {@link ENGINES}.
 * The engine is opened before the block's tests (engines take seconds to
 * start) and closed after them; `tests` gets it through a getter, because it
 * exists only once `beforeAll` has run.
 */
export function describeOnEngines(title: string, tests: (engine: () => Engine) => void): void {
  for (const { name, open } of ENGINES) {
    describe(`${title} on ${name}`, () => {
      let engine: Engine | undefined;
      beforeAll(async () => {
        engine = await open();
      }, 60_000);
      afterAll(async () => {
        await engine?.close();
      });
      tests(() => {
        if (engine === undefined) throw new Error(`${name} did not open`);
        return engine;
      });
    });
  }
}
