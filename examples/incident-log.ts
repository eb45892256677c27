/**
 * Reading a ServiceNow incident event log (one row per update of an incident)
 * into support-metrics tickets: the user-side code of `examples/incidents.ts`.
 *
 * Data: UCI Machine Learning Repository, "Incident management process enriched
 * event log" (Amaral, Fantinato, Reijers and Peres, 2018), licence CC BY 4.0.
 *
 * Choices made here, because the export does not say:
 * - Times are `DD-MM-YYYY HH:MM` wall-clock readings without a zone. They are
 *   read as UTC: every duration is then the difference of two readings, which
 *   is right unless the source zone changed its clocks in between (at most one
 *   hour off for such an interval), and "end of day" is the source's local day.
 * - `?` means missing.
 * - An incident's rows are ordered by `sys_mod_count` (the sequence of
 *   modifications), then `sys_updated_at`. A few incidents were exported out of
 *   that order, and one has a row stamped after the next modification's time
 *   (a repeated "New" at 11:10 after "Resolved" at 11:03): sorting by time alone
 *   would invent a reopening.
 * - The status history is the sequence of `incident_state` values, consecutive
 *   repeats merged (the first time counts). Before its first update an incident
 *   counts as not paused.
 * - Priority, `made_sla` and `reopen_count` are taken from the incident's last row
 *   (they change over an incident's life: `made_sla` flips to FALSE on a breach).
 */
import type { StatusChange, Ticket } from "../src/index.js";

/** One incident as a support-metrics ticket plus the fields the report compares with. */
export interface Incident extends Ticket {
  readonly id: string;
  readonly createdAt: string;
  readonly priority: string;
  readonly statusHistory: StatusChange[];
  /** ServiceNow's own SLA verdict on the last row. */
  readonly madeSla: boolean;
  readonly reopenCount: number;
}

/** What the derivation noticed, so that nothing is dropped or repaired silently. */
export interface DerivationReport {
  rows: number;
  incidents: number;
  /** Incidents whose rows were not exported in modification order. */
  reordered: number;
  /** Incidents with an update stamped before `opened_at` (kept: the metrics only count time after creation). */
  updatesBeforeOpened: number;
  /** Incidents whose priority changed over their life (the last one is used). */
  priorityChanged: number;
  /** Incidents with `resolved_at` missing although the history shows a resolution: resolvedAt taken from the history. */
  resolvedAtFromHistory: number;
  /** Incidents with no resolution at all (censored in resolution times). */
  unresolved: number;
}

/** Parses RFC 4180 CSV: quoted fields with commas, quotes (`""`) and newlines inside; CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (quoted) throw new Error("CSV ends inside a quoted field");
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** `"29-02-2016 01:16"` → `"2016-02-29T01:16:00Z"` (read as UTC, see above); `"?"` → `null`. */
export function parseLocalTime(text: string): string | null {
  if (text === "?") return null;
  const m = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2})$/.exec(text);
  if (m === null) throw new Error(`not a DD-MM-YYYY HH:MM time: ${JSON.stringify(text)}`);
  return `${m[3]}-${m[2]}-${m[1]}T${m[4]}:${m[5]}:00Z`;
}

/** Groups the event rows by incident and derives one ticket per incident. */
export function deriveIncidents(csv: string): { incidents: Incident[]; report: DerivationReport } {
  const [header, ...rows] = parseCsv(csv);
  if (header === undefined) throw new Error("empty CSV");
  const col = (name: string): number => {
    const k = header.indexOf(name);
    if (k < 0) throw new Error(`missing column ${name}`);
    return k;
  };
  const c = {
    number: col("number"),
    state: col("incident_state"),
    mod: col("sys_mod_count"),
    madeSla: col("made_sla"),
    openedAt: col("opened_at"),
    updatedAt: col("sys_updated_at"),
    priority: col("priority"),
    reopen: col("reopen_count"),
    channel: col("contact_type"),
    resolvedAt: col("resolved_at"),
  };
  const groups = new Map<string, string[][]>();
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`row with ${row.length} fields, expected ${header.length}`);
    const id = row[c.number] as string;
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [row]);
    else group.push(row);
  }

  const report: DerivationReport = {
    rows: rows.length,
    incidents: groups.size,
    reordered: 0,
    updatesBeforeOpened: 0,
    priorityChanged: 0,
    resolvedAtFromHistory: 0,
    unresolved: 0,
  };
  const incidents: Incident[] = [];
  for (const [id, group] of groups) {
    const at = (row: string[]) => parseLocalTime(row[c.updatedAt] as string) as string;
    const sorted = [...group].sort((a, b) =>
      a[c.mod] !== b[c.mod] ? Number(a[c.mod]) - Number(b[c.mod]) : at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0,
    );
    if (sorted.some((row, k) => row !== group[k])) report.reordered++;
    const last = group[group.length - 1] as string[];
    const createdAt = parseLocalTime(last[c.openedAt] as string);
    if (createdAt === null) throw new Error(`${id}: no opened_at`);
    if (sorted.some((row) => at(row) < createdAt)) report.updatesBeforeOpened++;
    if (new Set(group.map((row) => row[c.priority])).size > 1) report.priorityChanged++;

    const statusHistory: StatusChange[] = [];
    for (const row of sorted) {
      const status = row[c.state] as string;
      if (statusHistory[statusHistory.length - 1]?.status !== status) statusHistory.push({ status, at: at(row) });
    }
    let resolvedAt = parseLocalTime(last[c.resolvedAt] as string);
    if (resolvedAt === null) {
      // The export lost resolved_at for some incidents that the history shows resolved:
      // take the last time the incident entered "Resolved", and count it.
      const entered = statusHistory.filter((s) => s.status === "Resolved").pop();
      if (entered !== undefined) {
        resolvedAt = entered.at as string;
        report.resolvedAtFromHistory++;
      } else report.unresolved++;
    }
    incidents.push({
      id,
      createdAt,
      ...(resolvedAt === null ? {} : { resolvedAt }),
      priority: last[c.priority] as string,
      channel: last[c.channel] as string,
      reopenCount: Number(last[c.reopen]),
      madeSla: last[c.madeSla] === "TRUE",
      statusHistory,
    });
  }
  return { incidents, report };
}

/** The "Awaiting …" states of this ServiceNow instance: the customer, a problem, a vendor or evidence is awaited. */
export const AWAITING_STATES: readonly string[] = [
  "Awaiting User Info",
  "Awaiting Problem",
  "Awaiting Vendor",
  "Awaiting Evidence",
];
