/**
 * A real ServiceNow incident event log, end to end, as a user would run it:
 *
 *   npx tsx examples/servicenow.ts [path/to/incident_event_log.csv]
 *
 * Without an argument it reads `examples/data/incident-event-log-first-443.csv`:
 * the first 443 rows (74 incidents) of the UCI Machine Learning Repository data
 * set "Incident management process enriched event log" (Amaral, Fantinato,
 * Reijers and Peres, 2018; CC BY 4.0). The CSV is parsed with csv-parse (the
 * library itself parses no CSV); `fromServiceNowEvents` turns the rows into one
 * ticket per incident, sets inconsistent incidents aside with a reason, and the
 * report API computes every figure per priority in one pass.
 *
 * The log's times are zone-less. The data set does not say where it was
 * recorded; its authors are at the University of São Paulo, so this example
 * reads them as America/Sao_Paulo wall-clock time (change TIME_ZONE if you know
 * better: durations change only across a daylight-saving change).
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { tallyTickets, ticketReport } from "support-metrics";
import { fromServiceNowEvents, serviceNowPauseStatuses } from "support-metrics/adapters";

const TIME_ZONE = "America/Sao_Paulo";
const hour = 3_600_000;
const path = process.argv[2] ?? new URL("./data/incident-event-log-first-443.csv", import.meta.url);
const rows: Record<string, string>[] = parse(readFileSync(path, "utf8"), { columns: true });

const { tickets, setAside, warnings } = fromServiceNowEvents(rows, { timeZone: TIME_ZONE });

// Nothing is lost: every incident is a ticket or set aside, and every row belongs to one.
const incidents = new Set(rows.map((row) => row["number"]));
const accounted = new Set([...tickets.map((t) => t.id), ...setAside.map((s) => s.id)]);
if (accounted.size !== incidents.size || tickets.length + setAside.length !== incidents.size) {
  throw new Error(`incidents lost: ${incidents.size} in the log, ${accounted.size} accounted for`);
}
console.log(`${rows.length} event rows → ${incidents.size} incidents (times read in ${TIME_ZONE})`);
console.log(
  `every incident is a ticket or set aside: ${tickets.length} tickets + ${setAside.length} set aside = ${incidents.size}`,
);
for (const s of setAside) console.log(`  set aside ${s.id} (${s.code} at ${s.path}, rows ${s.rows?.join(", ")})`);
const byCode = new Map<string, number>();
for (const w of warnings) byCode.set(w.code, (byCode.get(w.code) ?? 0) + 1);
console.log(`warnings: ${[...byCode].map(([code, n]) => `${code} ${n}`).join(", ") || "none"}`);

// One pass: every KPI per priority, the "Awaiting …" states pausing the clock,
// at the time of the last update in the log.
const asOf = Math.max(...tickets.flatMap((t) => (t.statusHistory ?? []).map((s) => s.at as number)));
const tally = tallyTickets(tickets, {
  asOf,
  by: ["priority"],
  pauseStatuses: serviceNowPauseStatuses,
  sla: { resolutionMs: 48 * hour, byPriority: { "1 - Critical": { resolutionMs: 8 * hour } } },
});
const report = ticketReport(tally, { quantiles: [0.5, 0.9] });
const h = (ms: number | null | undefined) => (ms === null || ms === undefined ? "—" : `${(ms / hour).toFixed(1)} h`);
const pct = (x: number | null) => (x === null ? "—" : `${x.toFixed(1)} %`);
console.log(
  "\npriority        tickets resolved backlog  resolution median  p90      SLA (48 h, critical 8 h)  reopened",
);
for (const row of [...report.groups, report.total]) {
  const name = row === report.total ? "all" : String(row.key["priority"]);
  const [median, p90] = row.resolution.quantilesMs;
  console.log(
    `${name.padEnd(15)} ${String(row.tickets).padStart(7)} ${String(row.resolved).padStart(8)} ${String(row.backlog).padStart(7)}  ` +
      `${h(median?.ms).padStart(17)}  ${h(p90?.ms).padEnd(8)} ${pct(row.sla?.compliance ?? null).padStart(24)}  ${pct(row.reopenRate).padStart(8)}`,
  );
}
