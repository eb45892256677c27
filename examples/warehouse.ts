/**
 * The demo month's tickets through DuckDB: load the tickets, their status
 * histories and the business clock into an in-memory DuckDB, run the SQL of
 * `ticketTallySql`, read the rows with `ticketTallyFromRows` and print the same
 * per-agent report as the JS path (`tallyTickets`), with both timings.
 * Run: `npm run demo:warehouse` (needs the devDependency `@duckdb/node-api`).
 */
import { readFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import {
  businessCalendar,
  businessClock,
  type TallyTicketsOptions,
  type Ticket,
  tallyTickets,
  ticketReport,
  ticketTallyFromRows,
  ticketTallySql,
} from "../src/index.js";

const hour = 3_600_000;
const tickets = JSON.parse(readFileSync(new URL("./data/tickets.json", import.meta.url), "utf8")) as (Ticket & {
  id: string;
})[];
const nineToSix = [["09:00", "18:00"]] as const;
const calendar = businessCalendar({
  timeZone: "America/New_York",
  week: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix },
  holidays: ["2025-06-19"], // Juneteenth
});
const options: TallyTicketsOptions = {
  asOf: "2025-07-01T00:00:00Z",
  by: ["agentId"],
  calendar,
  pauseStatuses: ["pending"],
  sla: {
    firstResponseMs: 8 * hour,
    resolutionMs: 48 * hour,
    byPriority: { urgent: { firstResponseMs: hour, resolutionMs: 8 * hour }, high: { firstResponseMs: 4 * hour } },
  },
};

// 1. Load the three tables (the clock covers the month and a margin on each side).
const db = await DuckDBInstance.create(":memory:");
const sql = await db.connect();
const text = (v: unknown) => (v === undefined || v === null ? "NULL" : `'${String(v).replace(/'/g, "''")}'`);
const at = (v: unknown) => (v === undefined || v === null ? "NULL" : `TIMESTAMPTZ ${text(v)}`);
await sql.run(`CREATE TABLE tickets (id VARCHAR, created_at TIMESTAMPTZ, first_response_at TIMESTAMPTZ,
  resolved_at TIMESTAMPTZ, agent_id VARCHAR, channel VARCHAR, priority VARCHAR, reopen_count BIGINT, contacts_to_resolve BIGINT)`);
await sql.run(
  `INSERT INTO tickets VALUES ${tickets
    .map(
      (t) => `(${text(t.id)}, ${at(t.createdAt)}, ${at(t.firstResponseAt)}, ${at(t.resolvedAt)}, ${text(t.agentId)},
    ${text(t.channel)}, ${text(t.priority)}, ${t.reopenCount ?? "NULL"}, ${t.contactsToResolve ?? "NULL"})`,
    )
    .join(",")}`,
);
await sql.run(`CREATE TABLE ticket_statuses (ticket_id VARCHAR, status VARCHAR, "at" TIMESTAMPTZ)`);
await sql.run(
  `INSERT INTO ticket_statuses VALUES ${tickets
    .flatMap((t) => (t.statusHistory ?? []).map((e) => `(${text(t.id)}, ${text(e.status)}, ${at(e.at)})`))
    .join(",")}`,
);
const clock = businessClock(calendar, "2025-05-25T00:00:00Z", "2025-07-08T00:00:00Z");
await sql.run("CREATE TABLE business_clock (start_at TIMESTAMPTZ, end_at TIMESTAMPTZ, open_before_ms BIGINT)");
await sql.run(
  `INSERT INTO business_clock VALUES ${clock
    .map((r) => `(epoch_ms(${r.startMs}), epoch_ms(${r.endMs}), ${r.openBeforeMs})`)
    .join(",")}`,
);

// 2. The warehouse path: generated SQL, rows back into a tally, the report.
let started = performance.now();
const query = ticketTallySql({
  ...options,
  dialect: "duckdb",
  tables: { tickets: "tickets", statusHistory: "ticket_statuses", clock: "business_clock" },
});
const rows = (await sql.runAndReadAll(query.sql, query.params)).getRowObjects();
const fromSql = ticketReport(ticketTallyFromRows(rows, options));
const sqlMs = performance.now() - started;

// 3. The JS path on the same tickets.
started = performance.now();
const fromJs = ticketReport(tallyTickets(tickets, options));
const jsMs = performance.now() - started;

const minutes = (ms: number | null | undefined) => (ms === null || ms === undefined ? "—" : (ms / 60_000).toFixed(1));
console.log(
  `${tickets.length} tickets, June 2025, New York business hours 9–18 with pauses; ${clock.length} clock rows`,
);
console.log("agent   tickets  backlog  FRT mean (business min)  FRT p90  SLA %");
for (const row of fromSql.groups) {
  const p90 = row.firstResponse.quantilesMs.find((q) => q.p === 0.9)?.ms;
  console.log(
    `${String(row.key["agentId"]).padEnd(6)} ${String(row.tickets).padStart(8)} ${String(row.backlog).padStart(8)}` +
      ` ${minutes(row.firstResponse.meanMs).padStart(24)} ${minutes(p90).padStart(8)}` +
      ` ${row.sla?.compliance === null || row.sla === null ? "—" : row.sla.compliance.toFixed(1).padStart(6)}`,
  );
}
const same = JSON.stringify(fromSql) === JSON.stringify(fromJs);
console.log(`DuckDB report equals the JS report: ${same}`);
console.log(
  `DuckDB (SQL + ticketTallyFromRows + ticketReport): ${sqlMs.toFixed(0)} ms; JS (tallyTickets + ticketReport): ${jsMs.toFixed(0)} ms`,
);
sql.closeSync();
db.closeSync();
if (!same) process.exitCode = 1;
