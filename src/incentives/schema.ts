/**
 * The incentive-plan schema (`cs-incentive-plan/1`) as TypeScript types, and
 * the shape of an evaluation's input and options. A plan is plain JSON: it
 * holds no functions, lives in a database or a config repo, and is checked by
 * `validatePlan` before anything reads it. Conditions live in
 * `schema-conditions.ts` and team awards in `schema-awards.ts` (both
 * re-exported here); what an evaluation returns is in `result.ts`.
 *
 * @module
 */

import type { TeamAward } from "./schema-awards.js";
import type { Condition } from "./schema-conditions.js";

export type { CashReward, NonCashReward, PoolAward, RankAward, Reward, TeamAward } from "./schema-awards.js";
export type {
  AllCondition,
  AnyCondition,
  ComparisonOp,
  Condition,
  ConditionValue,
  MetricCondition,
  NotCondition,
  TeamMetricCondition,
} from "./schema-conditions.js";

/**
 * An exact plan number: a safe integer (`400`) or a plain decimal string
 * (`"112.5"`). Rates, weights, curve points, band edges, targets and percentages
 * are written this way so that no binary float ever reaches a pay amount.
 *
 * @category Incentives
 */
export type ExactNumber = number | string;

/**
 * How a line's exact amount becomes whole minor units, applied once per line:
 * `halfAwayFromZero` (2.5 → 3, the default), `halfEven` (2.5 → 2, 3.5 → 4),
 * `down` (toward zero) or `up` (away from zero).
 *
 * @category Incentives
 */
export type RoundingMode = "halfAwayFromZero" | "halfEven" | "down" | "up";

/**
 * The kind of value a metric holds; the evaluator checks each input against it:
 * `count` an integer ≥ 0; `days`, `minutes`, `hours`, `seconds` a number ≥ 0;
 * `amountMinor` an integer; `percent`, `ratio`, `score`, `number` any finite number
 * (percentages are not range-checked: NPS runs −100…100 and growth can pass 100).
 *
 * @category Incentives
 */
export type MetricType =
  | "count"
  | "days"
  | "minutes"
  | "hours"
  | "seconds"
  | "percent"
  | "ratio"
  | "score"
  | "number"
  | "amountMinor";

/**
 * Which way a metric improves: `"higher"` (CSAT) or `"lower"` (first response time).
 *
 * @category Incentives
 */
export type Better = "higher" | "lower";

/**
 * A metric the plan reads, declared under `metrics` (per agent) or `teamMetrics`.
 *
 * @category Incentives
 */
export interface MetricDefinition {
  /** The kind of value, checked on every input. */
  readonly type: MetricType;
  /** Which way the metric improves; scorecard KPIs on it inherit this. @defaultValue `"higher"` */
  readonly better?: Better;
  /** A display name for statements. */
  readonly label?: string;
  /** Free text for plan readers. */
  readonly description?: string;
}

/**
 * One band of a tiered component: `[fromPct, toPct)` of the target, paying
 * `ratePerUnitMinor` per unit. Bands are contiguous from 0; only the last is open-ended.
 *
 * @category Incentives
 */
export interface Band {
  /** Lower edge in percent of target (inclusive). */
  readonly fromPct: ExactNumber;
  /** Upper edge in percent of target (exclusive); absent on the last band only. */
  readonly toPct?: ExactNumber;
  /** Minor units per unit of the basis inside this band, e.g. `"112.5"`. */
  readonly ratePerUnitMinor: ExactNumber;
  /** A display name for statements. */
  readonly label?: string;
  /** Free text for plan readers. */
  readonly description?: string;
}

/**
 * A component's cap: a fixed amount, a percentage of the (prorated) target
 * incentive (scorecards only), or both (the lower binds).
 *
 * @category Incentives
 */
export interface Cap {
  /** The most this line pays, in minor units. */
  readonly amountMinor?: number;
  /** The most this line pays, in percent of the prorated target incentive (scorecards only). */
  readonly pctOfTarget?: ExactNumber;
}

/**
 * Fields every component carries.
 *
 * @category Incentives
 */
export interface ComponentBase {
  /** Unique among components and team awards; the id of the component's line. */
  readonly id: string;
  /** The line pays only when this holds (checked before anything else). */
  readonly when?: Condition;
  /** A display name for statements. */
  readonly label?: string;
  /** Free text for plan readers. */
  readonly description?: string;
  /** Part of the line held back until the data has matured (read by `settlePayouts` only). */
  readonly holdback?: Holdback;
}

/**
 * Part of a component's line held back by `settlePayouts` and released a number
 * of settlements later: `pct` of the line (0–100) or a fixed `amountMinor`
 * (never more than the line), not both.
 *
 * @category Incentives
 */
