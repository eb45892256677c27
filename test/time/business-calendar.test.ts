// businessCalendar: the metric reference's section 5 vectors (Mon–Fri 09:00–17:00
// America/New_York), boundaries, daylight-saving changes, holidays, errors.
// UTC instants of local times and the lengths of DST days are the tz database's,
// read with Python's zoneinfo (e.g. 2024-11-03 in New York lasts 25 h, 2024-10-06 on
// Lord Howe Island 23.5 h, 2024-09-08 in Santiago starts at 01:00 and lasts 23 h).
import { describe, expect, it } from "vitest";
import { type BusinessCalendarOptions, type BusinessWeek, businessCalendar } from "../../src/index.js";

const minute = 60_000;
const hour = 60 * minute;
const nineToFive = [["09:00", "17:00"]] as const;
const weekdays: BusinessWeek = {
  mon: nineToFive,
  tue: nineToFive,
  wed: nineToFive,
  thu: nineToFive,
  fri: nineToFive,
  sat: [],
  sun: [],
};
const newYork = () => businessCalendar({ timeZone: "America/New_York", week: weekdays });
const allDay = [["00:00", "24:00"]] as const;
const always: BusinessWeek = {
  mon: allDay,
  tue: allDay,
  wed: allDay,
  thu: allDay,
  fri: allDay,
  sat: allDay,
  sun: allDay,
};
const utc = Date.parse;

describe("businessCalendar: section 5 vectors (METRICS.md)", () => {
  it("Fri 2024-03-08 16:00 → Mon 03-11 10:00 across the spring DST change: 120 business minutes, 3900 calendar", () => {
    const start = "2024-03-08T16:00:00-05:00";
    const end = "2024-03-11T10:00:00-04:00";
    expect(newYork().elapsedMs(start, end)).toBe(120 * minute);
    expect(utc(end) - utc(start)).toBe(3900 * minute);
  });
  it("Sat 03-16 10:00 → Mon 03-18 09:30: 30 minutes", () => {
    expect(newYork().elapsedMs("2024-03-16T10:00:00-04:00", "2024-03-18T09:30:00-04:00")).toBe(30 * minute);
  });
  it("Tue 18:00 → Tue 20:00: 0", () => {
    expect(newYork().elapsedMs("2024-03-19T18:00:00-04:00", "2024-03-19T20:00:00-04:00")).toBe(0);
  });
  it("Wed 08:00 → Wed 17:30: 480 minutes", () => {
    expect(newYork().elapsedMs("2024-03-20T08:00:00-04:00", "2024-03-20T17:30:00-04:00")).toBe(480 * minute);
  });
  it("addMs inverts the first vector", () => {
    expect(newYork().addMs("2024-03-08T16:00:00-05:00", 2 * hour)).toBe(utc("2024-03-11T10:00:00-04:00"));
  });
});

