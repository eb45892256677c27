/**
 * `settlePayouts`: one period's settlement given the previous one: earnings
 * from `evaluatePlan`, holdbacks and their releases, true-ups of restated
 * periods under the plan's clawback policy, and draws.
 *
 * @module
 */
import { MetricInputError } from "../../errors.js";
import { type CompiledPlan, compilePlan } from "../evaluate.js";
import { type Rational, ratio, readExact } from "../rational.js";
import type { LineKind, PlanLine } from "../result.js";
import { roundRational } from "../rounding.js";
import type { Clawback, Holdback, Plan, RoundingMode } from "../schema.js";
import { type CheckedSettlement, checkSettlement, Issues, pointer, type Segment } from "./check.js";
import type {
  AgentCarry,
  DrawState,
  HeldAmount,
  LedgerLine,
  OwedAmount,
  PlanSchedule,
  PriorLine,
  PriorPeriod,
  SegmentLabel,
  SettledPeriod,
  Settlement,
  SettlementAgent,
  SettlementInput,
  SettlementTotals,
  SettleOptions,
  ToDate,
} from "./types.js";

/**
 * Settles one period's pay: each agent's ledger lines (earnings, holdbacks,
 * true-ups of restated periods, releases, draw advances and recoveries) and
 * what carries to the next period.
 *
 * Order of operations per agent (part of the contract):
 * (1) **earnings**: the period's plan lines from {@link evaluatePlan}; when the
 * period is split among plan versions (`{ plans: [{ plan, from, to }] }`), each
 * segment's plan is evaluated on the period's metrics and each of its lines pays
 * line × segment days / period days, rounded once with that plan's rounding mode;
 * (2) **holdbacks**: a component's `holdback` keeps `pct`% of its earning
 * (rounded once) or a fixed `amountMinor`, never more than the period pays;
 * (3) **true-ups**: each restated period (in period order, whatever the order of
 * `restatements`) is re-evaluated with the plans it was settled under, the other
 * agents keeping their metrics; each plan line that changed gives an `adjustment`
 * of the difference, citing the period, the line and the metrics that changed.
 * A raise is paid. A cut follows the current plan's `clawback`: `recover` deducts
 * it now, `carryForward` queues it, `forgive` (or a period more than `windowPeriods`
 * settlements back) keeps the line as paid (amount 0, `forgivenMinor`);
 * (4) **releases** of holdbacks due this settlement (`releaseAfterPeriods` after
 * they were held), after any true-up of their period, each exactly once;
 * (5) **carried clawbacks** are recovered, oldest first, from what the agent is
 * paid so far in this settlement, never below 0;
 * (6) **draws**: during an agent's first `draw.periods` settlements, pay below
 * the draw is topped up (`drawAdvance`); a recoverable balance is recovered from
 * pay above the draw (`drawRecovery`), and what remains at the last draw period
 * is forgiven (`drawForgiven`, amount 0).
 *
 * Money is whole minor units, every intermediate an exact BigInt rational, one
 * rounding per line. For every agent, summed over settlements,
 * `paid = earned + forgiven + owed − recovered + advanced − held + released`
 * (see `carry.toDate`); with nothing forgiven or still owed this is
 * paid = earned − recovered + advanced − held + released. Pure, deterministic:
 * nothing reads the clock and no input is changed.
 *
 * @param plan - A plan (see {@link Plan}) or a schedule `{ plans: [{ plan, from, to }] }` for a mid-period change.
 * @param input - `{ period, agents: [{ id, metrics, draw? }], teamMetrics?, restatements? }`.
 * @param options - `previous` (the last settlement) and `asOf` (a date stamped on the result).
 * @returns Minor units: per agent `lines`, `paidMinor` and `carry`; `totals` by line kind; the ledger's periods and plans.
 * @throws {SettlementValidationError} `invalid_settlement`, with every issue (JSON pointers under `/plan`, `/input`,
 *   `/options`): `unknown_period` (a restatement of a period the previous settlement does not know), `plan_mismatch`
 *   (a previous settlement of another plan, or a changed plan under a used version), `duplicate_period`,
 *   `unknown_agent`, `duplicate_id`, `segment_gap`, `segment_overlap`, `invalid_option`, the plan's issues
 *   of `validatePlan` and the metric errors of `evaluatePlan` (`missing_value`, …).
 *
 * @example
 * ```ts
 * import { settlePayouts } from "support-metrics";
 * const plan = {
 *   schema: "cs-incentive-plan/1", id: "per-ticket", version: 1,
 *   effective: { from: "2025-06-01", to: "2025-12-31" }, period: { days: 30 },
 *   currency: { code: "USD", exponent: 2 }, metrics: { tickets: { type: "count" } },
 *   clawback: { policy: "carryForward" },
 *   components: [{ id: "per_ticket", type: "perUnit", basis: "tickets", ratePerUnitMinor: 50,
 *     holdback: { pct: 10, releaseAfterPeriods: 1 } }],
 * };
 * const june = settlePayouts(plan, { period: "2025-06", agents: [{ id: "ava", metrics: { tickets: 100 } }] });
 * june.agents[0].lines.map((l) => `${l.kind} ${l.amountMinor}`); // => ["earning 5000", "holdback -500"]
 * const july = settlePayouts(plan, {
 *   period: "2025-07", agents: [{ id: "ava", metrics: { tickets: 40 } }],
 *   restatements: [{ period: "2025-06", agents: [{ id: "ava", metrics: { tickets: 90 } }] }],
 * }, { previous: june });
 * july.agents[0].lines.map((l) => `${l.kind} ${l.period} ${l.amountMinor}`); // => ["earning 2025-07 2000", "holdback 2025-07 -200", "release 2025-06 500", "adjustment 2025-06 -500"]
 * july.agents[0].paidMinor; // => 1800
 * settlePayouts(plan, { period: "2025-08", agents: [], restatements: [{ period: "2025-05", agents: [] }] }, { previous: july }); // throws invalid_settlement
 * ```
 * @see {@link formatSettlement}
 * @see {@link auditDigests}
 * @see {@link evaluatePlan}
 * @category Incentives
 */
