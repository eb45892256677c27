import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInstant } from "../../src/index.js";
import { code } from "../helpers/errors.js";

describe("parseInstant", () => {
  // Oracle: Date.parse on the same strings (ECMAScript's date-time string format).
  it.each([
    ["2024-03-20T12:00:00Z", Date.parse("2024-03-20T12:00:00Z")],
    ["2024-03-20T12:00Z", Date.parse("2024-03-20T12:00Z")],
    ["2024-03-20T14:00:00+02:00", Date.parse("2024-03-20T12:00:00Z")],
    ["2024-03-20T14:00:00+0200", Date.parse("2024-03-20T12:00:00Z")],
    ["2024-03-20T07:30-04:30", Date.parse("2024-03-20T12:00:00Z")],
    ["2024-03-20 12:00:00Z", Date.parse("2024-03-20T12:00:00Z")],
    ["2024-03-20T12:00:00.5Z", Date.parse("2024-03-20T12:00:00.500Z")],
    ["2024-03-20T12:00:00.123456Z", Date.parse("2024-03-20T12:00:00.123Z")],
    ["2024-02-29T00:00:00Z", Date.parse("2024-02-29T00:00:00Z")],
    ["0050-06-01T00:00:00Z", Date.UTC(2000, 5, 1) - 1950 * 365.2425 * 86_400_000],
  ])("%s", (text, ms) => {
    if (text.startsWith("0050")) {
      const d = new Date(0);
      d.setUTCFullYear(50, 5, 1);
      expect(parseInstant(text)).toBe(d.getTime());
    } else expect(parseInstant(text)).toBe(ms);
  });

  it("takes numbers and Dates as they are", () => {
    expect(parseInstant(1_710_936_000_000)).toBe(1_710_936_000_000);
    expect(parseInstant(new Date(1_710_936_000_000))).toBe(1_710_936_000_000);
    expect(Object.is(parseInstant(-0), 0)).toBe(true);
  });

  it.each([
    "2024-03-20T12:00:00", // no zone: ambiguous
    "2024-03-20",
    "2024-02-30T00:00Z",
    "2023-02-29T00:00Z",
    "2024-13-01T00:00Z",
    "2024-03-20T25:00Z",
    "2024-03-20T12:60Z",
    "2024-03-20T12:00:00+2",
    "2024-03-20T12:00:00.Z",
    "20-03-2024 12:00",
    "",
    "next tuesday",
  ])("rejects %j as invalid_instant", (text) => {
    expect(() => parseInstant(text)).toThrow(
      expect.objectContaining({ code: "invalid_instant", fn: "parseInstant", path: "value", received: text }),
    );
  });

  it("rejects invalid Dates, non-finite numbers and other types", () => {
    const fn = "parseInstant";
    expect(() => parseInstant(new Date(Number.NaN))).toThrow(code("invalid_instant", { fn, path: "value" }));
    expect(() => parseInstant(Number.NaN)).toThrow(code("invalid_instant", { fn, path: "value" }));
    expect(() => parseInstant(9e15)).toThrow(code("invalid_instant", { fn, path: "value", received: 9e15 }));
    expect(() => parseInstant({} as unknown as number)).toThrow(code("invalid_type", { fn, path: "value" }));
  });

  it("always agrees with Date for every ISO string Date prints", () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 250_000_000_000_000 }), (ms) => {
        expect(parseInstant(new Date(ms).toISOString())).toBe(ms);
      }),
    );
  });

  it("always agrees with Date.parse on offsets", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (ms, offsetMin) => {
          const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 23);
          const sign = offsetMin < 0 ? "-" : "+";
          const abs = Math.abs(offsetMin);
          const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
          expect(parseInstant(local + zone)).toBe(Date.parse(local + zone));
        },
      ),
    );
  });

  it("never reads a date-time with a non-digit where a digit belongs", () => {
    // Positions of the digits in "YYYY-MM-DDTHH:MM:SS.sss+HH:MM".
    const digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22, 24, 25, 27, 28];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.constantFrom(...digits),
        fc.constantFrom("-", "/", ":", " ", "a", "Z", "+", ".", "\u0660"),
        (ms, at, bad) => {
          const text = `${new Date(ms).toISOString().slice(0, 23)}+01:00`;
          const broken = text.slice(0, at) + bad + text.slice(at + 1);
          expect(() => parseInstant(broken)).toThrow(code("invalid_instant", { fn: "parseInstant", path: "value" }));
        },
      ),
    );
  });
});
