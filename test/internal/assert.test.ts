import { describe, expect, it } from "vitest";
import {
  arrayLike,
  atMost,
  COUNT,
  confidenceOption,
  count,
  countField,
  finiteNumber,
  inRange,
  nearestKey,
  nonNegative,
  nonNegativeField,
  normalize,
  numberError,
  numberOption,
  oneOf,
  percent,
  percentOf,
  positive,
  present,
  readFields,
  readOptions,
  record,
  shaped,
} from "../../src/internal/assert.js";
import { code } from "../helpers/errors.js";

type AB = { a: number; b?: number };
type X = { x?: number };

describe("numberError", () => {
  it("picks the code that says why", () => {
    const rule = { expected: "a count", integer: true };
    expect(numberError("f", "x", "5", rule)).toMatchObject({ code: "invalid_type", fn: "f", path: "x", received: "5" });
    expect(numberError("f", "x", Number.NaN, rule)).toMatchObject({ code: "not_finite", path: "x" });
    expect(numberError("f", "x", 1.5, rule)).toMatchObject({ code: "not_integer", path: "x" });
    expect(numberError("f", "x", -1, rule)).toMatchObject({ code: "out_of_range", path: "x" });
    expect(numberError("f", "x", 1.5, { expected: "a number ≥ 2" })).toMatchObject({ code: "out_of_range", path: "x" });
    expect(numberError("f", "x", 5n, rule).message).toBe("f: expected a count but received 5n (a bigint) at x");
  });
});

describe("number checks", () => {
  it("return the value when it passes", () => {
    expect(finiteNumber("f", "x", -3.5)).toBe(-3.5);
    expect(nonNegative("f", "x", 0)).toBe(0);
    expect(positive("f", "x", 1e-300)).toBe(1e-300);
    expect(count("f", "x", 2 ** 53 - 1)).toBe(2 ** 53 - 1);
    expect(inRange("f", "x", 1, { min: 0, max: 1 })).toBe(1);
    expect(percent("f", "x", 100)).toBe(100);
  });

  it("throw with the code, path and received value, and the expected text when given", () => {
    expect(() => finiteNumber("f", "a.b", Number.POSITIVE_INFINITY)).toThrow(code("not_finite", { path: "a.b" }));
    expect(() => nonNegative("f", "x", -1, { expected: "an amount ≥ 0" })).toThrow(
      /expected an amount ≥ 0 but received -1 at x/,
    );
    expect(() => positive("f", "x", 0)).toThrow(code("out_of_range", { path: "x", received: 0 }));
    expect(() => count("f", "x", 2 ** 53)).toThrow(code("not_integer", { path: "x" }));
    expect(() => count("f", "x", 0.5)).toThrow(new RegExp(COUNT.replace(/[()]/g, "\\$&")));
    expect(() => count("f", "x", 0.5)).toThrow(code("not_integer", { path: "x", received: 0.5 }));
    expect(() => inRange("f", "p", 1.01, { min: 0, max: 1 })).toThrow(/expected a number 0–1/);
    expect(() => inRange("f", "p", 1.01, { min: 0, max: 1 })).toThrow(code("out_of_range", { path: "p" }));
    expect(() => percent("f", "x", "50")).toThrow(code("invalid_type", { path: "x" }));
  });

  it("atMost throws inconsistent_counts only above the limit", () => {
    expect(() => atMost("f", "c.a", 5, { limit: 5, what: "total" })).not.toThrow();
    expect(() => atMost("f", "c.a", 6, { limit: 5, what: "total" })).toThrow(
      code("inconsistent_counts", {
        path: "c.a",
        received: 6,
        message: "f: expected at most total (5) but received 6 at c.a",
      }),
    );
  });
});

describe("required fields", () => {
  it("present: undefined is missing_value, null is not", () => {
    expect(() => present("f", "x.y", undefined, { expected: "a count" })).toThrow(
      code("missing_value", { path: "x.y" }),
    );
    expect(present("f", "x.y", null, { expected: "a count" })).toBe(null);
  });

  it("countField and nonNegativeField check presence first, then the number", () => {
    expect(() => countField("f", "c.n", undefined)).toThrow(code("missing_value", { path: "c.n" }));
    expect(() => countField("f", "c.n", null)).toThrow(code("invalid_type", { path: "c.n" }));
    expect(countField("f", "c.n", 3)).toBe(3);
    expect(() => nonNegativeField("f", "c.n", -2, { expected: "x" })).toThrow(code("out_of_range", { path: "c.n" }));
  });
});