export function settlePayouts(plan: Plan | PlanSchedule, input: SettlementInput, options?: SettleOptions): Settlement {
  const checked = checkSettlement(plan, input, options);
  return settle(checked);
}

/** A plan line of one agent and period, before it becomes a ledger line. */
interface PeriodLine {
  readonly id: string;
  readonly kind: LineKind;
  readonly segment: number;
  readonly amountMinor: number;
  readonly fullMinor: number;
  readonly holdback: Holdback | undefined;
  readonly mode: RoundingMode;
}

/** One segment of an evaluated period: how its lines are paid, and each agent's plan lines. */
interface SegmentRun {
  readonly index: number;
  readonly days: number;
  /** The days of the whole period (all segments). */
  readonly periodDays: number;
  readonly mode: RoundingMode;
  readonly holdbacks: ReadonlyMap<string, Holdback | undefined>;
  /** `evaluatePlan`'s agents, in the order they were evaluated. */
  readonly agents: readonly { readonly lines: readonly PlanLine[] }[];
}

/**
 * One evaluated period: its segments, and each agent's position in them. The
 * evaluation's own lines are kept; an agent's {@link PeriodLine}s are made when
 * the agent is settled (see {@link periodLines}), so that they do not all stay
 * alive through the settlement of every agent.
 */
interface Evaluated {
  readonly segments: readonly SegmentRun[];
  readonly position: ReadonlyMap<string, number>;
}

interface Restated {
  readonly record: SettledPeriod;
  readonly evaluated: Evaluated;
  readonly metrics: Map<string, Readonly<Record<string, number>>>;
  readonly changedAgent: Map<string, string[]>;
  readonly changedTeam: string[];
  readonly teamMetrics: Readonly<Record<string, number>>;
}

const ZERO_TO_DATE: ToDate = {
  earnedMinor: 0,
  forgivenMinor: 0,
  owedMinor: 0,
  recoveredMinor: 0,
  advancedMinor: 0,
  heldMinor: 0,
  releasedMinor: 0,
  paidMinor: 0,
};

