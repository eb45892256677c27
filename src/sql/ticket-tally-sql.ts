import { type Fields, readOptions, record } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { TALLY_TICKETS_FIELDS } from "../internal/ticket-tally-fields.js";
import { type TallyTicketsOptions, tallyTickets } from "../reports/index.js";
import { columnName, dialectOption, numberLiteral, type SqlDialect, tableName, zoneLiteral } from "./dialect.js";
import { checkedAs, sqlDimensions, withoutSqlKeys } from "./rows.js";

/**
 * The tables {@link ticketTallySql} reads (names of 1–3 dot-separated parts,
 * e.g. `"analytics.support.tickets"`).
 *
 * @category SQL
 */
export interface TicketTallyTables {
  /** The tickets, one row each. @defaultValue `"tickets"` */
  readonly tickets?: string;
  /**
   * The status history, one row per change `(ticket_id, status, at)`: read for
   * the pauses and for the backlog (the status in force at `asOf`).
   * @defaultValue none: no history (required when `pauseStatuses` is not empty)
   */
  readonly statusHistory?: string;
  /**
   * The business clock: the rows of {@link businessClock} for `calendar`,
   * stored as `(start_at, end_at, open_before_ms)`, covering every instant of
   * the tickets up to `asOf`.
   * @defaultValue none (required when `calendar` is given)
   */
  readonly clock?: string;
}

/**
 * Column names of the three tables, each overriding the default.
 *
 * @category SQL
 */
export interface TicketTallyColumns {
  /**
   * Ticket fields to column names. Defaults: the snake_case of the field
   * (`id`, `created_at`, `first_response_at`, `resolved_at`, `agent_id`,
   * `channel`, `priority`, `reopen_count`, `contacts_to_resolve`, and for a
   * dimension field such as `team` its snake_case `team`).
   * @defaultValue `{}`
   */
  readonly tickets?: Readonly<Record<string, string>>;
  /** `ticketId`, `status`, `at`. @defaultValue `{ ticketId: "ticket_id", status: "status", at: "at" }` */
  readonly statusHistory?: {
    /** The ticket id column. @defaultValue `"ticket_id"` */
    readonly ticketId?: string;
    /** The status column. @defaultValue `"status"` */
    readonly status?: string;
    /** The instant column. @defaultValue `"at"` */
    readonly at?: string;
  };
  /** `startAt`, `endAt`, `openBeforeMs`. @defaultValue `{ startAt: "start_at", endAt: "end_at", openBeforeMs: "open_before_ms" }` */
  readonly clock?: {
    /** The interval's start column. @defaultValue `"start_at"` */
    readonly startAt?: string;
    /** The interval's end column. @defaultValue `"end_at"` */
    readonly endAt?: string;
    /** The open time before the interval, in ms. @defaultValue `"open_before_ms"` */
    readonly openBeforeMs?: string;
  };
}

/**
 * Options of {@link ticketTallySql}: the engine, the tables and the options of
 * {@link tallyTickets} (with `by` limited to field names and periods).
 *
 * @category SQL
 */
export interface TicketTallySqlOptions extends TallyTicketsOptions {
  /** The SQL engine. @defaultValue none (required) */
  readonly dialect: SqlDialect;
  /** The table names. @defaultValue `{ tickets: "tickets" }` */
  readonly tables?: TicketTallyTables;
  /** Column names that differ from the defaults. @defaultValue `{}` */
  readonly columns?: TicketTallyColumns;
}

/**
 * A parameterized query: run `sql` with `params` bound in order (`$1`, `$2`, …
 * for DuckDB and PostgreSQL; `?` for BigQuery, Snowflake and Spark;
 * `{p1:String}`, … for ClickHouse, whose parameters are named `p1`, `p2`, …).
 *
 * @category SQL
 */
export interface SqlQuery {
  /** The SQL text. */
  readonly sql: string;
  /** The parameter values, all strings, in placeholder order. */
  readonly params: string[];
}

const FN = "ticketTallySql";

