import { type Fields, readOptions } from "../internal/assert.js";
import { type SurveyTally, type TallySurveysOptions, tallySurveys } from "../reports/index.js";
import { columnName, dialectOption, numberLiteral, type SqlDialect, tableName, zoneLiteral } from "./dialect.js";
import { checkedAs, sqlDimensions, withoutSqlKeys } from "./rows.js";
import type { SqlQuery } from "./ticket-tally-sql.js";

/**
 * The table {@link surveyTallySql} reads (a name of 1–3 dot-separated parts,
 * e.g. `"analytics.support.survey_responses"`).
 *
 * @category SQL
 */
export interface SurveyTallyTables {
  /** The survey responses, one row each. @defaultValue `"survey_responses"` */
  readonly responses?: string;
}

/**
 * Column names of the responses table, each overriding the default.
 *
 * @category SQL
 */
export interface SurveyTallyColumns {
  /**
   * Response fields to column names. Defaults: the snake_case of the field
   * (`at`, `agent_id`, `channel`, `csat`, `nps`, `ces`, `sentiment`, and for a
   * dimension field such as `team` its snake_case `team`). An answer field
   * (`csat`, `nps`, `ces`, `sentiment`) mapped to `null` means the table has no
   * such column: every response left that question unanswered.
   * @defaultValue `{}`
   */
  readonly responses?: Readonly<Record<string, string | null>>;
}

/**
 * Options of {@link surveyTallySql}: the engine, the table and the options of
 * {@link tallySurveys} (with `by` limited to field names and periods of `at`).
 *
 * @category SQL
 */
export interface SurveyTallySqlOptions extends TallySurveysOptions {
  /** The SQL engine. @defaultValue none (required) */
  readonly dialect: SqlDialect;
  /** The table name. @defaultValue `{ responses: "survey_responses" }` */
  readonly tables?: SurveyTallyTables;
  /** Column names that differ from the defaults. @defaultValue `{}` */
  readonly columns?: SurveyTallyColumns;
}

const FN = "surveyTallySql";

/** Internal: the keys of {@link SurveyTallySqlOptions}. */
export const SURVEY_SQL_OPTION_FIELDS: Fields<SurveyTallySqlOptions> = {
  by: "optional",
  csat: "optional",
  ces: "optional",
  onInvalid: "optional",
  firstIndex: "optional",
  dialect: "required",
  tables: "optional",
  columns: "optional",
};
const TABLE_FIELDS: Fields<SurveyTallyTables> = { responses: "optional" };
const COLUMN_FIELDS: Fields<SurveyTallyColumns> = { responses: "optional" };
/** The fields of a survey response a column map may name (besides the dimension fields). */
const RESPONSE_FIELDS = ["at", "agentId", "channel", "csat", "nps", "ces", "sentiment"];
const ANSWER_FIELDS = ["csat", "nps", "ces", "sentiment"];

/**
 * Internal: what a refused response's class means: `10 × question + reason`,
 * the question in the order {@link tallySurveys} reads them (csat 1, nps 2,
 * ces 3, sentiment 4) and the reason its error code.
 */
export const SURVEY_QUESTIONS = ["", "csat", "nps", "ces", "sentiment"] as const;
/** Internal: the error code of each reason of a refused response's class. */
export const SURVEY_REASONS = ["", "not_finite", "not_integer", "out_of_range", "invalid_value"] as const;