function settle(c: CheckedSettlement): Settlement {
  const { segments, input, previous } = c;
  const current = segments[segments.length - 1]!.plan;
  const sequence = (previous?.sequence ?? 0) + 1;
  const compiled = new Map<Plan, CompiledPlan>();
  const plans = collectPlans(previous?.plans ?? [], segments);
  const teamMetrics = copyMetrics(input.teamMetrics ?? {});

  // (1) The period's own evaluation.
  const agentsIn = input.agents;
  const evaluated = evaluate(compiled, segments, {
    agents: agentsIn,
    teamMetrics,
    where: (i, rest) => (i < 0 ? `/input${rest}` : `/input/agents/${i}${rest}`),
  });

  // Restated periods, in period order, re-evaluated whole.
  const restated: Restated[] = [];
  const sorted = [...(input.restatements ?? [])]
    .map((r) => ({ r, record: c.periods.get(r.period)! }))
    .sort((a, b) => a.record.sequence - b.record.sequence);
  for (const { r, record } of sorted) {
    const index = input.restatements!.indexOf(r);
    restated.push(restate(compiled, previous!, plans, record, r, index));
  }

  // The agents: the input's, then earlier agents carried, each with their previous carry.
  const before = new Map<string, SettlementAgent>();
  for (const a of previous?.agents ?? []) before.set(a.id, a);
  const order: string[] = agentsIn.map((a) => a.id);
  const inInput = new Set(order);
  for (const a of previous?.agents ?? []) if (!inInput.has(a.id)) order.push(a.id);

  const clawback: Clawback = current.clawback ?? { policy: "recover" };
  const total = segments.reduce((t, x) => t + x.days, 0);
  const labels = segments.map(
    (s, index): SegmentLabel => ({
      index,
      planVersion: s.plan.version,
      from: s.from ?? "",
      to: s.to ?? "",
      days: s.days,
      periodDays: total,
    }),
  );
  const agents = order.map((id, i) =>
    settleAgent({
      id,
      input: i < agentsIn.length ? agentsIn[i] : undefined,
      carry: before.get(id)?.carry,
      period: input.period,
      sequence,
      // The input's agents were evaluated in input order: agent i is at position i.
      lines: i < agentsIn.length ? periodLines(evaluated, i) : null,
      restated,
      clawback,
      drawRule: current.draw,
      labels,
    }),
  );

  const totals = sumTotals(agents);
  const record: SettledPeriod = {
    period: input.period,
    sequence,
    segments: segments.map((s) =>
      s.from === undefined
        ? { planVersion: s.plan.version, days: s.days }
        : { planVersion: s.plan.version, from: s.from, to: s.to!, days: s.days },
    ),
    teamMetrics,
    agentIds: agentsIn.map((a) => a.id),
  };
  const changed = new Map(restated.map((r) => [r.record.period, r]));
  const periods = (previous?.periods ?? []).map((p) => {
    const r = changed.get(p.period);
    return r ? { ...p, teamMetrics: r.teamMetrics } : p;
  });
  periods.push(record);
  return {
    schema: "cs-settlement/1",
    planId: current.id,
    period: input.period,
    sequence,
    ...(c.asOf === undefined ? {} : { asOf: c.asOf }),
    currency: { code: current.currency.code, exponent: current.currency.exponent },
    agents,
    totals,
    periods,
    plans,
  };
}

/** Every plan version used so far: the previous settlement's, then the new ones (JSON copies). */
function collectPlans(before: readonly Plan[], segments: readonly Segment[]): Plan[] {
  const plans = [...before];
  for (const s of segments) {
    if (!plans.some((p) => p.version === s.plan.version)) plans.push(JSON.parse(JSON.stringify(s.plan)) as Plan);
  }
  return plans;
}

function copyMetrics(m: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(m)) out[key] = m[key]!;
  return out;
}

/** One period's metrics to evaluate, and where its metric errors point. */
interface PeriodMetrics {
  readonly agents: readonly { id: string; metrics: Readonly<Record<string, number>> }[];
  readonly teamMetrics: Readonly<Record<string, number>>;
  /** The JSON pointer of agent `agent`'s (or, for -1, the team's) value at `rest` under the call's input. */
  readonly where: (agent: number, rest: string) => string;
}

/**
 * Evaluates a period's segments for the given agents. A metric error becomes an
 * issue whose pointer `where(agentIndex, rest)` places under the call's input.
 */