export interface Holdback {
  /** The share of the line held back, in percent (0–100). */
  readonly pct?: ExactNumber;
  /** A fixed amount held back, in minor units (at most the line). */
  readonly amountMinor?: number;
  /** How many settlements later the held amount is released (an integer ≥ 1). */
  readonly releaseAfterPeriods: number;
}

/**
 * What `settlePayouts` does when a restatement lowers a line already paid:
 * `recover` deducts it now (a payment may turn negative), `carryForward`
 * deducts it from later payments without ever making one negative, `forgive`
 * lets the agent keep it. Outside `windowPeriods` settlements, lowered lines are forgiven.
 *
 * @category Incentives
 */
export interface Clawback {
  /** The policy. @defaultValue `"recover"` when the plan has no `clawback` */
  readonly policy: "recover" | "carryForward" | "forgive";
  /** How many settlements back a lowered line is still recovered (an integer ≥ 1). @defaultValue no limit */
  readonly windowPeriods?: number;
}

/**
 * A draw: a guaranteed minimum pay for an agent's first `periods` settlements.
 * When pay falls short, an advance tops it up; a recoverable advance is
 * recovered from pay above the draw within those periods, the rest forgiven at their end.
 *
 * @category Incentives
 */
export interface Draw {
  /** The guaranteed pay per period, in minor units. */
  readonly amountMinor: number;
  /** Whether advances are recovered from later pay above the draw. */
  readonly recoverable: boolean;
  /** How many of the agent's settlements the draw lasts (an integer ≥ 1). */
  readonly periods: number;
}

/**
 * Commission on a count in bands of percent of a target. `graduated` pays
 * each band's rate on the units inside it; `retroactive` pays the rate of the
 * band reached on every unit.
 *
 * @category Incentives
 */
export interface TieredComponent extends ComponentBase {
  /** The discriminant. */
  readonly type: "tiered";
  /** How bands combine. */
  readonly mode: "graduated" | "retroactive";
  /** The agent metric counted (e.g. `tickets_resolved`); must be ≥ 0. */
  readonly basis: string;
  /** The target the band percentages refer to. */
  readonly target: {
    /** The target in units of the basis (> 0). */
    readonly value: ExactNumber;
    /** Scale the target by active days / period days. @defaultValue `false` */
    readonly prorate?: boolean;
  };
  /** The bands, contiguous from 0 %, the last open-ended. */
  readonly bands: readonly Band[];
  /** An optional cap (`amountMinor` only). */
  readonly cap?: Cap;
}

/**
 * One KPI of a scorecard: a metric scored through a piecewise-linear curve.
 *
 * @category Incentives
 */
export interface Kpi {
  /** Unique within the scorecard. */
  readonly id: string;
  /** The agent metric scored. */
  readonly metric: string;
  /** Weight in percent; a scorecard's weights sum to exactly 100. */
  readonly weight: ExactNumber;
  /** `[metricValue, scorePct]` points, metric values strictly improving, scores never falling. */
  readonly curve: readonly (readonly [ExactNumber, ExactNumber])[];
  /** Which way the metric improves. @defaultValue the metric's `better`, else `"higher"` */
  readonly better?: Better;
  /** When the gate's condition fails the KPI scores 0 and the reason is recorded. */
  readonly gate?: {
    /** The condition that must hold. */
    readonly when: Condition;
    /** A short reason code shown when the gate fails, e.g. `"min_sample"`. */
    readonly reason: string;
  };
  /** A display name for statements. */
  readonly label?: string;
  /** Free text for plan readers. */
  readonly description?: string;
}

/**
 * A weighted scorecard of KPIs paying a share of a target incentive through a payout curve.
 *
 * @category Incentives
 */
export interface ScorecardComponent extends ComponentBase {
  /** The discriminant. */
  readonly type: "scorecard";
  /** The pay at a payout factor of 100 %, in minor units. */
  readonly targetIncentiveMinor: number;
  /** Scale the target incentive (and percentage caps) by active days / period days. @defaultValue `false` */
  readonly prorate?: boolean;
  /** The KPIs; weights sum to 100. */
  readonly kpis: readonly Kpi[];
  /** Below `minWeightedPct` of weighted score the component pays 0. */
  readonly gate?: {
    /** The least weighted score that pays (inclusive). */
    readonly minWeightedPct: ExactNumber;
  };
  /** `[weightedScore, payoutPct]` points. @defaultValue `[[0, 0], [100, 100]]` then flat */
  readonly payoutCurve?: readonly (readonly [ExactNumber, ExactNumber])[];
  /** An optional cap (`amountMinor` and/or `pctOfTarget`). */
  readonly cap?: Cap;
}

