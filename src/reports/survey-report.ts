import { displaySurveyReport, withDisplay } from "../display/index.js";
import { confidenceOption, type Fields, normalize, oneOf } from "../internal/assert.js";
import { zForConfidence } from "../stats/normal.js";
import {
  type CesMethod,
  cesFromCounts,
  csatFromCounts,
  type NpsIntervalMethod,
  netSentimentFromCounts,
  npsInterval,
  wilsonInterval,
} from "../survey/index.js";
import { keyObject } from "./dimensions.js";
import { reportOptions } from "./groups.js";
import type { SetAside } from "./set-aside.js";
import type { SurveyScales } from "./survey-options.js";
import { readSurveyTally, type SurveyGroup, type SurveyTally, totalSurveyGroup } from "./surveys.js";

/**
 * Options of {@link surveyReport}: how the counts are summarized (the scales
 * are the tally's own).
 *
 * @category Reports
 */
export interface SurveyReportOptions {
  /**
   * The two-sided confidence level of every interval, strictly between 0 and 1.
   * @defaultValue 0.95
   */
  readonly confidence?: number | undefined;
  /**
   * The NPS interval method, as {@link npsInterval}'s `method`.
   * @defaultValue "adjusted-wald"
   */
  readonly npsMethod?: NpsIntervalMethod | undefined;
  /**
   * The CES summary, as {@link ces}'s `method`: `"percent-easy"`, `"mean"` or `"net"`.
   * @defaultValue "percent-easy"
   */
  readonly cesMethod?: CesMethod | undefined;
}

/**
 * One row of a {@link SurveyReport}: each score with its interval and counts.
 * Scores and bounds are `null` when the group has no answer to that question.
 *
 * @category Reports
 */
export interface SurveyReportRow {
  /** The group's value of each dimension, `{ agentId: "ana" }`; `{}` for the total. */
  readonly key: Readonly<Record<string, string | null>>;
  /** Responses counted in the group (answered or not). */
  readonly responses: number;
  /** CSAT, percent satisfied 0–100 ({@link csat}), with the Wilson interval ({@link wilsonInterval}). */
  readonly csat: {
    /** The score (percent 0–100), or `null` with no answer. */
    readonly score: number | null;
    /** The interval's lower bound, or `null`. */
    readonly lower: number | null;
    /** The interval's upper bound, or `null`. */
    readonly upper: number | null;
    /** Satisfied answers (at or above `satisfiedFrom`). */
    readonly satisfied: number;
    /** Answers counted in the score. */
    readonly answered: number;
    /** Responses that left the question empty. */
    readonly unanswered: number;
  };
  /** NPS points −100…100 with the interval of {@link npsInterval}. */
  readonly nps: {
    /** The score (NPS points −100…100), or `null` with no answer. */
    readonly score: number | null;
    /** The interval's lower bound, or `null`. */
    readonly lower: number | null;
    /** The interval's upper bound, or `null`. */
    readonly upper: number | null;
    /** The standard error of the interval (NPS points), or `null`. */
    readonly standardError: number | null;
    /** Answers 9–10. */
    readonly promoters: number;
    /** Answers 7–8. */
    readonly passives: number;
    /** Answers 0–6. */
    readonly detractors: number;
    /** Answers counted in the score. */
    readonly answered: number;
    /** Responses that left the question empty. */
    readonly unanswered: number;
  };
  /** CES by `method` ({@link ces}), with its interval (see {@link surveyReport}). */
  readonly ces: {
    /** The CES summary shown: `"percent-easy"`, `"mean"` or `"net"`. */
    readonly method: CesMethod;
    /** The score (percent, points or scale points by `method`), or `null` with no answer. */
    readonly score: number | null;
    /** The interval's lower bound, or `null`. */
    readonly lower: number | null;
    /** The interval's upper bound, or `null`. */
    readonly upper: number | null;
    /** Answers on the easy side of the scale. */
    readonly easy: number;
    /** Answers at the midpoint (for sentiment: neutral labels). */
    readonly neutral: number;
    /** Answers on the hard side of the scale. */
    readonly hard: number;
    /** Answers counted in the score. */
    readonly answered: number;
    /** Responses that left the question empty. */
    readonly unanswered: number;
  };
  /** Net sentiment, percentage points −100…100 ({@link netSentimentFromCounts}, neutral mentions included). */
  readonly sentiment: {
    /** Net sentiment, % positive − % negative (neutral included), or `null`. */
    readonly net: number | null;
    /** Positive labels. */
    readonly positive: number;
    /** Negative labels. */
    readonly negative: number;
    /** Neutral labels. */
    readonly neutral: number;
    /** Answers counted in the score. */
    readonly answered: number;
    /** Responses that left the question empty. */
    readonly unanswered: number;
  };
}

