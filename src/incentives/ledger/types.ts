/**
 * The shapes of a settlement: its input (one period's metrics, restatements of
 * earlier periods, mid-period plan changes) and its result, `Settlement`, plain
 * JSON that the next period's settlement reads as `previous`.
 *
 * @module
 */
import type { LineKind } from "../result.js";
import type { Draw, Plan, RoundingMode } from "../schema.js";

/**
 * One part of a period under one plan version: `from` and `to` are dates
 * (`YYYY-MM-DD`, inclusive); the segments of a period are contiguous.
 *
 * @category Incentives
 */
export interface PlanSegment {
  /** The plan in force on these days. */
  readonly plan: Plan;
  /** First day, inclusive. */
  readonly from: string;
  /** Last day, inclusive. */
  readonly to: string;
}

/**
 * A period settled under more than one plan version (a plan changed mid-month).
 * Every plan has the same `id` and currency.
 *
 * @category Incentives
 */
export interface PlanSchedule {
  /** The segments, in date order, contiguous. */
  readonly plans: readonly PlanSegment[];
}

/**
 * One agent of a settlement input.
 *
 * @category Incentives
 */
export interface SettlementAgentInput {
  /** A unique, non-empty id. */
  readonly id: string;
  /** Metric values for the period, as `evaluatePlan` reads them. */
  readonly metrics: Readonly<Record<string, number>>;
  /** This agent's draw (read in the agent's first settlement), replacing the plan's `draw`. */
  readonly draw?: Draw;
}

/**
 * A past period's metrics as they should have been: late surveys, reopened
 * tickets, recalculated SLAs. Agents not listed keep the metrics they were paid on.
 *
 * @category Incentives
 */
export interface Restatement {
  /** The period restated: one the previous settlement knows. */
  readonly period: string;
  /** The restated agents (each with all its metrics for that period). */
  readonly agents: readonly {
    /** An agent of that period. */
    readonly id: string;
    /** The metric values as restated. */
    readonly metrics: Readonly<Record<string, number>>;
  }[];
  /** The team metrics as restated; absent: unchanged. */
  readonly teamMetrics?: Readonly<Record<string, number>>;
}

/**
 * The input of one settlement.
 *
 * @category Incentives
 */
export interface SettlementInput {
  /** The period's label, e.g. `"2025-06"`; not yet settled. */
  readonly period: string;
  /** The agents paid this period, in the order results come back. */
  readonly agents: readonly SettlementAgentInput[];
  /** Team metric values for the period. */
  readonly teamMetrics?: Readonly<Record<string, number>>;
  /** Earlier periods restated (in any order: the result does not depend on it). */
  readonly restatements?: readonly Restatement[];
}

/**
 * Options of `settlePayouts`.
 *
 * @category Incentives
 */
export interface SettleOptions {
  /** The previous period's settlement (absent for the first period). */
  readonly previous?: Settlement;
  /** A date or instant stamped on the settlement (`"2025-07-05"`); nothing reads the clock. */
  readonly asOf?: string;
}

/**
 * What a ledger line is:
 * - `earning`: a plan line of the period settled (a component, the plan cap adjustment, a cash award);
 * - `adjustment`: a true-up of an earlier period's line after a restatement, or the recovery of one carried forward;
 * - `holdback` (negative) and `release` (positive): part of an earning held back, then paid;
 * - `drawAdvance` (positive), `drawRecovery` (negative), `drawForgiven` (0: marks a draw balance forgiven).
 *
 * @category Incentives
 */
export type LedgerLineKind =
  | "earning"
  | "adjustment"
  | "holdback"
  | "release"
  | "drawAdvance"
  | "drawRecovery"
  | "drawForgiven";

/**
 * The part of a period one plan version covered (mid-period plan changes).
 *
 * @category Incentives
 */
export interface SegmentLabel {
  /** The segment's position in the period. */
  readonly index: number;
  /** The plan version in force. */
  readonly planVersion: number;
  /** First day, inclusive. */
  readonly from: string;
  /** Last day, inclusive. */
  readonly to: string;
  /** Days in the segment. */
  readonly days: number;
  /** Days in the whole period (all segments). */
  readonly periodDays: number;
}

/**
 * One line of an agent's settlement. `amountMinor` is what the line pays (negative: deducted).
 *
 * @category Incentives
 */
