/**
 * `compilePlan` and `evaluatePlan`: validate and prepare a plan once, then
 * turn each agent's metrics into cash lines, non-cash rewards and a trace, in
 * the order of operations of INCENTIVES.md.
 *
 * @module
 */
import { type MetricInputError, PlanValidationError } from "../errors.js";
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
import { roundRational, unreachable } from "./rounding.js";
import type {
  AgentResult,
  AgentReward,
  Component,
  EvaluateOptions,
  LineKind,
  MetricType,
  Plan,
  PlanInput,
  PlanLine,
  PlanResult,
  RoundingMode,
} from "./schema.js";
import { compileScorecard, scorecardPay } from "./scorecard.js";
import { compileTiered, tieredPay } from "./tiers.js";
import type { AgentTrace, AwardTrace, BandTrace, CapTrace, KpiTrace, LineTrace, PlanCapTrace } from "./trace.js";
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
  return compilePlan(plan)(input, options);
}

const FN = "evaluatePlan";

/**
 * One component's line for one agent, compiled once: the exact amount before
 * caps (0 when the line's condition fails). Pushes the caps that apply onto
 * `caps` and, when `detail` is given, writes the trace fields of its kind.
 */
type Pay = (
  values: Float64Array,
  base: number,
  team: Float64Array,
  p: Rational,
  holds: boolean,
  caps: [CapTrace["cap"], Rational][],
  detail: Record<string, unknown> | null,
) => Rational;

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
    const pay = compilePay(c, plan, slots, read, nonNegative);
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