/**
 * A fixed amount paid when a condition holds.
 *
 * @category Incentives
 */
export interface FlatComponent extends ComponentBase {
  /** The discriminant. */
  readonly type: "flat";
  /** The amount in minor units. */
  readonly amountMinor: number;
  /** Scale the amount by active days / period days. @defaultValue `false` */
  readonly prorate?: boolean;
}

/**
 * A rate per unit of a metric, with an optional condition and cap.
 *
 * @category Incentives
 */
export interface PerUnitComponent extends ComponentBase {
  /** The discriminant. */
  readonly type: "perUnit";
  /** The agent metric counted; must be ≥ 0. */
  readonly basis: string;
  /** Minor units per unit, e.g. `"12.5"`. */
  readonly ratePerUnitMinor: ExactNumber;
  /** An optional cap (`amountMinor` only). */
  readonly cap?: Cap;
}

/**
 * A plan component: one cash line per agent.
 *
 * @category Incentives
 */
export type Component = TieredComponent | ScorecardComponent | FlatComponent | PerUnitComponent;

/**
 * An incentive plan, `cs-incentive-plan/1`. See the guide "Incentive plans" for each field.
 *
 * @category Incentives
 */
export interface Plan {
  /** Always `"cs-incentive-plan/1"`. */
  readonly schema: "cs-incentive-plan/1";
  /** The plan's id. */
  readonly id: string;
  /** The plan's version, an integer ≥ 1. */
  readonly version: number;
  /** The dates (`YYYY-MM-DD`) the plan applies to. */
  readonly effective: {
    /** First day, inclusive. */
    readonly from: string;
    /** Last day, inclusive. */
    readonly to: string;
  };
  /** The pay period. */
  readonly period: {
    /** Days in the period (the proration denominator), an integer ≥ 1. */
    readonly days: number;
  };
  /** The currency of every `…Minor` amount. */
  readonly currency: {
    /** ISO 4217 code, three capital letters. */
    readonly code: string;
    /** Minor-unit digits (USD 2, JPY 0, KWD 3), 0–4. */
    readonly exponent: number;
  };
  /** How lines are rounded. @defaultValue `{ mode: "halfAwayFromZero" }` */
  readonly rounding?: {
    /** The mode. */
    readonly mode: RoundingMode;
  };
  /** The per-agent metrics the plan reads. */
  readonly metrics: Readonly<Record<string, MetricDefinition>>;
  /** The team metrics the plan reads. */
  readonly teamMetrics?: Readonly<Record<string, MetricDefinition>>;
  /** `"error"` throws on a missing metric; `"zero"` reads it as 0 and says so in the trace. @defaultValue `"error"` */
  readonly onMissingMetric?: "error" | "zero";
  /** Proration by active days. */
  readonly proration?: {
    /** The agent metric holding active days (0 ≤ value ≤ `period.days`). */
    readonly activeDaysMetric: string;
  };
  /** The components, one line each, in this order. */
  readonly components: readonly Component[];
  /** The most an agent's component lines may sum to; the excess is a negative adjustment line. */
  readonly planCap?: {
    /** The cap in minor units. */
    readonly amountMinor: number;
  };
  /** Team awards, decided after the plan cap and not capped by it. */
  readonly teamAwards?: readonly TeamAward[];
  /** How `settlePayouts` treats a restatement that lowers a paid line. @defaultValue `{ policy: "recover" }` */
  readonly clawback?: Clawback;
  /** A draw for every agent (an agent's own `draw` in a settlement input replaces it). */
  readonly draw?: Draw;
  /** A display name. */
  readonly label?: string;
  /** Free text for plan readers. */
  readonly description?: string;
}

/**
 * One agent's input: an id and the metric values for the period.
 *
 * @category Incentives
 */
export interface AgentInput {
  /** A unique, non-empty id. */
  readonly id: string;
  /** Metric values by name (finite numbers); names the plan does not declare are ignored. */
  readonly metrics: Readonly<Record<string, number>>;
}

/**
 * The input of an evaluation.
 *
 * @category Incentives
 */
export interface PlanInput {
  /** The agents, in the order results come back. */
  readonly agents: readonly AgentInput[];
  /** Team metric values by name. */
  readonly teamMetrics?: Readonly<Record<string, number>>;
}

/**
 * Options of `evaluatePlan` and of a compiled plan.
 *
 * @category Incentives
 */
export interface EvaluateOptions {
  /** Attach a trace to every agent result (amounts are identical either way). @defaultValue `false` */
  readonly trace?: boolean;
}
