import { arrayLike, readOptions } from "../internal/assert.js";
import { compareKeys } from "../internal/group-keys.js";
import { inputError } from "../internal/messages.js";
import type { SurveyGroup, SurveyTally, TallySurveysOptions } from "../reports/index.js";
import { lowerCaseKeys, refusedRecords, rowInteger, rowKey, withoutSqlKeys } from "./rows.js";
import {
  emptySurveyTally,
  SURVEY_QUESTIONS,
  SURVEY_REASONS,
  SURVEY_SQL_OPTION_FIELDS,
  type SurveyTallySqlOptions,
} from "./survey-tally-sql.js";

const FN = "surveyTallyFromRows";

/**
 * Turns the result rows of {@link surveyTallySql} into a {@link SurveyTally}:
 * the same object {@link tallySurveys} returns for the same responses and
 * options, with the same fingerprint, so it merges with JS tallies
 * ({@link mergeTallies}) and finalizes with {@link surveyReport}.
 *
 * Definition: one row per group (columns `k0`, `k1`, … for the dimensions,
 * `cls` 0, `n` and the counts), plus rows of refused responses (`cls` =
 * 10 × question + reason, see {@link surveyTallySql}) that count only their
 * `n`. The rows are read exactly as the drivers return them: every count must
 * be an integer, a `bigint` (DuckDB's `@duckdb/node-api`), a string of decimal
 * digits (node-postgres) or a safe integer number (PGlite); anything else (a
 * fraction, `"1e3"`, a boolean) is refused with a coded error, never coerced.
 * Group keys must be strings or `null`, one row per group, and each question's
 * counts must add up to the group's responses. Refused responses throw their
 * code, or with `onInvalid: "setAside"` are counted in `setAside` by code
 * (without entries in `first`: the rows carry no indices). `records` is every
 * response of the table. The options are those given to
 * {@link surveyTallySql} (`dialect`, `tables` and `columns` may stay in: they
 * are ignored here).
 *
 * @param rows - The result rows (objects keyed by the query's column names; upper-case names are read too).
 * @param options - The options given to {@link surveyTallySql} (the options of {@link tallySurveys}).
 * @returns The tally: counts of responses per group, sorted by key.
 * @throws {MetricInputError} `invalid_type` for rows that are not an array of objects or a value of the wrong type
 * (path `rows[i].column`); `not_integer` / `not_finite` for a count that is not an integer, `missing_value` for an
 * absent one, `out_of_range` for a negative count or one beyond 2^53; `invalid_value` for rows that are not this
 * query's (an unknown class, two rows of one group); `inconsistent_counts` (path `rows[i]`) for counts that do not add
 * up; `not_finite`, `not_integer`, `out_of_range` or `invalid_value` (path `rows`) for responses the SQL refused,
 * unless `onInvalid: "setAside"`; and any option error of {@link tallySurveys}.
 *
 * @example
 * ```ts
 * import { surveyReport, surveyTallyFromRows, tallySurveys } from "support-metrics";
 * // One group of two responses (CSAT 5 and 2, NPS 10 and unanswered), as DuckDB returns it: bigints.
 * const row = { cls: 0n, n: 2n, csat_satisfied: 1n, csat_total: 2n, csat_unanswered: 0n,
 *   nps_promoters: 1n, nps_passives: 0n, nps_detractors: 0n, nps_unanswered: 1n,
 *   ces_easy: 0n, ces_neutral: 0n, ces_hard: 0n, ces_rating_sum: 0n, ces_rating_square_sum: 0n, ces_unanswered: 2n,
 *   sentiment_positive: 0n, sentiment_negative: 0n, sentiment_neutral: 0n, sentiment_unanswered: 2n };
 * const tally = surveyTallyFromRows([row]);
 * tally.groups[0]?.csat; // => { satisfied: 1, total: 2, unanswered: 0 }
 * surveyReport(tally).total.nps.score; // => 100
 * surveyTallyFromRows([{ ...row, cls: 13n, n: 1n }], { onInvalid: "setAside" }).setAside.byCode; // => { out_of_range: 1 }
 * surveyTallyFromRows([{ ...row, n: 2.5 }]); // throws not_integer
 * ```
 * @see {@link surveyTallySql}, {@link tallySurveys}, {@link mergeTallies}, {@link surveyReport}
 * @category SQL
 */