/** Compiles a component's {@link Pay}: `read` gives a metric's slot and lists it among the line's inputs. */
function compilePay(
  c: Component,
  plan: Plan,
  slots: Slots,
  read: (metric: string) => number,
  nonNegative: Set<string>,
): Pay {
  switch (c.type) {
    case "tiered": {
      const { basis } = c;
      nonNegative.add(basis);
      const slot = read(basis);
      const t = compileTiered(c);
      const cap = amountCap(c.cap);
      return (v, b, _team, p, holds, caps, detail) => {
        const units = fromNumber(v[b + slot]!);
        const target = t.prorate ? mul(t.target, p) : t.target;
        const bands: BandTrace[] | null = detail && [];
        const exact = holds ? tieredPay(t, units, target, bands) : ZERO;
        if (cap) caps.push(["amount", cap]);
        if (detail) {
          Object.assign(detail, {
            mode: t.mode,
            basis,
            units: fractionString(units),
            target: fractionString(t.target),
            proratedTarget: fractionString(target),
            bands,
          });
        }
        return exact;
      };
    }
    case "scorecard": {
      for (const k of c.kpis) read(k.metric);
      const sc = compileScorecard(c, (m) => plan.metrics[m]?.better ?? "higher", slots);
      const cap = amountCap(c.cap);
      return (v, b, team, p, holds, caps, detail) => {
        const target = sc.prorate ? mul(sc.targetIncentive, p) : sc.targetIncentive;
        const kpis: KpiTrace[] | null = detail && [];
        const outcome = holds ? scorecardPay(sc, v, b, team, target, kpis) : null;
        if (cap) caps.push(["amount", cap]);
        if (sc.capPct) caps.push(["pctOfTarget", div(mul(target, sc.capPct), HUNDRED)]);
        if (detail) {
          Object.assign(detail, {
            targetIncentive: fractionString(sc.targetIncentive),
            proratedTargetIncentive: fractionString(target),
            kpis,
            weightedScore: fractionString(outcome?.weighted ?? ZERO),
            payoutFactor: fractionString(outcome?.factor ?? ZERO),
            ...(sc.minWeighted
              ? { gate: { minWeightedPct: decimalString(sc.minWeighted), passed: outcome?.gatePassed ?? false } }
              : {}),
          });
        }
        return outcome ? outcome.pay : ZERO;
      };
    }
    case "flat": {
      const amount = integer(c.amountMinor);
      const prorated = c.prorate === true;
      return (_v, _b, _team, p, holds, _caps, detail) => {
        if (detail) Object.assign(detail, { amount: fractionString(amount), prorated });
        return !holds ? ZERO : prorated ? mul(amount, p) : amount;
      };
    }
    case "perUnit": {
      const { basis } = c;
      nonNegative.add(basis);
      const slot = read(basis);
      const rate = readExact(c.ratePerUnitMinor)!;
      const cap = amountCap(c.cap);
      return (v, b, _team, _p, holds, caps, detail) => {
        const units = fromNumber(v[b + slot]!);
        if (cap) caps.push(["amount", cap]);
        if (detail)
          Object.assign(detail, { basis, units: fractionString(units), ratePerUnitMinor: decimalString(rate) });
        return holds ? mul(units, rate) : ZERO;
      };
    }
    default:
      return unreachable(c);
  }
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
  const checked = checkInput(pp, input);
  const n = checked.ids.length;
  const mode = pp.mode;
  const lines: PlanLine[][] = new Array(n);
  const cash = new Float64Array(n);
  const traces: { lines: LineTrace[]; planCap?: PlanCapTrace; proration?: AgentTrace["proration"] }[] | null = trace
    ? new Array(n)
    : null;

  // Components and the plan cap, agent by agent.
  const values = checked.values;
  const stride = checked.stride;
  for (let i = 0; i < n; i++) {
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
    const out: PlanLine[] = [];
    const lineTraces: LineTrace[] | null = trace ? [] : null;
    let sum = 0;
    for (const pc of pp.components) {
      const amount = componentLine(pc, values, b, checked.team, p, mode, lineTraces, i);
      out.push({ id: pc.id, kind: pc.kind, amountMinor: amount });
      sum += amount;
    }
    let planCap: PlanCapTrace | undefined;
    if (pp.planCap !== null) {
      const adjustment = sum > pp.planCap ? pp.planCap - sum : 0;
      out.push({ id: "planCap", kind: "planCap", amountMinor: adjustment });
      if (trace)
        planCap = { limitMinor: pp.planCap, componentsMinor: sum, bound: adjustment < 0, adjustmentMinor: adjustment };
      sum += adjustment;
    }
    lines[i] = out;
    cash[i] = sum;
    if (traces) {
      const t: (typeof traces)[number] = { lines: lineTraces! };
      if (planCap) t.planCap = planCap;
      if (proration) t.proration = proration;
      traces[i] = t;
    }
  }

  // Team awards, across all agents, after the plan cap and outside it.
  const rewards: AgentReward[][] = Array.from({ length: n }, () => []);
  const awardTraces: AwardTrace[][] | null = trace ? Array.from({ length: n }, () => []) : null;
  let rewardCost = 0;
  for (const a of pp.awards) {
    if (a.kind === "rank") {
      const outcome = decideRank(a, values, stride, checked.team, checked.ids, trace);
      const reward = a.reward;
      const isCash = reward.kind === "cash";
      for (let i = 0; i < n; i++) {
        const won = outcome.won[i] === 1;
        if (isCash) {
          const amount = won ? (reward as { amountMinor: number }).amountMinor : 0;
          lines[i]!.push({ id: a.id, kind: "rank", amountMinor: amount });
          cash[i] = cash[i]! + amount;
        } else if (won) {
          const r = reward as { kind: string; quantity: number; unit: string; costModelMinor?: number };
          rewards[i]!.push({ awardId: a.id, kind: r.kind, quantity: r.quantity, unit: r.unit });
          rewardCost += r.costModelMinor ?? 0;
        }
        if (awardTraces) awardTraces[i]!.push(outcome.traces![i]!);
      }
    } else {
      const outcome = decidePool(a, values, stride, checked.team, checked.ids, trace);
      for (let i = 0; i < n; i++) {
        const amount = outcome.amounts[i]!;
        lines[i]!.push({ id: a.id, kind: "pool", amountMinor: amount });
        cash[i] = cash[i]! + amount;
        if (awardTraces) awardTraces[i]!.push(outcome.traces![i]!);
      }
    }
  }

  const agents: AgentResult[] = new Array(n);
  let totalCash = 0;
  for (let i = 0; i < n; i++) {
    totalCash += cash[i]!;
    const result: AgentResult = { id: checked.ids[i]!, cashMinor: cash[i]!, lines: lines[i]!, rewards: rewards[i]! };
    if (traces) {
      const t = traces[i]!;
      const missing = [...(checked.missing[i] ?? []), ...checked.teamMissing];
      const agentTrace: AgentTrace = {
        currency: { code: pp.plan.currency.code, exponent: pp.plan.currency.exponent },
        lines: t.lines,
        awards: awardTraces![i]!,
        missing,
        ...(t.proration ? { proration: t.proration } : {}),
        ...(t.planCap ? { planCap: t.planCap } : {}),
      };
      agents[i] = { ...result, trace: agentTrace };
    } else agents[i] = result;
  }
  if (!Number.isSafeInteger(totalCash) || !Number.isSafeInteger(rewardCost)) {
    throw inputError("out_of_range", FN, "input", "totals within the safe integer range of minor units", totalCash);
  }
  return {
    planId: pp.plan.id,
    version: pp.plan.version,
    currency: { code: pp.plan.currency.code, exponent: pp.plan.currency.exponent },
    rounding: { mode },
    agents,
    totals: { cashMinor: totalCash, rewardCostMinor: rewardCost },
  };
}

