/**
 * `compilePlan` and `evaluatePlan`: validate and prepare a plan once, then
 * turn each agent's metrics into cash lines, non-cash rewards and a trace, in
 * the order of operations of the incentive specification (docs/spec/INCENTIVES.md,
 * "Semantics"). Component lines are in lines.ts,
 * input checks in input.ts.
 *
 * @module
 */
import { displayAgentStatement, displayPlanResult, withDisplay } from "../display/index.js";
import { type PlanIssue, PlanValidationError } from "../errors.js";
import { readOptions } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { type CompiledPool, type CompiledRank, compilePool, compileRank, decidePool, decideRank } from "./awards.js";
import { compileNode, type Slots } from "./conditions.js";
import { checkInput, type InputRules } from "./input.js";
import { type AgentRow, compilePay, componentLine, type LineOut, type PreparedComponent } from "./lines.js";
import { decimalString, div, fractionString, fromNumber, integer, ONE } from "./rational.js";
import type { AgentReward, AgentTrace, AwardTrace, LineTrace, PlanCapTrace, PlanLine, PlanResult } from "./result.js";
import { unreachable } from "./rounding.js";
import type { CashReward, EvaluateOptions, Plan, PlanInput, Reward, RoundingMode } from "./schema.js";
import { validatePlan } from "./validate.js";

/**
 * A plan validated and prepared once: call it with each input (what-if runs, nightly batches).
 *
 * @category Incentives
 */
export type CompiledPlan = (input: PlanInput, options?: EvaluateOptions) => PlanResult;

/**
 * Validates and prepares a plan once and returns a function that evaluates it.
 *
 * Everything that does not depend on the input is done here: validation (a bad
 * plan throws with every issue), parsing every rate, curve point, band edge and
 * weight into exact rationals, and compiling every condition into closures. The
 * returned function is `evaluatePlan` without those steps, so what-if runs
 * ("what would this plan cost if CSAT rose 3 points?") cost only the arithmetic.
 * Later changes to the plan object do not affect the compiled plan.
 *
 * @param plan - An incentive plan (parsed JSON); see {@link Plan}.
 * @returns A function `(input, options?) => PlanResult`, equal in every result to `evaluatePlan(plan, input, options)`.
 * @throws {PlanValidationError} `invalid_plan` when the plan is invalid; `issues` lists every problem.
 *
 * @example
 * ```ts
 * import { compilePlan } from "support-metrics";
 * const run = compilePlan({
 *   schema: "cs-incentive-plan/1", id: "per-ticket", version: 1,
 *   effective: { from: "2025-06-01", to: "2025-06-30" }, period: { days: 30 },
 *   currency: { code: "USD", exponent: 2 },
 *   metrics: { tickets: { type: "count" } },
 *   components: [{ id: "per_ticket", type: "perUnit", basis: "tickets", ratePerUnitMinor: "12.5", cap: { amountMinor: 5000 } }],
 * });
 * run({ agents: [{ id: "ava", metrics: { tickets: 7 } }] }).agents[0].cashMinor; // => 88
 * run({ agents: [{ id: "ava", metrics: { tickets: 900 } }] }).agents[0].cashMinor; // => 5000
 * compilePlan({ schema: "cs-incentive-plan/1" }); // throws invalid_plan
 * ```
 * @see {@link evaluatePlan}
 * @see {@link validatePlan}
 * @category Incentives
 */
export function compilePlan(plan: unknown): CompiledPlan {
  return compileLedgerPlan(plan).run;
}

/**
 * Internal (the payout ledger): a compiled plan's run, and its run for a
 * restated period where most agents' metrics did not change.
 */
export interface LedgerPlan {
  /** What {@link compilePlan} returns. */
  readonly run: CompiledPlan;
  /**
   * `run(input)` without a trace, except that an agent `i` whose `carried[i]` is
   * a number (not `NaN`) gets no component or plan-cap line: its `lines` are its
   * team-award lines only, and `carried[i]` stands for the cash of the lines it
   * lacks (in `cashMinor` and the totals). A component line reads only the
   * agent's own metrics and the team's, so an agent whose metrics and team
   * metrics are those of an earlier run has the component lines of that run.
   * Every agent's metrics are still checked, and the team awards decided over
   * all agents, as `run` does.
   */
  readonly partial: (input: PlanInput, carried: Float64Array) => PlanResult;
}