describe("businessCalendar: intervals", () => {
  it("intervals are half-open: open at 09:00, closed at 17:00", () => {
    const calendar = newYork();
    expect(calendar.isOpen("2024-03-13T09:00:00-04:00")).toBe(true);
    expect(calendar.isOpen("2024-03-13T08:59:59.999-04:00")).toBe(false);
    expect(calendar.isOpen("2024-03-13T16:59:59.999-04:00")).toBe(true);
    expect(calendar.isOpen("2024-03-13T17:00:00-04:00")).toBe(false);
  });
  it("an empty span is 0, and every instant type reads the same", () => {
    const calendar = newYork();
    const at = "2024-03-13T10:00:00-04:00";
    expect(calendar.elapsedMs(at, at)).toBe(0);
    expect(Object.is(calendar.elapsedMs(at, at), -0)).toBe(false);
    expect(calendar.elapsedMs(new Date(utc(at)), utc(at) + hour)).toBe(hour);
  });
  it("several intervals a day: a lunch break is closed", () => {
    const split = [
      ["13:00", "17:00"],
      ["09:00", "12:00"],
    ] as const; // any order
    const calendar = businessCalendar({ timeZone: "Europe/Paris", week: { wed: split } });
    expect(calendar.elapsedMs("2024-03-13T11:00:00+01:00", "2024-03-13T14:00:00+01:00")).toBe(2 * hour);
    expect(calendar.isOpen("2024-03-13T12:30:00+01:00")).toBe(false);
    expect(calendar.elapsedMs("2024-03-13T00:00:00+01:00", "2024-03-14T00:00:00+01:00")).toBe(7 * hour);
  });
  it('"24:00" ends a day, and touching intervals run on across midnight', () => {
    const calendar = businessCalendar({
      timeZone: "UTC",
      week: {
        sun: [["22:00", "24:00"]],
        mon: [
          ["00:00", "02:00"],
          ["02:00", "03:00"],
        ],
      },
    });
    // Sun 2024-03-17 23:00 → Mon 02:30: 1 h + 2.5 h
    expect(calendar.elapsedMs("2024-03-17T23:00:00Z", "2024-03-18T02:30:00Z")).toBe(3.5 * hour);
    expect(calendar.isOpen("2024-03-17T23:59:59.999Z")).toBe(true);
    expect(calendar.isOpen("2024-03-18T00:00:00Z")).toBe(true);
    expect(calendar.isOpen("2024-03-18T03:00:00Z")).toBe(false);
  });
  it("Asia/Kolkata (+05:30): 09:00 IST is 03:30 UTC", () => {
    const calendar = businessCalendar({ timeZone: "Asia/Kolkata", week: weekdays });
    expect(calendar.isOpen("2024-03-13T03:30:00Z")).toBe(true);
    expect(calendar.isOpen("2024-03-13T03:29:59.999Z")).toBe(false);
    expect(calendar.elapsedMs("2024-03-13T00:00:00Z", "2024-03-14T00:00:00Z")).toBe(8 * hour);
  });
  it("a whole year: 251 business days of 8 h in 2024 with the 11 US federal holidays (Python calendar)", () => {
    const calendar = businessCalendar({
      timeZone: "America/New_York",
      week: weekdays,
      holidays: [
        "2024-01-01",
        "2024-01-15",
        "2024-02-19",
        "2024-05-27",
        "2024-06-19",
        "2024-07-04",
        "2024-09-02",
        "2024-10-14",
        "2024-11-11",
        "2024-11-28",
        "2024-12-25",
      ],
    });
    const start = "2024-01-01T00:00:00-05:00";
    const end = "2025-01-01T00:00:00-05:00";
    expect(calendar.elapsedMs(start, end)).toBe(2008 * hour);
    expect(calendar.addMs(start, 2008 * hour)).toBe(utc("2025-01-01T09:00:00-05:00"));
    expect(calendar.addMs(start, 2008 * hour - 1)).toBe(utc("2024-12-31T17:00:00-05:00") - 1);
  });
});