describe("arrays and objects", () => {
  it("arrayLike accepts arrays and typed arrays, nothing else", () => {
    expect(arrayLike("f", "xs", new Uint8Array(2)).length).toBe(2);
    expect(() => arrayLike("f", "xs", { length: -1 })).toThrow(code("invalid_type", { path: "xs" }));
    expect(() => arrayLike("f", "xs", "abc", { expected: "an array of scores" })).toThrow(/an array of scores/);
    expect(() => arrayLike("f", "xs", "abc")).toThrow(code("invalid_type", { path: "xs", received: "abc" }));
  });

  it("record accepts any plain object, keys included", () => {
    expect(record("f", "r", { anything: 1 })).toEqual({ anything: 1 });
    expect(() => record("f", "r", [])).toThrow(code("invalid_type", { path: "r" }));
  });

  it("shaped lists the fields when it is not an object, and refuses an unknown key", () => {
    const fields = { a: "required", b: "optional" } as const;
    expect(() => shaped<AB>("f", "input", 5 as never, fields)).toThrow(
      /expected an object \{ a, b\? \} but received 5 at input/,
    );
    expect(() => shaped<AB>("f", "input", { a: 1, bb: 2 } as never, fields)).toThrow(
      code("invalid_option", { path: "input.bb", received: 2 }),
    );
    expect(shaped<AB>("f", "input", { a: 1 } as never, fields)).toEqual({ a: 1 });
  });

  it("readOptions reads undefined as {}, refuses non-objects and unknown keys with invalid_option", () => {
    expect(readOptions<X>("f", "options", undefined, { x: "optional" })).toEqual({});
    expect(() => readOptions<X>("f", "options", null as never, { x: "optional" })).toThrow(
      code("invalid_option", { path: "options" }),
    );
    expect(() => readOptions<X>("f", "policy", [] as never, { x: "optional" })).toThrow(
      code("invalid_option", { path: "policy" }),
    );
    expect(() => readOptions<X>("f", "options", { y: 1 } as never, { x: "optional" })).toThrow(
      code("invalid_option", { path: "options.y" }),
    );
  });

  it("readOptions names an unknown key that is not an identifier in brackets, so the path stays readable", () => {
    const cases: [key: string, path: string][] = [
      ["as of", 'options["as of"]'],
      ["", 'options[""]'],
      ["a.b", 'options["a.b"]'],
      ['x"]', 'options["x\\"]"]'],
      ["7days", 'options["7days"]'],
      ["$ok_1", "options.$ok_1"],
    ];
    for (const [key, path] of cases) {
      expect(() => readOptions<X>("f", "options", { [key]: 1 } as never, { x: "optional" })).toThrow(
        code("invalid_option", { path }),
      );
    }
  });

  it("readFields reads each field in order with the reader, accepting the listed extra keys", () => {
    expect(readFields("f", "c", { a: 1, b: 2 }, { fields: ["a", "b"] })).toEqual({ a: 1, b: 2 });
    expect(() => readFields("f", "c", { b: -1 }, { fields: ["a", "b"] })).toThrow(
      code("missing_value", { path: "c.a" }),
    );
    expect(readFields("f", "c", { a: 1.5, z: 9 }, { fields: ["a"], read: finiteNumber, alsoAccepted: ["z"] })).toEqual({
      a: 1.5,
    });
    expect(() => readFields("f", "c", { a: 1, z: 9 }, { fields: ["a"] })).toThrow(
      code("invalid_option", { path: "c.z" }),
    );
  });
});

describe("nearestKey", () => {
  it("suggests the key one slip away, case aside, and nothing for a stranger", () => {
    expect(nearestKey("statistics", ["statistic", "calendar"])).toBe("statistic");
    expect(nearestKey("minsample", ["by", "minSample"])).toBe("minSample");
    expect(nearestKey("olderThan", ["asOf", "olderThanMs"])).toBe("olderThanMs");
    expect(nearestKey("pauseStatus", ["pauseStatuses", "calendar"])).toBe("pauseStatuses");
    expect(nearestKey("zebra", ["confidence", "method"])).toBe(undefined);
  });
});

describe("options", () => {
  it("confidenceOption defaults to 0.95 and refuses the ends", () => {
    expect(confidenceOption("f", {})).toBe(0.95);
    expect(() => confidenceOption("f", { confidence: 1 })).toThrow(
      code("invalid_option", { path: "options.confidence" }),
    );
  });

  it("oneOf gives the fallback for undefined and refuses anything else", () => {
    expect(oneOf("f", "options.m", undefined, { allowed: ["a", "b"], fallback: "a" })).toBe("a");
    expect(oneOf("f", "options.m", "b", { allowed: ["a", "b"], fallback: "a" })).toBe("b");
    expect(() => oneOf("f", "options.m", "c", { allowed: ["a", "b"], fallback: "a" })).toThrow(
      /expected one of "a", "b"/,
    );
    expect(() => oneOf("f", "options.m", "c", { allowed: ["a", "b"], fallback: "a" })).toThrow(
      code("invalid_option", { path: "options.m", received: "c" }),
    );
  });

  it("numberOption is undefined when absent, and checks bounds and integrality", () => {
    const rule = { expected: "an integer 1–5", min: 1, max: 5, integer: true };
    expect(numberOption("f", "o.n", undefined, rule)).toBe(undefined);
    expect(numberOption("f", "o.n", 5, rule)).toBe(5);
    expect(() => numberOption("f", "o.n", 2.5, rule)).toThrow(code("invalid_option", { path: "o.n", received: 2.5 }));
    expect(() => numberOption("f", "o.n", Number.POSITIVE_INFINITY, { expected: "x" })).toThrow(
      code("invalid_option", { path: "o.n" }),
    );
    expect(() => numberOption("f", "o.n", -1, { expected: "x" })).toThrow(code("invalid_option", { path: "o.n" }));
  });
});

describe("results", () => {
  it("percentOf is exact in the exact cases, null on 0, never -0", () => {
    expect(percentOf(7, 10)).toBe(70);
    expect(percentOf(1, 0)).toBe(null);
    expect(Object.is(percentOf(-0, 5), 0)).toBe(true);
    expect(Object.is(normalize(-0), 0)).toBe(true);
  });
});
