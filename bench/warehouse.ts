/**
 * Warehouse bench (issue 11): 2 M tickets of a month (10 000 agents, four
 * channels and priorities), tallied per agent in New York business hours with
 * SLA by priority (no status histories), once by DuckDB (ticketTallySql +
 * ticketTallyFromRows + ticketReport) and once by the JS path (tallyTickets +
 * ticketReport) on the same tickets, in the same run. Loading is not timed.
 *
 * Surveys: 2 M survey responses of a month (10 000 agents; CSAT 1–5, NPS 0–10,
 * CES 1–7 and sentiment, each unanswered one time in five), tallied per agent
 * and ISO week in New York, once by DuckDB (surveyTallySql +
 * surveyTallyFromRows + surveyReport) and once by the JS path (tallySurveys +
 * surveyReport). Loading is not timed.
 *
 * Run once: `npx tsx bench/warehouse.ts` (results in bench/RESULTS.md);
 * `BENCH_WAREHOUSE=tickets` or `=surveys` runs one half.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import {
  businessCalendar,
  businessClock,
  type SurveyResponse,
  surveyReport,
  surveyTallyFromRows,
  surveyTallySql,
  type TallySurveysOptions,
  type TallyTicketsOptions,
  type Ticket,
  tallySurveys,
  tallyTickets,
  ticketReport,
  ticketTallyFromRows,
  ticketTallySql,
} from "../src/index.ts";

const N = Number(process.env["BENCH_TICKETS"] ?? 2_000_000);
const RESPONSES = Number(process.env["BENCH_RESPONSES"] ?? 2_000_000);
const part = process.env["BENCH_WAREHOUSE"] ?? "all";
const hour = 3_600_000;
const day = [["09:00", "17:00"]] as const;
const calendar = businessCalendar({
  timeZone: "America/New_York",
  week: { mon: day, tue: day, wed: day, thu: day, fri: day },
  holidays: ["2025-06-19"],
});
const options: TallyTicketsOptions = {
  asOf: "2025-07-01T00:00:00Z",
  by: ["agentId"],
  calendar,
  sla: {
    firstResponseMs: 8 * hour,
    resolutionMs: 48 * hour,
    byPriority: { urgent: { firstResponseMs: hour, resolutionMs: 8 * hour }, high: { firstResponseMs: 4 * hour } },
  },
};

const db = await DuckDBInstance.create(":memory:");
const sql = await db.connect();
if (part !== "surveys") {
  await sql.run("SELECT setseed(0.11)");
  await sql.run(`CREATE TABLE tickets AS
  SELECT i AS id, c AS created_at,
    CASE WHEN r1 < 0.95 THEN c + to_milliseconds(CAST(r2 * 8 * 3600000 AS BIGINT)) END AS first_response_at,
    CASE WHEN r3 < 0.9 THEN c + to_milliseconds(CAST(r4 * 72 * 3600000 AS BIGINT)) END AS resolved_at,
    'agent' || CAST(i % 10000 AS VARCHAR) AS agent_id,
    ['email', 'chat', 'phone', 'social'][1 + CAST(i % 4 AS INTEGER)] AS channel,
    ['low', 'normal', 'high', 'urgent'][1 + CAST((i // 4) % 4 AS INTEGER)] AS priority,
    CAST(FLOOR(r5 * 3) AS BIGINT) AS reopen_count, 1 + CAST(FLOOR(r5 * 2) AS BIGINT) AS contacts_to_resolve
  FROM (SELECT i, TIMESTAMPTZ '2025-06-01 00:00:00+00' + to_milliseconds(CAST(random() * 30 * 86400000 AS BIGINT)) AS c,
    random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5 FROM range(${N}) AS t(i))`);
  const clock = businessClock(calendar, "2025-05-25T00:00:00Z", "2025-07-08T00:00:00Z");
  await sql.run("CREATE TABLE business_clock (start_at TIMESTAMPTZ, end_at TIMESTAMPTZ, open_before_ms BIGINT)");
  await sql.run(
    `INSERT INTO business_clock VALUES ${clock.map((r) => `(epoch_ms(${r.startMs}), epoch_ms(${r.endMs}), ${r.openBeforeMs})`).join(",")}`,
  );

  // The same tickets as JS objects (epoch ms), for the JS path.
  const columns = (
    await sql.runAndReadAll(`SELECT CAST(epoch_ms(created_at) AS DOUBLE) AS c, CAST(epoch_ms(first_response_at) AS DOUBLE) AS f,
    CAST(epoch_ms(resolved_at) AS DOUBLE) AS r, agent_id, channel, priority, CAST(reopen_count AS DOUBLE) AS ro,
    CAST(contacts_to_resolve AS DOUBLE) AS ctr FROM tickets`)
  ).getColumnsObjectJS() as Record<string, (number | string | null)[]>;
  const tickets: Ticket[] = new Array(N);
  for (let i = 0; i < N; i++) {
    tickets[i] = {
      createdAt: columns["c"]?.[i] as number,
      firstResponseAt: columns["f"]?.[i] as number | null,
      resolvedAt: columns["r"]?.[i] as number | null,
      agentId: columns["agent_id"]?.[i] as string,
      channel: columns["channel"]?.[i] as string,
      priority: columns["priority"]?.[i] as string,
      reopenCount: columns["ro"]?.[i] as number,
      contactsToResolve: columns["ctr"]?.[i] as number,
    };
  }

  let t = performance.now();
  const query = ticketTallySql({
    ...options,
    dialect: "duckdb",
    tables: { tickets: "tickets", clock: "business_clock" },
  });
  const result = await sql.runAndReadAll(query.sql, query.params);
  const queryMs = performance.now() - t;
  const rows = result.getRowObjects();
  const rowsMs = performance.now() - t - queryMs;
  const tally = ticketTallyFromRows(rows, options);
  const fromRowsMs = performance.now() - t - queryMs - rowsMs;
  const viaDuckDb = ticketReport(tally);
  const duckMs = performance.now() - t;

  t = performance.now();
  const viaJs = ticketReport(tallyTickets(tickets, options));
  const jsMs = performance.now() - t;

  const same = JSON.stringify(viaDuckDb) === JSON.stringify(viaJs);
  console.log(`${N} tickets, ${viaJs.groups.length} agents, ${rows.length} result rows; reports equal: ${same}`);
  console.log(`DuckDB (SQL + ticketTallyFromRows + ticketReport): ${duckMs.toFixed(0)} ms`);
  console.log(
    `  of which: query and fetch ${queryMs.toFixed(0)} ms, getRowObjects ${rowsMs.toFixed(0)} ms, ticketTallyFromRows ${fromRowsMs.toFixed(0)} ms, ticketReport ${(duckMs - queryMs - rowsMs - fromRowsMs).toFixed(0)} ms`,
  );
  console.log(`JS (tallyTickets + ticketReport):                 ${jsMs.toFixed(0)} ms`);
  console.log(`ratio JS / DuckDB: ${(jsMs / duckMs).toFixed(2)}×`);
}

if (part !== "tickets") {
  await sql.run("SELECT setseed(0.23)");
  const answered = (expr: string): string => `CASE WHEN random() < 0.8 THEN ${expr} END`;
  await sql.run(`CREATE TABLE survey_responses AS
SELECT i AS id, TIMESTAMPTZ '2025-06-01 00:00:00+00' + to_milliseconds(CAST(random() * 30 * 86400000 AS BIGINT)) AS "at",
  'agent' || CAST(i % 10000 AS VARCHAR) AS agent_id,
  ${answered("1 + CAST(FLOOR(random() * 5) AS BIGINT)")} AS csat,
  ${answered("CAST(FLOOR(random() * 11) AS BIGINT)")} AS nps,
  ${answered("1 + CAST(FLOOR(random() * 7) AS BIGINT)")} AS ces,
  ${answered("['positive', 'negative', 'neutral'][1 + CAST(FLOOR(random() * 3) AS INTEGER)]")} AS sentiment
FROM range(${RESPONSES}) AS t(i)`);
  const surveyOptions: TallySurveysOptions = {
    by: ["agentId", { period: "week", of: "at", timeZone: "America/New_York" }],
  };
  const data = (
    await sql.runAndReadAll(`SELECT CAST(epoch_ms("at") AS DOUBLE) AS "at", agent_id, CAST(csat AS DOUBLE) AS csat,
  CAST(nps AS DOUBLE) AS nps, CAST(ces AS DOUBLE) AS ces, sentiment FROM survey_responses`)
  ).getColumnsObjectJS() as Record<string, (number | string | null)[]>;
  const responses: SurveyResponse[] = new Array(RESPONSES);
  for (let i = 0; i < RESPONSES; i++) {
    responses[i] = {
      at: data["at"]?.[i] as number,
      agentId: data["agent_id"]?.[i] as string,
      csat: data["csat"]?.[i] as number | null,
      nps: data["nps"]?.[i] as number | null,
      ces: data["ces"]?.[i] as number | null,
      sentiment: data["sentiment"]?.[i] as string | null,
    };
  }

  let t = performance.now();
  const query = surveyTallySql({ ...surveyOptions, dialect: "duckdb" });
  const rows = (await sql.runAndReadAll(query.sql, query.params)).getRowObjects();
  const viaDuckDb = surveyReport(surveyTallyFromRows(rows, surveyOptions));
  const duckMs = performance.now() - t;

  t = performance.now();
  const viaJs = surveyReport(tallySurveys(responses, surveyOptions));
  const jsMs = performance.now() - t;

  const same = JSON.stringify(viaDuckDb) === JSON.stringify(viaJs);
  console.log(
    `${RESPONSES} survey responses, ${viaJs.groups.length} groups, ${rows.length} result rows; reports equal: ${same}`,
  );
  console.log(`DuckDB (SQL + surveyTallyFromRows + surveyReport): ${duckMs.toFixed(0)} ms`);
  console.log(`JS (tallySurveys + surveyReport):                 ${jsMs.toFixed(0)} ms`);
  console.log(`ratio JS / DuckDB: ${(jsMs / duckMs).toFixed(2)}×`);
}
sql.closeSync();
db.closeSync();
