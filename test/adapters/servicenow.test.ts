// fromServiceNowEvents on real rows: test/fixtures/incident-event-log-rows.csv (53 rows of
// the UCI "Incident management process enriched event log", CC BY 4.0; see its .md).
// Column names are the log's: number, incident_state, sys_mod_count, sys_updated_at,
// opened_at, resolved_at, reopen_count, priority, contact_type, assigned_to,
// assignment_group; times DD-MM-YYYY HH:MM without a zone, `?` for missing. The expected
// instants below were read off the CSV by hand.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { fromServiceNowEvents, serviceNowPauseStatuses } from "../../src/adapters/index.js";
import { resolutionTime } from "../../src/index.js";

const rows: Record<string, string>[] = parse(
  readFileSync(new URL("../fixtures/incident-event-log-rows.csv", import.meta.url), "utf8"),
  { columns: true },
);
const utc = Date.parse;
const minute = 60_000;

describe("fromServiceNowEvents on the fixture rows", () => {
  const { tickets, setAside, warnings } = fromServiceNowEvents(rows, { timeZone: "UTC" });
  it("every incident is a ticket or set aside, every row in one of them", () => {
    const ids = new Set(rows.map((r) => r["number"]));
    expect(tickets.length + setAside.length).toBe(ids.size);
    expect(new Set([...tickets.map((t) => t.id), ...setAside.map((s) => s.id)])).toEqual(ids);
    expect(tickets.map((t) => t.id)).toEqual(["INC0000047", "INC0000062", "INC0000093", "INC0000102"]);
  });
  it("INC0000047: its history, resolution and last-row fields", () => {
    expect(tickets[0]).toMatchObject({
      createdAt: utc("2016-02-29T04:40:00Z"),
      resolvedAt: utc("2016-03-01T09:52:00Z"),
      firstResponseAt: null,
      priority: "3 - Moderate",
      channel: "Phone",
      agentId: "Resolver 89",
      team: "Group 24",
      reopenCount: 0,
    });
    expect(tickets[0]?.statusHistory?.map((s) => s.status)).toEqual([
      "New",
      "Active",
      "Awaiting User Info",
      "Resolved",
      "Closed",
    ]);
  });
  it("INC0000102 was reopened: first and final resolution", () => {
    expect(tickets[3]).toMatchObject({
      reopenCount: 1,
      firstResolvedAt: utc("2016-03-14T08:13:00Z"),
      resolvedAt: utc("2016-03-17T16:28:00Z"),
    });
  });
  it("INC0000093 has no resolved_at but ends Closed: resolved when it entered Resolved, warned", () => {
    expect(tickets[2]?.resolvedAt).toBe(utc("2016-02-29T08:56:00Z"));
    expect(warnings.filter((w) => w.code === "resolved_from_history").map((w) => w.id)).toEqual(["INC0000093"]);
  });
  it("incidents whose rows run backwards in time are set aside with the row, never thrown", () => {
    expect(setAside.map((s) => [s.id, s.code, s.path, s.rows])).toEqual([
      ["INC0000130", "inconsistent_instants", "rows[38].sys_updated_at", [38, 39, 40, 41, 42, 43]],
      ["INC0000134", "inconsistent_instants", "rows[44].sys_updated_at", [44, 45, 46, 47, 48]],
      ["INC0000137", "inconsistent_instants", "rows[51].sys_updated_at", [49, 50, 51, 52]],
    ]);
  });
  it("a tie in sys_mod_count is broken by sys_updated_at and warned", () => {
    expect(warnings.filter((w) => w.code === "order_tie").map((w) => w.id)).toEqual(["INC0000137"]);
  });
  it("serviceNowPauseStatuses takes the Awaiting time out of the resolution time", () => {
    const plain = resolutionTime([tickets[0] as never], { statistic: "mean" }) as number;
    const paused = resolutionTime([tickets[0] as never], { statistic: "mean", pauseStatuses: serviceNowPauseStatuses });
    expect(paused).toBeLessThan(plain);
  });
  it("the metrics accept every ticket (nothing inconsistent got through)", () => {
    expect(() => resolutionTime(tickets, { pauseStatuses: serviceNowPauseStatuses })).not.toThrow();
  });
});

