/**
 * The team awards of the incentive-plan schema (`cs-incentive-plan/1`): rank
 * awards with their rewards, and pools. Re-exported by `schema.ts`.
 *
 * @module
 */

import type { Condition } from "./schema-conditions.js";

/**
 * A cash reward of a rank award, paid as a line (outside the plan cap).
 *
 * @category Incentives
 */
export interface CashReward {
  /** The discriminant. */
  readonly kind: "cash";
  /** The amount per winner, in minor units. */
  readonly amountMinor: number;
}

/**
 * A non-cash reward: paid time off, a gift card, a trip, recognition…
 *
 * @category Incentives
 */
export interface NonCashReward {
  /** What is given, e.g. `"paidTimeOff"`, `"giftCard"`, `"trip"`, `"recognition"`. */
  readonly kind: string;
  /** How much of it per winner (> 0). */
  readonly quantity: number;
  /** The unit of `quantity`, e.g. `"day"`. */
  readonly unit: string;
  /** What one winner's reward costs the company, in minor units (counted in `totals.rewardCostMinor`). @defaultValue `0` */
  readonly costModelMinor?: number;
}

/**
 * A rank award's reward.
 *
 * @category Incentives
 */
export type Reward = CashReward | NonCashReward;

/**
 * Top-N of the eligible agents by a metric, with tie-breakers and a tie policy at the cutoff.
 *
 * @category Incentives
 */
export interface RankAward {
  /** The discriminant. */
  readonly type: "rank";
  /** Unique among components and team awards. */
  readonly id: string;
  /** The agent metric ranked. */
  readonly metric: string;
  /** `"desc"`: highest first. @defaultValue `"desc"` */
  readonly order?: "asc" | "desc";
  /** How many places win (an integer ≥ 1). */
  readonly top: number;
  /** Who may be ranked. */
  readonly eligible?: Condition;
  /** Further metrics that order agents tied on `metric`, in turn. */
  readonly tieBreakers?: readonly {
    /** The agent metric. */
    readonly metric: string;
    /** `"desc"`: highest first. @defaultValue `"desc"` */
    readonly order?: "asc" | "desc";
  }[];
  /** Whether agents still tied across the cutoff all win or all lose. @defaultValue `"includeAllTiedAtCutoff"` */
  readonly tiePolicy?: "includeAllTiedAtCutoff" | "excludeAllTiedAtCutoff";
  /** What each winner receives. */
  readonly reward: Reward;
  /** A display name for statements. */
  readonly label?: string;
  /** Free text for plan readers. */
  readonly description?: string;
}

/**
 * A cash pool, funded when a team condition holds, split among eligible agents
 * in proportion to a metric by largest remainder.
 *
 * @category Incentives
 */
export interface PoolAward {
  /** The discriminant. */
  readonly type: "pool";
  /** Unique among components and team awards. */
  readonly id: string;
  /** The pool in minor units. */
  readonly amountMinor: number;
  /** A condition on team metrics only; the pool pays nothing when it fails. */
  readonly fundedWhen?: Condition;
  /** Who shares the pool. */
  readonly eligible?: Condition;
  /** The weights of the split. */
  readonly splitBy: {
    /** The agent metric (≥ 0) each share is proportional to. */
    readonly metric: string;
  };
  /** A display name for statements. */
  readonly label?: string;
  /** Free text for plan readers. */
  readonly description?: string;
}

/**
 * A team award, decided across all agents after every plan cap.
 *
 * @category Incentives
 */
export type TeamAward = RankAward | PoolAward;
