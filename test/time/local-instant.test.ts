// localInstant: local wall-clock times in a zone. The UTC instants below are the tz
// database's rules (IANA tzdata 2024: Lord Howe +10:30/+11 with a 30-minute shift
// at 02:00 on the first Sundays of April and October; Kathmandu +05:45 all year;
// St John's −03:30/−02:30 switching at 02:00 local, second Sunday of March and
// first of November; Chatham +12:45/+13:45 switching at 02:45 standard time, last
// Sunday of September and first Sunday of April). Gap and overlap choices follow
// Temporal's `disambiguation` (TC39 Temporal spec, GetPossibleEpochNanoseconds /
// DisambiguatePossibleEpochNanoseconds): "compatible" is "later" in a gap and
// "earlier" in an overlap.
import { describe, expect, it } from "vitest";
import { localInstant } from "../../src/index.js";

const utc = Date.parse;

describe("localInstant: fixed offsets and plain days", () => {
  it("Kathmandu is +05:45 all year", () => {
    expect(localInstant("2024-06-01 12:00", "Asia/Kathmandu")).toBe(utc("2024-06-01T06:15:00Z"));
    expect(localInstant("2024-01-01T00:00", "Asia/Kathmandu")).toBe(utc("2023-12-31T18:15:00Z"));
  });
  it("reads seconds and fractions (truncated to milliseconds, as Date does)", () => {
    expect(localInstant("2024-06-01T12:00:30.250", "UTC")).toBe(utc("2024-06-01T12:00:30.250Z"));
    expect(localInstant("2024-06-01T12:00:30.2", "UTC")).toBe(utc("2024-06-01T12:00:30.200Z"));
    expect(localInstant("2024-06-01T12:00:30.123456789", "UTC")).toBe(utc("2024-06-01T12:00:30.123Z"));
    expect(localInstant("2024-06-01", "UTC")).toBe(utc("2024-06-01T00:00:00Z"));
  });
  it("29 February exists in a leap year only", () => {
    expect(localInstant("2024-02-29 10:00", "Europe/Paris")).toBe(utc("2024-02-29T09:00:00Z"));
    expect(() => localInstant("2023-02-29 10:00", "Europe/Paris")).toThrow(
      expect.objectContaining({ code: "invalid_instant", path: "text" }),
    );
  });
});

describe("localInstant: Lord Howe's 30-minute daylight-saving shift", () => {
  const zone = "Australia/Lord_Howe";
  it("01:45 on 2024-04-07 happens twice (+11:00, then +10:30)", () => {
    expect(localInstant("2024-04-07 01:45", zone)).toBe(utc("2024-04-06T14:45:00Z"));
    expect(localInstant("2024-04-07 01:45", zone, { disambiguation: "earlier" })).toBe(utc("2024-04-06T14:45:00Z"));
    expect(localInstant("2024-04-07 01:45", zone, { disambiguation: "later" })).toBe(utc("2024-04-06T15:15:00Z"));
    expect(() => localInstant("2024-04-07 01:45", zone, { disambiguation: "reject" })).toThrow(
      expect.objectContaining({ code: "invalid_instant", path: "text" }),
    );
  });
  it("02:15 on 2024-10-06 does not exist (02:00 → 02:30)", () => {
    expect(localInstant("2024-10-06 02:15", zone)).toBe(utc("2024-10-05T15:45:00Z")); // 02:45 +11:00
    expect(localInstant("2024-10-06 02:15", zone, { disambiguation: "later" })).toBe(utc("2024-10-05T15:45:00Z"));
    expect(localInstant("2024-10-06 02:15", zone, { disambiguation: "earlier" })).toBe(utc("2024-10-05T15:15:00Z")); // 01:45 +10:30
    expect(() => localInstant("2024-10-06 02:15", zone, { disambiguation: "reject" })).toThrow(
      expect.objectContaining({ code: "invalid_instant", path: "text" }),
    );
  });
  it("the minutes just outside the gap are unambiguous", () => {
    expect(localInstant("2024-10-06 01:59", zone, { disambiguation: "reject" })).toBe(utc("2024-10-05T15:29:00Z"));
    expect(localInstant("2024-10-06 02:30", zone, { disambiguation: "reject" })).toBe(utc("2024-10-05T15:30:00Z"));
  });
});

describe("localInstant: St John's (−03:30 / −02:30)", () => {
  const zone = "America/St_Johns";
  it("02:30 on 2024-03-10 is in the gap: compatible gives 03:30 NDT", () => {
    expect(localInstant("2024-03-10 02:30", zone)).toBe(utc("2024-03-10T06:00:00Z"));
    expect(localInstant("2024-03-10 02:30", zone, { disambiguation: "earlier" })).toBe(utc("2024-03-10T05:00:00Z"));
  });
  it("01:30 on 2024-11-03 happens twice", () => {
    expect(localInstant("2024-11-03 01:30", zone)).toBe(utc("2024-11-03T04:00:00Z"));
    expect(localInstant("2024-11-03 01:30", zone, { disambiguation: "later" })).toBe(utc("2024-11-03T05:00:00Z"));
  });
  it("an ordinary winter and summer time", () => {
    expect(localInstant("2024-01-15 09:00", zone)).toBe(utc("2024-01-15T12:30:00Z"));
    expect(localInstant("2024-07-15 09:00", zone)).toBe(utc("2024-07-15T11:30:00Z"));
  });
});