/**
 * Writes the SQL whose result rows are the survey tally of
 * {@link tallySurveys} for the same options: CSAT, NPS, CES and sentiment
 * counts per group, computed by the engine.
 *
 * Definition: per group of the dimensions in `by` (field columns, or periods of
 * `at` local to a zone, ISO weeks for `"week"`), the query counts what
 * {@link tallySurveys} counts: CSAT ratings at or above `satisfiedFrom` and all
 * answered ones; NPS promoters (9–10), passives (7–8) and detractors (0–6)
 * (Reichheld 2003, Bain & Company); CES answers on the easy side, at the
 * midpoint and on the hard side of the 5- or 7-point scale with the sum and
 * the sum of squares of the ratings; sentiment labels; and for each question
 * the responses that left it empty (`NULL`, and `''` for sentiment). A
 * response whose answer is off its scale is refused as the JS path refuses it,
 * with the same code, checked in the same order (CSAT, NPS, CES, sentiment):
 * `not_finite` for NaN or ±infinity, `not_integer` for a fraction,
 * `out_of_range` for an integer off the scale, `invalid_value` for a
 * sentiment other than `positive`, `negative`, `neutral`. The SQL does not
 * drop such a response: it counts it apart, by question and code, and
 * {@link surveyTallyFromRows} throws that code or, with `onInvalid:
 * "setAside"`, counts it in `setAside`. The score columns are numeric
 * (integer, decimal or floating-point types); the help-desk states the JS
 * path reads as unanswered (`"offered"`, `"unoffered"`, `""`) are stored as
 * `NULL`. No user string reaches the SQL text: the scales are checked integers
 * and zone names validated literals, identifiers are validated and quoted, so
 * a table name such as `x; DROP TABLE y` is refused; `params` is empty
 * (kept for the shape every generated query shares).
 *
 * @param options - `dialect`, `tables`, `columns`, and the options of {@link tallySurveys}.
 * @returns The query: `sql` and its (empty) string `params`.
 * @throws {MetricInputError} `invalid_option` for an unknown dialect or option key, a table or column name that is not a
 * plain identifier, a column key that names no field the query reads, `null` for a column other than an answer's, a
 * function dimension (path `options.by[k]`), or any option {@link tallySurveys} refuses (same code and path).
 *
 * @example
 * ```ts
 * import { surveyTallySql } from "support-metrics";
 * const { sql, params } = surveyTallySql({ dialect: "duckdb", by: ["agentId"], csat: { satisfiedFrom: 4 } });
 * sql.startsWith("WITH"); // => true
 * params; // => []
 * surveyTallySql({ dialect: "duckdb", tables: { responses: "x; DROP TABLE y" } }); // throws invalid_option
 * surveyTallySql({ dialect: "duckdb", by: [() => "x"] }); // throws invalid_option
 * ```
 * @see {@link surveyTallyFromRows} to read the rows, {@link tallySurveys} for the same tally in JS, {@link ticketTallySql}.
 * @category SQL
 */