export interface LedgerLine {
  /** What the line is. */
  readonly kind: LedgerLineKind;
  /** The amount in minor units, paid (> 0) or deducted (< 0). */
  readonly amountMinor: number;
  /** The period the line concerns: the period settled, or the restated or held period. */
  readonly period: string;
  /** The plan line it concerns: a component or award id, or `"planCap"`. */
  readonly componentId?: string;
  /** The plan line's kind (`tiered`, `planCap`, `pool`, …). */
  readonly lineKind?: LineKind;
  /** The segment of a period settled under several plan versions. */
  readonly segment?: SegmentLabel;
  /** A segment's line: the plan line for the whole period, before the share of days. */
  readonly fullMinor?: number;
  /** A line rounded here (a segment's share, a percentage holdback): the plan's rounding mode. */
  readonly rounding?: RoundingMode;
  /** An adjustment: the line as paid before, in minor units. */
  readonly previousMinor?: number;
  /** An adjustment: the line as restated, in minor units. */
  readonly restatedMinor?: number;
  /** An adjustment: the agent's metrics that changed in the restatement. */
  readonly metrics?: readonly string[];
  /** An adjustment: the team metrics that changed in the restatement. */
  readonly teamMetrics?: readonly string[];
  /** A lowered line: the clawback policy applied (`"forgive"` also outside the window). */
  readonly policy?: "recover" | "carryForward" | "forgive";
  /** A lowered line forgiven, or the draw balance forgiven (`drawForgiven`), in minor units. */
  readonly forgivenMinor?: number;
  /** `carryForward`: what is still to be recovered from this line after this one, in minor units. */
  readonly owedMinor?: number;
  /** A holdback: the share held, in percent, as written in the plan. */
  readonly pct?: string;
  /** A holdback or release: the earning it is part of, in minor units. */
  readonly baseMinor?: number;
  /** A holdback: released this many settlements later. */
  readonly releaseAfterPeriods?: number;
  /** A draw line: the draw per period, in minor units. */
  readonly drawMinor?: number;
  /** A draw line: the pay before the draw line, in minor units. */
  readonly payBeforeMinor?: number;
  /** A draw line: the draw balance after the line, in minor units. */
  readonly balanceMinor?: number;
}

/**
 * A plan line as last evaluated for an agent and period, kept to compute true-ups.
 *
 * @category Incentives
 */
export interface PriorLine {
  /** The plan line's id. */
  readonly id: string;
  /** The plan line's kind. */
  readonly kind: LineKind;
  /** The segment index (0 unless the period was segmented). */
  readonly segment: number;
  /** The line's amount on the latest data, in minor units. */
  readonly amountMinor: number;
  /** The amount the ledger has recognized (paid or recovering), when it differs: a lowered line forgiven. */
  readonly recognizedMinor?: number;
}

/**
 * An agent's result for one earlier period, as last evaluated.
 *
 * @category Incentives
 */
export interface PriorPeriod {
  /** The period. */
  readonly period: string;
  /** The metrics it was last evaluated on. */
  readonly metrics: Readonly<Record<string, number>>;
  /** Its plan lines. */
  readonly lines: readonly PriorLine[];
}

/**
 * Part of an earning held back, waiting for its release.
 *
 * @category Incentives
 */
export interface HeldAmount {
  /** The period it was earned in. */
  readonly period: string;
  /** The component. */
  readonly componentId: string;
  /** The segment index (0 unless the period was segmented). */
  readonly segment: number;
  /** The amount held, in minor units. */
  readonly amountMinor: number;
  /** The sequence number of the settlement that releases it. */
  readonly releaseSequence: number;
}

/**
 * A lowered line still to be recovered (`carryForward`).
 *
 * @category Incentives
 */
export interface OwedAmount {
  /** The restated period. */
  readonly period: string;
  /** The plan line. */
  readonly componentId: string;
  /** The segment index (0 unless the period was segmented). */
  readonly segment: number;
  /** Still to recover, in minor units (> 0). */
  readonly amountMinor: number;
}

/**
 * An agent's draw as it stands.
 *
 * @category Incentives
 */
export interface DrawState {
  /** The guaranteed pay per period, in minor units. */
  readonly amountMinor: number;
  /** Whether advances are recovered. */
  readonly recoverable: boolean;
  /** How many settlements the draw lasts. */
  readonly periods: number;
  /** How many of them have been settled. */
  readonly periodsUsed: number;
  /** Advances not yet recovered, in minor units. */
  readonly balanceMinor: number;
}