describe("localInstant: Chatham (+12:45 / +13:45)", () => {
  const zone = "Pacific/Chatham";
  it("03:00 on 2024-09-29 is in the gap 02:45–03:45", () => {
    expect(localInstant("2024-09-29 03:00", zone)).toBe(utc("2024-09-28T14:15:00Z")); // 04:00 +13:45
    expect(localInstant("2024-09-29 03:00", zone, { disambiguation: "earlier" })).toBe(utc("2024-09-28T13:15:00Z")); // 02:00 +12:45
  });
  it("03:00 on 2024-04-07 happens twice", () => {
    expect(localInstant("2024-04-07 03:00", zone)).toBe(utc("2024-04-06T13:15:00Z"));
    expect(localInstant("2024-04-07 03:00", zone, { disambiguation: "later" })).toBe(utc("2024-04-06T14:15:00Z"));
  });
});

describe("localInstant: format", () => {
  it("reads the Kaggle and ServiceNow layout DD-MM-YYYY HH:mm", () => {
    expect(localInstant("29-02-2016 01:16", "UTC", { format: "DD-MM-YYYY HH:mm" })).toBe(utc("2016-02-29T01:16:00Z"));
  });
  it("reads one- or two-digit M, D and H", () => {
    const format = "M/D/YYYY H:mm";
    expect(localInstant("3/7/2024 9:05", "America/New_York", { format })).toBe(utc("2024-03-07T14:05:00Z"));
    expect(localInstant("12/31/2024 23:59", "America/New_York", { format })).toBe(utc("2025-01-01T04:59:00Z"));
  });
  it("reads seconds, milliseconds and a literal T", () => {
    const format = "YYYY-MM-DDTHH:mm:ss.SSS";
    expect(localInstant("2024-06-01T12:00:30.250", "UTC", { format })).toBe(utc("2024-06-01T12:00:30.250Z"));
  });
  it("a format without time fields reads midnight", () => {
    expect(localInstant("22-03-2021", "UTC", { format: "DD-MM-YYYY" })).toBe(utc("2021-03-22T00:00:00Z"));
  });
  it("text that does not match the whole format is invalid_instant", () => {
    const format = "DD-MM-YYYY HH:mm";
    for (const text of ["29-02-2016 1:16", "29-02-2016 01:16:00", "2016-02-29 01:16", "29-02-2016 01:16 "]) {
      expect(() => localInstant(text, "UTC", { format })).toThrow(
        expect.objectContaining({ code: "invalid_instant", path: "text" }),
      );
    }
  });
});

describe("localInstant: errors", () => {
  it("an impossible date or time is invalid_instant", () => {
    for (const text of ["2024-02-31 12:00", "2024-13-01 12:00", "2024-06-01 24:00", "2024-06-01 12:60", "2024-06-00"]) {
      expect(() => localInstant(text, "Europe/Paris")).toThrow(
        expect.objectContaining({ code: "invalid_instant", path: "text", received: text }),
      );
    }
    expect(() => localInstant("31-02-2024 10:00", "UTC", { format: "DD-MM-YYYY HH:mm" })).toThrow(
      expect.objectContaining({ code: "invalid_instant", path: "text" }),
    );
  });
  it("text with its own offset or Z is refused: it is not local time", () => {
    for (const text of [
      "2024-06-01T12:00Z",
      "2024-06-01T12:00:00+02:00",
      "2024-06-01T12:00-0500",
      "2024-06-01T12:00:00.5z",
    ]) {
      expect(() => localInstant(text, "Europe/Paris")).toThrow(
        expect.objectContaining({ code: "invalid_instant", path: "text" }),
      );
    }
  });
  it("text that is not a string is invalid_type", () => {
    expect(() => localInstant(1_700_000_000_000 as unknown as string, "UTC")).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "text" }),
    );
  });
  it("an unknown or empty time zone is invalid_option", () => {
    for (const zone of ["Mars/Olympus_Mons", "", 5 as unknown as string]) {
      expect(() => localInstant("2024-06-01 12:00", zone)).toThrow(
        expect.objectContaining({ code: "invalid_option", path: "timeZone" }),
      );
    }
  });
  it("a malformed format is invalid_option", () => {
    for (const format of ["yyyy-MM-dd", "HH:mm", "YYYY-MM-DD mm", "YYYY-MM-DD-DD", 7]) {
      expect(() => localInstant("2024-06-01", "UTC", { format: format as string })).toThrow(
        expect.objectContaining({ code: "invalid_option", path: "options.format" }),
      );
    }
  });
  it("an unknown disambiguation or option key is invalid_option", () => {
    expect(() => localInstant("2024-06-01 12:00", "UTC", { disambiguation: "closest" as "earlier" })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.disambiguation" }),
    );
    expect(() => localInstant("2024-06-01 12:00", "UTC", { zone: "UTC" } as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.zone" }),
    );
  });
});

describe("localInstant: does not mutate its input", () => {
  it("works on frozen options", () => {
    const options = Object.freeze({ format: "DD-MM-YYYY HH:mm", disambiguation: "later" as const });
    expect(localInstant("03-11-2024 01:30", "America/New_York", options)).toBe(utc("2024-11-03T06:30:00Z"));
    expect(options).toEqual({ format: "DD-MM-YYYY HH:mm", disambiguation: "later" });
  });
});