/**
 * Internal: the keys of {@link TicketTallySqlOptions}: the tally's, and the SQL
 * ones. Built by a call marked pure, not a top-level spread, which bundlers keep
 * in every bundle as if it had side effects (82 B more for `csat` alone).
 */
export const SQL_OPTION_FIELDS: Fields<TicketTallySqlOptions> = /* @__PURE__ */ Object.assign(
  {},
  TALLY_TICKETS_FIELDS,
  { dialect: "required", tables: "optional", columns: "optional" } as const,
);
const TABLE_FIELDS: Fields<TicketTallyTables> = { tickets: "optional", statusHistory: "optional", clock: "optional" };
const COLUMN_FIELDS: Fields<TicketTallyColumns> = { tickets: "optional", statusHistory: "optional", clock: "optional" };

/** The ticket columns: an object whose keys are ticket fields (any), `{}` when absent. */
function columnMap(value: unknown, path: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw inputError("invalid_option", FN, path, "an options object", value);
  }
  return value as Record<string, unknown>;
}
const DEFAULT_TICKET_COLUMNS: Readonly<Record<string, string>> = {
  id: "id",
  createdAt: "created_at",
  firstResponseAt: "first_response_at",
  resolvedAt: "resolved_at",
  priority: "priority",
  channel: "channel",
  reopenCount: "reopen_count",
  contactsToResolve: "contacts_to_resolve",
};
/** A bound beyond every epoch-ms instant (Date's range ends at 8.64e15). */
const END_OF_TIME = "9000000000000000";
const RESOLVED = "('solved', 'resolved', 'closed')";

/**
 * Writes the SQL whose result rows are the tally of {@link tallyTickets} for
 * the same options, so that a warehouse scans and groups while the library
 * keeps the definitions.
 *
 * Definition: the query computes, per group of the dimensions in `by` (field
 * columns, or periods of `created_at` / `resolved_at` local to a zone), every
 * count, exact duration sum (integer milliseconds), censoring count, SLA state
 * (per ticket, targets by `priority`), backlog at `asOf` and the sketch bins
 * of the first-response and resolution times, with the definitions of
 * {@link tallyTickets}: durations are measured to events at or before `asOf`,
 * less the time in `pauseStatuses` (stretches from the status-history table,
 * matched with `LOWER`), in business time when `calendar` is given. Business
 * time comes from the clock table ({@link businessClock}): B(t) is one join (a
 * range join on `[start, next start)`; on DuckDB an equality join on day
 * buckets), and a duration is B(end) − B(start); no generated weeks, no cross
 * join of tickets with the calendar.
 * A bin is `CEIL(LN(ms) × (1 / LN γ))` with γ = (1 + α)/(1 − α), the same
 * expression (and the same double for 1 / ln γ) as the JS sketch; a zero
 * duration is counted apart. Instants are read to the millisecond (epoch
 * milliseconds, rounded down). A ticket the JS path would refuse (no
 * `created_at`; an event before it; a negative reopen count or contacts below
 * 1; no SLA target for its priority) is counted by error code instead, for
 * {@link ticketTallyFromRows} to throw or set aside. Strings (pause statuses,
 * priorities) travel as parameters; numbers and zone names as validated
 * literals; identifiers are validated and quoted, so a table name such as
 * `x; DROP TABLE y` is refused. The result has, per group, one row of
 * figures, one row listing each duration's bins as text
 * `"bin:count,bin:count"` (counted per bin inside the engine), and one row
 * per channel. Turn the rows into a tally with {@link ticketTallyFromRows}. What SQL cannot see: the order of two status
 * changes at the same instant (the JS path keeps array order) and the order
 * of the history (SQL sorts by `at`; the JS path refuses an unsorted one).
 *
 * @param options - `dialect`, `tables`, `columns`, and the options of {@link tallyTickets}.
 * @returns The query: `sql` and its string `params`.
 * @throws {MetricInputError} `invalid_option` for an unknown dialect, a table or column name that is not a plain identifier,
 * a function dimension (path `options.by[k]`), a `calendar` without `tables.clock`, `pauseStatuses` without
 * `tables.statusHistory`, or any option {@link tallyTickets} refuses (same code and path); `missing_value` without `asOf`.
 *
 * @example
 * ```ts
 * import { ticketTallySql } from "support-metrics";
 * const { sql, params } = ticketTallySql({
 *   dialect: "duckdb",
 *   asOf: "2025-07-01T00:00:00Z",
 *   by: ["agentId"],
 *   sla: { firstResponseMs: 3_600_000, byPriority: { urgent: { firstResponseMs: 900_000 } } },
 * });
 * sql.startsWith("WITH"); // => true
 * params; // => ["urgent", "urgent"]
 * ticketTallySql({ dialect: "duckdb", asOf: 0, tables: { tickets: "x; DROP TABLE y" } }); // throws invalid_option
 * ticketTallySql({ dialect: "oracle" as "duckdb", asOf: 0 }); // throws invalid_option
 * ```
 * @see {@link ticketTallyFromRows} to read the rows, {@link businessClock} for the clock table, {@link tallyTickets} for the same tally in JS.
 * @category SQL
 */