export function surveyTallySql(options: SurveyTallySqlOptions): SqlQuery {
  const o = readOptions(FN, "options", options, SURVEY_SQL_OPTION_FIELDS);
  const d = dialectOption(FN, o["dialect"], "options.dialect");
  const tallyOptions = withoutSqlKeys(o);
  // The options mean what they mean to tallySurveys: it checks them (and throws the same codes and paths).
  const empty = emptySurveyTally(FN, tallyOptions);
  const dims = sqlDimensions(FN, tallyOptions["by"]);
  const t = readOptions(FN, "options.tables", o.tables as SurveyTallyTables | undefined, TABLE_FIELDS);
  const c = readOptions(FN, "options.columns", o.columns as SurveyTallyColumns | undefined, COLUMN_FIELDS);
  const table = tableName(FN, d, t["responses"] ?? "survey_responses", "options.tables.responses");
  const known: Record<string, "required" | "optional"> = {};
  for (const field of [...RESPONSE_FIELDS, ...dims.map((dim) => dim.field)]) known[field] = "optional";
  const columns: Record<string, unknown> = readOptions(
    FN,
    "options.columns.responses",
    c.responses as Record<string, unknown> | undefined,
    known as Fields<Record<string, unknown>>,
  );
  const col = (field: string): string | null => {
    const path = `options.columns.responses.${field}`;
    const name = Object.hasOwn(columns, field) ? columns[field] : snakeCase(field);
    if (name === null && ANSWER_FIELDS.includes(field)) return null;
    return columnName(FN, d, name, path);
  };
  const { csat, ces } = empty.scales;

  // The query's own names (CTEs, aliases) are fixed lowercase words, written unquoted; only the user's names are quoted.
  const dimExprs = dims.map((dim, k) => {
    if (dim.kind === "field") return col(dim.field) as string;
    return d.period(dim.period, col("at") as string, zoneLiteral(FN, dim.timeZone, `options.by[${k}].timeZone`));
  });
  const keys = dims.map((_, k) => `k${k}`);
  const keyList = keys.map((k) => `${k}, `).join("");
  const answer = (field: string, type: string): string => col(field) ?? `CAST(NULL AS ${type})`;
  const base = [
    `${answer("csat", d.bigint)} AS cs`,
    `${answer("nps", d.bigint)} AS np`,
    `${answer("ces", d.bigint)} AS ce`,
    `${answer("sentiment", d.text)} AS se`,
    ...dimExprs.map((e, k) => `${e} AS ${keys[k]}`),
  ];
  const reason = (x: string, min: number, max: number): string =>
    `CASE WHEN ${x} IS NULL THEN 0 WHEN NOT (${x} - ${x} = 0) THEN 1 WHEN ${x} <> FLOOR(${x}) THEN 2 WHEN ${x} < ${numberLiteral(min)} OR ${x} > ${numberLiteral(max)} THEN 3 ELSE 0 END`;
  const label = "('positive', 'negative', 'neutral')";
  const checked = [
    `${reason("cs", csat.min, csat.max)} AS qcs`,
    `${reason("np", 0, 10)} AS qnp`,
    `${reason("ce", 1, ces.scale)} AS qce`,
    `CASE WHEN se IS NULL OR se = '' OR se IN ${label} THEN 0 ELSE 4 END AS qse`,
  ];
  const cls =
    "CASE WHEN qcs > 0 THEN 10 + qcs WHEN qnp > 0 THEN 20 + qnp WHEN qce > 0 THEN 30 + qce WHEN qse > 0 THEN 40 + qse ELSE 0 END";
  const valid = (x: string): string => `CASE WHEN cls = 0 THEN CAST(${x} AS ${d.bigint}) END`;
  const facts = [
    `${keyList}cls`,
    `${valid("cs")} AS cv`,
    `${valid("np")} AS nv`,
    `${valid("ce")} AS ev`,
    `CASE WHEN cls = 0 AND se <> '' THEN se END AS sv`,
  ];
  const count = (condition: string): string => `CAST(SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END) AS ${d.bigint})`;
  const mid = numberLiteral((ces.scale + 1) / 2);
  const [easy, hard] = ces.direction === "higher-is-easier" ? [">", "<"] : ["<", ">"];
  const aggregates: [string, string][] = [
    ["n", `CAST(COUNT(*) AS ${d.bigint})`],
    ["csat_satisfied", count(`cv >= ${numberLiteral(csat.satisfiedFrom)}`)],
    ["csat_total", count("cv IS NOT NULL")],
    ["csat_unanswered", count("cv IS NULL")],
    ["nps_promoters", count("nv >= 9")],
    ["nps_passives", count("nv >= 7 AND nv <= 8")],
    ["nps_detractors", count("nv <= 6")],
    ["nps_unanswered", count("nv IS NULL")],
    ["ces_easy", count(`ev ${easy} ${mid}`)],
    ["ces_neutral", count(`ev = ${mid}`)],
    ["ces_hard", count(`ev ${hard} ${mid}`)],
    ["ces_rating_sum", `CAST(COALESCE(SUM(ev), 0) AS ${d.bigint})`],
    ["ces_rating_square_sum", `CAST(COALESCE(SUM(ev * ev), 0) AS ${d.bigint})`],
    ["ces_unanswered", count("ev IS NULL")],
    ["sentiment_positive", count("sv = 'positive'")],
    ["sentiment_negative", count("sv = 'negative'")],
    ["sentiment_neutral", count("sv = 'neutral'")],
    ["sentiment_unanswered", count("sv IS NULL")],
  ];
  const sql = [
    "WITH",
    `base AS (SELECT ${base.join(", ")} FROM ${table}),`,
    `checked AS (SELECT base.*, ${checked.join(", ")} FROM base),`,
    `classed AS (SELECT checked.*, ${cls} AS cls FROM checked),`,
    `facts AS (SELECT ${facts.join(", ")} FROM classed)`,
    `SELECT ${keyList}cls, ${aggregates.map(([name, e]) => `${e} AS ${name}`).join(", ")} FROM facts GROUP BY ${keyList}cls`,
  ].join("\n");
  return { sql, params: [] };
}

/** `agentId` → `agent_id`. */
function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
}

/** Internal: the tally of no responses for these options (what the rows add to), checked under `fn`. */
export function emptySurveyTally(fn: string, options: Record<string, unknown>): SurveyTally {
  return checkedAs(fn, "tallySurveys", () => tallySurveys([], options as TallySurveysOptions));
}