/** Internal: {@link compilePlan} with the ledger's partial run (see {@link LedgerPlan}). */
export function compileLedgerPlan(plan: unknown): LedgerPlan {
  const checked = validatePlan(plan);
  if (!checked.ok) throw new PlanValidationError(checked.issues);
  const prepared = prepare(checked.plan, checked.warnings);
  return {
    run: (input, options) => run(prepared, input, options, null),
    partial: (input, carried) => run(prepared, input, undefined, carried),
  };
}

/**
 * Evaluates an incentive plan for a team: each agent's cash lines, non-cash
 * rewards and (with `trace: true`) how every amount was reached.
 *
 * The order of operations is the incentive specification's (docs/spec/INCENTIVES.md,
 * "Semantics"), and part of the contract:
 * (1) metric values are read exactly through their shortest decimal spelling
 * (`96.5` → 965/10) and every intermediate is an exact rational;
 * (2) proration p = active days / `period.days` scales prorated targets, target
 * incentives and so percentage caps; (3) each component gives one line: tiered
 * (band edges at target × fromPct / 100, `[from, to)`), scorecard (KPI curves,
 * gates, W = Σ weight × score / 100, component gate, payout curve), flat, perUnit;
 * (4) each line is capped, then rounded once to minor units with the plan's mode
 * (`halfAwayFromZero` by default); (5) the plan cap bounds the sum of the
 * component lines through a negative `planCap` adjustment line; (6) team awards
 * follow, outside the plan cap: rank (competition ranking, tie-breakers, tie
 * policy at the cutoff) and pool (largest remainder, ties by larger weight then
 * agent id). A missing metric throws unless the plan says `onMissingMetric: "zero"`.
 * Agents come back in input order; the result is identical with trace on or off;
 * `totals.rewardCostMinor` prices non-cash rewards by their `costModelMinor`.
 *
 * @param plan - An incentive plan (parsed JSON); see {@link Plan}.
 * @param input - `{ agents: [{ id, metrics }], teamMetrics? }`.
 * @param options - `trace`.
 * @returns Minor units: per agent `cashMinor`, `lines`, `rewards` (and `trace`), and the plan's `totals`.
 * @throws {PlanValidationError} `invalid_plan` when the plan is invalid, with every issue.
 * @throws {MetricInputError} `missing_value` for a missing metric (path `input.agents[3].metrics.csat_score`);
 *   `invalid_type` for a non-object input, non-array agents, a non-string id or a non-number metric;
 *   `not_finite` for `NaN`/`±Infinity`; `not_integer` for a fractional count; `out_of_range` for a negative
 *   count, duration or basis, or active days beyond the period; `invalid_value` for an empty or duplicate agent id;
 *   `invalid_option` for bad options.
 *
 * @example
 * ```ts
 * import { evaluatePlan } from "support-metrics";
 * const plan = {
 *   schema: "cs-incentive-plan/1", id: "commission", version: 1,
 *   effective: { from: "2025-06-01", to: "2025-06-30" }, period: { days: 30 },
 *   currency: { code: "USD", exponent: 2 },
 *   metrics: { tickets_resolved: { type: "count" }, active_days: { type: "days" } },
 *   proration: { activeDaysMetric: "active_days" },
 *   components: [{ id: "commission", type: "tiered", mode: "graduated", basis: "tickets_resolved",
 *     target: { value: 400, prorate: true },
 *     bands: [{ fromPct: 0, toPct: 50, ratePerUnitMinor: "50" }, { fromPct: 50, toPct: 100, ratePerUnitMinor: "75" },
 *             { fromPct: 100, ratePerUnitMinor: "112.5" }] }],
 * };
 * const result = evaluatePlan(plan, { agents: [
 *   { id: "ava", metrics: { tickets_resolved: 620, active_days: 30 } },
 *   { id: "ben", metrics: { tickets_resolved: 190, active_days: 12 } },
 * ] });
 * result.agents.map((a) => a.cashMinor); // => [49750, 13375]
 * result.totals; // => { cashMinor: 63125, rewardCostMinor: 0 }
 * evaluatePlan(plan, { agents: [{ id: "ava", metrics: { active_days: 30 } }] }); // throws missing_value
 * ```
 * @see {@link compilePlan}
 * @see {@link formatTrace}
 * @see {@link allocateLargestRemainder}
 * @category Incentives
 */