/** One component's line for one agent: condition, exact amount, caps, one rounding. */
function componentLine(
  pc: PreparedComponent,
  v: Float64Array,
  b: number,
  team: Float64Array,
  p: Rational,
  mode: RoundingMode,
  traces: LineTrace[] | null,
  agent: number,
): number {
  let holds = true;
  let when: LineTrace["when"];
  if (pc.when) {
    if (traces) {
      when = pc.when.explain(v, b, team);
      holds = when.passed;
    } else holds = pc.when.test(v, b, team);
  }
  const caps: [CapTrace["cap"], Rational][] = [];
  const detail = traces ? {} : null;
  const exact = pc.pay(v, b, team, p, holds, caps, detail);
  let capped = exact;
  for (const [, limit] of caps) if (compare(limit, capped) < 0) capped = limit;
  const amount = Number(roundRational(capped, mode));
  if (!Number.isSafeInteger(amount)) {
    throw inputError(
      "out_of_range",
      FN,
      `input.agents[${agent}]`,
      `a ${pc.id} amount within the safe integer range`,
      amount,
    );
  }
  if (traces) {
    const inputs: Record<string, string> = {};
    for (const [name, slot] of pc.reads) inputs[name] = decimalString(fromNumber(v[b + slot]!));
    const line = {
      kind: pc.kind,
      id: pc.id,
      ...(pc.label === undefined ? {} : { label: pc.label }),
      inputs,
      ...(when ? { when } : {}),
      ...detail,
      exact: fractionString(exact),
      caps: caps.map(([cap, limit]) => ({ cap, limit: fractionString(limit), bound: compare(limit, exact) < 0 })),
      capped: fractionString(capped),
      rounding: mode,
      amountMinor: amount,
    };
    traces.push(line as unknown as LineTrace);
  }
  return amount === 0 ? 0 : amount;
}

const EXPECTED: Record<MetricType, string> = {
  count: "a count (an integer ≥ 0)",
  days: "a number of days ≥ 0",
  minutes: "a number of minutes ≥ 0",
  hours: "a number of hours ≥ 0",
  seconds: "a number of seconds ≥ 0",
  percent: "a finite number",
  ratio: "a finite number",
  score: "a finite number",
  number: "a finite number",
  amountMinor: "an amount in minor units (an integer)",
};

/** Checks one value against its metric type; returns the failing code or null. */
function typeProblem(v: unknown, type: MetricType, nonNegative: boolean): MetricInputError["code"] | null {
  if (typeof v !== "number") return "invalid_type";
  if (!Number.isFinite(v)) return "not_finite";
  if ((type === "count" || type === "amountMinor") && !Number.isSafeInteger(v)) return "not_integer";
  // Counts and durations are never negative; other types only where a basis or weight reads them.
  return v < 0 && (nonNegative || NEVER_NEGATIVE.includes(type)) ? "out_of_range" : null;
}

const NEVER_NEGATIVE: readonly MetricType[] = ["count", "days", "minutes", "hours", "seconds"];

function checkInput(pp: PreparedPlan, input: PlanInput): Checked {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw inputError("invalid_type", FN, "input", "an input object { agents, teamMetrics? }", input);
  }
  const agents = (input as { agents?: unknown }).agents;
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
    if (agent === null || typeof agent !== "object" || Array.isArray(agent)) {
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
    if (metrics === null || typeof metrics !== "object" || Array.isArray(metrics)) {
      throw inputError("invalid_type", FN, `input.agents[${i}].metrics`, "an object of metric values", metrics);
    }
    const b = i * stride;
    for (let k = 0; k < stride; k++) {
      const name = names[k]!;
      const v = (metrics as Record<string, unknown>)[name];
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
        if (!pp.zeroMissing) throw inputError("missing_value", FN, path, EXPECTED[types[k]!], undefined);
        values[b + k] = 0;
        (missing[i] ??= []).push(name);
        continue;
      }
      const problem = typeProblem(v, types[k]!, nonNegative.has(name));
      if (problem !== null) throw inputError(problem, FN, path, EXPECTED[types[k]!], v);
      if ((v as number) > limit[k]!) {
        throw inputError("out_of_range", FN, path, `active days 0–${pp.periodDays} (the period's days)`, v);
      }
      values[b + k] = v === 0 ? 0 : (v as number);
    }
  }
  const teamValues = (input as { teamMetrics?: unknown }).teamMetrics;
  if (
    teamValues !== undefined &&
    (teamValues === null || typeof teamValues !== "object" || Array.isArray(teamValues))
  ) {
    throw inputError("invalid_type", FN, "input.teamMetrics", "an object of team metric values", teamValues);
  }
  const team = new Float64Array(pp.teamNames.length);
  const teamMissing: string[] = [];
  for (let k = 0; k < pp.teamNames.length; k++) {
    const name = pp.teamNames[k]!;
    const path = `input.teamMetrics.${name}`;
    if (teamValues === undefined || !Object.hasOwn(teamValues, name)) {
      if (!pp.zeroMissing) throw inputError("missing_value", FN, path, EXPECTED[pp.teamTypes[k]!], undefined);
      teamMissing.push(name);
      continue;
    }
    const v = (teamValues as Record<string, unknown>)[name];
    const problem = typeProblem(v, pp.teamTypes[k]!, false);
    if (problem !== null) throw inputError(problem, FN, path, EXPECTED[pp.teamTypes[k]!], v);
    team[k] = v as number;
  }
  return { ids, values, stride, missing, team, teamMissing };
}
