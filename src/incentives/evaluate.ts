/**
 * `compilePlan` and `evaluatePlan`: validate and prepare a plan once, then
 * turn each agent's metrics into cash lines, non-cash rewards and a trace, in
 * the order of operations of INCENTIVES.md.
 *
 * @module
 */
import { displayPlanResult, withDisplay } from "../display/index.js";
import { PlanValidationError } from "../errors.js";
import { finiteNumber, record } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { type CompiledPool, type CompiledRank, compilePool, compileRank, decidePool, decideRank } from "./awards.js";
import { type CompiledNode, compileNode, type Slots } from "./conditions.js";
import {
  compare,
  decimalString,
  div,
  fractionString,
  fromNumber,
  HUNDRED,
  integer,
  mul,
  ONE,
  type Rational,
  readExact,
  ZERO,
} from "./rational.js";
import type {
  AgentReward,
  AgentTrace,
  AwardTrace,
  BandTrace,
  CapTrace,
  ConditionTrace,
  FlatLineTrace,
  KpiTrace,
  LineKind,
  LineTrace,
  LineTraceBase,
  PerUnitLineTrace,
  PlanCapTrace,
  PlanLine,
  PlanResult,
  ScorecardLineTrace,
  TieredLineTrace,
} from "./result.js";
import { roundRational, unreachable } from "./rounding.js";
import type {
  CashReward,
  Component,
  EvaluateOptions,
  FlatComponent,
  MetricType,
  PerUnitComponent,
  Plan,
  PlanInput,
  Reward,
  RoundingMode,
  ScorecardComponent,
  TieredComponent,
} from "./schema.js";
import { compileScorecard, scorecardPay } from "./scorecard.js";
import { compileTiered, tieredPay } from "./tiers.js";
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
  const checked = validatePlan(plan);
  if (!checked.ok) throw new PlanValidationError(checked.issues);
  const prepared = prepare(checked.plan);
  return (input, options) => run(prepared, input, options);
}

/**
 * Evaluates an incentive plan for a team: each agent's cash lines, non-cash
 * rewards and (with `trace: true`) how every amount was reached.
 *
 * The order of operations is INCENTIVES.md's, and part of the contract:
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
  return withDisplay(compilePlan(plan)(input, options), displayPlanResult);
}

const FN = "evaluatePlan";

/** One agent's values as a line reads them: the agent's row, the team's values, the proration factor. */
interface AgentRow {
  /** Every agent's values; this agent's sit at `values[base + slot]`. */
  readonly values: Float64Array;
  /** The start of this agent's row. */
  readonly base: number;
  /** The team's values by slot. */
  readonly team: Float64Array;
  /** The proration factor p (1 when the plan does not prorate). */
  readonly p: Rational;
  /** The agent's position in the input, for error paths. */
  readonly index: number;
}

/** The fields of a line trace that every kind shares and that are known before the pay is rounded. */
type LineHead = Pick<LineTraceBase, "id" | "label" | "inputs" | "when">;

/** The fields of a line trace known once the line is capped and rounded. */
type LineTail = Omit<LineTraceBase, keyof LineHead>;

/** What a line's pay reports besides its exact amount (one object reused across the lines of a run). */
interface LineOut {
  /** The caps that apply to the line, with their limits. */
  readonly caps: [CapTrace["cap"], Rational][];
  /** Whether the run traces: `line` must then be set. */
  readonly tracing: boolean;
  /** Builds the line's trace from the shared fields, with the kind's own fields in between. */
  line: ((head: LineHead, tail: LineTail) => LineTrace) | undefined;
}

/**
 * One component's line for one agent, compiled once: the exact amount before
 * caps (0 when the line's condition fails). Pushes the caps that apply onto
 * `out.caps` and, when tracing, sets `out.line`.
 */
type Pay = (row: AgentRow, holds: boolean, out: LineOut) => Rational;

/** One component, parsed once. */
interface PreparedComponent {
  readonly id: string;
  readonly kind: LineKind;
  readonly label: string | undefined;
  readonly when: CompiledNode | null;
  readonly pay: Pay;
  /** The metrics the line reads, with their slots (for the trace's `inputs`). */
  readonly reads: readonly (readonly [string, number])[];
}

interface PreparedPlan {
  readonly plan: Plan;
  readonly mode: RoundingMode;
  readonly metricNames: readonly string[];
  readonly metricTypes: readonly MetricType[];
  /** Metrics that must be ≥ 0 whatever their type (bases, pool weights). */
  readonly nonNegative: ReadonlySet<string>;
  readonly teamNames: readonly string[];
  readonly teamTypes: readonly MetricType[];
  readonly zeroMissing: boolean;
  readonly activeDays: string | null;
  readonly activeDaysSlot: number;
  readonly periodDays: number;
  readonly components: readonly PreparedComponent[];
  readonly planCap: number | null;
  readonly awards: readonly (CompiledRank | CompiledPool)[];
}