describe("businessCalendar: daylight-saving changes", () => {
  it("a 00:00–24:00 day lasts 23 h on spring-forward and 25 h on fall-back day (New York, London)", () => {
    const ny = businessCalendar({ timeZone: "America/New_York", week: { sun: allDay } });
    expect(ny.elapsedMs("2024-03-09T00:00:00Z", "2024-03-12T00:00:00Z")).toBe(23 * hour);
    expect(ny.elapsedMs("2024-11-02T00:00:00Z", "2024-11-05T00:00:00Z")).toBe(25 * hour);
    const london = businessCalendar({ timeZone: "Europe/London", week: { sun: allDay } });
    expect(london.elapsedMs("2024-03-30T00:00:00Z", "2024-04-02T00:00:00Z")).toBe(23 * hour);
    expect(london.elapsedMs("2024-10-26T00:00:00Z", "2024-10-29T00:00:00Z")).toBe(25 * hour);
  });
  it("Australia/Lord_Howe shifts by 30 minutes: 24.5 h on 2024-04-07, 23.5 h on 2024-10-06", () => {
    const lordHowe = businessCalendar({ timeZone: "Australia/Lord_Howe", week: { sun: allDay } });
    expect(lordHowe.elapsedMs("2024-04-05T00:00:00Z", "2024-04-09T00:00:00Z")).toBe(24.5 * hour);
    expect(lordHowe.elapsedMs("2024-10-04T00:00:00Z", "2024-10-08T00:00:00Z")).toBe(23.5 * hour);
    // the day of 2024-04-07 runs from 13:00 UTC on the 6th (00:00 +11:00) to 13:30 UTC on the 7th (00:00 +10:30)
    expect(lordHowe.isOpen("2024-04-06T13:00:00Z")).toBe(true);
    expect(lordHowe.isOpen("2024-04-06T12:59:59.999Z")).toBe(false);
    expect(lordHowe.isOpen("2024-04-07T13:29:59.999Z")).toBe(true);
    expect(lordHowe.isOpen("2024-04-07T13:30:00Z")).toBe(false);
  });
  it("America/Santiago: 2024-09-08 starts at 01:00 (midnight is skipped) and lasts 23 h", () => {
    const santiago = businessCalendar({ timeZone: "America/Santiago", week: { sun: allDay } });
    expect(santiago.elapsedMs("2024-09-06T00:00:00Z", "2024-09-10T00:00:00Z")).toBe(23 * hour);
    expect(santiago.isOpen("2024-09-08T03:59:59.999Z")).toBe(false); // Sat 23:59:59.999 −04:00
    expect(santiago.isOpen("2024-09-08T04:00:00Z")).toBe(true); // Sun 01:00 −03:00
  });
  it("a boundary inside the spring gap takes effect when the clock jumps (02:30 → 03:00 EDT)", () => {
    const calendar = businessCalendar({ timeZone: "America/New_York", week: { sun: [["02:30", "05:00"]] } });
    // 2024-03-10: 02:00 EST jumps to 03:00 EDT at 07:00 UTC; open 07:00–09:00 UTC
    expect(calendar.elapsedMs("2024-03-10T00:00:00Z", "2024-03-11T00:00:00Z")).toBe(2 * hour);
    expect(calendar.isOpen("2024-03-10T06:59:59.999Z")).toBe(false);
    expect(calendar.isOpen("2024-03-10T07:00:00Z")).toBe(true);
    expect(calendar.addMs("2024-03-10T00:00:00Z", 0)).toBe(utc("2024-03-10T07:00:00Z"));
  });
  it("the repeated hour of fall-back day is open twice when an interval covers it", () => {
    // 2024-11-03: 02:00 EDT falls back to 01:00 EST at 06:00 UTC
    const oneToTwo = businessCalendar({ timeZone: "America/New_York", week: { sun: [["01:00", "02:00"]] } });
    expect(oneToTwo.elapsedMs("2024-11-03T00:00:00Z", "2024-11-04T00:00:00Z")).toBe(2 * hour);
    // an interval starting inside the repeated hour opens at each 01:30: 05:30–06:00 and 06:30–08:00 UTC
    const fromHalfPast = businessCalendar({ timeZone: "America/New_York", week: { sun: [["01:30", "03:00"]] } });
    expect(fromHalfPast.elapsedMs("2024-11-03T00:00:00Z", "2024-11-04T00:00:00Z")).toBe(2 * hour);
    expect(fromHalfPast.isOpen("2024-11-03T05:45:00Z")).toBe(true); // 01:45 EDT
    expect(fromHalfPast.isOpen("2024-11-03T06:15:00Z")).toBe(false); // 01:15 EST
    expect(fromHalfPast.isOpen("2024-11-03T06:30:00Z")).toBe(true); // 01:30 EST
  });
  it("offsets far from today come from the same rules (1990, 2040; New York's pre-2007 April change)", () => {
    const ny = businessCalendar({ timeZone: "America/New_York", week: { sun: allDay } });
    expect(ny.elapsedMs("1990-04-01T00:00:00Z", "1990-04-03T00:00:00Z")).toBe(23 * hour); // 1990-04-01
    expect(ny.elapsedMs("2040-03-11T00:00:00Z", "2040-03-13T00:00:00Z")).toBe(23 * hour); // 2040-03-11
  });
});

describe("businessCalendar: the edges of Date's range", () => {
  it("works at ±8.64e15 ms (Intl's range ends there; offsets are the edge's)", () => {
    const calendar = businessCalendar({ timeZone: "America/New_York", week: always });
    expect(calendar.elapsedMs(-8.64e15, -8.64e15 + 24 * hour)).toBe(24 * hour);
    expect(calendar.elapsedMs(8.64e15 - 24 * hour, 8.64e15)).toBe(24 * hour);
    expect(calendar.isOpen(8.64e15)).toBe(true);
  });
  it("out_of_range: a deadline beyond the range of Date", () => {
    const calendar = businessCalendar({ timeZone: "UTC", week: always });
    expect(() => calendar.addMs(8.64e15 - 24 * hour, 48 * hour)).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "ms" }),
    );
    expect(calendar.addMs(8.64e15 - 24 * hour, 24 * hour - 1)).toBe(8.64e15 - 1);
  });
});

