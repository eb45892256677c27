// Differential property: random survey responses loaded into DuckDB and PGlite give,
// through surveyTallySql + surveyTallyFromRows, exactly the tally of tallySurveys
// (groups, counts, CES sums, set-aside counts), and so the same surveyReport. The
// responses span the 2024 DST changes of New York and London, carry unanswered states
// ("offered", "", null) and, in half the runs, answers off their scales.
import fc from "fast-check";
import { expect, it } from "vitest";
import {
  type SurveyTally,
  surveyReport,
  surveyTallyFromRows,
  surveyTallySql,
  type TallySurveysOptions,
  tallySurveys,
} from "../../src/index.js";
import { describeOnEngines } from "./engines.js";
import { loadResponses, type Row } from "./survey-table.js";

const DAY = 86_400_000;
const unanswered = fc.constantFrom(null, undefined, "offered", "unoffered", "");

function response(start: number, invalid: boolean, csatMax: number, cesMax: number): fc.Arbitrary<Row> {
  const bad = (values: fc.Arbitrary<number>) => (invalid ? [values] : []);
  return fc
    .record({
      at: fc.option(fc.integer({ min: 0, max: 20 * DAY }), { nil: undefined }),
      agentId: fc.option(fc.constantFrom("ana", "ben", "cy"), { nil: undefined }),
      channel: fc.option(fc.constantFrom("email", "chat"), { nil: null }),
      team: fc.option(fc.constantFrom("red", "blue"), { nil: undefined }),
      csat: fc.oneof(
        fc.integer({ min: csatMax === 10 ? 0 : 1, max: csatMax }),
        unanswered,
        ...bad(fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 2.5, csatMax + 1, -3)),
      ),
      nps: fc.oneof(fc.integer({ min: 0, max: 10 }), unanswered, ...bad(fc.constantFrom(-1, 11, 100))),
      ces: fc.oneof(fc.integer({ min: 1, max: cesMax }), unanswered, ...bad(fc.constantFrom(0, 1.5, cesMax + 1))),
      sentiment: fc.oneof(
        fc.constantFrom("positive", "negative", "neutral", "", null),
        ...(invalid ? [fc.constantFrom("Positive", "mixed")] : []),
      ),
    })
    .map((r) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r)) if (v !== undefined) out[k] = k === "at" ? start + (v as number) : v;
      return out as Row;
    });
}

const scenario = fc
  .record({
    start: fc.constantFrom(Date.parse("2024-03-01T12:00:00Z"), Date.parse("2024-10-20T03:00:00Z")),
    invalid: fc.boolean(),
    csat: fc.constantFrom<TallySurveysOptions["csat"]>(undefined, { scale: { min: 0, max: 10 }, satisfiedFrom: 9 }),
    ces: fc.constantFrom<TallySurveysOptions["ces"]>(undefined, { scale: 5, direction: "higher-is-harder" }),
    by: fc.constantFrom<TallySurveysOptions["by"]>(
      undefined,
      ["agentId"],
      ["agentId", { period: "week", of: "at", timeZone: "America/New_York" }],
      [{ period: "day", of: "at", timeZone: "Europe/London" }, "channel"],
      ["team", { period: "month", of: "at", timeZone: "Asia/Kolkata" }],
    ),
  })
  .chain((s) =>
    fc.record({
      s: fc.constant(s),
      responses: fc.array(response(s.start, s.invalid, s.csat?.scale?.max ?? 5, s.ces?.scale ?? 7), {
        maxLength: 30,
      }),
    }),
  );

/** The JS tally as SQL can know it: set-aside counts by code, no entries (SQL rows carry no indices). */
const withoutEntries = (t: SurveyTally): SurveyTally => ({ ...t, setAside: { ...t.setAside, first: [] } });

describeOnEngines("surveyTallySql", (engine) => {
  it("the SQL tally always equals tallySurveys on the same data, and so does its surveyReport", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ s, responses }) => {
        const options: TallySurveysOptions = {
          onInvalid: "setAside",
          ...(s.by === undefined ? {} : { by: s.by }),
          ...(s.csat === undefined ? {} : { csat: s.csat }),
          ...(s.ces === undefined ? {} : { ces: s.ces }),
        };
        await loadResponses(engine(), responses);
        const query = surveyTallySql({ ...options, dialect: engine().dialect });
        const tally = surveyTallyFromRows(await engine().query(query.sql, query.params), options);
        const js = withoutEntries(tallySurveys(responses, options));
        expect(tally).toEqual(js);
        expect(surveyReport(tally)).toEqual(surveyReport(js));
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
