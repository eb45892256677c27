/**
 * Ticket metrics on a real ServiceNow incident event log, as a user would run them:
 *
 *   npx tsx examples/incidents.ts [path/to/incident_event_log.csv]
 *
 * Without an argument it reads the bundled excerpt
 * `examples/data/incident-event-log-excerpt.csv` (344 rows, 51 incidents) of the
 * UCI Machine Learning Repository data set "Incident management process enriched
 * event log" (Amaral, Fantinato, Reijers and Peres, 2018; CC BY 4.0).
 *
 * It derives one ticket per incident (see `incident-log.ts` for the choices:
 * times read as UTC, `?` as missing), then computes resolution times with and
 * without pausing on the "Awaiting …" states, the backlog at the end of each
 * day, and SLA compliance by priority next to ServiceNow's own `made_sla`.
 */
import { readFileSync } from "node:fs";
import { backlog, reopenRate, resolutionTime, slaCompliance, slaCounts, ticketDurations } from "../src/index.js";
import { AWAITING_STATES, deriveIncidents, type Incident } from "./incident-log.ts";

const hour = 3_600_000;
const day = 24 * hour;
const path = process.argv[2] ?? new URL("./data/incident-event-log-excerpt.csv", import.meta.url);
const { incidents, report } = deriveIncidents(readFileSync(path, "utf8"));

const h = (ms: number | null) => (ms === null ? "—" : `${(ms / hour).toFixed(1)} h`);
const pct = (x: number | null) => (x === null ? "—" : `${x.toFixed(1)} %`);

console.log(`${report.rows} event rows → ${report.incidents} incidents`);
console.log(
  `  reordered ${report.reordered}, updates before opened_at ${report.updatesBeforeOpened}, priority changed ${report.priorityChanged}, ` +
    `resolved_at missing but resolved in history ${report.resolvedAtFromHistory}, unresolved ${report.unresolved}`,
);

// 1. Resolution time, with and without pausing on the Awaiting states.
console.log("\nResolution time (created → final resolution), calendar time");
console.log("priority        n   mean      median    p90       | paused on Awaiting: mean  median    p90");
const priorities = [...new Set(incidents.map((i) => i.priority))].sort();
for (const priority of ["all", ...priorities]) {
  const group = priority === "all" ? incidents : incidents.filter((i) => i.priority === priority);
  const plain = (statistic: "mean" | "median" | { quantile: number }) => resolutionTime(group, { statistic });
  const paused = (statistic: "mean" | "median" | { quantile: number }) =>
    resolutionTime(group, { statistic, pauseStatuses: AWAITING_STATES });
  const n = ticketDurations(group).measured;
  console.log(
    `${priority.padEnd(14)} ${String(n).padStart(3)}   ${h(plain("mean")).padEnd(9)} ${h(plain("median")).padEnd(9)} ${h(plain({ quantile: 0.9 })).padEnd(9)} |` +
      `                     ${h(paused("mean")).padEnd(9)} ${h(paused("median")).padEnd(9)} ${h(paused({ quantile: 0.9 }))}`,
  );
}
const durations = ticketDurations(incidents);
const pausedDurations = ticketDurations(incidents, { pauseStatuses: AWAITING_STATES });
const waited = pausedDurations.durationsMs.filter((d, k) => d !== null && d < (durations.durationsMs[k] as number));
console.log(
  `  ${waited.length} of ${durations.measured} resolved incidents spent time in an Awaiting state; ` +
    `censored (never resolved): ${durations.leftOut.censored}; reopen rate ${pct(reopenRate(incidents))}`,
);

// 2. Backlog at the end of each day (24:00 of the day, in the log's own wall clock).
const first = Math.min(...incidents.map((i) => Date.parse(i.createdAt)));
const start = first - (first % day);
console.log("\nBacklog at the end of each day (status from the history: Resolved and Closed count as resolved)");
const line: string[] = [];
for (let d = 0; d < 14; d++) {
  const asOf = start + (d + 1) * day - 1;
  const date = new Date(asOf).toISOString().slice(5, 10);
  line.push(`${date}: ${backlog(incidents, { asOf })} (${backlog(incidents, { asOf, olderThanMs: day })} > 1 d)`);
}
for (let k = 0; k < line.length; k += 4) console.log(`  ${line.slice(k, k + 4).join("   ")}`);

// 3. SLA by priority next to ServiceNow's made_sla. The export does not carry the
// SLA definitions, so try resolution targets and see which reproduce made_sla.
console.log("\nSLA compliance by priority vs ServiceNow's made_sla (last row of each incident)");
const resolved = incidents.filter((i) => i.resolvedAt !== undefined);
const agreement = (group: Incident[], resolutionMs: number, pause: boolean) =>
  group.filter((i) => {
    const c = slaCounts([i], { resolutionMs, ...(pause ? { pauseStatuses: AWAITING_STATES } : {}) });
    return (c.achieved === 1) === i.madeSla;
  }).length;
const targets = [8, 24, 48, 72, 96, 120].map((x) => x * hour);
console.log(
  `priority        n  made_sla | ${targets.map((t) => `${t / hour} h`.padStart(11)).join("")}  (compliance; agreement with made_sla)`,
);
for (const priority of priorities) {
  const group = resolved.filter((i) => i.priority === priority);
  if (group.length === 0) continue;
  const made = (group.filter((i) => i.madeSla).length * 100) / group.length;
  const cells = targets.map((t) => {
    const c = slaCompliance(group, { resolutionMs: t });
    return `${(c ?? 0).toFixed(0).padStart(4)}%;${String(agreement(group, t, false)).padStart(3)}/${group.length}`.padStart(
      11,
    );
  });
  console.log(
    `${priority.padEnd(14)} ${String(group.length).padStart(3)} ${made.toFixed(0).padStart(6)} %  | ${cells.join("")}`,
  );
}
const best = 96 * hour;
console.log(
  `  with a ${best / hour} h target: made_sla reproduced for ${agreement(resolved, best, false)} of ${resolved.length} incidents in calendar time, ` +
    `${agreement(resolved, best, true)} when pausing on Awaiting states`,
);
