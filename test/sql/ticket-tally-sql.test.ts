import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  businessCalendar,
  businessClock,
  mergeTallies,
  type SqlDialect,
  tallyTickets,
  ticketReport,
  ticketTallyFromRows,
  ticketTallySql,
} from "../../src/index.js";
import { duckdb, type Engine } from "./engines.js";
import { describeGolden, describeParsed } from "./golden.js";

const HOUR = 3_600_000;
const nineToFive = [["09:00", "17:00"]] as const;
const calendar = businessCalendar({
  timeZone: "America/New_York",
  week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays: ["2024-03-12"],
});
const tables = {
  tickets: "support.tickets",
  statusHistory: "support.ticket_statuses",
  clock: "support.business_clock",
};
const options = {
  asOf: "2024-03-15T00:00:00Z",
  by: ["agentId", { period: "week" as const, of: "createdAt" as const, timeZone: "America/New_York" }],
  calendar,
  pauseStatuses: ["pending", "on-hold"],
  sla: { firstResponseMs: HOUR, resolutionMs: 24 * HOUR, byPriority: { urgent: { firstResponseMs: 900_000 } } },
};

describeGolden("ticketTallySql", "", (dialect) => ticketTallySql({ ...options, dialect, tables }), [
  "urgent",
  "urgent",
  "on-hold",
  "pending",
]);
describeParsed("ticketTallySql", (dialect) => ticketTallySql({ ...options, dialect, tables }));

