/**
 * The conditions of the incentive-plan schema (`cs-incentive-plan/1`): metric
 * comparisons and their `all` / `any` / `not` combinations, as used by a
 * component's `when`, a gate, and an award's `eligible` and `fundedWhen`.
 * Re-exported by `schema.ts`.
 *
 * @module
 */

/**
 * A comparison operator of a condition: `eq ne lt lte gt gte` compare with one
 * value, `between` with `[lo, hi]` inclusive, `in` with a list.
 *
 * @category Incentives
 */
export type ComparisonOp = "eq" | "ne" | "lt" | "lte" | "gt" | "gte" | "between" | "in";

/**
 * The value side of a comparison: one number, `[lo, hi]` for `between`, a list for `in`.
 * Numbers here may be any finite JS number (read through its shortest decimal
 * spelling, as metric values are) or a decimal string.
 *
 * @category Incentives
 */
export type ConditionValue = number | string | readonly (number | string)[];

/**
 * Compares one of the agent's metrics: `{ metric: "csat_responses", op: "gte", value: 20 }`.
 *
 * @category Incentives
 */
export interface MetricCondition {
  /** A metric declared under `metrics`. */
  readonly metric: string;
  /** The comparison. */
  readonly op: ComparisonOp;
  /** What the metric is compared with. */
  readonly value: ConditionValue;
}

/**
 * Compares a team metric: `{ teamMetric: "team_sla_compliance", op: "gte", value: 95 }`.
 *
 * @category Incentives
 */
export interface TeamMetricCondition {
  /** A metric declared under `teamMetrics`. */
  readonly teamMetric: string;
  /** The comparison. */
  readonly op: ComparisonOp;
  /** What the team metric is compared with. */
  readonly value: ConditionValue;
}

/**
 * Holds when every child holds (an empty list is rejected by validation).
 *
 * @category Incentives
 */
export interface AllCondition {
  /** The children. */
  readonly all: readonly Condition[];
}

/**
 * Holds when at least one child holds (an empty list is rejected by validation).
 *
 * @category Incentives
 */
export interface AnyCondition {
  /** The children. */
  readonly any: readonly Condition[];
}

/**
 * Holds when its child does not.
 *
 * @category Incentives
 */
export interface NotCondition {
  /** The negated condition. */
  readonly not: Condition;
}

/**
 * A condition node, wherever a plan allows one (`when`, `eligible`, `fundedWhen`, KPI gates).
 *
 * @category Incentives
 */
export type Condition = MetricCondition | TeamMetricCondition | AllCondition | AnyCondition | NotCondition;
