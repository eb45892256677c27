/**
 * `settlePayouts`: one period's settlement given the previous one: earnings
 * from `evaluatePlan`, holdbacks and their releases, true-ups of restated
 * periods under the plan's clawback policy, and draws.
 *
 * @module
 */
import type { LedgerPlan } from "../evaluate.js";
import { type Rational, ratio } from "../rational.js";
import { roundRational } from "../rounding.js";
import type { Plan, RoundingMode } from "../schema.js";
import { type CheckedSettlement, checkSettlement, indexIds, type Segment } from "./check.js";
import { settleDraw } from "./draw.js";
import { type AgentBook, copyMetrics, type Draft, type Evaluated, evaluate, post, segmentAmount } from "./period.js";
import { type Restated, restate, type TrueUpRule, trueUp } from "./restate.js";
import type {
  AgentCarry,
  LedgerLine,
  PlanSchedule,
  PriorLine,
  SegmentLabel,
  SettledPeriod,
  Settlement,
  SettlementAgent,
  SettlementAgentInput,
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
  const compiled = new Map<Plan, LedgerPlan>();
  const plans = collectPlans(previous?.plans ?? [], segments);
  const teamMetrics = copyMetrics(input.teamMetrics ?? {});

  // (1) The period's own evaluation.
  const agentsIn = input.agents;
  const evaluated = evaluate(compiled, segments, {
    agents: agentsIn,
    teamMetrics,
    where: (i, rest) => (i < 0 ? `/input${rest}` : `/input/agents/${i}${rest}`),
  });

  // Whether the previous settlement lists the input's agents, in the same order and no others (the usual case):
  // then the previous agent with an input agent's id is the one at its index, and no id repeats (the input's don't).
  const prior = previous?.agents ?? [];
  const aligned = prior.length === agentsIn.length && agentsIn.every((a, i) => prior[i]!.id === a.id);

  // Restated periods, in period order, re-evaluated whole.
  const restated: Restated[] = [];
  const sorted = [...(input.restatements ?? [])]
    .map((r) => ({ r, record: c.periods.get(r.period)! }))
    .sort((a, b) => a.record.sequence - b.record.sequence);
  for (const { r, record } of sorted) {
    const index = input.restatements!.indexOf(r);
    const position = c.paid.get(record) ?? indexIds(record.agentIds);
    restated.push(
      restate(
        { compiled, previous: previous!, plans, aligned, found: c.found },
        { restatement: r, index, record, position },
      ),
    );
  }

  // The agents: the input's, then earlier agents carried, each with their previous carry.
  const order: string[] = agentsIn.map((a) => a.id);
  let carryOf: (id: string, i: number) => AgentCarry | undefined = (_id, i) => prior[i]!.carry;
  if (!aligned) {
    const before = new Map<string, SettlementAgent>();
    for (const a of prior) before.set(a.id, a);
    const inInput = new Set(order);
    for (const a of prior) if (!inInput.has(a.id)) order.push(a.id);
    carryOf = (id) => before.get(id)?.carry;
  }

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
  const run: PeriodRun = {
    period: input.period,
    evaluated,
    labels,
    restated,
    rule: { clawback: current.clawback ?? { policy: "recover" }, sequence },
    drawRule: current.draw,
  };
  // The input's agents were evaluated in input order: agent i is at position i.
  const agents = order.map((id, i) =>
    settleAgent(run, id, i < agentsIn.length ? agentsIn[i] : undefined, carryOf(id, i), i),
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

/** What every agent's settlement of one period shares. */
interface PeriodRun {
  readonly period: string;
  /** The period's own evaluation (the input's agents, in input order). */
  readonly evaluated: Evaluated;
  /** The labels of the period's segments. */
  readonly labels: readonly SegmentLabel[];
  readonly restated: readonly Restated[];
  readonly rule: TrueUpRule;
  readonly drawRule: Plan["draw"];
}

/**
 * Settles the agent at `position` in the settlement (the input's agents first,
 * at their position in the period's evaluation): its `input` when the input
 * names it (else `undefined`), and its previous carry.
 */
function settleAgent(
  run: PeriodRun,
  id: string,
  input: SettlementAgentInput | undefined,
  carry: AgentCarry | undefined,
  position: number,
): SettlementAgent {
  const sequence = run.rule.sequence;
  const book: AgentBook = {
    lines: [],
    running: 0,
    toDate: { ...(carry?.toDate ?? ZERO_TO_DATE) },
    held: [...(carry?.held ?? [])],
    owed: [...(carry?.owed ?? [])],
    periods: [...(carry?.periods ?? [])],
  };
  const { toDate, held, owed } = book;

  // (1) Earnings and (2) holdbacks.
  if (input !== undefined) earn(run, book, input, position);

  // (3) True-ups, period by period.
  const agent = { id, index: position };
  for (const r of run.restated) trueUp(book, agent, r, run.rule);

  // (4) Releases due.
  for (let i = 0; i < held.length; ) {
    const h = held[i]!;
    if (h.releaseSequence > sequence) {
      i++;
      continue;
    }
    held.splice(i, 1);
    post(book, {
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
    const take = Math.max(0, Math.min(o.amountMinor, book.running));
    const rest = o.amountMinor - take;
    if (o.fresh !== undefined) {
      // A cut queued by this settlement's true-up: its line, completed (written once: the entry is replaced below).
      o.fresh.amountMinor = take === 0 ? 0 : -take;
      o.fresh.owedMinor = rest;
      post(book, o.fresh as LedgerLine);
      toDate.owedMinor -= take;
    } else if (take > 0) {
      post(book, {
        kind: "adjustment",
        period: o.period,
        componentId: o.componentId,
        amountMinor: -take,
        policy: "carryForward",
        owedMinor: rest,
      });
      toDate.owedMinor -= take;
    }
    if (rest === 0) owed.splice(i, 1);
    else {
      owed[i] = { period: o.period, componentId: o.componentId, segment: o.segment, amountMinor: rest };
      i++;
    }
  }

  // (6) The draw.
  const draw = settleDraw(run, book, input, carry);

  const paid = book.running === 0 ? 0 : book.running;
  toDate.paidMinor += paid;
  return {
    id,
    lines: book.lines,
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
      periods: book.periods,
      toDate,
    },
  };
}

/**
 * (1) The agent's earnings from the period's evaluation and (2) the holdbacks of
 * its components, and the period's record in the carry. Reads the evaluation's
 * lines where they are.
 */
function earn(run: PeriodRun, book: AgentBook, input: SettlementAgentInput, position: number): void {
  const { period, labels, evaluated } = run;
  const { split } = evaluated;
  const toDate = book.toDate;
  const lines: PriorLine[] = [];
  let net = 0;
  for (const s of evaluated.segments) {
    for (const l of s.agents[position]!.lines) {
      const amount = segmentAmount(s, l.amountMinor, split);
      // Two literals rather than a spread: one line per agent, component and period.
      post(
        book,
        split
          ? {
              kind: "earning",
              amountMinor: amount,
              period,
              componentId: l.id,
              lineKind: l.kind,
              segment: labels[s.index]!,
              fullMinor: l.amountMinor,
              rounding: s.mode,
            }
          : { kind: "earning", amountMinor: amount, period, componentId: l.id, lineKind: l.kind },
      );
      lines.push({ id: l.id, kind: l.kind, segment: s.index, amountMinor: amount });
      net += amount;
      toDate.earnedMinor += amount;
    }
  }
  let heldNow = 0;
  for (const s of evaluated.segments) {
    for (const l of s.agents[position]!.lines) {
      const h = s.holdbacks.get(l.id);
      if (h === undefined) continue;
      const base = segmentAmount(s, l.amountMinor, split);
      if (base <= 0) continue;
      let amount = h.pct === undefined ? Math.min(h.rule.amountMinor!, base) : percentOf(base, h.pct, s.mode);
      amount = Math.max(0, Math.min(amount, net - heldNow));
      if (amount === 0) continue;
      heldNow += amount;
      // Keys added in the line's order, without spreading optional parts (one line per agent and held component).
      const line: Draft = { kind: "holdback", amountMinor: -amount, period, componentId: l.id };
      if (split) line.segment = labels[s.index]!;
      line.baseMinor = base;
      if (h.pctText !== undefined) {
        line.pct = h.pctText;
        line.rounding = s.mode;
      }
      line.releaseAfterPeriods = h.rule.releaseAfterPeriods;
      post(book, line as LedgerLine);
      book.held.push({
        period,
        componentId: l.id,
        segment: s.index,
        amountMinor: amount,
        releaseSequence: run.rule.sequence + h.rule.releaseAfterPeriods,
      });
      toDate.heldMinor += amount;
    }
  }
  book.periods.push({ period, metrics: copyMetrics(input.metrics), lines });
}

/** `amount × pct / 100`, rounded once with the plan's mode. */
function percentOf(amount: number, pct: Rational, mode: RoundingMode): number {
  return Number(roundRational(ratio(BigInt(amount) * pct.n, 100n * pct.d), mode));
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
    // A switch rather than a lookup table: one case per kind, no computed keys (every line of the settlement).
    for (const l of a.lines) {
      switch (l.kind) {
        case "earning":
          t.earningMinor += l.amountMinor;
          break;
        case "adjustment":
          t.adjustmentMinor += l.amountMinor;
          break;
        case "holdback":
          t.holdbackMinor += l.amountMinor;
          break;
        case "release":
          t.releaseMinor += l.amountMinor;
          break;
        case "drawAdvance":
          t.drawAdvanceMinor += l.amountMinor;
          break;
        case "drawRecovery":
          t.drawRecoveryMinor += l.amountMinor;
          break;
        case "drawForgiven":
          break;
      }
    }
  }
  return t;
}