/** What compiling a component's pay needs besides the component. */
interface PayContext {
  readonly plan: Plan;
  readonly slots: Slots;
  /** Gives a metric's slot and lists the metric among the line's inputs. */
  readonly read: (metric: string) => number;
  /** Collects the metrics that must be ≥ 0 (bases). */
  readonly nonNegative: Set<string>;
}

function prepare(plan: Plan): PreparedPlan {
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
    periodDays: plan.period.days,
    components,
    planCap: plan.planCap?.amountMinor ?? null,
    awards,
  };
}

/** Compiles a component's {@link Pay}. */
function compilePay(c: Component, cx: PayContext): Pay {
  switch (c.type) {
    case "tiered":
      return tieredLine(c, cx);
    case "scorecard":
      return scorecardLine(c, cx);
    case "flat":
      return flatLine(c);
    case "perUnit":
      return perUnitLine(c, cx);
    default:
      return unreachable(c);
  }
}

function tieredLine(c: TieredComponent, cx: PayContext): Pay {
  const { basis } = c;
  cx.nonNegative.add(basis);
  const slot = cx.read(basis);
  const t = compileTiered(c);
  const cap = amountCap(c.cap);
  return (row, holds, out) => {
    const units = fromNumber(row.values[row.base + slot]!);
    const target = t.prorate ? mul(t.target, row.p) : t.target;
    const bands: BandTrace[] | null = out.tracing ? [] : null;
    const exact = holds ? tieredPay(t, units, target, bands) : ZERO;
    if (cap) out.caps.push(["amount", cap]);
    if (bands) {
      out.line = (head, tail): TieredLineTrace => ({
        kind: "tiered",
        ...head,
        mode: t.mode,
        basis,
        units: fractionString(units),
        target: fractionString(t.target),
        proratedTarget: fractionString(target),
        bands,
        ...tail,
      });
    }
    return exact;
  };
}

function scorecardLine(c: ScorecardComponent, cx: PayContext): Pay {
  for (const k of c.kpis) cx.read(k.metric);
  const sc = compileScorecard(c, (m) => cx.plan.metrics[m]?.better ?? "higher", cx.slots);
  const cap = amountCap(c.cap);
  return (row, holds, out) => {
    const target = sc.prorate ? mul(sc.targetIncentive, row.p) : sc.targetIncentive;
    const kpis: KpiTrace[] | null = out.tracing ? [] : null;
    const outcome = holds ? scorecardPay(sc, row, { targetIncentive: target, trace: kpis }) : null;
    if (cap) out.caps.push(["amount", cap]);
    if (sc.capPct) out.caps.push(["pctOfTarget", div(mul(target, sc.capPct), HUNDRED)]);
    if (kpis) {
      const gate = sc.minWeighted
        ? { gate: { minWeightedPct: decimalString(sc.minWeighted), passed: outcome?.gatePassed ?? false } }
        : {};
      out.line = (head, tail): ScorecardLineTrace => ({
        kind: "scorecard",
        ...head,
        targetIncentive: fractionString(sc.targetIncentive),
        proratedTargetIncentive: fractionString(target),
        kpis,
        weightedScore: fractionString(outcome?.weighted ?? ZERO),
        payoutFactor: fractionString(outcome?.factor ?? ZERO),
        ...gate,
        ...tail,
      });
    }
    return outcome ? outcome.pay : ZERO;
  };
}

function flatLine(c: FlatComponent): Pay {
  const amount = integer(c.amountMinor);
  const prorated = c.prorate === true;
  return (row, holds, out) => {
    if (out.tracing) {
      out.line = (head, tail): FlatLineTrace => ({
        kind: "flat",
        ...head,
        amount: fractionString(amount),
        prorated,
        ...tail,
      });
    }
    return !holds ? ZERO : prorated ? mul(amount, row.p) : amount;
  };
}

function perUnitLine(c: PerUnitComponent, cx: PayContext): Pay {
  const { basis } = c;
  cx.nonNegative.add(basis);
  const slot = cx.read(basis);
  const rate = readExact(c.ratePerUnitMinor)!;
  const cap = amountCap(c.cap);
  return (row, holds, out) => {
    const units = fromNumber(row.values[row.base + slot]!);
    if (cap) out.caps.push(["amount", cap]);
    if (out.tracing) {
      out.line = (head, tail): PerUnitLineTrace => ({
        kind: "perUnit",
        ...head,
        basis,
        units: fractionString(units),
        ratePerUnitMinor: decimalString(rate),
        ...tail,
      });
    }
    return holds ? mul(units, rate) : ZERO;
  };
}

