/**
 * What an evaluation returns: each agent's cash lines and rewards, the plan's
 * totals, and the trace (`trace: true`): every input read, every band and KPI
 * with its exact value as a fraction string (`"30800/3"`), every condition node
 * with the values it compared (`"csat_responses 14 < 20"`), the caps considered
 * and whether they bound, the rounding mode and the rounded amount. Types only;
 * `formatTrace` (format-trace.ts) renders a trace as the statement an agent reads.
 *
 * @module
 */
import type { PlanIssue } from "../errors.js";
import type { RoundingMode } from "./schema.js";
/**
 * What a line is: a component's type, the plan cap adjustment, or a cash team award.
 *
 * @category Incentives
 */
export type LineKind = "tiered" | "scorecard" | "flat" | "perUnit" | "planCap" | "rank" | "pool";

/**
 * One cash line of an agent's result.
 *
 * @category Incentives
 */
export interface PlanLine {
  /** The component's or award's id; `"planCap"` for the plan cap adjustment. */
  readonly id: string;
  /** What kind of rule made the line. */
  readonly kind: LineKind;
  /** The amount in minor units: ≥ 0, except the plan cap adjustment (≤ 0). */
  readonly amountMinor: number;
}

/**
 * A non-cash reward an agent won.
 *
 * @category Incentives
 */
export interface AgentReward {
  /** The award's id. */
  readonly awardId: string;
  /** The reward's kind, e.g. `"paidTimeOff"`. */
  readonly kind: string;
  /** How much. */
  readonly quantity: number;
  /** The unit of `quantity`. */
  readonly unit: string;
}

/**
 * One agent's result.
 *
 * @category Incentives
 */
export interface AgentResult {
  /** The agent's id. */
  readonly id: string;
  /** The sum of the agent's lines, in minor units. */
  readonly cashMinor: number;
  /** A line per component, the plan cap adjustment (when the plan has a cap), a line per cash team award. */
  readonly lines: readonly PlanLine[];
  /** The non-cash rewards won. */
  readonly rewards: readonly AgentReward[];
  /** How every amount was reached (with `trace: true`). */
  readonly trace?: AgentTrace;
}

/**
 * The result of an evaluation.
 *
 * @category Incentives
 */
export interface PlanResult {
  /** The plan's id. */
  readonly planId: string;
  /** The plan's version. */
  readonly version: number;
  /** The plan's currency. */
  readonly currency: {
    /** ISO 4217 code. */
    readonly code: string;
    /** Minor-unit digits. */
    readonly exponent: number;
  };
  /** The rounding applied to every line. */
  readonly rounding: {
    /** The mode. */
    readonly mode: RoundingMode;
  };
  /** One result per input agent, in input order. */
  readonly agents: readonly AgentResult[];
  /** What the plan costs. */
  readonly totals: {
    /** All agents' cash, in minor units. */
    readonly cashMinor: number;
    /** The cost of the non-cash rewards won (`costModelMinor` per winner), in minor units. */
    readonly rewardCostMinor: number;
  };
}

/**
 * The outcome of one condition node. Comparisons read
 * `"csat_responses 14 < 20"`: the relation that actually holds between the
 * value read and the constant; `all`, `any` and `not` carry their children.
 *
 * @category Incentives
 */
export interface ConditionTrace {
  /** `"compare"` for a comparison, else the combinator. */
  readonly node: "compare" | "all" | "any" | "not";
  /** Whether the node held. */
  readonly passed: boolean;
  /** A comparison's reading (`"qa_score 84 not in [85, 100]"`) or the combinator's name. */
  readonly text: string;
  /** The children of `all`, `any` and `not`, each evaluated (no short-circuit in traces). */
  readonly nodes?: readonly ConditionTrace[];
}

/**
 * A cap considered for a line.
 *
 * @category Incentives
 */
export interface CapTrace {
  /** `"amount"` (`cap.amountMinor`) or `"pctOfTarget"`. */
  readonly cap: "amount" | "pctOfTarget";
  /** The cap's limit in minor units, exact (`"70000"`). */
  readonly limit: string;
  /** Whether the cap lowered the amount. */
  readonly bound: boolean;
}

/**
 * One band of a tiered line.
 *
 * @category Incentives
 */