describe("ticketTallySql", () => {
  it("quotes identifiers per dialect (Snowflake: upper case, as unquoted names are stored)", () => {
    const sql = (dialect: SqlDialect) => ticketTallySql({ dialect, asOf: 0, tables: { tickets: "s.t" } }).sql;
    expect(sql("duckdb")).toContain('FROM "s"."t"');
    expect(sql("bigquery")).toContain("FROM `s`.`t`");
    expect(sql("snowflake")).toContain('FROM "S"."T"');
    expect(sql("spark")).toContain("FROM `s`.`t`");
    expect(sql("clickhouse")).toContain("FROM `s`.`t`");
  });

  it("sends strings as parameters, never as SQL text", () => {
    const evil = "x'); DROP TABLE tickets; --";
    const { sql, params } = ticketTallySql({
      dialect: "postgres",
      asOf: 0,
      sla: { resolutionMs: HOUR, byPriority: { [evil]: { resolutionMs: 1 } } },
    });
    expect(sql).not.toContain("DROP");
    expect(params).toEqual([evil, evil]);
  });

  it("throws invalid_option for a table name that is not an identifier (x; DROP TABLE y)", () => {
    expect(() => ticketTallySql({ dialect: "duckdb", asOf: 0, tables: { tickets: "x; DROP TABLE y" } })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.tables.tickets" }),
    );
    expect(() =>
      ticketTallySql({ dialect: "duckdb", asOf: 0, columns: { tickets: { agentId: 'a"b' } }, by: ["agentId"] }),
    ).toThrow(expect.objectContaining({ code: "invalid_option", path: "options.columns.tickets.agentId" }));
  });

  it("throws invalid_option for an unknown dialect, table key or option", () => {
    expect(() => ticketTallySql({ dialect: "oracle" as SqlDialect, asOf: 0 })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.dialect" }),
    );
    expect(() => ticketTallySql({ dialect: "duckdb", asOf: 0, tables: { users: "u" } as object })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.tables.users" }),
    );
    expect(() => ticketTallySql({ dialect: "duckdb", asOf: 0, limit: 3 } as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.limit" }),
    );
  });

  it("throws invalid_option for a function dimension", () => {
    expect(() => ticketTallySql({ dialect: "duckdb", asOf: 0, by: [() => "x"] })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.by[0]" }),
    );
  });

  it("throws invalid_option for a calendar without a clock table, or pauses without a history table", () => {
    expect(() => ticketTallySql({ dialect: "duckdb", asOf: 0, calendar })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.tables.clock" }),
    );
    expect(() => ticketTallySql({ dialect: "duckdb", asOf: 0, pauseStatuses: ["pending"] })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.tables.statusHistory" }),
    );
  });

  it("throws missing_value without asOf, as tallyTickets", () => {
    expect(() => ticketTallySql({ dialect: "duckdb" } as never)).toThrow(
      expect.objectContaining({ code: "missing_value", path: "options.asOf" }),
    );
  });

  it("does not mutate its (frozen) options", () => {
    const frozen = Object.freeze({ ...options, dialect: "duckdb" as const, tables: Object.freeze({ ...tables }) });
    expect(ticketTallySql(frozen).sql).toContain("UNION ALL");
  });
});

describe("ticketTallySql on DuckDB: worked example and merging", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await duckdb();
  }, 60_000);
  afterAll(async () => {
    await engine.close();
  });
  const at = (s: string) => Date.parse(s);
  const tickets = [
    // Fri 8 Mar 15:00 EST, answered Mon 11 Mar 10:00 EDT: 2 h + 1 h = 3 business hours (hand count).
    {
      createdAt: at("2024-03-08T20:00:00Z"),
      firstResponseAt: at("2024-03-11T14:00:00Z"),
      agentId: "ana",
      priority: "urgent",
      channel: "email",
    },
    // Wed 13 Mar 09:00 EDT, answered 10:00, pending 10:00–12:00, resolved 17:00: resolution 8 h − 2 h paused = 6 h.
    {
      createdAt: at("2024-03-13T13:00:00Z"),
      firstResponseAt: at("2024-03-13T14:00:00Z"),
      resolvedAt: at("2024-03-13T21:00:00Z"),
      agentId: "ben",
      channel: "chat",
      reopenCount: 0,
      contactsToResolve: 1,
      statusHistory: [
        { status: "open", at: at("2024-03-13T13:00:00Z") },
        { status: "Pending", at: at("2024-03-13T14:00:00Z") },
        { status: "open", at: at("2024-03-13T16:00:00Z") },
        { status: "solved", at: at("2024-03-13T21:00:00Z") },
      ],
    },
    { createdAt: at("2024-03-20T12:00:00Z"), agentId: "ana" }, // after asOf
  ];

  it("gives the hand-counted business durations and equals tallyTickets", async () => {
    await engine.load(tickets, businessClock(calendar, "2024-03-01T00:00:00Z", "2024-03-31T00:00:00Z"));
    const opts = { ...options, by: ["agentId"] };
    const { sql, params } = ticketTallySql({
      ...opts,
      dialect: "duckdb",
      tables: {
        tickets: "tickets",
        statusHistory: "ticket_statuses",
        clock: "business_clock",
      },
    });
    const tally = ticketTallyFromRows(await engine.query(sql, params), opts);
    expect(tally).toEqual(tallyTickets(tickets, opts));
    expect(tally.groups.map((g) => g.firstResponse.sumMs / HOUR)).toEqual([3, 1]);
    expect(tally.groups[1]?.resolution.sumMs).toBe(6 * HOUR);
    expect(tally.createdAfterAsOf).toBe(1);
    expect(tally.records).toBe(3);
    // Daily SQL tallies merge with JS tallies and finalize as one.
    const merged = mergeTallies(tally, tallyTickets([{ createdAt: at("2024-03-14T14:00:00Z"), agentId: "cy" }], opts));
    expect(ticketReport(merged).total.tickets).toBe(3);
  });

  it("counts tickets the JS path refuses by code: thrown, or set aside", async () => {
    const bad = [{ createdAt: at("2024-03-13T13:00:00Z"), resolvedAt: at("2024-03-13T12:00:00Z") }];
    await engine.load(bad, []);
    const { sql, params } = ticketTallySql({ dialect: "duckdb", asOf: options.asOf });
    const rows = await engine.query(sql, params);
    expect(() => ticketTallyFromRows(rows, { asOf: options.asOf })).toThrow(
      expect.objectContaining({ code: "inconsistent_instants", path: "rows" }),
    );
    const tally = ticketTallyFromRows(rows, { asOf: options.asOf, onInvalid: "setAside" });
    expect(tally.setAside).toEqual({ count: 1, byCode: { inconsistent_instants: 1 }, first: [] });
    expect(tally.records).toBe(1);
  });
});