function evaluate(compiled: Map<Plan, CompiledPlan>, segments: readonly Segment[], period: PeriodMetrics): Evaluated {
  const { agents, teamMetrics, where } = period;
  const position = new Map<string, number>();
  agents.forEach((a, i) => {
    position.set(a.id, i);
  });
  const total = segments.reduce((s, x) => s + x.days, 0);
  const runs = segments.map((segment, index): SegmentRun => {
    let run = compiled.get(segment.plan);
    if (run === undefined) {
      run = compilePlan(segment.plan);
      compiled.set(segment.plan, run);
    }
    let result: ReturnType<CompiledPlan>;
    try {
      result = run({ agents, teamMetrics });
    } catch (error) {
      if (!(error instanceof MetricInputError)) throw error;
      const issues = new Issues();
      issues.add(metricPointer(error.path, where), error.code, error.message.replace(/^evaluatePlan: /, ""));
      issues.throwIfAny();
      throw error;
    }
    return {
      index,
      days: segment.days,
      periodDays: total,
      mode: segment.plan.rounding?.mode ?? "halfAwayFromZero",
      holdbacks: new Map(segment.plan.components.map((x) => [x.id, x.holdback])),
      agents: result.agents,
    };
  });
  return { segments: runs, position };
}

/** The plan lines of the agent at `position` in an evaluated period, segment by segment. */
function periodLines(evaluated: Evaluated, position: number): PeriodLine[] {
  const split = evaluated.segments.length > 1;
  const lines: PeriodLine[] = [];
  for (const s of evaluated.segments) {
    for (const line of s.agents[position]!.lines) {
      lines.push({
        id: line.id,
        kind: line.kind,
        segment: s.index,
        amountMinor: segmentAmount(s, line.amountMinor, split),
        fullMinor: line.amountMinor,
        holdback: s.holdbacks.get(line.id),
        mode: s.mode,
      });
    }
  }
  return lines;
}

/**
 * What a plan line of `full` minor units pays in segment `s`: all of it when the
 * period is not split, else full × segment days / period days, rounded once with
 * the segment plan's mode.
 */
function segmentAmount(s: SegmentRun, full: number, split: boolean): number {
  const amount = split
    ? Number(roundRational(ratio(BigInt(full) * BigInt(s.days), BigInt(s.periodDays)), s.mode))
    : full;
  return amount === 0 ? 0 : amount;
}

/**
 * Whether the re-evaluation of the agent at `position` gives every prior line
 * again, in the same order, segment and amount. The true-up then keeps the prior
 * lines as they are, which is what matching them line by line would give (a line
 * id is unique within a plan). Reads the evaluation without making its lines.
 */
function sameLines(evaluated: Evaluated, position: number, prior: readonly PriorLine[]): boolean {
  const split = evaluated.segments.length > 1;
  let k = 0;
  for (const s of evaluated.segments) {
    for (const line of s.agents[position]!.lines) {
      const p = prior[k];
      if (p === undefined || p.id !== line.id || p.segment !== s.index) return false;
      if (p.amountMinor !== segmentAmount(s, line.amountMinor, split)) return false;
      k++;
    }
  }
  return k === prior.length;
}

/** `input.agents[3].metrics.x` → a JSON pointer placed by `where`. */
function metricPointer(path: string, where: (agent: number, rest: string) => string): string {
  const m = /^input\.agents\[(\d+)\](.*)$/.exec(path);
  if (m) {
    const rest = m[2]!.replace(/^\.metrics\./, "");
    return where(Number(m[1]), m[2]!.startsWith(".metrics.") ? pointer("/metrics", rest) : m[2]!.replace(/\./g, "/"));
  }
  const t = /^input\.teamMetrics\.(.*)$/.exec(path);
  return t ? where(-1, pointer("/teamMetrics", t[1]!)) : where(-1, "");
}