/**
 * The result of {@link surveyReport}: plain data.
 *
 * @category Reports
 */
export interface SurveyReport {
  /** One row per group, in key order. */
  readonly groups: readonly SurveyReportRow[];
  /** The row of every counted response (`key` is `{}`). */
  readonly total: SurveyReportRow;
  /** The responses the tally set aside. */
  readonly setAside: SetAside;
}

/**
 * CSAT, NPS, CES and net sentiment with their intervals, per group and in total, from a survey tally.
 *
 * Every figure is what the per-array function returns for the group's
 * answers: CSAT = {@link csat} with its {@link wilsonInterval}; NPS and its
 * bounds = {@link npsInterval} (`npsMethod`); CES = {@link ces} with
 * `cesMethod`, its interval the Wilson interval of the easy share for
 * `"percent-easy"`, {@link npsInterval}'s for `"net"` (easy − hard is shaped
 * like an NPS), and mean ± z·s/√n for `"mean"` (s the sample standard
 * deviation, normal approximation, bounds clamped to the scale, `null` below 2
 * answers); sentiment = {@link netSentimentFromCounts}. A question nobody in the group
 * answered gives `null` scores, never 0. Unanswered questions are counted in
 * `unanswered` and left out of every score.
 *
 * @param tally - A {@link SurveyTally} from {@link tallySurveys} or {@link mergeTallies} (or read back from JSON).
 * @param options - `confidence` (default 0.95), `npsMethod` (default `"adjusted-wald"`), `cesMethod` (default `"percent-easy"`).
 * @returns A {@link SurveyReport}: rows in percent (CSAT, CES percent-easy), NPS points, or scale points (CES mean).
 * @throws {MetricInputError} `invalid_type` / `invalid_value` / `missing_value` / `inconsistent_counts` for a malformed tally (path `tally.…`);
 *   `invalid_option` for a bad option.
 *
 * @example
 * ```ts
 * import { tallySurveys, surveyReport } from "support-metrics";
 * const responses = [
 *   { team: "red", csat: 5, nps: 10, ces: 6 },
 *   { team: "red", csat: 4, nps: 6, ces: 2 },
 *   { team: "blue", csat: 1, nps: 9, ces: "" },
 *   { team: "blue", csat: null, nps: 8, ces: 7 },
 * ];
 * const report = surveyReport(tallySurveys(responses, { by: ["team"] }));
 * report.groups.map((row) => row.key.team); // => ["blue", "red"]
 * report.groups[0].csat; // => { score: 0, lower: 0, upper: 79.345069, satisfied: 0, answered: 1, unanswered: 1 }
 * report.total.nps.score; // => 25
 * report.total.ces.score; // => 66.666667
 * surveyReport(tallySurveys([])).total.csat.score; // => null
 * surveyReport(tallySurveys([]), { confidence: 95 }); // throws invalid_option
 * ```
 * @see {@link tallySurveys}, {@link mergeTallies}, {@link npsInterval}, {@link wilsonInterval}
 * @category Reports
 */
export function surveyReport(tally: SurveyTally, options?: SurveyReportOptions): SurveyReport {
  const fn = "surveyReport";
  const t = readSurveyTally(fn, tally, "tally");
  const o = reportOptions(fn, options, OPTION_FIELDS);
  const confidence = confidenceOption(fn, o);
  const npsMethod = oneOf(fn, "options.npsMethod", o.npsMethod, { allowed: NPS_METHODS, fallback: "adjusted-wald" });
  const cesMethod = oneOf(fn, "options.cesMethod", o.cesMethod, { allowed: CES_METHODS, fallback: "percent-easy" });
  const summarize = (key: Record<string, string | null>, g: SurveyGroup): SurveyReportRow =>
    surveyRow(key, g, t.scales, confidence, npsMethod, cesMethod);
  const report = {
    groups: t.groups.map((g) => summarize(keyObject(t.dimensions, g.key), g)),
    total: summarize({}, totalSurveyGroup(t.groups)),
    setAside: t.setAside,
  };
  return withDisplay(report, displaySurveyReport);
}

