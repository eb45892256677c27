/**
 * Survey tallies: CSAT, NPS, CES and sentiment answers counted per group in
 * one pass, as plain JSON that merges exactly. Unanswered questions are
 * counted, never an error; an answer off its scale is an error (or set aside).
 */
import { numberError, readOptions } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { compileDimensions } from "./dimensions.js";
import { fingerprintOf } from "./fingerprint.js";
import {
  accumulate,
  checkedTally,
  type GroupKey,
  type Mutable,
  mergeKind,
  readCount,
  readCounts,
  readTallyFrame,
  type TallyFrame,
  tallyPass,
} from "./groups.js";
import {
  readScales,
  readStoredScales,
  SURVEY_OPTION_FIELDS,
  type SurveyResponse,
  type SurveyScales,
  type TallySurveysOptions,
} from "./survey-options.js";

/**
 * The counts of one group of a {@link SurveyTally}. Each part carries its own
 * `unanswered` count: responses of the group that left that question empty.
 *
 * @category Reports
 */
export interface SurveyGroup {
  /** The group's value of each dimension, in dimension order (`null` for an absent field). */
  readonly key: GroupKey;
  /** Responses counted in the group. */
  readonly responses: number;
  /** CSAT: satisfied and answered ratings (`total`, as {@link csatCounts}). */
  readonly csat: {
    /** Ratings at or above `satisfiedFrom`. */
    readonly satisfied: number;
    /** All answered ratings. */
    readonly total: number;
    /** Responses that left the question empty. */
    readonly unanswered: number;
  };
  /** NPS: as {@link npsCounts}. */
  readonly nps: {
    /** Answers 9–10. */
    readonly promoters: number;
    /** Answers 7–8. */
    readonly passives: number;
    /** Answers 0–6. */
    readonly detractors: number;
    /** Responses that left the question empty. */
    readonly unanswered: number;
  };
  /** CES: as {@link cesCounts}, plus the sum of squared ratings (for the mean's interval). */
  readonly ces: {
    /** Answers on the easy side of the scale. */
    readonly easy: number;
    /** Answers at the midpoint (for sentiment: neutral labels). */
    readonly neutral: number;
    /** Answers on the hard side of the scale. */
    readonly hard: number;
    /** The sum of the CES ratings. */
    readonly ratingSum: number;
    /** The sum of the squared CES ratings (for the mean's interval). */
    readonly ratingSquareSum: number;
    /** Responses that left the question empty. */
    readonly unanswered: number;
  };
  /** Sentiment labels: as {@link sentimentCounts}. */
  readonly sentiment: {
    /** Positive labels. */
    readonly positive: number;
    /** Negative labels. */
    readonly negative: number;
    /** Neutral labels. */
    readonly neutral: number;
    /** Responses that left the question empty. */
    readonly unanswered: number;
  };
}

/**
 * The result of {@link tallySurveys}: plain JSON, mergeable with
 * {@link mergeTallies}; `JSON.parse(JSON.stringify(tally))` is an equal tally.
 *
 * @category Reports
 */
export interface SurveyTally extends TallyFrame {
  /** Always `"surveys"`. */
  readonly kind: "surveys";
  /** The tally format's version, `1`. */
  readonly version: 1;
  /** The scales the answers were read on. */
  readonly scales: SurveyScales;
  /** One entry per group, sorted by key. */
  readonly groups: readonly SurveyGroup[];
}

/**
 * Counts survey answers per group in one pass: CSAT, NPS, CES and sentiment.
 *
 * Each response is read once. Per group it counts what {@link csatCounts},
 * {@link npsCounts}, {@link cesCounts} and {@link sentimentCounts} count over
 * that group's answers, so {@link surveyReport} gives exactly what those
 * functions give. A question left empty (`null`, absent, `""`, `"offered"`,
 * `"unoffered"`, as help-desk exports show unanswered or unsent surveys) is
 * counted in the part's `unanswered` and is never an error; the per-array
 * functions keep refusing such values, because they take answers only. An
 * answer off its scale, or of another type (the string `"5"`), throws, or with
 * `onInvalid: "setAside"` leaves the whole response out of every figure and
 * counts it in `setAside` (records = counted + set aside).
 *
 * @param responses - The survey responses (an array).
 * @param options - `by`, the `csat` and `ces` scales, `onInvalid`.
 * @returns A {@link SurveyTally}: plain JSON counts per group, sorted by key.
 * @throws {MetricInputError} `invalid_type` when `responses` is not an array or a response is not an object;
 *   `invalid_type` / `not_finite` / `not_integer` / `out_of_range` for an answer off its scale (path `responses[i].csat`);
 *   `invalid_value` for an unknown sentiment label; `invalid_option` for a bad option or dimension.
 *
 * @example
 * ```ts
 * import { tallySurveys, surveyReport } from "support-metrics";
 * const tally = tallySurveys(
 *   [
 *     { agentId: "ana", csat: 5, nps: 10 },
 *     { agentId: "ana", csat: 2, nps: null },
 *     { agentId: "bo", csat: "offered", nps: 9 },
 *   ],
 *   { by: ["agentId"] },
 * );
 * tally.groups.length; // => 2
 * tally.groups[0].csat; // => { satisfied: 1, total: 2, unanswered: 0 }
 * tally.groups[1].csat; // => { satisfied: 0, total: 0, unanswered: 1 }
 * surveyReport(tally).total.nps.score; // => 100
 * tallySurveys([{ csat: 6 }]); // throws out_of_range
 * tallySurveys([{ csat: 6 }], { onInvalid: "setAside" }).setAside.count; // => 1
 * ```
 * @see {@link surveyReport}, {@link mergeTallies}, {@link csat}, {@link npsInterval}, {@link ces}
 * @category Reports
 */