function restate(
  compiled: Map<Plan, CompiledPlan>,
  previous: Settlement,
  plans: readonly Plan[],
  record: SettledPeriod,
  r: SettlementInput["restatements"] extends readonly (infer R)[] | undefined ? R : never,
  index: number,
): Restated {
  const given = new Map<string, number>();
  r.agents.forEach((a, i) => {
    given.set(a.id, i);
  });
  const stored = new Map<string, Readonly<Record<string, number>>>();
  for (const a of previous.agents) {
    const p = findPeriod(a.carry.periods, record.period);
    if (p >= 0) stored.set(a.id, a.carry.periods[p]!.metrics);
  }
  const metrics = new Map<string, Readonly<Record<string, number>>>();
  const changedAgent = new Map<string, string[]>();
  const agents = record.agentIds.map((id) => {
    const i = given.get(id);
    const old = stored.get(id) ?? {};
    const now = i === undefined ? old : copyMetrics(r.agents[i]!.metrics);
    metrics.set(id, now);
    if (i !== undefined) changedAgent.set(id, changedNames(old, now));
    return { id, metrics: now };
  });
  const teamMetrics = r.teamMetrics === undefined ? record.teamMetrics : copyMetrics(r.teamMetrics);
  const changedTeam = changedNames(record.teamMetrics, teamMetrics);
  const segments: Segment[] = record.segments.map((s) => ({
    plan: plans.find((p) => p.version === s.planVersion)!,
    ...(s.from === undefined ? {} : { from: s.from, to: s.to! }),
    days: s.days,
  }));
  const at = `/input/restatements/${index}`;
  const where = (i: number, rest: string): string => {
    if (i < 0) return `${at}${rest}`;
    const g = given.get(agents[i]!.id);
    return g === undefined ? `/options/previous/agents${rest}` : `${at}/agents/${g}${rest}`;
  };
  const evaluated = evaluate(compiled, segments, { agents, teamMetrics, where });
  return { record, evaluated, metrics, changedAgent, changedTeam, teamMetrics };
}

/** The index of the first of an agent's settled periods that is `period`, or -1 (a loop: no closure per agent). */
function findPeriod(periods: readonly PriorPeriod[], period: string): number {
  for (let i = 0; i < periods.length; i++) if (periods[i]!.period === period) return i;
  return -1;
}

/** The names whose values differ between two metric records (sorted). */
function changedNames(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => !Object.is(a[n], b[n])).sort();
}

interface AgentJob {
  readonly id: string;
  readonly input: SettlementInput["agents"][number] | undefined;
  readonly carry: AgentCarry | undefined;
  readonly period: string;
  readonly sequence: number;
  /** The period's plan lines; `null` when the agent is not in the input. */
  readonly lines: readonly PeriodLine[] | null;
  readonly restated: readonly Restated[];
  readonly clawback: Clawback;
  readonly drawRule: Plan["draw"];
  /** The labels of the period's segments. */
  readonly labels: readonly SegmentLabel[];
}

const key = (segment: number, id: string): string => `${segment}:${id}`;