export function evaluatePlan(plan: unknown, input: PlanInput, options?: EvaluateOptions): PlanResult {
  const result = compilePlan(plan)(input, options);
  // Each agent's entry displays as its statement, the whole result as the payout table.
  for (const agent of result.agents) withDisplay(agent, (a) => displayAgentStatement(a, result.currency));
  return withDisplay(result, displayPlanResult);
}

const FN = "evaluatePlan";

/** A plan prepared once: what checking an input needs, and every component and award compiled. */
interface PreparedPlan extends InputRules {
  readonly plan: Plan;
  readonly mode: RoundingMode;
  readonly activeDaysSlot: number;
  /** The plan's warnings, shown in every trace. */
  readonly warnings: readonly PlanIssue[];
  readonly components: readonly PreparedComponent[];
  readonly planCap: number | null;
  readonly awards: readonly (CompiledRank | CompiledPool)[];
}

function prepare(plan: Plan, warnings: readonly PlanIssue[]): PreparedPlan {
  const metricNames = Object.keys(plan.metrics);
  const teamMetrics = plan.teamMetrics ?? {};
  const teamNames = Object.keys(teamMetrics);
  const slots: Slots = { agent: (m) => metricNames.indexOf(m), team: (m) => teamNames.indexOf(m) };
  const nonNegative = new Set<string>();
  const components = plan.components.map((c): PreparedComponent => {
    const reads: [string, number][] = [];
    const read = (m: string): number => {
      const slot = slots.agent(m);
      if (!reads.some(([r]) => r === m)) reads.push([m, slot]);
      return slot;
    };
    const pay = compilePay(c, { plan, slots, read, nonNegative });
    return { id: c.id, kind: c.type, label: c.label, when: c.when ? compileNode(c.when, slots) : null, pay, reads };
  });
  const awards = (plan.teamAwards ?? []).map((a) => {
    switch (a.type) {
      case "rank":
        return compileRank(a, slots);
      case "pool":
        nonNegative.add(a.splitBy.metric);
        return compilePool(a, slots);
      default:
        return unreachable(a);
    }
  });
  return {
    plan,
    mode: plan.rounding?.mode ?? "halfAwayFromZero",
    metricNames,
    metricTypes: metricNames.map((m) => plan.metrics[m]!.type),
    nonNegative,
    teamNames,
    teamTypes: teamNames.map((m) => teamMetrics[m]!.type),
    zeroMissing: plan.onMissingMetric === "zero",
    activeDays: plan.proration?.activeDaysMetric ?? null,
    activeDaysSlot: plan.proration ? slots.agent(plan.proration.activeDaysMetric) : -1,
    warnings,
    periodDays: plan.period.days,
    components,
    planCap: plan.planCap?.amountMinor ?? null,
    awards,
  };
}

/** An agent's result while it is built: component lines first, team awards added after. */
interface AgentBuild {
  id: string;
  cashMinor: number;
  lines: PlanLine[];
  rewards: AgentReward[];
  trace?: AgentTrace & { awards: AwardTrace[] };
}

