/**
 * What {@link tallySurveys} reads: the responses' shape, its options and the
 * scales they set (also read back from a stored tally).
 */
import { type Fields, numberOption, oneOf, readOptions } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import type { CesDirection, CesScale, CsatScale } from "../survey/index.js";
import type { Dimension } from "./dimensions.js";
import { readCounts } from "./groups.js";

/**
 * One survey response: the answers a customer gave (or did not give) to one
 * survey, with the fields it is grouped by. `null`, absent, `""`, `"offered"`
 * and `"unoffered"` (Zendesk's survey states) mean the question was not
 * answered: counted as unanswered, never an error. A response may carry any
 * other field (`team`, `queue`, …) for a `by` dimension to name.
 *
 * @category Reports
 */
export interface SurveyResponse {
  /** When the response was given (an `Instant`): what a `{ period, of: "at" }` dimension reads. */
  readonly at?: Date | number | string | null | undefined;
  /** The agent the response is about. */
  readonly agentId?: string | null | undefined;
  /** The channel of the contact surveyed. */
  readonly channel?: string | null | undefined;
  /** A CSAT rating, an integer on the tally's CSAT scale (1–5 by default). */
  readonly csat?: number | string | null | undefined;
  /** A likelihood-to-recommend score, an integer 0–10. */
  readonly nps?: number | string | null | undefined;
  /** A Customer Effort Score rating, an integer 1…scale (1–7 by default). */
  readonly ces?: number | string | null | undefined;
  /** A sentiment label: `"positive"`, `"negative"` or `"neutral"`. */
  readonly sentiment?: string | null | undefined;
}

/**
 * Options of {@link tallySurveys}. The scales change what the counts mean, so
 * they are part of the tally's fingerprint: only tallies taken on the same
 * scales merge.
 *
 * @category Reports
 */
export interface TallySurveysOptions<R extends SurveyResponse = SurveyResponse> {
  /**
   * The dimensions to group by: field names (`"agentId"`), periods of `at`
   * (`{ period: "week", of: "at", timeZone: "Europe/Paris" }`) or functions.
   * @defaultValue one group of every response
   */
  readonly by?: readonly Dimension<R>[] | undefined;
  /**
   * The CSAT scale and the satisfied threshold, exactly as {@link csat} takes them.
   * @defaultValue `{ scale: { min: 1, max: 5 }, satisfiedFrom: scale.max − 1 }`
   */
  readonly csat?:
    | {
        /** The rating scale, as {@link csat}'s `scale`. */
        readonly scale?: CsatScale;
        /** The lowest satisfied rating, as {@link csat}'s `satisfiedFrom`. */
        readonly satisfiedFrom?: number;
      }
    | undefined;
  /**
   * The CES scale (5 or 7 points) and which end is easy, exactly as {@link ces} takes them.
   * @defaultValue `{ scale: 7, direction: "higher-is-easier" }`
   */
  readonly ces?:
    | {
        /** 5 or 7 points, as {@link ces}'s `scale`. */
        readonly scale?: CesScale;
        /** Which end is easy, as {@link ces}'s `direction`. */
        readonly direction?: CesDirection;
      }
    | undefined;
  /**
   * `"throw"` stops at the first bad response; `"setAside"` leaves it out of
   * every figure and counts it in the tally's `setAside`.
   * @defaultValue "throw"
   */
  readonly onInvalid?: "throw" | "setAside" | undefined;
  /**
   * The index of the first response in the whole data set, so that a shard's set-aside indices and paths are global.
   * @defaultValue 0
   */
  readonly firstIndex?: number | undefined;
}

/**
 * The scales a survey tally was taken on (kept in the tally so that a report
 * needs nothing else).
 *
 * @category Reports
 */
export interface SurveyScales {
  /** The CSAT scale and threshold. */
  readonly csat: {
    /** The lowest rating. */
    readonly min: number;
    /** The highest rating. */
    readonly max: number;
    /** The lowest satisfied rating. */
    readonly satisfiedFrom: number;
  };
  /** The CES scale and direction. */
  readonly ces: {
    /** The number of points, 5 or 7. */
    readonly scale: CesScale;
    /** Which end of the scale is easy. */
    readonly direction: CesDirection;
  };
}