function settleAgent(job: AgentJob): SettlementAgent {
  const { period, sequence } = job;
  const carry = job.carry;
  const out: LedgerLine[] = [];
  let running = 0;
  const push = (line: LedgerLine): void => {
    out.push(line);
    running += line.amountMinor;
  };
  const toDate = { ...(carry?.toDate ?? ZERO_TO_DATE) };
  const held: HeldAmount[] = [...(carry?.held ?? [])];
  const owed: (OwedAmount & { fresh?: LedgerLine })[] = [...(carry?.owed ?? [])];
  const periods: PriorPeriod[] = [...(carry?.periods ?? [])];

  // (1) Earnings and (2) holdbacks.
  if (job.lines !== null) {
    const segmentsOf = job.labels.length > 1;
    let net = 0;
    for (const l of job.lines) {
      // Two literals rather than a spread: one line per agent, component and period.
      push(
        segmentsOf
          ? {
              kind: "earning",
              amountMinor: l.amountMinor,
              period,
              componentId: l.id,
              lineKind: l.kind,
              segment: job.labels[l.segment]!,
              fullMinor: l.fullMinor,
              rounding: l.mode,
            }
          : { kind: "earning", amountMinor: l.amountMinor, period, componentId: l.id, lineKind: l.kind },
      );
      net += l.amountMinor;
      toDate.earnedMinor += l.amountMinor;
    }
    let heldNow = 0;
    for (const l of job.lines) {
      const h = l.holdback;
      if (h === undefined || l.amountMinor <= 0) continue;
      let amount =
        h.pct === undefined
          ? Math.min(h.amountMinor!, l.amountMinor)
          : percentOf(l.amountMinor, readExact(h.pct)!, l.mode);
      amount = Math.max(0, Math.min(amount, net - heldNow));
      if (amount === 0) continue;
      heldNow += amount;
      push({
        kind: "holdback",
        amountMinor: -amount,
        period,
        componentId: l.id,
        ...(segmentsOf ? { segment: job.labels[l.segment]! } : {}),
        baseMinor: l.amountMinor,
        ...(h.pct === undefined ? {} : { pct: String(h.pct), rounding: l.mode }),
        releaseAfterPeriods: h.releaseAfterPeriods,
      });
      held.push({
        period,
        componentId: l.id,
        segment: l.segment,
        amountMinor: amount,
        releaseSequence: sequence + h.releaseAfterPeriods,
      });
      toDate.heldMinor += amount;
    }
    periods.push({
      period,
      metrics: copyMetrics(job.input!.metrics),
      lines: job.lines.map((l) => ({ id: l.id, kind: l.kind, segment: l.segment, amountMinor: l.amountMinor })),
    });
  }

  // (3) True-ups, period by period.
  const policy = job.clawback.policy;
  const window = job.clawback.windowPeriods;
  for (const r of job.restated) {
    const position = r.evaluated.position.get(job.id);
    if (position === undefined) continue;
    const at = findPeriod(periods, r.record.period);
    if (at < 0) continue;
    const prior = periods[at]!;
    const metrics = r.metrics.get(job.id) ?? prior.metrics;
    if (sameLines(r.evaluated, position, prior.lines)) {
      // Every line as before (most agents of a restated period): no adjustment, the same lines on the new metrics.
      periods[at] = { period: prior.period, metrics, lines: prior.lines };
      continue;
    }
    const now = periodLines(r.evaluated, position);
    const byKey = new Map(prior.lines.map((l) => [key(l.segment, l.id), l]));
    const changed = r.changedAgent.get(job.id) ?? [];
    const cite = {
      metrics: changed,
      ...(r.changedTeam.length > 0 ? { teamMetrics: r.changedTeam } : {}),
    };
    const forgiveAll = policy === "forgive" || (window !== undefined && sequence - r.record.sequence > window);
    const lines: PriorLine[] = [];
    for (const l of now) {
      const old = byKey.get(key(l.segment, l.id));
      const latest = old?.amountMinor ?? 0;
      if (old !== undefined && l.amountMinor === latest) {
        // Unchanged on the restated data: no line, and a forgiven difference stays as it was.
        lines.push(old);
        byKey.delete(key(l.segment, l.id));
        continue;
      }
      const recognized = old?.recognizedMinor ?? latest;
      const diff = l.amountMinor - recognized;
      const base = { kind: l.kind, id: l.id, segment: l.segment };
      toDate.earnedMinor += l.amountMinor - latest;
      toDate.forgivenMinor -= recognized - latest;
      const line = {
        kind: "adjustment" as const,
        period: r.record.period,
        componentId: l.id,
        lineKind: l.kind,
        ...(l.segment > 0 || r.record.segments.length > 1 ? { segment: segmentLabel(r.record, l.segment) } : {}),
        previousMinor: recognized,
        restatedMinor: l.amountMinor,
        ...cite,
      };
      if (diff >= 0) {
        if (diff > 0) push({ ...line, amountMinor: diff });
        lines.push({ ...base, amountMinor: l.amountMinor });
      } else if (forgiveAll) {
        push({ ...line, amountMinor: 0, policy: "forgive", forgivenMinor: -diff });
        toDate.forgivenMinor += -diff;
        lines.push({ ...base, amountMinor: l.amountMinor, recognizedMinor: recognized });
      } else if (policy === "recover") {
        push({ ...line, amountMinor: diff, policy });
        lines.push({ ...base, amountMinor: l.amountMinor });
      } else {
        owed.push({
          period: r.record.period,
          componentId: l.id,
          segment: l.segment,
          amountMinor: -diff,
          fresh: { ...line, amountMinor: 0, policy },
        });
        toDate.owedMinor += -diff;
        lines.push({ ...base, amountMinor: l.amountMinor });
      }
      byKey.delete(key(l.segment, l.id));
    }
    // Lines of the old evaluation that the new one lacks cannot occur: one plan gives the same lines.
    periods[at] = { period: prior.period, metrics, lines };
  }

  // (4) Releases due.
  for (let i = 0; i < held.length; ) {
    const h = held[i]!;
    if (h.releaseSequence > sequence) {
      i++;
      continue;
    }
    held.splice(i, 1);
    push({
      kind: "release",
      amountMinor: h.amountMinor,
      period: h.period,
      componentId: h.componentId,
      baseMinor: h.amountMinor,
    });
    toDate.releasedMinor += h.amountMinor;
  }

  // (5) Carried clawbacks, oldest first, never below 0.
  for (let i = 0; i < owed.length; ) {
    const o = owed[i]!;
    const take = Math.max(0, Math.min(o.amountMinor, running));
    const rest = o.amountMinor - take;
    if (take > 0 || o.fresh) {
      const cited = o.fresh ?? {
        kind: "adjustment" as const,
        period: o.period,
        componentId: o.componentId,
        amountMinor: 0,
        policy: "carryForward" as const,
      };
      push({ ...cited, amountMinor: take === 0 ? 0 : -take, owedMinor: rest });
      toDate.owedMinor -= take;
    }
    if (rest === 0) owed.splice(i, 1);
    else {
      owed[i] = { period: o.period, componentId: o.componentId, segment: o.segment, amountMinor: rest };
      i++;
    }
  }

  // (6) The draw.
  let draw: DrawState | null = carry?.draw ?? null;
  if (carry === undefined) {
    const rule = job.input?.draw ?? job.drawRule;
    draw = rule
      ? {
          amountMinor: rule.amountMinor,
          recoverable: rule.recoverable,
          periods: rule.periods,
          periodsUsed: 0,
          balanceMinor: 0,
        }
      : null;
  }
  if (draw !== null && job.input !== undefined && draw.periodsUsed < draw.periods) {
    const used = draw.periodsUsed + 1;
    let balance = draw.balanceMinor;
    const pay = running;
    const common = { period, drawMinor: draw.amountMinor, payBeforeMinor: pay };
    if (pay < draw.amountMinor) {
      const advance = draw.amountMinor - pay;
      if (draw.recoverable) balance += advance;
      push({ kind: "drawAdvance", amountMinor: advance, ...common, balanceMinor: balance });
      toDate.advancedMinor += advance;
    } else if (pay > draw.amountMinor && balance > 0) {
      const recovery = Math.min(balance, pay - draw.amountMinor);
      balance -= recovery;
      push({ kind: "drawRecovery", amountMinor: -recovery, ...common, balanceMinor: balance });
      toDate.recoveredMinor += recovery;
    }
    if (used === draw.periods && balance > 0) {
      push({
        kind: "drawForgiven",
        amountMinor: 0,
        period,
        drawMinor: draw.amountMinor,
        forgivenMinor: balance,
        balanceMinor: 0,
      });
      balance = 0;
    }
    draw = { ...draw, periodsUsed: used, balanceMinor: balance };
  }

  const paid = running === 0 ? 0 : running;
  toDate.paidMinor += paid;
  return {
    id: job.id,
    lines: out,
    paidMinor: paid,
    carry: {
      draw,
      held,
      owed: owed.map((o) => ({
        period: o.period,
        componentId: o.componentId,
        segment: o.segment,
        amountMinor: o.amountMinor,
      })),
      periods,
      toDate,
    },
  };
}

