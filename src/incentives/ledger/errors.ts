/**
 * `SettlementValidationError`: every problem of a settlement's plan, input
 * and previous settlement, each with a JSON pointer and a stable code.
 *
 * @module
 */
import type { PlanIssue } from "../../errors.js";

/**
 * Thrown by `settlePayouts` when its plan, input, options or previous
 * settlement are invalid. `issues` lists every problem found, each with a JSON
 * pointer (RFC 6901) rooted at the call: `/plan/components/0/holdback/pct`,
 * `/input/restatements/1/period`, `/options/previous/planId`.
 *
 * Codes include `unknown_period` (a restatement of a period the previous
 * settlement does not know), `plan_mismatch` (a previous settlement made under
 * another plan, or another plan with the same id and version), `duplicate_period`
 * (a period settled twice or restated twice), `unknown_agent` (a restated agent
 * not paid in that period), `segment_gap`/`segment_overlap`, and every code of
 * `validatePlan` and `evaluatePlan` (`missing_value`, `invalid_type`, …).
 *
 * @example
 * ```ts
 * import { SettlementValidationError } from "support-metrics";
 * const error = new SettlementValidationError([{ path: "/input/period", code: "invalid_type", message: "expected a period label" }]);
 * error.code; // => "invalid_settlement"
 * error.issues[0].path; // => "/input/period"
 * ```
 * @see {@link settlePayouts}
 * @category Errors
 */
export class SettlementValidationError extends Error {
  /** Always `"invalid_settlement"`. */
  readonly code: "invalid_settlement" = "invalid_settlement";
  /** Always `"settlePayouts"`. */
  readonly fn: "settlePayouts" = "settlePayouts";
  /** Every problem found. */
  readonly issues: readonly PlanIssue[];

  /**
   * @param issues - The problems found.
   */
  constructor(issues: readonly PlanIssue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    super(
      first === undefined
        ? "settlePayouts: invalid settlement"
        : `settlePayouts: ${first.message} at ${first.path}${more}`,
    );
    this.name = "SettlementValidationError";
    this.issues = issues;
  }
}