function run(
  pp: PreparedPlan,
  input: PlanInput,
  options: EvaluateOptions | undefined,
  carried: Float64Array | null,
): PlanResult {
  const opts = readOptions(FN, "options", options, { trace: "optional" });
  if (opts.trace !== undefined && typeof opts.trace !== "boolean") {
    throw inputError("invalid_option", FN, "options.trace", "true or false", opts.trace);
  }
  const trace = opts.trace === true;
  const checked = checkInput(pp, input);
  const { ids, values, stride, team, missing, teamMissing } = checked;
  const { mode, plan } = pp;
  const out: LineOut = { caps: [], tracing: trace, line: undefined };

  // Components and the plan cap, agent by agent.
  const agents = ids.map((id, i): AgentBuild => {
    // Lines known from an earlier run (see LedgerPlan.partial): only the team awards follow.
    if (carried !== null && !Number.isNaN(carried[i]!)) return { id, cashMinor: carried[i]!, lines: [], rewards: [] };
    const b = i * stride;
    let p = ONE;
    let proration: AgentTrace["proration"];
    if (pp.activeDays !== null) {
      const days = fromNumber(values[b + pp.activeDaysSlot]!);
      p = div(days, integer(pp.periodDays));
      if (trace) {
        proration = {
          activeDaysMetric: pp.activeDays,
          activeDays: decimalString(days),
          periodDays: pp.periodDays,
          factor: fractionString(p),
        };
      }
    }
    const lines: PlanLine[] = [];
    const lineTraces: LineTrace[] | null = trace ? [] : null;
    const row: AgentRow = { values, base: b, team, p, index: i };
    let sum = 0;
    for (const pc of pp.components) {
      const amount = componentLine(pc, row, { mode, traces: lineTraces, out });
      lines.push({ id: pc.id, kind: pc.kind, amountMinor: amount });
      sum += amount;
    }
    let planCap: PlanCapTrace | undefined;
    if (pp.planCap !== null) {
      const adjustment = sum > pp.planCap ? pp.planCap - sum : 0;
      lines.push({ id: "planCap", kind: "planCap", amountMinor: adjustment });
      if (trace)
        planCap = { limitMinor: pp.planCap, componentsMinor: sum, bound: adjustment < 0, adjustmentMinor: adjustment };
      sum += adjustment;
    }
    const agent: AgentBuild = { id, cashMinor: sum, lines, rewards: [] };
    if (trace) {
      agent.trace = {
        currency: { code: plan.currency.code, exponent: plan.currency.exponent },
        lines: lineTraces!,
        awards: [],
        missing: [...(missing[i] ?? []), ...teamMissing],
        ...(proration ? { proration } : {}),
        ...(planCap ? { planCap } : {}),
        ...(pp.warnings.length > 0 ? { warnings: pp.warnings } : {}),
      };
    }
    return agent;
  });

  // Team awards, across all agents, after the plan cap and outside it.
  let rewardCost = 0;
  for (const a of pp.awards) {
    if (a.kind === "rank") {
      const { won, traces } = decideRank(a, checked, trace);
      const reward = a.reward;
      agents.forEach((agent, i) => {
        if (isCash(reward)) awardLine(agent, { id: a.id, kind: "rank", amountMinor: won[i] ? reward.amountMinor : 0 });
        else if (won[i]) {
          agent.rewards.push({ awardId: a.id, kind: reward.kind, quantity: reward.quantity, unit: reward.unit });
          rewardCost += reward.costModelMinor ?? 0;
        }
        agent.trace?.awards.push(traces![i]!);
      });
    } else {
      const { amounts, traces } = decidePool(a, checked, trace);
      agents.forEach((agent, i) => {
        awardLine(agent, { id: a.id, kind: "pool", amountMinor: amounts[i]! });
        agent.trace?.awards.push(traces![i]!);
      });
    }
  }

  let totalCash = 0;
  for (const agent of agents) totalCash += agent.cashMinor;
  if (!Number.isSafeInteger(totalCash) || !Number.isSafeInteger(rewardCost)) {
    throw inputError("out_of_range", FN, "input", "totals within the safe integer range of minor units", totalCash);
  }
  return {
    planId: plan.id,
    version: plan.version,
    currency: { code: plan.currency.code, exponent: plan.currency.exponent },
    rounding: { mode },
    agents,
    totals: { cashMinor: totalCash, rewardCostMinor: rewardCost },
  };
}

/** A cash reward (`kind: "cash"`); every other kind is non-cash. */
function isCash(reward: Reward): reward is CashReward {
  return reward.kind === "cash";
}

function awardLine(agent: AgentBuild, line: PlanLine): void {
  agent.lines.push(line);
  agent.cashMinor += line.amountMinor;
}