function amountCap(cap: { readonly amountMinor?: number } | undefined): Rational | null {
  return cap?.amountMinor === undefined ? null : integer(cap.amountMinor);
}

/** Checked input: ids, every agent's values in one row each (`values[i × stride + slot]`), team values. */
interface Checked {
  readonly ids: string[];
  readonly values: Float64Array;
  readonly stride: number;
  readonly missing: (string[] | null)[];
  readonly team: Float64Array;
  readonly teamMissing: string[];
}

/** An agent's result while it is built: component lines first, team awards added after. */
interface AgentBuild {
  id: string;
  cashMinor: number;
  lines: PlanLine[];
  rewards: AgentReward[];
  trace?: AgentTrace & { awards: AwardTrace[] };
}

function run(pp: PreparedPlan, input: PlanInput, options: EvaluateOptions | undefined): PlanResult {
  let trace = false;
  if (options !== undefined) {
    if (options === null || typeof options !== "object") {
      throw inputError("invalid_option", FN, "options", "an options object", options);
    }
    const t = (options as { trace?: unknown }).trace;
    if (t !== undefined && typeof t !== "boolean") {
      throw inputError("invalid_option", FN, "options.trace", "true or false", t);
    }
    trace = t === true;
  }
  const { ids, values, stride, team, missing, teamMissing } = checkInput(pp, input);
  const { mode, plan } = pp;
  const out: LineOut = { caps: [], tracing: trace, line: undefined };

  // Components and the plan cap, agent by agent.
  const agents = ids.map((id, i): AgentBuild => {
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
      };
    }
    return agent;
  });

  // Team awards, across all agents, after the plan cap and outside it.
  let rewardCost = 0;
  for (const a of pp.awards) {
    if (a.kind === "rank") {
      const { won, traces } = decideRank(a, values, stride, team, ids, trace);
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
      const { amounts, traces } = decidePool(a, values, stride, team, ids, trace);
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

/** How a run computes its lines: the rounding mode, where traces go (`null`: no trace), the reused {@link LineOut}. */
interface LineSettings {
  readonly mode: RoundingMode;
  readonly traces: LineTrace[] | null;
  readonly out: LineOut;
}

/** One component's line for one agent: condition, exact amount, caps, one rounding. */
function componentLine(pc: PreparedComponent, row: AgentRow, settings: LineSettings): number {
  const { mode, traces, out } = settings;
  const { values, base, team } = row;
  let holds = true;
  let when: ConditionTrace | undefined;
  if (pc.when) {
    if (traces) {
      when = pc.when.explain(values, base, team);
      holds = when.passed;
    } else holds = pc.when.test(values, base, team);
  }
  out.caps.length = 0;
  const exact = pc.pay(row, holds, out);
  const build = out.line;
  out.line = undefined;
  let capped = exact;
  for (const [, limit] of out.caps) if (compare(limit, capped) < 0) capped = limit;
  const amount = Number(roundRational(capped, mode));
  if (!Number.isSafeInteger(amount)) {
    throw inputError(
      "out_of_range",
      FN,
      `input.agents[${row.index}]`,
      `a ${pc.id} amount within the safe integer range`,
      amount,
    );
  }
  if (traces && build) {
    const inputs: Record<string, string> = {};
    for (const [name, slot] of pc.reads) inputs[name] = decimalString(fromNumber(values[base + slot]!));
    const head: LineHead = {
      id: pc.id,
      ...(pc.label === undefined ? {} : { label: pc.label }),
      inputs,
      ...(when ? { when } : {}),
    };
    const caps = out.caps.map(
      ([cap, limit]): CapTrace => ({
        cap,
        limit: fractionString(limit),
        bound: compare(limit, exact) < 0,
      }),
    );
    traces.push(
      build(head, {
        exact: fractionString(exact),
        caps,
        capped: fractionString(capped),
        rounding: mode,
        amountMinor: amount,
      }),
    );
  }
  return amount === 0 ? 0 : amount;
}

/** What a value of a metric type must be, for messages. */
function expectedValue(type: MetricType): string {
  if (type === "count") return "a count (an integer ≥ 0)";
  if (type === "amountMinor") return "an amount in minor units (an integer)";
  return NEVER_NEGATIVE.includes(type) ? `a number of ${type} ≥ 0` : "a finite number";
}

const NEVER_NEGATIVE: readonly MetricType[] = ["count", "days", "minutes", "hours", "seconds"];

/** Throws for a value its metric type does not allow (`nonNegative`: read as a basis or weight). */
function checkValue(
  v: unknown,
  path: string,
  rule: { readonly type: MetricType; readonly nonNegative: boolean },
): void {
  const { type, nonNegative } = rule;
  const what = expectedValue(type);
  const x = finiteNumber(FN, path, v, what);
  if ((type === "count" || type === "amountMinor") && !Number.isSafeInteger(x)) {
    throw inputError("not_integer", FN, path, what, v);
  }
  // Counts and durations are never negative; other types only where a basis or weight reads them.
  if (x < 0 && (nonNegative || NEVER_NEGATIVE.includes(type))) throw inputError("out_of_range", FN, path, what, v);
}

/** A missing value: throws unless the plan reads missing metrics as 0. */
function missingValue(pp: PreparedPlan, type: MetricType, path: string): void {
  if (!pp.zeroMissing) throw inputError("missing_value", FN, path, expectedValue(type), undefined);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function checkInput(pp: PreparedPlan, input: PlanInput): Checked {
  record(FN, "input", input, "an input object { agents, teamMetrics? }");
  const agents = input.agents;
  if (!Array.isArray(agents)) throw inputError("invalid_type", FN, "input.agents", "an array of agents", agents);
  const n = agents.length;
  const names = pp.metricNames;
  const stride = names.length;
  const ids: string[] = new Array(n);
  const values = new Float64Array(n * stride);
  const missing: (string[] | null)[] = new Array(n).fill(null);
  const seen = new Set<string>();
  const types = pp.metricTypes;
  const nonNegative = pp.nonNegative;
  const integral = types.map((t) => t === "count" || t === "amountMinor");
  const limit = names.map((name) => (name === pp.activeDays ? pp.periodDays : Number.POSITIVE_INFINITY));
  for (let i = 0; i < n; i++) {
    const agent = agents[i] as unknown;
    if (!isRecord(agent)) {
      throw inputError("invalid_type", FN, `input.agents[${i}]`, "an agent { id, metrics }", agent);
    }
    const id = (agent as { id?: unknown }).id;
    if (typeof id !== "string") throw inputError("invalid_type", FN, `input.agents[${i}].id`, "a string id", id);
    if (id.length === 0 || seen.has(id)) {
      throw inputError("invalid_value", FN, `input.agents[${i}].id`, "a unique, non-empty id", id);
    }
    seen.add(id);
    ids[i] = id;
    const metrics = (agent as { metrics?: unknown }).metrics;
    if (!isRecord(metrics)) {
      throw inputError("invalid_type", FN, `input.agents[${i}].metrics`, "an object of metric values", metrics);
    }
    const b = i * stride;
    for (let k = 0; k < stride; k++) {
      const name = names[k]!;
      const v = metrics[name];
      // Fast path: an own finite number ≥ 0 of the right kind (the common case).
      if (
        typeof v === "number" &&
        v >= 0 &&
        v <= limit[k]! &&
        (integral[k] ? Number.isSafeInteger(v) : v - v === 0) &&
        Object.hasOwn(metrics, name)
      ) {
        values[b + k] = v;
        continue;
      }
      const path = `input.agents[${i}].metrics.${name}`;
      if (!Object.hasOwn(metrics, name)) {
        missingValue(pp, types[k]!, path);
        values[b + k] = 0;
        (missing[i] ??= []).push(name);
        continue;
      }
      checkValue(v, path, { type: types[k]!, nonNegative: nonNegative.has(name) });
      if ((v as number) > limit[k]!) {
        throw inputError("out_of_range", FN, path, `active days 0–${pp.periodDays} (the period's days)`, v);
      }
      values[b + k] = v === 0 ? 0 : (v as number);
    }
  }
  const teamValues = input.teamMetrics;
  if (teamValues !== undefined) record(FN, "input.teamMetrics", teamValues, "an object of metric values");
  const team = new Float64Array(pp.teamNames.length);
  const teamMissing: string[] = [];
  for (let k = 0; k < pp.teamNames.length; k++) {
    const name = pp.teamNames[k]!;
    const path = `input.teamMetrics.${name}`;
    if (teamValues === undefined || !Object.hasOwn(teamValues, name)) {
      missingValue(pp, pp.teamTypes[k]!, path);
      teamMissing.push(name);
      continue;
    }
    const v = teamValues[name];
    checkValue(v, path, { type: pp.teamTypes[k]!, nonNegative: false });
    team[k] = v as number;
  }
  return { ids, values, stride, missing, team, teamMissing };
}
