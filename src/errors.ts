/**
 * The error classes of the library and their stable codes.
 *
 * @module
 */

/**
 * The stable codes a {@link MetricInputError} carries. Callers compare `code`,
 * never the message. Adding a code is a minor change; renaming one is breaking.
 *
 * - `invalid_type`: a value of the wrong JavaScript type (a string where a number belongs, a non-array).
 * - `not_finite`: `NaN`, `Infinity` or `-Infinity` where a finite number belongs.
 * - `not_integer`: a fractional number where an integer (a score, a count) belongs.
 * - `out_of_range`: a number outside the allowed range (a score of 11 on 0–10, a negative count).
 * - `invalid_value`: a value outside an enumerated set (an unknown label or outcome).
 * - `missing_value`: a required field is absent.
 * - `invalid_instant`: an instant that cannot be read: a zone-less string, an invalid `Date`, a malformed ISO 8601 string.
 * - `inconsistent_instants`: instants that contradict each other (resolved before created).
 * - `inconsistent_counts`: counts that contradict each other (more customers lost than there were).
 * - `invalid_option`: an option outside its allowed values, or a key that an options object, a policy or a tally
 *   does not know (the path ends with the key; the message suggests the nearest known key).
 *
 * @category Errors
 */
export type MetricErrorCode =
  | "invalid_type"
  | "not_finite"
  | "not_integer"
  | "out_of_range"
  | "invalid_value"
  | "missing_value"
  | "invalid_instant"
  | "inconsistent_instants"
  | "inconsistent_counts"
  | "invalid_option";

/**
 * Thrown for invalid input to any metric: it names the public function, the
 * path to the bad value and what was received.
 *
 * The message reads `fn: expected … but received … at path`, for example
 * `nps: expected an integer score 0–10 but received 11 at scores[3]`.
 *
 * @example
 * ```ts
 * import { nps, MetricInputError } from "support-metrics";
 * try {
 *   nps([10, 9, 11]);
 * } catch (error) {
 *   (error as MetricInputError).code; // => "out_of_range"
 *   (error as MetricInputError).path; // => "scores[2]"
 *   (error as MetricInputError).fn; // => "nps"
 *   (error as MetricInputError).message; // => "nps: expected an integer score 0–10 but received 11 at scores[2]"
 * }
 * ```
 * @category Errors
 */
export class MetricInputError extends Error {
  /** The stable code; compare this, not the message. */
  readonly code: MetricErrorCode;
  /** The public function that rejected its input. */
  readonly fn: string;
  /** The path to the bad value, e.g. `"scores[3]"` or `"tickets[2].resolvedAt"`. */
  readonly path: string;
  /** The value that was received. */
  readonly received: unknown;

  /**
   * @param code - The stable error code.
   * @param fn - The public function's name.
   * @param path - The path to the bad value.
   * @param received - The value received.
   * @param message - The full message.
   */
  constructor(code: MetricErrorCode, fn: string, path: string, received: unknown, message: string) {
    super(message);
    this.name = "MetricInputError";
    this.code = code;
    this.fn = fn;
    this.path = path;
    this.received = received;
  }
}

/**
 * One problem found in an incentive plan: a JSON pointer to the offending value,
 * a stable code and a readable message.
 *
 * @category Errors
 */
export interface PlanIssue {
  /** JSON pointer (RFC 6901) to the offending value, e.g. `"/components/0/bands/1/fromPct"`. */
  readonly path: string;
  /** A stable code such as `"unknown_metric"` or `"weights_not_100"`. */
  readonly code: string;
  /** A readable explanation. */
  readonly message: string;
}

/**
 * Thrown by `evaluatePlan` and `compilePlan` for an invalid plan. `issues`
 * lists every problem found, not only the first.
 *
 * @example
 * ```ts
 * import { PlanValidationError } from "support-metrics";
 * const error = new PlanValidationError([{ path: "/id", code: "invalid_type", message: "expected a string" }]);
 * error.code; // => "invalid_plan"
 * error.issues.length; // => 1
 * ```
 * @category Errors
 */
export class PlanValidationError extends Error {
  /** Always `"invalid_plan"`. */
  readonly code: "invalid_plan" = "invalid_plan";
  /** Every problem found in the plan. */
  readonly issues: readonly PlanIssue[];

  /**
   * @param issues - The problems found.
   */
  constructor(issues: readonly PlanIssue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    super(
      first === undefined
        ? "invalid incentive plan"
        : `invalid incentive plan: ${first.message} at ${first.path || "/"}${more}`,
    );
    this.name = "PlanValidationError";
    this.issues = issues;
  }
}