describe("businessCalendar: holidays", () => {
  const christmas = () =>
    businessCalendar({
      timeZone: "America/New_York",
      week: weekdays,
      holidays: ["2024-12-25", "2024-12-25", "2024-12-28"], // a duplicate counts once; a Saturday changes nothing
    });
  it("a holiday closes the whole local day", () => {
    const calendar = christmas();
    expect(calendar.elapsedMs("2024-12-24T16:00:00-05:00", "2024-12-26T10:00:00-05:00")).toBe(2 * hour);
    expect(calendar.isOpen("2024-12-25T12:00:00-05:00")).toBe(false);
    expect(calendar.elapsedMs("2024-12-23T00:00:00-05:00", "2024-12-30T00:00:00-05:00")).toBe(4 * 8 * hour);
  });
  it("deadlines skip holidays", () => {
    expect(christmas().addMs("2024-12-24T16:00:00-05:00", 2 * hour)).toBe(utc("2024-12-26T10:00:00-05:00"));
  });
  it("holidays are local dates: 2024-12-25 in Sydney is 13:00 UTC on the 24th to 13:00 UTC on the 25th", () => {
    const sydney = businessCalendar({ timeZone: "Australia/Sydney", week: always, holidays: ["2024-12-25"] });
    expect(sydney.isOpen("2024-12-24T12:59:59.999Z")).toBe(true);
    expect(sydney.isOpen("2024-12-24T13:00:00Z")).toBe(false);
    expect(sydney.elapsedMs("2024-12-24T00:00:00Z", "2024-12-26T00:00:00Z")).toBe(24 * hour);
  });
});

describe("businessCalendar: addMs", () => {
  it("from closed time it first moves to the next opening; addMs(t, 0) when closed is the next opening", () => {
    const calendar = newYork();
    expect(calendar.addMs("2024-03-16T10:00:00-04:00", 0)).toBe(utc("2024-03-18T09:00:00-04:00"));
    expect(calendar.addMs("2024-03-16T10:00:00-04:00", 30 * minute)).toBe(utc("2024-03-18T09:30:00-04:00"));
    expect(calendar.addMs("2024-03-13T10:00:00-04:00", 0)).toBe(utc("2024-03-13T10:00:00-04:00"));
  });
  it("a budget used up exactly at closing time gives the next opening (resolved ≤ deadline ⇔ within target)", () => {
    const calendar = newYork();
    const created = "2024-03-08T16:00:00-05:00";
    const deadline = calendar.addMs(created, hour);
    expect(deadline).toBe(utc("2024-03-11T09:00:00-04:00"));
    expect(calendar.elapsedMs(created, "2024-03-09T12:00:00-05:00")).toBe(hour); // Saturday: still within 1 h
    expect(calendar.addMs(created, hour - 1)).toBe(utc("2024-03-08T17:00:00-05:00") - 1);
  });
  it("returns epoch milliseconds for fractional budgets too", () => {
    expect(newYork().addMs(utc("2024-03-13T10:00:00-04:00"), 0.5)).toBe(utc("2024-03-13T10:00:00-04:00") + 0.5);
  });
});

