// businessCalendar: the metric reference's section 5 vectors (Mon–Fri 09:00–17:00
// America/New_York), boundaries, daylight-saving changes, holidays, errors.
// Offsets in the expected instants are the tz database's (EST −05:00, EDT −04:00),
// as `date` and Python's zoneinfo print them.
import { describe, expect, it } from "vitest";
import { type BusinessWeek, businessCalendar } from "../../src/index.js";

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

describe("businessCalendar: section 5 vectors (METRICS.md)", () => {
  it("Fri 2024-03-08 16:00 → Mon 03-11 10:00 across the spring DST change: 120 business minutes, 3900 calendar", () => {
    const start = "2024-03-08T16:00:00-05:00";
    const end = "2024-03-11T10:00:00-04:00";
    expect(newYork().elapsedMs(start, end)).toBe(120 * minute);
    expect(Date.parse(end) - Date.parse(start)).toBe(3900 * minute);
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
    expect(newYork().addMs("2024-03-08T16:00:00-05:00", 2 * hour)).toBe(Date.parse("2024-03-11T10:00:00-04:00"));
  });
});