const OPTION_FIELDS: Fields<SurveyReportOptions> = {
  confidence: "optional",
  npsMethod: "optional",
  cesMethod: "optional",
};
const NPS_METHODS: readonly NpsIntervalMethod[] = ["adjusted-wald", "wald"];
const CES_METHODS: readonly CesMethod[] = ["percent-easy", "mean", "net"];

function surveyRow(
  key: Record<string, string | null>,
  g: SurveyGroup,
  scales: SurveyScales,
  confidence: number,
  npsMethod: NpsIntervalMethod,
  cesMethod: CesMethod,
): SurveyReportRow {
  const c = g.csat;
  const wilson = wilsonInterval(c.satisfied, c.total, { confidence });
  const n = g.nps;
  const npsCounts = { promoters: n.promoters, passives: n.passives, detractors: n.detractors };
  const nps = npsInterval(npsCounts, { confidence, method: npsMethod });
  const e = g.ces;
  const answeredCes = e.easy + e.neutral + e.hard;
  const cesCounts = { easy: e.easy, neutral: e.neutral, hard: e.hard, ratingSum: e.ratingSum };
  const cesScore = cesFromCounts(cesCounts, { scale: scales.ces.scale, method: cesMethod });
  const cesBounds = cesInterval(e, answeredCes, scales.ces.scale, cesMethod, confidence, npsMethod);
  const s = g.sentiment;
  return {
    key,
    responses: g.responses,
    csat: {
      score: csatFromCounts({ satisfied: c.satisfied, total: c.total }),
      lower: wilson === null ? null : wilson.lower,
      upper: wilson === null ? null : wilson.upper,
      satisfied: c.satisfied,
      answered: c.total,
      unanswered: c.unanswered,
    },
    nps: {
      score: nps === null ? null : nps.score,
      lower: nps === null ? null : nps.lower,
      upper: nps === null ? null : nps.upper,
      standardError: nps === null ? null : nps.standardError,
      promoters: n.promoters,
      passives: n.passives,
      detractors: n.detractors,
      answered: n.promoters + n.passives + n.detractors,
      unanswered: n.unanswered,
    },
    ces: {
      method: cesMethod,
      score: cesScore,
      lower: cesBounds === null ? null : cesBounds.lower,
      upper: cesBounds === null ? null : cesBounds.upper,
      easy: e.easy,
      neutral: e.neutral,
      hard: e.hard,
      answered: answeredCes,
      unanswered: e.unanswered,
    },
    sentiment: {
      net: netSentimentFromCounts({ positive: s.positive, negative: s.negative, neutral: s.neutral }),
      positive: s.positive,
      negative: s.negative,
      neutral: s.neutral,
      answered: s.positive + s.negative + s.neutral,
      unanswered: s.unanswered,
    },
  };
}

function cesInterval(
  e: SurveyGroup["ces"],
  n: number,
  scale: number,
  method: CesMethod,
  confidence: number,
  npsMethod: NpsIntervalMethod,
): { lower: number; upper: number } | null {
  if (method === "percent-easy") return wilsonInterval(e.easy, n, { confidence });
  if (method === "net") {
    return npsInterval(
      { promoters: e.easy, passives: e.neutral, detractors: e.hard },
      { confidence, method: npsMethod },
    );
  }
  if (n < 2) return null;
  const mean = e.ratingSum / n;
  const variance = Math.max(0, (e.ratingSquareSum - e.ratingSum * mean) / (n - 1));
  const half = zForConfidence(confidence) * Math.sqrt(variance / n);
  return { lower: normalize(Math.max(1, mean - half)), upper: normalize(Math.min(scale, mean + half)) };
}