describe("businessCalendar: invalid input", () => {
  const base: BusinessCalendarOptions = { timeZone: "America/New_York", week: weekdays };
  const rejects = (options: unknown, path: string) =>
    expect(() => businessCalendar(options as BusinessCalendarOptions)).toThrow(
      expect.objectContaining({ code: "invalid_option", fn: "businessCalendar", path }),
    );
  it("invalid_option: an unknown or missing time zone", () => {
    rejects({ ...base, timeZone: "Mars/Olympus_Mons" }, "options.timeZone");
    rejects({ week: weekdays }, "options.timeZone");
    rejects({ ...base, timeZone: 5 }, "options.timeZone");
  });
  it('invalid_option: a malformed "HH:MM"', () => {
    for (const bad of ["9:00", "25:00", "12:60", "09:00:00", "", 900]) {
      rejects({ ...base, week: { mon: [nineToFive[0], ["18:00", bad]] } }, "options.week.mon[1][1]");
    }
    rejects({ ...base, week: { tue: [["24:00", "24:00"]] } }, "options.week.tue[0][0]"); // 24:00 only ends a day
    rejects({ ...base, week: { tue: [["09:00", "24:30"]] } }, "options.week.tue[0][1]");
  });
  it("invalid_option: inverted, empty and overlapping intervals, and intervals that are not pairs", () => {
    rejects({ ...base, week: { wed: [["17:00", "09:00"]] } }, "options.week.wed[0]");
    rejects({ ...base, week: { wed: [["09:00", "09:00"]] } }, "options.week.wed[0]");
    rejects(
      {
        ...base,
        week: {
          mon: [
            ["09:00", "12:00"],
            ["11:59", "17:00"],
          ],
        },
      },
      "options.week.mon[1]",
    );
    rejects(
      {
        ...base,
        week: {
          mon: [
            ["13:00", "17:00"],
            ["08:00", "14:00"],
          ],
        },
      },
      "options.week.mon[1]",
    );
    rejects({ ...base, week: { fri: [["09:00"]] } }, "options.week.fri[0]");
    rejects({ ...base, week: { fri: "09:00-17:00" } }, "options.week.fri");
  });
  it("invalid_option: unknown weekday keys, a week without open time, unknown options", () => {
    rejects({ ...base, week: { ...weekdays, monday: nineToFive } }, "options.week.monday");
    // received is the value at the path, like every other error, not the key.
    expect(() => businessCalendar({ ...base, week: { ...weekdays, monday: nineToFive } } as never)).toThrow(
      expect.objectContaining({ received: nineToFive }),
    );
    rejects({ ...base, week: { sat: [], sun: [] } }, "options.week");
    rejects({ ...base, week: undefined }, "options.week");
    rejects({ ...base, holiday: ["2024-12-25"] }, "options.holiday");
    rejects(undefined, "options");
  });
  it("invalid_option: malformed or impossible holiday dates", () => {
    for (const bad of ["2024-02-30", "2023-02-29", "2024-13-01", "2024-2-3", "2024-12-25T00:00:00Z", 20241225]) {
      rejects({ ...base, holidays: ["2024-12-24", bad] }, "options.holidays[1]");
    }
    rejects({ ...base, holidays: "2024-12-25" }, "options.holidays");
    expect(() => businessCalendar({ ...base, holidays: ["2024-02-29"] })).not.toThrow();
  });
  it("inconsistent_instants: an end before the start", () => {
    expect(() => newYork().elapsedMs("2024-03-13T10:00:00Z", "2024-03-13T09:00:00Z")).toThrow(
      expect.objectContaining({ code: "inconsistent_instants", fn: "businessCalendar.elapsedMs", path: "end" }),
    );
  });
  it("invalid_instant and invalid_type: unreadable instants", () => {
    const calendar = newYork();
    expect(() => calendar.elapsedMs("2024-03-13T10:00:00", "2024-03-13T11:00:00Z")).toThrow(
      expect.objectContaining({ code: "invalid_instant", path: "start" }),
    );
    expect(() => calendar.elapsedMs(0, Number.NaN)).toThrow(
      expect.objectContaining({ code: "invalid_instant", path: "end" }),
    );
    expect(() => calendar.isOpen(true as unknown as number)).toThrow(
      expect.objectContaining({ code: "invalid_type", fn: "businessCalendar.isOpen", path: "at" }),
    );
    expect(() => calendar.addMs(new Date(Number.NaN), 0)).toThrow(
      expect.objectContaining({ code: "invalid_instant", path: "start" }),
    );
  });
  it("addMs: a budget below 0 is out_of_range, NaN not_finite, a string invalid_type", () => {
    const calendar = newYork();
    expect(() => calendar.addMs(0, -1)).toThrow(
      expect.objectContaining({ code: "out_of_range", fn: "businessCalendar.addMs", path: "ms" }),
    );
    expect(() => calendar.addMs(0, Number.NaN)).toThrow(expect.objectContaining({ code: "not_finite", path: "ms" }));
    expect(() => calendar.addMs(0, "60000" as unknown as number)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "ms" }),
    );
  });
});

describe("businessCalendar: purity", () => {
  it("does not mutate its input (frozen options with unsorted intervals and holidays)", () => {
    const freeze = <T>(value: T): T => {
      if (value !== null && typeof value === "object") {
        for (const v of Object.values(value)) freeze(v);
        Object.freeze(value);
      }
      return value;
    };
    const options = freeze({
      timeZone: "Europe/London",
      week: {
        mon: [
          ["13:00", "17:00"],
          ["09:00", "12:00"],
        ],
      },
      holidays: ["2024-12-26", "2024-12-25"],
    } as BusinessCalendarOptions);
    const before = JSON.stringify(options);
    const calendar = businessCalendar(options);
    expect(calendar.elapsedMs("2024-12-23T00:00:00Z", "2024-12-31T00:00:00Z")).toBe(14 * hour);
    expect(JSON.stringify(options)).toBe(before);
  });
  it("the calendar is frozen and reports its zone", () => {
    const calendar = newYork();
    expect(Object.isFrozen(calendar)).toBe(true);
    expect(calendar.timeZone).toBe("America/New_York");
    // The name as given, not Intl's canonical alias (Node resolves Asia/Kolkata to Asia/Calcutta).
    expect(businessCalendar({ timeZone: "Asia/Kolkata", week: { mon: [["09:00", "17:00"]] } }).timeZone).toBe(
      "Asia/Kolkata",
    );
  });
});
