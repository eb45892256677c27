import { describe, expect, it } from "vitest";
import { formatDuration, formatInterval, formatNpsPoints, formatPercent } from "../../src/index.js";
import { code } from "../helpers/errors.js";

describe("formatDuration", () => {
  it("writes two units at most, the smaller zero-padded", () => {
    expect(formatDuration(7_500_000)).toBe("2 h 05 min");
    expect(formatDuration(270_000)).toBe("4 min 30 s");
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(0)).toBe("0 ms");
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe("3 d 04 h");
  });
  it("rounds to the smaller unit first, so no unit reads 60", () => {
    expect(formatDuration(59_600)).toBe("1 min 00 s");
    expect(formatDuration(999.6)).toBe("1 s");
    expect(formatDuration(3_599_600)).toBe("1 h 00 min");
    expect(formatDuration(86_399_000)).toBe("1 d 00 h");
  });
  it("writes null as a dash", () => {
    expect(formatDuration(null)).toBe("–");
  });
  it("errors: out_of_range, not_finite, invalid_type, each at ms", () => {
    const at = (code: string) => expect.objectContaining({ code, path: "ms", fn: "formatDuration" });
    expect(() => formatDuration(-1)).toThrow(at("out_of_range"));
    expect(() => formatDuration(Number.POSITIVE_INFINITY)).toThrow(at("not_finite"));
    expect(() => formatDuration("5" as never)).toThrow(at("invalid_type"));
  });
});

describe("formatPercent, formatNpsPoints, formatInterval", () => {
  it("use a fixed en-US default, never the machine's locale", () => {
    expect(formatPercent(1234.56)).toBe("1,234.6 %");
    expect(formatPercent(1234.56, { locale: "de-DE" })).toBe("1.234,6 %");
    expect(formatPercent(65.6123, { digits: 0 })).toBe("66 %");
  });
  it("sign points, and never write -0", () => {
    expect(formatNpsPoints(5.04)).toBe("+5.0");
    expect(formatNpsPoints(-12)).toBe("-12.0");
    expect(formatNpsPoints(-0.04)).toBe("0.0");
    expect(formatNpsPoints(0.04)).toBe("0.0");
    expect(formatPercent(-0)).toBe("0.0 %");
  });
  it("write intervals, signed for points", () => {
    expect(formatInterval({ lower: 14.05113, upper: 44.201297 }, { signed: true })).toBe("[+14.1, +44.2]");
    expect(formatInterval({ lower: null, upper: 3 })).toBe("–");
  });
  it("errors: not_finite / invalid_type for values, invalid_option for options", () => {
    expect(() => formatPercent(Number.NaN)).toThrow(expect.objectContaining({ code: "not_finite", path: "value" }));
    expect(() => formatNpsPoints("5" as never)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "value" }),
    );
    expect(() => formatPercent(5, { digits: -1 })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.digits" }),
    );
    expect(() => formatPercent(5, { locale: "not a locale!" })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.locale" }),
    );
    expect(() => formatInterval({ lower: 1, upper: 2 }, { signed: "yes" as never })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.signed" }),
    );
    const fn = "formatInterval";
    expect(() => formatInterval({ lower: Number.NaN, upper: 2 })).toThrow(
      code("not_finite", { fn, path: "interval.lower" }),
    );
    expect(() => formatInterval({ lower: 1, upper: "2" as never }, { signed: true })).toThrow(
      code("invalid_type", { fn, path: "interval.upper", received: "2" }),
    );
    for (const interval of [undefined, 5, [1, 2]]) {
      expect(() => formatInterval(interval as never)).toThrow(
        expect.objectContaining({ code: "invalid_type", path: "interval" }),
      );
    }
  });
  it("does not mutate its input", () => {
    const interval = Object.freeze({ lower: 1, upper: 2 });
    expect(formatInterval(interval)).toBe("[1.0, 2.0]");
  });
});
