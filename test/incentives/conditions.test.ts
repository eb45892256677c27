import { describe, expect, it } from "vitest";
import { compileCondition } from "../../src/index.js";
import { deepFreeze } from "./helpers.js";

describe("compileCondition", () => {
  it("evaluates the spec's kicker condition (docs/spec/INCENTIVES.md: ava and ben hold, cleo and dev fail)", () => {
    const kicker = compileCondition({
      all: [
        { metric: "qa_score", op: "between", value: [85, 100] },
        {
          any: [
            {
              all: [
                { metric: "csat_score", op: "gte", value: 92 },
                { metric: "csat_responses", op: "gte", value: 20 },
              ],
            },
            { metric: "escalations", op: "eq", value: 0 },
          ],
        },
        { not: { metric: "escalations", op: "gt", value: 3 } },
      ],
    });
    const m = (qa: number, csat: number, responses: number, escalations: number) => ({
      qa_score: qa,
      csat_score: csat,
      csat_responses: responses,
      escalations,
    });
    expect(kicker(m(93, 96, 64, 1))).toBe(true); // ava
    expect(kicker(m(88, 94, 14, 0))).toBe(true); // ben: the escalations branch holds
    expect(kicker(m(84, 88, 45, 2))).toBe(false); // cleo: qa below 85
    expect(kicker(m(90, 88, 30, 4))).toBe(false); // dev
  });

  it.each([
    ["eq", 5, 5, true],
    ["eq", 5, 5.000000000000001, false],
    ["ne", 5, 4, true],
    ["lt", 5, 4.999, true],
    ["lt", 5, 5, false],
    ["lte", 5, 5, true],
    ["gt", 5, 5, false],
    ["gte", 5, 5, true],
  ] as const)("%s %s with %s → %s (boundaries inclusive only where the operator says)", (op, value, x, expected) => {
    expect(compileCondition({ metric: "x", op, value })({ x })).toBe(expected);
  });

  it("between is inclusive; in tests membership; teamMetric reads team values", () => {
    const between = compileCondition({ metric: "x", op: "between", value: [85, "100"] });
    expect([84.99, 85, 100, 100.01].map((x) => between({ x }))).toEqual([false, true, true, false]);
    const member = compileCondition({ metric: "x", op: "in", value: [1, 2, "3.5"] });
    expect([1, 3.5, 4].map((x) => member({ x }))).toEqual([true, true, false]);
    const team = compileCondition({ teamMetric: "sla", op: "gte", value: 95 });
    expect(team({}, { sla: 96.2 })).toBe(true);
  });

  it("compares decimals exactly: 0.1 + 0.2 is 0.30000000000000004, not 0.3; long decimal strings too", () => {
    expect(compileCondition({ metric: "x", op: "eq", value: "0.3" })({ x: 0.1 + 0.2 })).toBe(false);
    expect(compileCondition({ metric: "x", op: "gt", value: "0.3" })({ x: 0.1 + 0.2 })).toBe(true);
    // 0.1000000000000000000001 is not the shortest spelling of any double: compared as a rational.
    const fine = compileCondition({ metric: "x", op: "gt", value: "0.1000000000000000000001" });
    expect(fine({ x: 0.1 })).toBe(false);
    expect(fine({ x: 0.10000000000000002 })).toBe(true);
    expect(compileCondition({ metric: "x", op: "eq", value: "0.1000000000000000000001" })({ x: 0.1 })).toBe(false);
    expect(compileCondition({ metric: "x", op: "lte", value: "96.50" })({ x: 96.5 })).toBe(true);
  });

  it("throws per code", () => {
    const c = compileCondition({
      all: [
        { metric: "x", op: "gte", value: 1 },
        { teamMetric: "t", op: "gte", value: 1 },
      ],
    });
    expect(() => c({}, { t: 1 })).toThrow(expect.objectContaining({ code: "missing_value", path: "metrics.x" }));
    expect(() => c({ x: "2" } as never, { t: 1 })).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "metrics.x", received: "2" }),
    );
    expect(() => c({ x: Number.NaN }, { t: 1 })).toThrow(
      expect.objectContaining({ code: "not_finite", path: "metrics.x" }),
    );
    expect(() => c({ x: 2 })).toThrow(expect.objectContaining({ code: "invalid_type", path: "teamMetrics" }));
    expect(() => compileCondition({ metric: "x", op: "gte", value: [1] } as never)).toThrow(
      expect.objectContaining({
        code: "invalid_plan",
        issues: [expect.objectContaining({ path: "/value", code: "invalid_type" })],
      }),
    );
    expect(() => compileCondition(JSON.parse('{"all":[{"__proto__":{"metric":"x"}}]}'))).toThrow(
      expect.objectContaining({
        code: "invalid_plan",
        issues: expect.arrayContaining([expect.objectContaining({ path: "/all/0/__proto__", code: "prototype_key" })]),
      }),
    );
  });

  it("stays correct when a getter re-enters the same compiled condition while its values are read", () => {
    const c = compileCondition({
      all: [
        { metric: "a", op: "gte", value: 5 },
        { metric: "b", op: "gte", value: 5 },
      ],
    });
    let inner: boolean | undefined;
    const outer = {
      a: 9,
      get b() {
        inner = c({ a: 0, b: 0 });
        return 9;
      },
    };
    expect(c(outer)).toBe(true);
    expect(inner).toBe(false);
  });

  it("does not mutate its input", () => {
    const condition = deepFreeze({ any: [{ metric: "x", op: "in" as const, value: [1, 2] }] });
    expect(compileCondition(condition)(deepFreeze({ x: 2 }))).toBe(true);
  });
});
