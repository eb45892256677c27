import { describe, expect, it } from "vitest";
import { businessCalendar, businessClock } from "../../src/index.js";

const nineToFive = [["09:00", "17:00"]] as const;
const weekdays = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };
const newYork = businessCalendar({ timeZone: "America/New_York", week: weekdays, holidays: ["2024-12-25"] });
const hour = 3_600_000;

describe("businessClock", () => {
  it("gives one row per open day, in UTC, across a DST change (the documented example)", () => {
    // Fri 8 Mar 2024 09:00 EST = 14:00Z; Mon 11 Mar 09:00 EDT = 13:00Z (worked by hand).
    expect(businessClock(newYork, "2024-03-08T00:00:00Z", "2024-03-12T00:00:00Z")).toEqual([
      { startMs: Date.parse("2024-03-08T14:00:00Z"), endMs: Date.parse("2024-03-08T22:00:00Z"), openBeforeMs: 0 },
      {
        startMs: Date.parse("2024-03-11T13:00:00Z"),
        endMs: Date.parse("2024-03-11T21:00:00Z"),
        openBeforeMs: 8 * hour,
      },
    ]);
  });

  it("has about 260 rows for a year of Monday–Friday 9–17 (262 weekdays in 2024, less one holiday)", () => {
    const rows = businessClock(newYork, "2024-01-01T05:00:00Z", "2025-01-01T05:00:00Z");
    expect(rows.length).toBe(261);
    expect(rows.at(-1)?.openBeforeMs).toBe(260 * 8 * hour);
  });

  it("clips the first and last rows to from and to", () => {
    const rows = businessClock(newYork, "2024-03-08T15:00:00Z", "2024-03-08T16:30:00Z");
    expect(rows).toEqual([
      { startMs: Date.parse("2024-03-08T15:00:00Z"), endMs: Date.parse("2024-03-08T16:30:00Z"), openBeforeMs: 0 },
    ]);
  });

  it("joins touching intervals, also across midnight", () => {
    const calendar = businessCalendar({
      timeZone: "UTC",
      week: {
        mon: [
          ["09:00", "12:00"],
          ["12:00", "24:00"],
        ],
        tue: [["00:00", "06:00"]],
      },
    });
    expect(businessClock(calendar, "2024-01-01T00:00:00Z", "2024-01-03T00:00:00Z")).toEqual([
      { startMs: Date.parse("2024-01-01T09:00:00Z"), endMs: Date.parse("2024-01-02T06:00:00Z"), openBeforeMs: 0 },
    ]);
  });

  it("a 24/7 calendar is one row; a fall-back day open all day holds 25 hours", () => {
    const allDay = [["00:00", "24:00"]] as const;
    const always = businessCalendar({
      timeZone: "America/New_York",
      week: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    });
    const rows = businessClock(always, "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
    expect(rows).toHaveLength(1);
    const sunday = businessCalendar({ timeZone: "America/New_York", week: { sun: allDay } });
    // Sunday 3 Nov 2024 (clocks fall back): 04:00Z to 05:00Z the next day.
    const fallBack = businessClock(sunday, "2024-11-02T00:00:00Z", "2024-11-05T00:00:00Z");
    expect(fallBack).toEqual([
      { startMs: Date.parse("2024-11-03T04:00:00Z"), endMs: Date.parse("2024-11-04T05:00:00Z"), openBeforeMs: 0 },
    ]);
  });

  it("skips holidays (Christmas 2024 is a Wednesday)", () => {
    const rows = businessClock(newYork, "2024-12-24T00:00:00Z", "2024-12-27T00:00:00Z");
    expect(rows.map((r) => new Date(r.startMs).toISOString().slice(0, 10))).toEqual(["2024-12-24", "2024-12-26"]);
  });

  it("gives [] with no open time, also for an empty span", () => {
    expect(businessClock(newYork, "2024-03-09T00:00:00Z", "2024-03-10T00:00:00Z")).toEqual([]);
    expect(businessClock(newYork, "2024-03-08T15:00:00Z", "2024-03-08T15:00:00Z")).toEqual([]);
  });

  it("throws invalid_type for a calendar not built by businessCalendar", () => {
    const fake = { elapsedMs: () => 0, addMs: () => 0, isOpen: () => false, timeZone: "UTC" };
    expect(() => businessClock(fake, 0, 1)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "calendar" }),
    );
  });

  it("throws inconsistent_instants when to is before from", () => {
    expect(() => businessClock(newYork, 10, 0)).toThrow(
      expect.objectContaining({ code: "inconsistent_instants", path: "to" }),
    );
  });

  it("throws invalid_instant for a zone-less instant", () => {
    expect(() => businessClock(newYork, "2024-03-08T00:00:00", 0)).toThrow(
      expect.objectContaining({ code: "invalid_instant", path: "from" }),
    );
  });

  it("throws out_of_range for a span over 100 × 366 days", () => {
    expect(() => businessClock(newYork, 0, 101 * 366 * 86_400_000)).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "to" }),
    );
  });

  it("does not mutate its (frozen) calendar", () => {
    expect(Object.isFrozen(newYork)).toBe(true);
    expect(businessClock(newYork, "2024-03-08T00:00:00Z", "2024-03-09T00:00:00Z")).toHaveLength(1);
  });
});