export function ticketTallySql(options: TicketTallySqlOptions): SqlQuery {
  const o = readOptions(FN, "options", options, SQL_OPTION_FIELDS);
  const d = dialectOption(FN, o["dialect"], "options.dialect");
  const tallyOptions = withoutSqlKeys(options);
  // The options mean what they mean to tallyTickets: it checks them (and throws the same codes and paths).
  const tally = checkedAs(FN, "tallyTickets", () => tallyTickets([], tallyOptions));
  const t = readOptions(FN, "options.tables", o.tables as TicketTallyTables | undefined, TABLE_FIELDS);
  const c = readOptions(FN, "options.columns", o.columns as TicketTallyColumns | undefined, COLUMN_FIELDS);
  const ticketColumns = columnMap(c.tickets, "options.columns.tickets");
  const historyColumns: Record<string, unknown> = readOptions(
    FN,
    "options.columns.statusHistory",
    c.statusHistory as TicketTallyColumns["statusHistory"],
    { ticketId: "optional", status: "optional", at: "optional" },
  );
  const clockColumns: Record<string, unknown> = readOptions(
    FN,
    "options.columns.clock",
    c.clock as TicketTallyColumns["clock"],
    { startAt: "optional", endAt: "optional", openBeforeMs: "optional" },
  );
  const col = (field: string): string =>
    columnName(
      FN,
      d,
      ticketColumns[field] ?? DEFAULT_TICKET_COLUMNS[field] ?? snakeCase(field),
      `options.columns.tickets.${field}`,
    );
  const ticketsTable = tableName(FN, d, t["tickets"] ?? "tickets", "options.tables.tickets");
  const calendar = tallyOptions["calendar"] !== undefined;
  const pauses = pauseNames(tallyOptions["pauseStatuses"]);
  if (calendar && t["clock"] === undefined) {
    throw inputError(
      "invalid_option",
      FN,
      "options.tables.clock",
      "the clock table's name (calendar is given)",
      undefined,
    );
  }
  if (pauses.length > 0 && t["statusHistory"] === undefined) {
    throw inputError(
      "invalid_option",
      FN,
      "options.tables.statusHistory",
      "the status-history table's name (pauseStatuses is not empty)",
      undefined,
    );
  }
  const history =
    t["statusHistory"] === undefined ? undefined : tableName(FN, d, t["statusHistory"], "options.tables.statusHistory");
  const clock = calendar ? tableName(FN, d, t["clock"], "options.tables.clock") : undefined;

  const params: string[] = [];
  const param = (value: string): string => {
    params.push(value);
    return d.placeholder(params.length);
  };
  const asOf = numberLiteral(tally.asOf);
  // The query's own names (CTEs, aliases) are fixed lowercase words, written unquoted; only the user's names are quoted.
  const q = (name: string): string => name;
  const ms = d.epochMs;

  // Dimensions: a field column or a period label.
  const dims = sqlDimensions(FN, tallyOptions["by"]);
  const dimExprs = dims.map((dim, k) => {
    if (dim.kind === "field") return col(dim.field);
    const zone = zoneLiteral(FN, dim.timeZone, `options.by[${k}].timeZone`);
    const at = col(dim.field);
    const label = d.period(dim.period, at, zone);
    // A period of resolvedAt exists only for tickets resolved by asOf (as tallyTickets).
    return dim.field === "createdAt" ? label : `CASE WHEN ${ms(at)} <= ${asOf} THEN ${label} END`;
  });
  const keys = dims.map((_, k) => q(`k${k}`));

  // SLA targets per priority (matched without regard to case, as tallyTickets does; absent fields fall back to the overall target).
  const sla = tallyOptions["sla"] === undefined ? undefined : readPolicyTargets(tallyOptions["sla"]);
  const target = (which: "firstResponseMs" | "resolutionMs"): string => {
    if (sla === undefined) return `CAST(NULL AS ${d.bigint})`;
    const overall = sla.overall[which];
    const fallback = overall === undefined ? `CAST(NULL AS ${d.bigint})` : numberLiteral(overall);
    const cases = sla.byPriority.map(([name, targets]) => {
      const value = targets[which] ?? overall;
      return `WHEN LOWER(${q("pr")}) = LOWER(${param(name)}) THEN ${value === undefined ? `CAST(NULL AS ${d.bigint})` : numberLiteral(value)}`;
    });
    return cases.length === 0 ? fallback : `CASE ${cases.join(" ")} ELSE ${fallback} END`;
  };

  const parts: string[] = [];
  if (clock !== undefined) {
    parts.push(
      `${q("clock_rows")} AS (SELECT ${q("s")}, ${q("e")}, ${q("ob")}, COALESCE(LEAD(${q("s")}) OVER (ORDER BY ${q("s")}), ${END_OF_TIME}) AS ${q("ns")} FROM (SELECT ${ms(columnName(FN, d, clockColumns["startAt"] ?? "start_at", "options.columns.clock.startAt"))} AS ${q("s")}, ${ms(columnName(FN, d, clockColumns["endAt"] ?? "end_at", "options.columns.clock.endAt"))} AS ${q("e")}, CAST(${columnName(FN, d, clockColumns["openBeforeMs"] ?? "open_before_ms", "options.columns.clock.openBeforeMs")} AS ${d.bigint}) AS ${q("ob")} FROM ${clock}) AS ${q("c0")})`,
    );
  }
  const days = clock === undefined ? undefined : d.clockDays;
  if (days !== undefined) {
    // Each clock row is listed under every day bucket its [s, ns) touches, up to the last end `top`
    // (a later instant is looked up as `top`, which finds the last row), so that a lookup is an equality join.
    const [s, e, ns] = [q("s"), q("e"), q("ns")];
    parts.push(
      `${q("clock_top")} AS (SELECT MAX(${e}) AS ${q("top")} FROM ${q("clock_rows")})`,
      `${q("clock_days")} AS (SELECT ${days.days(days.day(s), days.day(`LEAST(${ns} - 1, (SELECT ${q("top")} FROM ${q("clock_top")}))`))} AS ${q("day")}, ${s}, ${e}, ${q("ob")}, ${ns} FROM ${q("clock_rows")})`,
    );
  }
  const dimSelect = dimExprs.map((e, k) => `, ${e} AS ${keys[k]}`).join("");
  parts.push(
    `${q("base")} AS (SELECT ${col("id")} AS ${q("id")}, ${ms(col("createdAt"))} AS ${q("c")}, ${ms(col("firstResponseAt"))} AS ${q("fr")}, ${ms(col("resolvedAt"))} AS ${q("res")}, ${col("priority")} AS ${q("pr")}, ${col("channel")} AS ${q("ch")}, CAST(${col("reopenCount")} AS ${d.bigint}) AS ${q("ro")}, CAST(${col("contactsToResolve")} AS ${d.bigint}) AS ${q("ctr")}${dimSelect} FROM ${ticketsTable})`,
  );
  const tf = target("firstResponseMs");
  const tr = target("resolutionMs");
  const [c_, fr, res, ro, ctr] = [q("c"), q("fr"), q("res"), q("ro"), q("ctr")];
  const noTarget = sla === undefined ? "" : `WHEN ${q("tf")} IS NULL AND ${q("tr")} IS NULL THEN 2 `;
  parts.push(
    `${q("targeted")} AS (SELECT ${q("base")}.*, ${tf} AS ${q("tf")}, ${tr} AS ${q("tr")} FROM ${q("base")})`,
    `${q("marked")} AS (SELECT ${q("targeted")}.*, CASE WHEN ${c_} IS NULL THEN 2 WHEN ${fr} < ${c_} OR ${res} < ${c_} THEN 3 WHEN ${ro} < 0 OR ${ctr} < 1 THEN 4 ${noTarget}WHEN ${c_} > ${asOf} THEN 1 ELSE 0 END AS ${q("cls")}, CASE WHEN ${fr} <= ${asOf} THEN ${fr} END AS ${q("fb")}, CASE WHEN ${res} <= ${asOf} THEN ${res} END AS ${q("rb")} FROM ${q("targeted")})`,
  );
  const [fb, rb] = [q("fb"), q("rb")];
  const running = `CASE WHEN ${c_} < ${asOf} THEN ${asOf} END`;
  parts.push(
    `${q("ends")} AS (SELECT ${q("marked")}.*, COALESCE(${fb}, ${rb}) AS ${q("sa")}, COALESCE(${fb}, ${rb}, ${running}) AS ${q("ea")}, COALESCE(${rb}, ${running}) AS ${q("eb")} FROM ${q("marked")})`,
  );
  /** B(x) from clock row alias `k` (0 before the first row). */
  const openUpTo = (k: string, x: string): string =>
    `COALESCE(${q(k)}.${q("ob")} + LEAST(${x} - ${q(k)}.${q("s")}, ${q(k)}.${q("e")} - ${q(k)}.${q("s")}), 0)`;
  /** The clock row in force at x: the last one starting at or before x (none before the first row). */
  const join = (k: string, x: string): string =>
    days === undefined
      ? ` LEFT JOIN ${q("clock_rows")} AS ${q(k)} ON ${q(k)}.${q("s")} <= ${x} AND ${x} < ${q(k)}.${q("ns")}`
      : ` LEFT JOIN ${q("clock_days")} AS ${q(k)} ON ${q(k)}.${q("day")} = ${days.day(`LEAST(${x}, ${q("clock_top")}.${q("top")})`)} AND ${q(k)}.${q("s")} <= ${x} AND ${x} < ${q(k)}.${q("ns")}`;
  /** What the clock joins need in the FROM clause first. */
  const clockFrom = days === undefined ? "" : ` CROSS JOIN ${q("clock_top")}`;
  const ends = q("ends");
  if (clock !== undefined) {
    parts.push(
      `${q("timed")} AS (SELECT ${ends}.*, ${openUpTo("k1", `${ends}.${c_}`)} AS ${q("bc")}, ${openUpTo("k2", `${ends}.${q("ea")}`)} AS ${q("bea")}, ${openUpTo("k3", `${ends}.${q("eb")}`)} AS ${q("beb")} FROM ${ends}${clockFrom}${join("k1", `${ends}.${c_}`)}${join("k2", `${ends}.${q("ea")}`)}${join("k3", `${ends}.${q("eb")}`)})`,
    );
  } else {
    parts.push(
      `${q("timed")} AS (SELECT ${ends}.*, ${c_} AS ${q("bc")}, ${q("ea")} AS ${q("bea")}, ${q("eb")} AS ${q("beb")} FROM ${ends})`,
    );
  }
  const timed = q("timed");
  let extraJoins = "";
  let pausedA = "0";
  let pausedB = "0";
  let open = `CASE WHEN ${res} <= ${asOf} THEN 0 ELSE 1 END`;
  if (history !== undefined) {
    const hid = columnName(FN, d, historyColumns["ticketId"] ?? "ticket_id", "options.columns.statusHistory.ticketId");
    const hstatus = columnName(FN, d, historyColumns["status"] ?? "status", "options.columns.statusHistory.status");
    const hat = columnName(FN, d, historyColumns["at"] ?? "at", "options.columns.statusHistory.at");
    const [tid, a, st] = [q("tid"), q("a"), q("st")];
    parts.push(
      `${q("hist")} AS (SELECT ${hid} AS ${tid}, ${ms(hat)} AS ${a}, LOWER(${hstatus}) AS ${st} FROM ${history})`,
      `${q("hist_n")} AS (SELECT ${tid}, COUNT(*) AS ${q("n")} FROM ${q("hist")} GROUP BY ${tid})`,
      `${q("status_at")} AS (SELECT ${tid}, ${st} FROM (SELECT ${tid}, ${st}, ROW_NUMBER() OVER (PARTITION BY ${tid} ORDER BY ${a} DESC) AS ${q("rn")} FROM ${q("hist")} WHERE ${a} <= ${asOf}) AS ${q("h0")} WHERE ${q("rn")} = 1)`,
    );
    extraJoins += ` LEFT JOIN ${q("hist_n")} ON ${q("hist_n")}.${tid} = ${timed}.${q("id")} LEFT JOIN ${q("status_at")} ON ${q("status_at")}.${tid} = ${timed}.${q("id")}`;
    open = `CASE WHEN ${q("hist_n")}.${q("n")} IS NULL THEN ${open} WHEN ${q("status_at")}.${st} IS NULL OR ${q("status_at")}.${st} NOT IN ${RESOLVED} THEN 1 ELSE 0 END`;
    if (pauses.length > 0) {
      const list = pauses.map((s) => param(s)).join(", ");
      const hist = q("hist");
      const ba = clock === undefined ? `${hist}.${a}` : openUpTo("k4", `${hist}.${a}`);
      parts.push(
        `${q("stretches")} AS (SELECT ${tid}, ${q("ba")}, LEAD(${q("ba")}) OVER (PARTITION BY ${tid} ORDER BY ${a}) AS ${q("bn")}, CASE WHEN ${st} IN (${list}) THEN 1 ELSE 0 END AS ${q("p")} FROM (SELECT ${hist}.${tid}, ${hist}.${a}, ${hist}.${st}, ${ba} AS ${q("ba")} FROM ${hist}${clock === undefined ? "" : `${clockFrom}${join("k4", `${hist}.${a}`)}`}) AS ${q("h1")})`,
      );
      const stretch = (end: string): string => {
        const until = `LEAST(COALESCE(${q("bn")}, ${end}), ${end})`;
        const from = `GREATEST(${q("ba")}, ${q("bc")})`;
        return `SUM(CASE WHEN ${until} > ${from} THEN ${until} - ${from} ELSE 0 END)`;
      };
      parts.push(
        `${q("paused")} AS (SELECT ${q("id")}, ${stretch(q("bea"))} AS ${q("pa")}, ${stretch(q("beb"))} AS ${q("pb")} FROM ${q("stretches")} JOIN ${timed} ON ${timed}.${q("id")} = ${q("stretches")}.${tid} WHERE ${q("p")} = 1 GROUP BY ${q("id")})`,
      );
      extraJoins += ` LEFT JOIN ${q("paused")} ON ${q("paused")}.${q("id")} = ${timed}.${q("id")}`;
      pausedA = `COALESCE(${q("paused")}.${q("pa")}, 0)`;
      pausedB = `COALESCE(${q("paused")}.${q("pb")}, 0)`;
    }
  }
  parts.push(
    `${q("measured")} AS (SELECT ${timed}.*, ${q("bea")} - ${q("bc")} - ${pausedA} AS ${q("ma")}, ${q("beb")} - ${q("bc")} - ${pausedB} AS ${q("mb")}, ${open} AS ${q("op")} FROM ${timed}${extraJoins})`,
  );
  const [ma, mb, sa, ea, eb] = [q("ma"), q("mb"), q("sa"), q("ea"), q("eb")];
  const stateOf = (target: string, end: string, stop: string, m: string): string =>
    `CASE WHEN ${target} IS NULL THEN 3 WHEN ${end} IS NULL THEN 2 WHEN ${stop} IS NOT NULL THEN CASE WHEN ${m} <= ${target} THEN 0 ELSE 1 END WHEN ${m} > ${target} THEN 1 ELSE 2 END`;
  parts.push(
    `${q("states")} AS (SELECT ${q("measured")}.*, CASE WHEN ${fb} IS NOT NULL THEN ${ma} END AS ${q("frm")}, CASE WHEN ${rb} IS NOT NULL THEN ${mb} END AS ${q("rsm")}, ${stateOf(q("tf"), ea, sa, ma)} AS ${q("sta")}, ${stateOf(q("tr"), eb, rb, mb)} AS ${q("stb")} FROM ${q("measured")})`,
  );
  const inverseLogGamma = numberLiteral(1 / Math.log((1 + tally.relativeAccuracy) / (1 - tally.relativeAccuracy)));
  const bin = (m: string): string =>
    `CASE WHEN ${m} > 0 THEN CAST(CEIL(${d.ln(`CAST(${m} AS ${d.double})`)} * ${inverseLogGamma}) AS ${d.bigint}) END`;
  const [frm, rsm, sta, stb] = [q("frm"), q("rsm"), q("sta"), q("stb")];
  const slaState =
    sla === undefined
      ? "-1"
      : `CASE WHEN ${sta} = 1 OR ${stb} = 1 THEN 1 WHEN ${sta} = 2 OR ${stb} = 2 THEN 2 ELSE 0 END`;
  parts.push(
    `${q("facts")} AS (SELECT ${keys.map((k) => `${k}, `).join("")}${q("cls")}, ${q("op")}, ${frm}, ${rsm}, ${q("ch")}, ${ro}, ${ctr}, ${slaState} AS ${q("sla")}, CASE WHEN ${fb} IS NULL AND ${rb} IS NULL THEN 1 ELSE 0 END AS ${q("frc")}, CASE WHEN ${fb} IS NULL AND ${rb} IS NOT NULL THEN 1 ELSE 0 END AS ${q("frw")}, ${bin(frm)} AS ${q("frb")}, ${bin(rsm)} AS ${q("rsb")} FROM ${q("states")})`,
  );
  const count = (condition: string): string => `CAST(SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END) AS ${d.bigint})`;
  const big = (e: string): string => `CAST(${e} AS ${d.bigint})`;
  const group = [...keys, q("cls")];
  const nullBig = `CAST(NULL AS ${d.bigint})`;
  const aggregates: [string, string][] = [
    ["backlog", count(`${q("op")} = 1`)],
    ["fr_n", big(`COUNT(${frm})`)],
    ["fr_censored", big(`SUM(${q("frc")})`)],
    ["fr_without_response", big(`SUM(${q("frw")})`)],
    ["fr_sum", big(`SUM(${frm})`)],
    ["fr_min", big(`MIN(${frm})`)],
    ["fr_max", big(`MAX(${frm})`)],
    ["fr_zero", count(`${frm} = 0`)],
    ["res_n", big(`COUNT(${rsm})`)],
    ["res_censored", count(`${rsm} IS NULL`)],
    ["res_sum", big(`SUM(${rsm})`)],
    ["res_min", big(`MIN(${rsm})`)],
    ["res_max", big(`MAX(${rsm})`)],
    ["res_zero", count(`${rsm} = 0`)],
    ["sla_achieved", count(`${q("sla")} = 0`)],
    ["sla_breached", count(`${q("sla")} = 1`)],
    ["sla_pending", count(`${q("sla")} = 2`)],
    ["reopened", count(`${rsm} IS NOT NULL AND ${ro} > 0`)],
    ["reopen_resolved", count(`${rsm} IS NOT NULL AND ${ro} IS NOT NULL`)],
    ["reopen_unrecorded", count(`${rsm} IS NOT NULL AND ${ro} IS NULL`)],
    ["first_contact", count(`${rsm} IS NOT NULL AND ${ctr} = 1`)],
    ["fcr_resolved", count(`${rsm} IS NOT NULL AND ${ctr} IS NOT NULL`)],
    ["fcr_unrecorded", count(`${rsm} IS NOT NULL AND ${ctr} IS NULL`)],
    ["channel_unrecorded", count(`${q("ch")} IS NULL`)],
  ];
  // Four blocks: the group row (part 7) with every figure; one row per group listing the bins of each
  // duration as "bin:count,bin:count" (parts 6 and 5), counted per bin first; one row per channel (part 3).
  const nullText = `CAST(NULL AS ${d.text})`;
  const counts = (name: string, b: string): string =>
    `${q(name)} AS (SELECT ${group.map((k) => `${k}, `).join("")}${b} AS ${q("b")}, COUNT(*) AS ${q("cnt")} FROM ${q("facts")} WHERE ${b} IS NOT NULL GROUP BY ${[...group, b].join(", ")})`;
  parts.push(counts("fr_counts", q("frb")), counts("res_counts", q("rsb")));
  const list = d.commaList(`CONCAT(${d.integerText(q("b"))}, ':', ${d.integerText(q("cnt"))})`);
  const [cnt, ch] = [q("cnt"), q("ch")];
  /** One block of the union; the columns it does not fill are typed NULLs. */
  interface Block {
    readonly part: number;
    readonly from: string;
    readonly count: string;
    readonly frBins?: string;
    readonly resBins?: string;
    readonly byChannel?: boolean;
  }
  const block = (b: Block): string => {
    const columns = [
      ...group,
      `${b.frBins ?? nullText} AS ${q("fr_bins")}`,
      `${b.resBins ?? nullText} AS ${q("res_bins")}`,
      b.byChannel === true ? ch : `${nullText} AS ${ch}`,
      `${b.part} AS ${q("part")}`,
      `${big(b.count)} AS ${q("n")}`,
      ...aggregates.map(([name, e]) => `${b.part === 7 ? e : nullBig} AS ${q(name)}`),
    ];
    const by = b.byChannel === true ? [...group, ch] : group;
    return `SELECT ${columns.join(", ")} FROM ${b.from} GROUP BY ${by.join(", ")}`;
  };
  const sql = `WITH\n${parts.join(",\n")}\n${[
    block({ part: 7, from: q("facts"), count: "COUNT(*)" }),
    block({ part: 6, from: q("fr_counts"), count: `SUM(${cnt})`, frBins: list }),
    block({ part: 5, from: q("res_counts"), count: `SUM(${cnt})`, resBins: list }),
    block({ part: 3, from: `${q("facts")} WHERE ${ch} IS NOT NULL`, count: "COUNT(*)", byChannel: true }),
  ].join("\nUNION ALL\n")}`;
  return { sql, params };
}

/** The pause statuses, lowercased and distinct, in code-unit order (already checked to be strings). */
function pauseNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set((value as string[]).map((s) => s.toLowerCase()))].sort();
}

interface PolicyTargets {
  readonly overall: { firstResponseMs?: number; resolutionMs?: number };
  readonly byPriority: [string, { firstResponseMs?: number; resolutionMs?: number }][];
}

/** The SLA targets (already checked by tallyTickets). */
function readPolicyTargets(value: unknown): PolicyTargets {
  const p = record(FN, "options.sla", value);
  const targets = (o: Record<string, unknown>): { firstResponseMs?: number; resolutionMs?: number } => {
    const out: { firstResponseMs?: number; resolutionMs?: number } = {};
    if (typeof o["firstResponseMs"] === "number") out.firstResponseMs = o["firstResponseMs"];
    if (typeof o["resolutionMs"] === "number") out.resolutionMs = o["resolutionMs"];
    return out;
  };
  const by = (p["byPriority"] ?? {}) as Record<string, Record<string, unknown>>;
  const names = Object.keys(by).sort();
  return { overall: targets(p), byPriority: names.map((name) => [name, targets(by[name] as Record<string, unknown>)]) };
}

/** `agentId` → `agent_id`. */
function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