export function tallySurveys<R extends SurveyResponse>(
  responses: readonly R[],
  options?: TallySurveysOptions<R>,
): SurveyTally {
  const fn = "tallySurveys";
  const o = readOptions(fn, "options", options as TallySurveysOptions | undefined, SURVEY_OPTION_FIELDS);
  const scales = readScales(fn, o);
  const dimensions = compileDimensions(fn, o.by, "options.by", PERIOD_FIELDS);
  const pass = tallyPass(fn, dimensions, o);
  const read = answerReader(fn, scales);
  const add = (g: Mutable<SurveyGroup>, a: Answers): void => addAnswers(g, a, scales);
  const counted = accumulate(fn, responses, "responses", pass, read, newSurveyGroup, add);
  return {
    kind: "surveys",
    version: 1,
    fingerprint: fingerprintOf({
      kind: "surveys",
      by: dimensions.map((d) => d.fingerprint).join("; "),
      csat: `${scales.csat.min}-${scales.csat.max} from ${scales.csat.satisfiedFrom}`,
      ces: `${scales.ces.scale} ${scales.ces.direction}`,
    }),
    dimensions: dimensions.map((d) => d.name),
    scales,
    ...counted,
  };
}

/**
 * Internal: merges survey tallies of one fingerprint for `mergeTallies` (`fn`);
 * each is checked at `tallies[k]`. Groups union, counts add, groups sorted by key.
 */
export function mergeSurveyTallies(fn: string, tallies: readonly unknown[]): SurveyTally {
  return mergeKind(fn, tallies, readSurveyTally, addGroup, newSurveyGroup);
}

/** Internal: reads a survey tally (from JSON, or another process) at `path`, checking every count. */
export function readSurveyTally(fn: string, value: unknown, path: string): SurveyTally {
  const frame = readTallyFrame(fn, value, path, "surveys");
  const t = value as Record<string, unknown>;
  const scales = readStoredScales(fn, t["scales"], `${path}.scales`);
  const groups = checkedTally(
    fn,
    frame,
    path,
    t,
    (g: SurveyGroup) => g.responses,
    (g, at) => readSurveyGroup(fn, g, at, scales),
  );
  return {
    kind: "surveys",
    version: 1,
    fingerprint: frame.fingerprint,
    dimensions: frame.dimensions,
    scales,
    groups,
    setAside: frame.setAside,
    records: frame.records,
  };
}

const PERIOD_FIELDS = ["at"];
const UNANSWERED_TEXT = ["", "offered", "unoffered"];

/** One response's answers as bucket indices (−1: unanswered), checked before anything is counted. */
interface Answers {
  csat: number;
  nps: number;
  ces: number;
  sentiment: number;
}

function newSurveyGroup(key: GroupKey): Mutable<SurveyGroup> {
  return {
    key,
    responses: 0,
    csat: { satisfied: 0, total: 0, unanswered: 0 },
    nps: { promoters: 0, passives: 0, detractors: 0, unanswered: 0 },
    ces: { easy: 0, neutral: 0, hard: 0, ratingSum: 0, ratingSquareSum: 0, unanswered: 0 },
    sentiment: { positive: 0, negative: 0, neutral: 0, unanswered: 0 },
  };
}

/** Adds a whole group into `g` (merging). */
function addGroup(g: Mutable<SurveyGroup>, a: SurveyGroup): void {
  g.responses += a.responses;
  addInto(g.csat, a.csat);
  addInto(g.nps, a.nps);
  addInto(g.ces, a.ces);
  addInto(g.sentiment, a.sentiment);
}

/** Counts one checked response into `g`. */
function addAnswers(g: Mutable<SurveyGroup>, a: Answers, s: SurveyScales): void {
  g.responses++;
  if (a.csat < 0) g.csat.unanswered++;
  else {
    g.csat.total++;
    g.csat.satisfied += +(a.csat >= s.csat.satisfiedFrom);
  }
  if (a.nps < 0) g.nps.unanswered++;
  else if (a.nps >= 9) g.nps.promoters++;
  else if (a.nps >= 7) g.nps.passives++;
  else g.nps.detractors++;
  if (a.ces < 0) g.ces.unanswered++;
  else {
    const mid = (s.ces.scale + 1) / 2;
    if (a.ces === mid) g.ces.neutral++;
    else if (a.ces > mid === (s.ces.direction === "higher-is-easier")) g.ces.easy++;
    else g.ces.hard++;
    g.ces.ratingSum += a.ces;
    g.ces.ratingSquareSum += a.ces * a.ces;
  }
  if (a.sentiment < 0) g.sentiment.unanswered++;
  else if (a.sentiment === 0) g.sentiment.positive++;
  else if (a.sentiment === 1) g.sentiment.negative++;
  else g.sentiment.neutral++;
}