export function surveyTallyFromRows(
  rows: readonly Record<string, unknown>[],
  options?: TallySurveysOptions,
): SurveyTally {
  // The options of surveyTallySql are accepted too, so that one object serves both.
  const o = withoutSqlKeys(
    readOptions(FN, "options", options as SurveyTallySqlOptions | undefined, SURVEY_SQL_OPTION_FIELDS),
  );
  const empty = emptySurveyTally(FN, o);
  const list = arrayLike(FN, "rows", rows, { expected: "an array of result rows" });
  const k = empty.dimensions.length;
  const groups = new Map<string, SurveyGroup>();
  let records = 0;
  const refused = new Map<string, number>();
  const where = new Map<string, Set<string>>();
  for (let i = 0; i < list.length; i++) {
    const row = list[i];
    if (row === null || typeof row !== "object" || Array.isArray(row)) {
      throw inputError("invalid_type", FN, `rows[${i}]`, "a result row (an object)", row);
    }
    const r = lowerCaseKeys(row as Record<string, unknown>, "cls");
    const int = (column: string): number => rowInteger(FN, r, i, column, false);
    const cls = int("cls");
    const n = int("n");
    records += n;
    if (cls !== 0) {
      const question = SURVEY_QUESTIONS[Math.floor(cls / 10)];
      const code = SURVEY_REASONS[cls % 10];
      if (
        question === undefined ||
        question === "" ||
        code === undefined ||
        code === "" ||
        (cls % 10 === 4) !== (question === "sentiment")
      ) {
        throw inputError(
          "invalid_value",
          FN,
          `rows[${i}].cls`,
          "0, 11–13, 21–23, 31–33 or 44 (a row of surveyTallySql)",
          r["cls"],
        );
      }
      refused.set(code, (refused.get(code) ?? 0) + n);
      where.set(code, (where.get(code) ?? new Set()).add(question));
      continue;
    }
    const key = rowKey(FN, r, i, k);
    const id = JSON.stringify(key);
    if (groups.has(id)) throw inputError("invalid_value", FN, `rows[${i}]`, "one row per group", id);
    groups.set(id, groupOf(r, i, key, n, empty.scales.ces.scale));
  }
  const setAside =
    refused.size === 0
      ? empty.setAside
      : refusedRecords(
          FN,
          refused,
          o["onInvalid"],
          (code, n) => `response (${n} with ${code} at ${[...(where.get(code) ?? [])].join(", ")})`,
        );
  const built = [...groups.values()].sort((a, b) => compareKeys(a.key, b.key));
  return { ...empty, groups: built, setAside, records };
}

/** One group row as a {@link SurveyGroup}, its counts checked to add up to its `n` responses. */
function groupOf(r: Record<string, unknown>, i: number, key: (string | null)[], n: number, top: number): SurveyGroup {
  const int = (column: string): number => rowInteger(FN, r, i, column, false);
  const g: SurveyGroup = {
    key,
    responses: n,
    csat: { satisfied: int("csat_satisfied"), total: int("csat_total"), unanswered: int("csat_unanswered") },
    nps: {
      promoters: int("nps_promoters"),
      passives: int("nps_passives"),
      detractors: int("nps_detractors"),
      unanswered: int("nps_unanswered"),
    },
    ces: {
      easy: int("ces_easy"),
      neutral: int("ces_neutral"),
      hard: int("ces_hard"),
      ratingSum: int("ces_rating_sum"),
      ratingSquareSum: int("ces_rating_square_sum"),
      unanswered: int("ces_unanswered"),
    },
    sentiment: {
      positive: int("sentiment_positive"),
      negative: int("sentiment_negative"),
      neutral: int("sentiment_neutral"),
      unanswered: int("sentiment_unanswered"),
    },
  };
  const { csat, nps, ces, sentiment } = g;
  // Each question's counts add up to the group's responses; the CES sums lie within what its answers allow.
  const answered = ces.easy + ces.neutral + ces.hard;
  const sums = [
    csat.total + csat.unanswered,
    nps.promoters + nps.passives + nps.detractors + nps.unanswered,
    answered + ces.unanswered,
    sentiment.positive + sentiment.negative + sentiment.neutral + sentiment.unanswered,
  ];
  const consistent =
    csat.satisfied <= csat.total &&
    sums.every((sum) => sum === n) &&
    answered <= ces.ratingSum &&
    ces.ratingSum <= top * answered &&
    ces.ratingSum <= ces.ratingSquareSum &&
    ces.ratingSquareSum <= top * ces.ratingSum;
  if (!consistent)
    throw inputError("inconsistent_counts", FN, `rows[${i}]`, `counts that add up to n = ${n} responses`, r);
  return g;
}
