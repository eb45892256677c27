// The derivation of tickets from a real ServiceNow event log (examples/incident-log.ts) on
// 53 rows copied into test/fixtures (UCI "Incident management process enriched event log",
// Amaral, Fantinato, Reijers and Peres 2018, CC BY 4.0).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AWAITING_STATES, deriveIncidents, parseCsv, parseLocalTime } from "../../examples/incident-log.ts";
import { backlog, resolutionTime, slaCounts, ticketDurations } from "../../src/index.js";

const csv = readFileSync(new URL("../fixtures/incident-event-log-rows.csv", import.meta.url), "utf8");
const { incidents, report } = deriveIncidents(csv);
const byId = new Map(incidents.map((i) => [i.id, i]));
const minute = 60_000;

describe("deriving tickets from the ServiceNow event log", () => {
  it("parses quoted CSV and DD-MM-YYYY HH:MM times", () => {
    expect(parseCsv('a,"b,c","d ""e""\nf"\r\ng,h\n')).toEqual([
      ["a", "b,c", 'd "e"\nf'],
      ["g", "h"],
    ]);
    expect(parseLocalTime("29-02-2016 01:16")).toBe("2016-02-29T01:16:00Z");
    expect(parseLocalTime("?")).toBeNull();
    expect(() => parseLocalTime("2016-02-29 01:16")).toThrow('not a DD-MM-YYYY HH:MM time: "2016-02-29 01:16"');
  });

  it("derives one ticket per incident and reports every repair it made", () => {
    expect(report).toEqual({
      rows: 53,
      incidents: 7,
      reordered: 3,
      updatesBeforeOpened: 2,
      priorityChanged: 1,
      resolvedAtFromHistory: 1,
      unresolved: 0,
    });
  });

  it("orders by modification count, so a late-stamped duplicate row does not invent a reopening", () => {
    const statuses = byId.get("INC0000137")!.statusHistory.map((s) => s.status);
    expect(statuses).toEqual(["New", "Resolved", "Closed"]);
    expect(backlog([byId.get("INC0000137")!], { asOf: "2016-03-01T00:00:00Z" })).toBe(0);
  });

  it("takes resolvedAt from the history when the export lost resolved_at", () => {
    expect(byId.get("INC0000093")!.resolvedAt).toBe("2016-02-29T08:56:00Z");
  });

  it("pausing on the Awaiting states removes the 38 minutes INC0000047 waited for the user", () => {
    // Opened 29-02-2016 04:40, resolved 01-03-2016 09:52 (29 h 12 min); Awaiting User Info 09:14 → 09:52.
    const one = [byId.get("INC0000047")!];
    expect(resolutionTime(one)).toBe((29 * 60 + 12) * minute);
    expect(resolutionTime(one, { pauseStatuses: AWAITING_STATES })).toBe((29 * 60 + 12 - 38) * minute);
    expect(slaCounts(one, { resolutionMs: (29 * 60 - 26) * minute })).toEqual({ achieved: 0, breached: 1, pending: 0 });
    expect(slaCounts(one, { resolutionMs: (29 * 60 - 26) * minute, pauseStatuses: AWAITING_STATES })).toEqual({
      achieved: 1,
      breached: 0,
      pending: 0,
    });
  });

  it("measures every incident: nothing is censored or left out", () => {
    const d = ticketDurations(incidents, { pauseStatuses: AWAITING_STATES });
    expect(d.measured).toBe(7);
  });
});
