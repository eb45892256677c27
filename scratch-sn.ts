import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { fromServiceNowEvents } from "./src/adapters/index.js";
const rows = parse(readFileSync("/work/shared/data/incident-event-log-sample.csv", "utf8"), { columns: true }) as Record<string, string>[];
const ids = new Set(rows.map((r) => r.number));
for (const tz of ["UTC", "America/Sao_Paulo"]) {
  const t0 = performance.now();
  const r = fromServiceNowEvents(rows, { timeZone: tz });
  const ms = performance.now() - t0;
  const setIds = new Set(r.setAside.map((s) => s.id));
  const covered = new Set([...r.tickets.map((t) => t.id), ...setIds]);
  const rowsCovered = r.setAside.reduce((n, s) => n + (s.rows?.length ?? 0), 0);
  console.log(tz, { rows: rows.length, incidents: ids.size, tickets: r.tickets.length, setAside: r.setAside.length, covered: covered.size, overlap: r.tickets.filter((t) => setIds.has(t.id)).length, rowsSetAside: rowsCovered, ms: Math.round(ms) });
  const codes: Record<string, number> = {};
  for (const w of r.warnings) codes[w.code] = (codes[w.code] ?? 0) + 1;
  console.log(" warnings", codes);
  for (const s of r.setAside) console.log(" aside", s.id, s.code, s.path, s.message.slice(0, 160));
}