/** `amount × pct / 100`, rounded once with the plan's mode. */
function percentOf(amount: number, pct: Rational, mode: RoundingMode): number {
  return Number(roundRational(ratio(BigInt(amount) * pct.n, 100n * pct.d), mode));
}

function segmentLabel(record: SettledPeriod, index: number): SegmentLabel {
  const s = record.segments[index]!;
  const total = record.segments.reduce((t, x) => t + x.days, 0);
  return { index, planVersion: s.planVersion, from: s.from ?? "", to: s.to ?? "", days: s.days, periodDays: total };
}

function sumTotals(agents: readonly SettlementAgent[]): SettlementTotals {
  const t = {
    paidMinor: 0,
    earningMinor: 0,
    adjustmentMinor: 0,
    holdbackMinor: 0,
    releaseMinor: 0,
    drawAdvanceMinor: 0,
    drawRecoveryMinor: 0,
  };
  for (const a of agents) {
    t.paidMinor += a.paidMinor;
    for (const l of a.lines) if (l.kind !== "drawForgiven") t[TOTAL[l.kind]] += l.amountMinor;
  }
  return t;
}

const TOTAL = {
  earning: "earningMinor",
  adjustment: "adjustmentMinor",
  holdback: "holdbackMinor",
  release: "releaseMinor",
  drawAdvance: "drawAdvanceMinor",
  drawRecovery: "drawRecoveryMinor",
} as const;