export interface BandTrace {
  /** The band's position in the plan. */
  readonly index: number;
  /** The band's label, if any. */
  readonly label?: string;
  /** `fromPct` of the band. */
  readonly fromPct: string;
  /** `toPct` of the band, `null` for the open-ended last band. */
  readonly toPct: string | null;
  /** The lower edge in units: target × fromPct / 100. */
  readonly fromUnits: string;
  /** The upper edge in units, `null` when open-ended. */
  readonly toUnits: string | null;
  /** The units paid at this band's rate. */
  readonly units: string;
  /** The band's rate per unit, minor units. */
  readonly ratePerUnitMinor: string;
  /** units × rate, exact. */
  readonly amount: string;
}

/**
 * One KPI of a scorecard line.
 *
 * @category Incentives
 */
export interface KpiTrace {
  /** The KPI's id. */
  readonly id: string;
  /** The metric scored. */
  readonly metric: string;
  /** The value read, exact. */
  readonly value: string;
  /** The KPI's weight. */
  readonly weight: string;
  /** Which way the metric improves. */
  readonly better: "higher" | "lower";
  /** How the score was read off the curve, e.g. `"between [95, 100] and [98, 150]"` or `"beyond the last point"`. */
  readonly segment: string;
  /** The gate, when the KPI has one. */
  readonly gate?: {
    /** Whether it held. */
    readonly passed: boolean;
    /** The plan's reason code, e.g. `"min_sample"`. */
    readonly reason: string;
    /** The condition's outcome. */
    readonly condition: ConditionTrace;
  };
  /** The KPI score in percent, exact (`"400/3"`); 0 when the gate failed. */
  readonly score: string;
  /** weight × score / 100, exact. */
  readonly contribution: string;
}

/**
 * Fields every line trace carries.
 *
 * @category Incentives
 */
export interface LineTraceBase {
  /** The line's id. */
  readonly id: string;
  /** The component's label, if any. */
  readonly label?: string;
  /** Each metric read, as the exact decimal read (`"96.5"`), or `"missing (read as 0)"`. */
  readonly inputs: Readonly<Record<string, string>>;
  /** The component's `when`, when it has one. */
  readonly when?: ConditionTrace;
  /** The exact amount before caps, minor units (`"49750"`, `"30800/3"`). */
  readonly exact: string;
  /** Every cap considered. */
  readonly caps: readonly CapTrace[];
  /** The exact amount after caps. */
  readonly capped: string;
  /** The rounding mode applied. */
  readonly rounding: RoundingMode;
  /** The line's amount in minor units. */
  readonly amountMinor: number;
}

/**
 * The trace of a tiered line.
 *
 * @category Incentives
 */
export interface TieredLineTrace extends LineTraceBase {
  /** The discriminant. */
  readonly kind: "tiered";
  /** `graduated` or `retroactive`. */
  readonly mode: "graduated" | "retroactive";
  /** The basis metric. */
  readonly basis: string;
  /** The units read. */
  readonly units: string;
  /** The plan's target. */
  readonly target: string;
  /** The target after proration (equal to `target` when not prorated). */
  readonly proratedTarget: string;
  /** The bands paid (graduated: each band reached; retroactive: the band reached). */
  readonly bands: readonly BandTrace[];
}

/**
 * The trace of a scorecard line.
 *
 * @category Incentives
 */
export interface ScorecardLineTrace extends LineTraceBase {
  /** The discriminant. */
  readonly kind: "scorecard";
  /** The plan's target incentive, minor units. */
  readonly targetIncentive: string;
  /** The target incentive after proration. */
  readonly proratedTargetIncentive: string;
  /** Each KPI. */
  readonly kpis: readonly KpiTrace[];
  /** W = Σ weight × score / 100, exact. */
  readonly weightedScore: string;
  /** The component gate, when there is one. */
  readonly gate?: {
    /** The least weighted score that pays. */
    readonly minWeightedPct: string;
    /** Whether W reached it. */
    readonly passed: boolean;
  };
  /** The payout factor in percent read off the payout curve at W (0 below the gate). */
  readonly payoutFactor: string;
}

/**
 * The trace of a flat line.
 *
 * @category Incentives
 */
export interface FlatLineTrace extends LineTraceBase {
  /** The discriminant. */
  readonly kind: "flat";
  /** The plan's amount. */
  readonly amount: string;
  /** Whether it was prorated. */
  readonly prorated: boolean;
}

/**
 * The trace of a per-unit line.
 *
 * @category Incentives
 */
