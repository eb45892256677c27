import { describe, expect, it } from "vitest";
import {
  mergeTallies,
  type SqlDialect,
  surveyReport,
  surveyTallyFromRows,
  surveyTallySql,
  tallySurveys,
} from "../../src/index.js";
import { describeOnEngines } from "./engines.js";
import { describeGolden, describeParsed } from "./golden.js";
import { loadResponses, type Row } from "./survey-table.js";

const options = {
  by: ["agentId", { period: "week" as const, of: "at", timeZone: "America/New_York" }],
  csat: { scale: { min: 1, max: 5 }, satisfiedFrom: 4 },
  ces: { scale: 5 as const, direction: "higher-is-harder" as const },
};
const tables = { responses: "support.survey_responses" };

describeGolden("surveyTallySql", "surveys-", (dialect) => surveyTallySql({ ...options, dialect, tables }), []);
describeParsed("surveyTallySql", (dialect) => surveyTallySql({ ...options, dialect, tables }));

describe("surveyTallySql", () => {
  it("quotes identifiers per dialect (Snowflake: upper case, as unquoted names are stored)", () => {
    const sql = (dialect: SqlDialect) => surveyTallySql({ dialect, tables: { responses: "s.t" } }).sql;
    expect(sql("duckdb")).toContain('FROM "s"."t"');
    expect(sql("postgres")).toContain('FROM "s"."t"');
    expect(sql("bigquery")).toContain("FROM `s`.`t`");
    expect(sql("snowflake")).toContain('FROM "S"."T"');
    expect(sql("spark")).toContain("FROM `s`.`t`");
    expect(sql("clickhouse")).toContain("FROM `s`.`t`");
  });

  it("reads the scales from the options: satisfiedFrom, the CES midpoint and direction", () => {
    const { sql } = surveyTallySql({
      dialect: "duckdb",
      csat: { scale: { min: 0, max: 10 }, satisfiedFrom: 8 },
      ces: { scale: 5, direction: "higher-is-harder" },
    });
    expect(sql).toContain("WHEN cs < 0 OR cs > 10 THEN 3");
    expect(sql).toContain("WHEN cv >= 8 THEN 1");
    expect(sql).toContain("WHEN ev < 3 THEN 1 ELSE 0 END) AS BIGINT) AS ces_easy");
    expect(sql).toContain("WHEN ce < 1 OR ce > 5 THEN 3");
  });

  it("reads renamed columns, and an answer column mapped to null as all unanswered", () => {
    const { sql } = surveyTallySql({
      dialect: "postgres",
      by: ["team"],
      columns: { responses: { csat: "rating", team: "squad", ces: null, sentiment: null } },
    });
    expect(sql).toContain('"rating" AS cs');
    expect(sql).toContain('"squad" AS k0');
    expect(sql).toContain("CAST(NULL AS BIGINT) AS ce");
    expect(sql).toContain("CAST(NULL AS TEXT) AS se");
  });

  it("throws invalid_option for a table or column name that is not an identifier (x; DROP TABLE y)", () => {
    expect(() => surveyTallySql({ dialect: "duckdb", tables: { responses: "x; DROP TABLE y" } })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.tables.responses" }),
    );
    expect(() =>
      surveyTallySql({ dialect: "duckdb", by: ["agentId"], columns: { responses: { agentId: 'a"b' } } }),
    ).toThrow(expect.objectContaining({ code: "invalid_option", path: "options.columns.responses.agentId" }));
    expect(() =>
      surveyTallySql({ dialect: "duckdb", by: ["agentId"], columns: { responses: { agentId: null } } }),
    ).toThrow(expect.objectContaining({ code: "invalid_option", path: "options.columns.responses.agentId" }));
  });

  it("throws invalid_option for an unknown dialect, option, table key or column key", () => {
    expect(() => surveyTallySql({ dialect: "oracle" as SqlDialect })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.dialect" }),
    );
    expect(() => surveyTallySql({ dialect: "duckdb", asOf: 0 } as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.asOf" }),
    );
    expect(() => surveyTallySql({ dialect: "duckdb", tables: { tickets: "t" } as object })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.tables.tickets" }),
    );
    // A column key names a response field the query reads: `team` only when grouping by it.
    expect(() => surveyTallySql({ dialect: "duckdb", columns: { responses: { team: "squad" } } })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.columns.responses.team" }),
    );
    expect(() => surveyTallySql({ dialect: "duckdb", columns: { responses: { nsp: "x" } } })).toThrow(
      expect.objectContaining({
        code: "invalid_option",
        path: "options.columns.responses.nsp",
        message: expect.stringContaining("did you mean `nps`"),
      }),
    );
  });

  it("throws invalid_option for a function dimension", () => {
    expect(() => surveyTallySql({ dialect: "duckdb", by: ["agentId", () => "x"] })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.by[1]" }),
    );
  });

  it("throws the option errors of tallySurveys, under its own name, with the same code and path", () => {
    expect(() => surveyTallySql({ dialect: "duckdb", ces: { scale: 6 as 7 } })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.ces.scale", fn: "surveyTallySql" }),
    );
    expect(() => surveyTallySql({ dialect: "duckdb", csat: { satisfiedFrom: 6 } })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.csat.satisfiedFrom", fn: "surveyTallySql" }),
    );
    expect(() =>
      surveyTallySql({ dialect: "duckdb", by: [{ period: "week", of: "createdAt", timeZone: "UTC" }] }),
    ).toThrow(expect.objectContaining({ code: "invalid_option", path: "options.by[0].of" }));
  });

  it("does not mutate its (frozen) options", () => {
    const frozen = Object.freeze({
      ...options,
      by: Object.freeze([...options.by]),
      dialect: "duckdb" as const,
      tables: Object.freeze({ ...tables }),
      columns: Object.freeze({ responses: Object.freeze({ csat: "rating" }) }),
    });
    expect(surveyTallySql(frozen).sql).toContain('"rating" AS cs');
  });
});

const at = (s: string) => Date.parse(s);
/** Two agents, New York week 2024-W10 (4–10 March) and one response without `at`. */
const responses: Row[] = [
  { agentId: "ana", at: at("2024-03-04T15:00:00Z"), csat: 5, nps: 10, ces: 2, sentiment: "positive" },
  { agentId: "ana", at: at("2024-03-06T15:00:00Z"), csat: 3, nps: 8, ces: 3, sentiment: "" },
  { agentId: "ana", at: at("2024-03-10T15:00:00Z"), csat: "offered", nps: 6, ces: 5, sentiment: "negative" },
  { agentId: "bo", at: at("2024-03-05T15:00:00Z"), csat: 4, nps: null, sentiment: "neutral" },
  { agentId: "bo", csat: 1, nps: 9, ces: "unoffered" },
];

describeOnEngines("surveyTallySql, worked example", (engine) => {
  it("gives the hand-counted tally, equal to tallySurveys, that merges with JS tallies", async () => {
    await loadResponses(engine(), responses);
    const { sql, params } = surveyTallySql({
      ...options,
      dialect: engine().dialect,
      tables: { responses: "survey_responses" },
    });
    const tally = surveyTallyFromRows(await engine().query(sql, params), options);
    expect(tally).toEqual(tallySurveys(responses, options));
    // Hand count (NPS bands of Reichheld 2003 / Bain: 9–10 promoters, 7–8 passives, 0–6 detractors;
    // CES 1–5 with higher harder: below 3 easy, 3 neutral, above hard).
    expect(tally.groups.map((g) => g.key)).toEqual([
      ["ana", "2024-W10"],
      ["bo", null],
      ["bo", "2024-W10"],
    ]);
    const ana = tally.groups[0];
    expect(ana?.csat).toEqual({ satisfied: 1, total: 2, unanswered: 1 });
    expect(ana?.nps).toEqual({ promoters: 1, passives: 1, detractors: 1, unanswered: 0 });
    expect(ana?.ces).toEqual({ easy: 1, neutral: 1, hard: 1, ratingSum: 10, ratingSquareSum: 38, unanswered: 0 });
    expect(ana?.sentiment).toEqual({ positive: 1, negative: 1, neutral: 0, unanswered: 1 });
    expect(tally.records).toBe(5);
    const report = surveyReport(tally);
    expect(report).toEqual(surveyReport(tallySurveys(responses, options)));
    expect(report.total.nps.score).toBe(25); // 2 promoters, 1 detractor of 4 answers: (2 − 1) × 100 / 4
    const merged = mergeTallies(tally, tallySurveys([{ agentId: "cy", csat: 5 }], options));
    expect(surveyReport(merged).total.csat.score).toBe(60); // 3 of 5 ratings at 4 or 5
  });

  it("counts responses the JS path refuses by code: thrown (the first code in code order), or set aside", async () => {
    const bad: Row[] = [
      ...responses,
      { csat: 4.5, nps: 11 }, // not_integer at csat: CSAT is read first
      { nps: 11 }, // out_of_range
      { csat: Number.NaN }, // not_finite
      { ces: 2.5 }, // not_integer at ces
      { sentiment: "Positive" }, // invalid_value
    ];
    await loadResponses(engine(), bad);
    const { sql, params } = surveyTallySql({
      ...options,
      dialect: engine().dialect,
      tables: { responses: "survey_responses" },
    });
    const rows = await engine().query(sql, params);
    expect(() => surveyTallyFromRows(rows, options)).toThrow(
      expect.objectContaining({
        code: "invalid_value",
        path: "rows",
        message: expect.stringContaining("at sentiment"),
      }),
    );
    const setAside = { ...options, onInvalid: "setAside" as const };
    const tally = surveyTallyFromRows(rows, setAside);
    const js = tallySurveys(bad, setAside);
    expect(tally.setAside).toEqual({
      count: 5,
      byCode: { invalid_value: 1, not_finite: 1, not_integer: 2, out_of_range: 1 },
      first: [],
    });
    expect(tally).toEqual({ ...js, setAside: { ...js.setAside, first: [] } });
    expect(tally.records).toBe(10);
  });
});