/**
 * An agent's sums over every settlement so far, in minor units. They always
 * satisfy `paid = earned + forgiven + owed − recovered + advanced − held + released`.
 *
 * @category Incentives
 */
export interface ToDate {
  /** All plan lines of every period on the latest data. */
  readonly earnedMinor: number;
  /** Lowered lines the agent keeps (forgiven). */
  readonly forgivenMinor: number;
  /** Lowered lines paid and still to recover (`carryForward`): paid but no longer earned. */
  readonly owedMinor: number;
  /** Draw advances recovered. */
  readonly recoveredMinor: number;
  /** Draw advances paid. */
  readonly advancedMinor: number;
  /** Held back (all holdback lines). */
  readonly heldMinor: number;
  /** Released (all release lines). */
  readonly releasedMinor: number;
  /** Paid (all lines). */
  readonly paidMinor: number;
}

/**
 * What an agent carries to the next settlement.
 *
 * @category Incentives
 */
export interface AgentCarry {
  /** The draw, from the agent's first settlement; `null` without one. */
  readonly draw: DrawState | null;
  /** Amounts held back, not yet released. */
  readonly held: readonly HeldAmount[];
  /** Lowered lines still to recover (`carryForward`). */
  readonly owed: readonly OwedAmount[];
  /** Every period the agent was paid in, as last evaluated. */
  readonly periods: readonly PriorPeriod[];
  /** Sums over every settlement so far. */
  readonly toDate: ToDate;
}

/**
 * One agent's settlement.
 *
 * @category Incentives
 */
export interface SettlementAgent {
  /** The agent's id. */
  readonly id: string;
  /** The ledger lines of this settlement, in the order of operations. */
  readonly lines: readonly LedgerLine[];
  /** The sum of `lines`, in minor units. */
  readonly paidMinor: number;
  /** What is carried to the next settlement. */
  readonly carry: AgentCarry;
}

/**
 * A period the ledger knows.
 *
 * @category Incentives
 */
export interface SettledPeriod {
  /** The period's label. */
  readonly period: string;
  /** Its settlement's sequence number (1 for the first). */
  readonly sequence: number;
  /** The plan versions in force, with their days. */
  readonly segments: readonly {
    /** The plan version. */
    readonly planVersion: number;
    /** First day, when the period was segmented. */
    readonly from?: string;
    /** Last day, when the period was segmented. */
    readonly to?: string;
    /** Days in the segment. */
    readonly days: number;
  }[];
  /** The team metrics, as last evaluated. */
  readonly teamMetrics: Readonly<Record<string, number>>;
  /** The agents paid in the period, in their order. */
  readonly agentIds: readonly string[];
}

/**
 * The totals of a settlement, in minor units, by line kind.
 *
 * @category Incentives
 */
export interface SettlementTotals {
  /** All agents' `paidMinor`. */
  readonly paidMinor: number;
  /** Earning lines. */
  readonly earningMinor: number;
  /** Adjustment lines. */
  readonly adjustmentMinor: number;
  /** Holdback lines (≤ 0). */
  readonly holdbackMinor: number;
  /** Release lines. */
  readonly releaseMinor: number;
  /** Draw advance lines. */
  readonly drawAdvanceMinor: number;
  /** Draw recovery lines (≤ 0). */
  readonly drawRecoveryMinor: number;
}

/**
 * One period's settlement: plain JSON, passed as `previous` to the next.
 *
 * @category Incentives
 */
export interface Settlement {
  /** Always `"cs-settlement/1"`. */
  readonly schema: "cs-settlement/1";
  /** The plan's id. */
  readonly planId: string;
  /** The period settled. */
  readonly period: string;
  /** 1 for the first settlement, then one more each period. */
  readonly sequence: number;
  /** The `asOf` option, when given. */
  readonly asOf?: string;
  /** The plans' currency. */
  readonly currency: {
    /** ISO 4217 code. */
    readonly code: string;
    /** Minor-unit digits. */
    readonly exponent: number;
  };
  /** Agents of the input in input order, then earlier agents still carried, in their earlier order. */
  readonly agents: readonly SettlementAgent[];
  /** Sums over agents. */
  readonly totals: SettlementTotals;
  /** Every period settled so far, oldest first. */
  readonly periods: readonly SettledPeriod[];
  /** Every plan version used so far, as given (restatements re-evaluate with these). */
  readonly plans: readonly Plan[];
}