type CsatOptions = NonNullable<TallySurveysOptions["csat"]>;
type CesOptions = NonNullable<TallySurveysOptions["ces"]>;
/** Internal: the keys of {@link TallySurveysOptions}. */
export const SURVEY_OPTION_FIELDS: Fields<TallySurveysOptions> = {
  by: "optional",
  csat: "optional",
  ces: "optional",
  onInvalid: "optional",
  firstIndex: "optional",
};
const CSAT_FIELDS: Fields<CsatOptions> = { scale: "optional", satisfiedFrom: "optional" };
const CES_FIELDS: Fields<CesOptions> = { scale: "optional", direction: "optional" };
const SCALE_FIELDS: Fields<CsatScale> = { min: "required", max: "required" };

/** Internal: the CSAT and CES scales of the options of {@link tallySurveys} (already checked for unknown keys). */
export function readScales(fn: string, o: Record<string, unknown>): SurveyScales {
  const c = readOptions(fn, "options.csat", o["csat"] as CsatOptions | undefined, CSAT_FIELDS);
  const scale = c.scale;
  let min = 1;
  let max = 5;
  if (scale !== undefined) {
    const s = readOptions(fn, "options.csat.scale", scale as CsatScale, SCALE_FIELDS);
    const what = "a scale { min, max } of integers with min < max";
    if (!Number.isSafeInteger(s["min"]))
      throw inputError("invalid_option", fn, "options.csat.scale.min", what, s["min"]);
    min = s["min"] as number;
    if (!(Number.isSafeInteger(s["max"]) && (s["max"] as number) > min)) {
      throw inputError("invalid_option", fn, "options.csat.scale.max", what, s["max"]);
    }
    max = s["max"] as number;
  }
  const expected = `an integer rating ${min}–${max}`;
  const satisfiedFrom =
    numberOption(fn, "options.csat.satisfiedFrom", c.satisfiedFrom, { expected, min, max, integer: true }) ?? max - 1;
  const e = readOptions(fn, "options.ces", o["ces"] as CesOptions | undefined, CES_FIELDS);
  const cesScale = e.scale ?? 7;
  if (cesScale !== 5 && cesScale !== 7) throw inputError("invalid_option", fn, "options.ces.scale", "5 or 7", cesScale);
  const direction = oneOf(fn, "options.ces.direction", e.direction, {
    allowed: DIRECTIONS,
    fallback: "higher-is-easier",
  });
  return { csat: { min, max, satisfiedFrom }, ces: { scale: cesScale, direction } };
}

const DIRECTIONS: readonly CesDirection[] = ["higher-is-easier", "higher-is-harder"];

/** Internal: the scales stored in a survey tally at `path` (from JSON, or another process). */
export function readStoredScales(fn: string, value: unknown, path: string): SurveyScales {
  const s = readCounts(fn, value, path, []);
  const c = readCounts(fn, s["csat"], `${path}.csat`, []);
  const min = c["min"];
  const max = c["max"];
  const from = c["satisfiedFrom"];
  if (!(Number.isSafeInteger(min) && Number.isSafeInteger(max) && (max as number) > (min as number))) {
    throw inputError("invalid_value", fn, `${path}.csat`, "a scale { min, max, satisfiedFrom } of integers", value);
  }
  if (!(Number.isSafeInteger(from) && (from as number) >= (min as number) && (from as number) <= (max as number))) {
    throw inputError("invalid_value", fn, `${path}.csat.satisfiedFrom`, `an integer rating ${min}–${max}`, from);
  }
  const e = readCounts(fn, s["ces"], `${path}.ces`, []);
  const scale = e["scale"];
  if (scale !== 5 && scale !== 7) throw inputError("invalid_value", fn, `${path}.ces.scale`, "5 or 7", scale);
  const direction = e["direction"];
  if (direction !== "higher-is-easier" && direction !== "higher-is-harder") {
    throw inputError(
      "invalid_value",
      fn,
      `${path}.ces.direction`,
      '"higher-is-easier" or "higher-is-harder"',
      direction,
    );
  }
  return {
    csat: { min: min as number, max: max as number, satisfiedFrom: from as number },
    ces: { scale, direction },
  };
}