export interface PerUnitLineTrace extends LineTraceBase {
  /** The discriminant. */
  readonly kind: "perUnit";
  /** The basis metric. */
  readonly basis: string;
  /** The units read. */
  readonly units: string;
  /** The rate per unit, minor units. */
  readonly ratePerUnitMinor: string;
}

/**
 * The trace of a component line.
 *
 * @category Incentives
 */
export type LineTrace = TieredLineTrace | ScorecardLineTrace | FlatLineTrace | PerUnitLineTrace;

/**
 * How the plan cap applied.
 *
 * @category Incentives
 */
export interface PlanCapTrace {
  /** The cap, minor units. */
  readonly limitMinor: number;
  /** The sum of the component lines, minor units. */
  readonly componentsMinor: number;
  /** Whether the cap bound. */
  readonly bound: boolean;
  /** The adjustment line's amount (≤ 0). */
  readonly adjustmentMinor: number;
}

/**
 * How a rank award was decided for this agent.
 *
 * @category Incentives
 */
export interface RankAwardTrace {
  /** The discriminant. */
  readonly kind: "rank";
  /** The award's id. */
  readonly id: string;
  /** The award's label, if any. */
  readonly label?: string;
  /** The eligibility condition's outcome, when there is one. */
  readonly eligibility?: ConditionTrace;
  /** Whether the agent was ranked. */
  readonly eligible: boolean;
  /** The ranked values, `metric: value` in order (the ranking metric, then each tie-breaker). */
  readonly values: readonly string[];
  /** The competition rank ("1, 2, 2, 4") among eligible agents, `null` when not eligible. */
  readonly rank: number | null;
  /** How many agents were ranked. */
  readonly ranked: number;
  /** Agents tied with this one after every tie-breaker. */
  readonly tiedWith: readonly string[];
  /** Whether the agent won. */
  readonly won: boolean;
  /** Why, in words (`"rank 2 of 3, tied with dev at the cutoff of top 2; includeAllTiedAtCutoff: wins"`). */
  readonly reason: string;
}

/**
 * How a pool award was decided for this agent.
 *
 * @category Incentives
 */
export interface PoolAwardTrace {
  /** The discriminant. */
  readonly kind: "pool";
  /** The award's id. */
  readonly id: string;
  /** The award's label, if any. */
  readonly label?: string;
  /** The funding condition's outcome, when there is one. */
  readonly funding?: ConditionTrace;
  /** Whether the pool was funded. */
  readonly funded: boolean;
  /** The eligibility condition's outcome, when there is one. */
  readonly eligibility?: ConditionTrace;
  /** Whether the agent shares the pool. */
  readonly eligible: boolean;
  /** The agent's weight (the split metric's value), exact. */
  readonly weight: string;
  /** The pool, minor units. */
  readonly poolMinor: number;
  /** The sum of the eligible agents' weights, exact. */
  readonly totalWeight: string;
  /** pool × weight / total, exact (`"31000000/409"`). */
  readonly exactShare: string;
  /** Whether a leftover unit went to this agent (largest remainder). */
  readonly remainderUnit: boolean;
  /** The share, minor units. */
  readonly amountMinor: number;
}

/**
 * The trace of a team award.
 *
 * @category Incentives
 */
export type AwardTrace = RankAwardTrace | PoolAwardTrace;

/**
 * An agent's whole trace.
 *
 * @category Incentives
 */
export interface AgentTrace {
  /** The plan's currency, for rendering amounts. */
  readonly currency: {
    /** ISO 4217 code. */
    readonly code: string;
    /** Minor-unit digits. */
    readonly exponent: number;
  };
  /** The proration factor p = active days / period days, when the plan prorates. */
  readonly proration?: {
    /** The metric read. */
    readonly activeDaysMetric: string;
    /** Its value. */
    readonly activeDays: string;
    /** `period.days`. */
    readonly periodDays: number;
    /** p, exact (`"2/5"`). */
    readonly factor: string;
  };
  /** One trace per component line, in plan order. */
  readonly lines: readonly LineTrace[];
  /** The plan cap, when the plan has one. */
  readonly planCap?: PlanCapTrace;
  /** One trace per team award, in plan order. */
  readonly awards: readonly AwardTrace[];
  /** Metrics that were missing and read as 0 (`onMissingMetric: "zero"`). */
  readonly missing: readonly string[];
  /** The plan's warnings (see `validatePlan`), when it has any: valid but probably wrong. */
  readonly warnings?: readonly PlanIssue[];
}
