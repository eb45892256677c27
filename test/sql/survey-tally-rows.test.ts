import { describe, expect, it } from "vitest";
import { surveyTallyFromRows, tallySurveys } from "../../src/index.js";

/** The group row of two responses { csat 5, nps 10, ces 6 } and { csat 2 }, as DuckDB returns it (bigints). */
const row: Record<string, unknown> = {
  cls: 0n,
  n: 2n,
  csat_satisfied: 1n,
  csat_total: 2n,
  csat_unanswered: 0n,
  nps_promoters: 1n,
  nps_passives: 0n,
  nps_detractors: 0n,
  nps_unanswered: 1n,
  ces_easy: 1n,
  ces_neutral: 0n,
  ces_hard: 0n,
  ces_rating_sum: 6n,
  ces_rating_square_sum: 36n,
  ces_unanswered: 1n,
  sentiment_positive: 0n,
  sentiment_negative: 0n,
  sentiment_neutral: 0n,
  sentiment_unanswered: 2n,
};
const js = tallySurveys([{ csat: 5, nps: 10, ces: 6 }, { csat: 2 }]);

describe("surveyTallyFromRows", () => {
  it("reads DuckDB's bigints into the tally tallySurveys gives for the same responses", () => {
    expect(surveyTallyFromRows([row])).toEqual(js);
  });

  it("reads node-postgres' integer strings and PGlite's numbers alike, and upper-case (Snowflake) columns", () => {
    const strings = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)]));
    const numbers = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
    const upper = Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toUpperCase(), v]));
    for (const r of [strings, numbers, upper]) expect(surveyTallyFromRows([r])).toEqual(js);
  });

  it("sorts groups by key, null first, and ignores the SQL options dialect, tables and columns", () => {
    const options = { by: ["agentId"], dialect: "duckdb", tables: {}, columns: {} } as never;
    const tally = surveyTallyFromRows(
      [
        { ...row, k0: "bo" },
        { ...row, k0: null },
      ],
      options,
    );
    expect(tally.groups.map((g) => g.key)).toEqual([[null], ["bo"]]);
  });

  it("gives a tally with no groups for no rows", () => {
    expect(surveyTallyFromRows([])).toEqual(tallySurveys([]));
  });

  it("throws not_integer for a fraction or a decimal string, never rounding", () => {
    expect(() => surveyTallyFromRows([{ ...row, n: 1.5 }])).toThrow(
      expect.objectContaining({ code: "not_integer", path: "rows[0].n" }),
    );
    expect(() => surveyTallyFromRows([{ ...row, csat_total: "2.0" }])).toThrow(
      expect.objectContaining({ code: "not_integer", path: "rows[0].csat_total" }),
    );
  });

  it("throws invalid_type for a boolean count, a non-string key or a non-object row or rows", () => {
    expect(() => surveyTallyFromRows([{ ...row, nps_promoters: true }])).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "rows[0].nps_promoters" }),
    );
    expect(() => surveyTallyFromRows([{ ...row, k0: 7 }], { by: ["agentId"] })).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "rows[0].k0" }),
    );
    expect(() => surveyTallyFromRows([null as never])).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "rows[0]" }),
    );
    expect(() => surveyTallyFromRows(7 as never)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "rows" }),
    );
  });

  it("throws not_finite, missing_value and out_of_range for those counts", () => {
    expect(() => surveyTallyFromRows([{ ...row, n: Number.NaN }])).toThrow(
      expect.objectContaining({ code: "not_finite", path: "rows[0].n" }),
    );
    expect(() => surveyTallyFromRows([{ ...row, ces_easy: null }])).toThrow(
      expect.objectContaining({ code: "missing_value", path: "rows[0].ces_easy" }),
    );
    expect(() => surveyTallyFromRows([{ ...row, n: -1n }])).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "rows[0].n" }),
    );
  });

  it("throws invalid_value for rows that are not surveyTallySql's: an unknown class, two rows of one group", () => {
    for (const cls of [1n, 14n, 24n, 41n, 50n]) {
      expect(() => surveyTallyFromRows([{ ...row, cls }])).toThrow(
        expect.objectContaining({ code: "invalid_value", path: "rows[0].cls" }),
      );
    }
    expect(() => surveyTallyFromRows([row, row])).toThrow(
      expect.objectContaining({ code: "invalid_value", path: "rows[1]" }),
    );
  });

  it("throws inconsistent_counts when a question's counts do not add up to n", () => {
    expect(() => surveyTallyFromRows([{ ...row, csat_unanswered: 1n }])).toThrow(
      expect.objectContaining({ code: "inconsistent_counts", path: "rows[0]" }),
    );
    expect(() => surveyTallyFromRows([{ ...row, csat_satisfied: 3n }])).toThrow(
      expect.objectContaining({ code: "inconsistent_counts", path: "rows[0]" }),
    );
    expect(() => surveyTallyFromRows([{ ...row, ces_rating_sum: 8n }])).toThrow(
      expect.objectContaining({ code: "inconsistent_counts", path: "rows[0]" }),
    );
  });

  it("throws each refused response's code (the first in code order) unless they are set aside", () => {
    const cases: [bigint, string][] = [
      [11n, "not_finite"],
      [22n, "not_integer"],
      [33n, "out_of_range"],
      [44n, "invalid_value"],
    ];
    for (const [cls, code] of cases) {
      expect(() => surveyTallyFromRows([row, { ...row, cls, n: 2n }])).toThrow(
        expect.objectContaining({ code, path: "rows" }),
      );
    }
    const refused = [row, { ...row, cls: 13n, n: 2n }, { ...row, cls: 23n, n: 1n }, { ...row, cls: 11n, n: 1n }];
    expect(() => surveyTallyFromRows(refused)).toThrow(
      expect.objectContaining({ code: "not_finite", path: "rows", message: expect.stringContaining("at csat") }),
    );
    const tally = surveyTallyFromRows(refused, { onInvalid: "setAside" });
    expect(tally.setAside).toEqual({ count: 4, byCode: { not_finite: 1, out_of_range: 3 }, first: [] });
    expect(tally.records).toBe(6);
    expect(tally.groups).toEqual(js.groups);
  });

  it("throws the option errors of tallySurveys under its own name, and invalid_option for an unknown key", () => {
    expect(() => surveyTallyFromRows([], { ces: { scale: 6 as 7 } })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.ces.scale", fn: "surveyTallyFromRows" }),
    );
    expect(() => surveyTallyFromRows([], { asOf: 0 } as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.asOf" }),
    );
  });

  it("does not mutate its (frozen) rows", () => {
    const rows = Object.freeze([Object.freeze({ ...row })]);
    expect(surveyTallyFromRows(rows)).toEqual(js);
    expect(rows[0]).toEqual(row);
  });
});