describe("fromServiceNowEvents: times", () => {
  const row = { number: "INC1", incident_state: "New", sys_mod_count: "0", opened_at: "2024-03-10 01:30:00" };
  it("reads zone-less times as local time in the zone (ISO-like or DD-MM-YYYY HH:mm)", () => {
    const a = fromServiceNowEvents([{ ...row, sys_updated_at: "10-03-2024 01:45" }], { timeZone: "America/New_York" });
    expect(a.tickets[0]?.createdAt).toBe(utc("2024-03-10T06:30:00Z"));
    expect(a.tickets[0]?.statusHistory?.[0]?.at).toBe(utc("2024-03-10T06:45:00Z"));
  });
  it("a format option reads one layout only", () => {
    const r = fromServiceNowEvents([{ ...row, opened_at: "03/10/2024 01:30", sys_updated_at: "03/10/2024 03:30" }], {
      timeZone: "America/New_York",
      format: "MM/DD/YYYY HH:mm",
    });
    expect((r.tickets[0]?.statusHistory?.[0]?.at as number) - (r.tickets[0]?.createdAt as number)).toBe(60 * minute);
  });
  it("reject sets aside an incident with a time in a daylight-saving gap", () => {
    const r = fromServiceNowEvents([{ ...row, sys_updated_at: "2024-03-10 02:30" }], {
      timeZone: "America/New_York",
      disambiguation: "reject",
    });
    expect(r.setAside[0]).toMatchObject({ code: "invalid_instant", path: "rows[0].sys_updated_at" });
  });
});

describe("fromServiceNowEvents: set aside, never thrown", () => {
  const ok = {
    incident_state: "New",
    sys_mod_count: "0",
    sys_updated_at: "2024-03-01 10:00",
    opened_at: "2024-03-01 09:00",
  };
  it("each broken incident or row with its code and path", () => {
    const { tickets, setAside } = fromServiceNowEvents(
      [
        { ...ok, number: "?" },
        { ...ok, number: "A", opened_at: "?" },
        { ...ok, number: "B", sys_mod_count: "one" },
        { ...ok, number: "C", incident_state: "" },
        { ...ok, number: "D", sys_updated_at: "31-02-2024 10:00" },
        { ...ok, number: "E", resolved_at: "2024-03-01 08:00" },
        { ...ok, number: "F", reopen_count: "-1" },
        "not a row",
        { ...ok, number: "G" },
      ],
      { timeZone: "UTC" },
    );
    expect(tickets.map((t) => t.id)).toEqual(["G"]);
    expect(setAside.map((s) => [s.index, s.id, s.code, s.path])).toEqual([
      [0, null, "missing_value", "rows[0].number"],
      [7, null, "invalid_type", "rows[7]"],
      [1, "A", "missing_value", "rows[1].opened_at"],
      [2, "B", "invalid_value", "rows[2].sys_mod_count"],
      [3, "C", "missing_value", "rows[3].incident_state"],
      [4, "D", "invalid_instant", "rows[4].sys_updated_at"],
      [5, "E", "inconsistent_instants", "rows[5].resolved_at"],
      [6, "F", "invalid_value", "rows[6].reopen_count"],
    ]);
  });
});

describe("fromServiceNowEvents: errors", () => {
  it("rows and options", () => {
    expect(() => fromServiceNowEvents({} as never, { timeZone: "UTC" })).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "rows" }),
    );
    expect(() => fromServiceNowEvents([], undefined as never)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "options" }),
    );
    expect(() => fromServiceNowEvents([], {} as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.timeZone" }),
    );
    expect(() => fromServiceNowEvents([], { timeZone: "UTC", format: "yyyy" })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.format" }),
    );
    expect(() => fromServiceNowEvents([], { timeZone: "UTC", zone: "UTC" } as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.zone" }),
    );
  });
});

describe("fromServiceNowEvents: does not mutate its input", () => {
  it("works on frozen rows", () => {
    const frozen = Object.freeze(rows.map((r) => Object.freeze({ ...r })));
    expect(fromServiceNowEvents(frozen, Object.freeze({ timeZone: "UTC" })).tickets).toHaveLength(4);
  });
});