function addInto<T extends Record<string, number>>(into: T, from: Readonly<T>): void {
  for (const field of Object.keys(into) as (keyof T)[]) (into[field] as number) += from[field];
}

/**
 * The reader of one response's answers: throws the response's first bad answer.
 * It fills one reused {@link Answers} (the pass counts it before reading the next).
 */
function answerReader(fn: string, scales: SurveyScales): (r: Record<string, unknown>, i: number) => Answers {
  const { min, max } = scales.csat;
  const cesMax = scales.ces.scale;
  const a: Answers = { csat: -1, nps: -1, ces: -1, sentiment: -1 };
  return (r, i) => {
    a.csat = rating(fn, r, i, "csat", min, max);
    a.nps = rating(fn, r, i, "nps", 0, 10);
    a.ces = rating(fn, r, i, "ces", 1, cesMax);
    a.sentiment = sentimentIndex(fn, r, i);
    return a;
  };
}

/** Answer `field` of response `i` (`-1`: unanswered); the error path is built only for a bad answer. */
function rating(fn: string, r: Record<string, unknown>, i: number, field: string, min: number, max: number): number {
  const v = r[field];
  if (typeof v === "number" && v >= min && v <= max && Math.floor(v) === v) return v;
  if (v === null || v === undefined || (typeof v === "string" && UNANSWERED_TEXT.includes(v))) return -1;
  const noun = field === "nps" ? "score" : "rating";
  throw numberError(fn, `responses[${i}].${field}`, v, {
    expected: `an integer ${noun} ${min}–${max}`,
    integer: !Number.isInteger(v),
  });
}

function sentimentIndex(fn: string, r: Record<string, unknown>, i: number): number {
  const v = r["sentiment"];
  if (v === "positive") return 0;
  if (v === "negative") return 1;
  if (v === "neutral") return 2;
  if (v === null || v === undefined || v === "") return -1;
  const code = typeof v === "string" ? "invalid_value" : "invalid_type";
  throw inputError(code, fn, `responses[${i}].sentiment`, 'one of "positive", "negative", "neutral"', v);
}

function readSurveyGroup(fn: string, g: Record<string, unknown>, path: string, scales: SurveyScales): SurveyGroup {
  const responses = readCount(fn, g, path, "responses");
  const csat = readCounts(fn, g["csat"], `${path}.csat`, ["satisfied", "total", "unanswered"]);
  const nps = readCounts(fn, g["nps"], `${path}.nps`, ["promoters", "passives", "detractors", "unanswered"]);
  const ces = readCounts(fn, g["ces"], `${path}.ces`, [
    "easy",
    "neutral",
    "hard",
    "ratingSum",
    "ratingSquareSum",
    "unanswered",
  ]);
  const sentiment = readCounts(fn, g["sentiment"], `${path}.sentiment`, [
    "positive",
    "negative",
    "neutral",
    "unanswered",
  ]);
  const c = csat as Record<"satisfied" | "total" | "unanswered", number>;
  const n = nps as Record<"promoters" | "passives" | "detractors" | "unanswered", number>;
  const e = ces as Record<"easy" | "neutral" | "hard" | "ratingSum" | "ratingSquareSum" | "unanswered", number>;
  const s = sentiment as Record<"positive" | "negative" | "neutral" | "unanswered", number>;
  const answeredCes = e.easy + e.neutral + e.hard;
  const top = scales.ces.scale;
  const consistent =
    c.satisfied <= c.total &&
    c.total + c.unanswered === responses &&
    n.promoters + n.passives + n.detractors + n.unanswered === responses &&
    answeredCes + e.unanswered === responses &&
    s.positive + s.negative + s.neutral + s.unanswered === responses &&
    e.ratingSum >= answeredCes &&
    e.ratingSum <= top * answeredCes &&
    e.ratingSquareSum >= e.ratingSum &&
    e.ratingSquareSum <= top * e.ratingSum;
  if (!consistent) {
    throw inputError("inconsistent_counts", fn, path, `counts that add up to ${responses} responses`, g);
  }
  return { key: g["key"] as GroupKey, responses, csat: c, nps: n, ces: e, sentiment: s };
}

/** Internal: the group of every response of `groups` (key `[]`). */
export function totalSurveyGroup(groups: readonly SurveyGroup[]): SurveyGroup {
  const total = newSurveyGroup([]);
  for (const g of groups) addGroup(total, g);
  return total;
}
