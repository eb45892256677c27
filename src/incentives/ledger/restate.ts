/**
 * True-ups: a restated period re-evaluated with the plans it was settled
 * under ({@link restate}), and one agent's adjustments against what that period
 * paid before ({@link trueUp}), under the plan's clawback policy.
 *
 * @module
 */
import type { LedgerPlan } from "../evaluate.js";
import type { PlanLine } from "../result.js";
import type { Clawback, Plan } from "../schema.js";
import type { indexIds, Segment } from "./check.js";
import {
  type AgentBook,
  copyMetrics,
  type Draft,
  type Evaluated,
  evaluate,
  findPeriod,
  type Owed,
  post,
  type SegmentRun,
  segmentAmount,
} from "./period.js";
import type {
  LedgerLine,
  PriorLine,
  PriorPeriod,
  Restatement,
  SegmentLabel,
  SettledPeriod,
  Settlement,
  SettlementAgent,
} from "./types.js";

/** A restated period, re-evaluated: what each agent's true-up reads. */
export interface Restated {
  readonly record: SettledPeriod;
  readonly evaluated: Evaluated;
  /** The agents as evaluated (the period's agents, each with its restated or stored metrics). */
  readonly agents: readonly { readonly id: string; readonly metrics: Readonly<Record<string, number>> }[];
  /** Each agent's position in `agents` (the last, should an id repeat). */
  readonly position: ReadonlyMap<string, number>;
  /** Whether no id repeats in `agents` (then an agent found at an index is at its position). */
  readonly unique: boolean;
  /**
   * When the settlement is aligned (see {@link RestateContext}): per position, the index of the
   * period in the carried periods of the previous agent at that index, -1 when it has none, or
   * {@link UNKNOWN} when that agent is not the one at the position; else `null`.
   */
  readonly periodAt: Int32Array | null;
  /** The metric names that changed, per agent the restatement names. */
  readonly changedAgent: ReadonlyMap<string, string[]>;
  readonly changedTeam: readonly string[];
  readonly teamMetrics: Readonly<Record<string, number>>;
}

/** What every restatement of one settlement shares. */
export interface RestateContext {
  /** Each plan compiled once per settlement. */
  readonly compiled: Map<Plan, LedgerPlan>;
  readonly previous: Settlement;
  /** Every plan version used so far. */
  readonly plans: readonly Plan[];
  /** Per restated period, per previous agent: the period's index in its carry, or -1 (see `CheckedSettlement`). */
  readonly found: ReadonlyMap<string, Int32Array>;
  /**
   * Whether `previous.agents` are the input's agents in input order (no others): then the
   * previous agent with a given id is the one at the input agent's index, and no id repeats.
   */
  readonly aligned: boolean;
}

/**
 * Whether restated periods are re-evaluated whole (every agent's component
 * lines computed again) rather than only for the agents a restatement names.
 * Internal: off, except in the property test that shows both give the same
 * settlement ({@link setWholeReevaluation}).
 */
let whole = false;

/** Internal, for tests: re-evaluate restated periods whole (`true`) or in part (`false`, the default). */
export function setWholeReevaluation(on: boolean): void {
  whole = on;
}

/** In {@link Restated.periodAt}: not known at this index (look the period up). */
const UNKNOWN = -2;

/** One restatement of the input, and the period it restates. */
export interface RestatementAt {
  readonly restatement: Restatement;
  /** Its index in `input.restatements` (for error pointers). */
  readonly index: number;
  /** The restated period as the previous settlement recorded it. */
  readonly record: SettledPeriod;
  /** The period's agents: id → its (last) index in `record.agentIds` (see {@link indexIds}). */
  readonly position: ReadonlyMap<string, number>;
}

/**
 * Re-evaluates a restated period: the agents it names with their new metrics,
 * every other agent of the period with the metrics it was paid on (a team
 * award can move for agents a restatement does not name). Every agent's
 * metrics are checked and the team awards decided over all of them, but when
 * the team's metrics are unchanged and the period has one segment, an agent
 * the restatement does not name keeps the component and plan-cap lines of its
 * carry (they read only its own metrics and the team's, both as they were
 * paid): only the named agents' component lines are computed again. This takes
 * the carry's lines as the ledger wrote them; a carry edited by hand so that
 * its lines no longer follow from its metrics is not re-derived for agents
 * the restatement does not name.
 */
export function restate(context: RestateContext, at: RestatementAt): Restated {
  const { compiled, previous, plans } = context;
  const { restatement: r, index, record, position } = at;
  const given = new Map<string, number>();
  r.agents.forEach((a, i) => {
    given.set(a.id, i);
  });
  // Where the period is in the carry of the previous agent at index j: found by the check (it is there once at most).
  const found = context.found.get(record.period);
  const periodIndex = (a: SettlementAgent, j: number): number =>
    found === undefined ? findPeriod(a.carry.periods, record.period) : found[j]!;
  // The period each agent was paid on: that of the last previous agent with its id that has the period.
  let stored: Map<string, PriorPeriod> | undefined;
  const storedOf = (id: string): PriorPeriod | undefined => {
    if (stored === undefined) {
      stored = new Map();
      for (let j = 0; j < previous.agents.length; j++) {
        const a = previous.agents[j]!;
        const p = periodIndex(a, j);
        if (p >= 0) stored.set(a.id, a.carry.periods[p]!);
      }
    }
    return stored.get(id);
  };
  const teamMetrics = r.teamMetrics === undefined ? record.teamMetrics : copyMetrics(r.teamMetrics);
  const changedTeam = changedNames(record.teamMetrics, teamMetrics);
  const unique = position.size === record.agentIds.length;
  // With the team's metrics unchanged, an agent the restatement does not name keeps its component lines
  // (they read only its own metrics and the team's): only team awards are decided again for it.
  const carried =
    !whole && record.segments.length === 1 && changedTeam.length === 0 && unique
      ? new Float64Array(record.agentIds.length).fill(Number.NaN)
      : undefined;
  const periodAt = context.aligned ? new Int32Array(record.agentIds.length).fill(UNKNOWN) : null;
  const changedAgent = new Map<string, string[]>();
  const agents = record.agentIds.map((id, k) => {
    const i = given.get(id);
    let paid: PriorPeriod | undefined;
    const a = previous.agents[k];
    if (periodAt !== null && a !== undefined && a.id === id) {
      // Aligned: the previous agent at index k is the only one with this id.
      const p = periodIndex(a, k);
      periodAt[k] = p;
      paid = p >= 0 ? a.carry.periods[p] : undefined;
    } else paid = storedOf(id);
    const old = paid?.metrics ?? {};
    if (i !== undefined) {
      const now = copyMetrics(r.agents[i]!.metrics);
      changedAgent.set(id, changedNames(old, now));
      return { id, metrics: now };
    }
    if (carried !== undefined && paid !== undefined) carried[k] = componentCash(paid.lines);
    return { id, metrics: old };
  });
  const segments: Segment[] = record.segments.map((s) => ({
    plan: plans.find((p) => p.version === s.planVersion)!,
    ...(s.from === undefined ? {} : { from: s.from, to: s.to! }),
    days: s.days,
  }));
  const base = `/input/restatements/${index}`;
  const where = (i: number, rest: string): string => {
    if (i < 0) return `${base}${rest}`;
    const g = given.get(agents[i]!.id);
    return g === undefined ? `/options/previous/agents${rest}` : `${base}/agents/${g}${rest}`;
  };
  const evaluated = evaluate(compiled, segments, {
    agents,
    teamMetrics,
    where,
    ...(carried === undefined ? {} : { carried }),
  });
  return { record, evaluated, agents, position, unique, periodAt, changedAgent, changedTeam, teamMetrics };
}

/** Whether a plan line is a team award's (decided across agents) rather than a component's or the plan cap's. */
function isAward(kind: string): boolean {
  return kind === "rank" || kind === "pool";
}

/**
 * The cash of a carried period's component and plan-cap lines (its team-award
 * lines left out), or `NaN` when a line is not of segment 0 (then the agent is
 * evaluated whole).
 */
function componentCash(lines: readonly PriorLine[]): number {
  let cash = 0;
  for (const l of lines) {
    if (l.segment !== 0) return Number.NaN;
    if (!isAward(l.kind)) cash += l.amountMinor;
  }
  return cash;
}

/** The names whose values differ between two metric records (sorted). */
function changedNames(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => !Object.is(a[n], b[n])).sort();
}

/** An agent being settled: its id and its index in the settlement's agents. */
export interface AgentAt {
  readonly id: string;
  readonly index: number;
}

/** How a settlement treats cuts: the current plan's clawback, as of which settlement. */
export interface TrueUpRule {
  readonly clawback: Clawback;
  /** The sequence number of the settlement being made. */
  readonly sequence: number;
}

/**
 * The true-up of one agent for one restated period (step 3 of settlePayouts):
 * each plan line that changed gives an `adjustment` of the difference, citing
 * the period, the line and the metrics that changed; a raise is paid, a cut
 * follows the clawback policy. The agent's record of the period is replaced by
 * the restated one. Nothing happens for an agent the period did not pay.
 */
export function trueUp(book: AgentBook, agent: AgentAt, r: Restated, rule: TrueUpRule): void {
  const { id, index } = agent;
  const position = r.unique && r.agents[index]?.id === id ? index : r.position.get(id);
  if (position === undefined) return;
  const periods = book.periods;
  // The carry is the previous agent's at `index` when aligned; its periods come first in the book, in their order.
  const known = position === index && r.periodAt !== null ? r.periodAt[index]! : UNKNOWN;
  const at = known === UNKNOWN ? findPeriod(periods, r.record.period) : known;
  if (at < 0) return;
  const prior = periods[at]!;
  const metrics = r.agents[position]!.metrics;
  if (sameLines(r.evaluated, position, prior.lines)) {
    // Every line as before (most agents of a restated period): no adjustment, the same lines on the new metrics.
    if (metrics !== prior.metrics || !isPriorPeriod(prior)) {
      periods[at] = { period: prior.period, metrics, lines: prior.lines };
    }
    return;
  }
  const { policy, windowPeriods: window } = rule.clawback;
  const forgiveAll = policy === "forgive" || (window !== undefined && rule.sequence - r.record.sequence > window);
  const period = r.record.period;
  const labelled = r.record.segments.length > 1;
  const split = r.evaluated.split;
  const toDate = book.toDate;
  let changed: string[] | undefined;
  const used: PriorLine[] = [];
  const lines: PriorLine[] = [];
  for (const s of r.evaluated.segments) {
    for (const l of planLines(s, position, prior.lines)) {
      const amount = segmentAmount(s, l.amountMinor, split);
      const old = priorLine(prior.lines, s.index, l.id, used);
      const latest = old?.amountMinor ?? 0;
      if (old !== undefined && amount === latest) {
        // Unchanged on the restated data: no line, and a forgiven difference stays as it was.
        lines.push(old);
        continue;
      }
      const recognized = old?.recognizedMinor ?? latest;
      const diff = amount - recognized;
      toDate.earnedMinor += amount - latest;
      toDate.forgivenMinor -= recognized - latest;
      const line: Draft = { kind: "adjustment", period, componentId: l.id, lineKind: l.kind };
      if (labelled || s.index > 0) line.segment = segmentLabel(r.record, s.index);
      line.previousMinor = recognized;
      line.restatedMinor = amount;
      changed ??= r.changedAgent.get(id) ?? [];
      line.metrics = changed;
      if (r.changedTeam.length > 0) line.teamMetrics = r.changedTeam;
      if (diff >= 0) {
        if (diff > 0) {
          line.amountMinor = diff;
          post(book, line as LedgerLine);
        }
        lines.push({ kind: l.kind, id: l.id, segment: s.index, amountMinor: amount });
      } else if (forgiveAll) {
        line.amountMinor = 0;
        line.policy = "forgive";
        line.forgivenMinor = -diff;
        post(book, line as LedgerLine);
        toDate.forgivenMinor += -diff;
        lines.push({ kind: l.kind, id: l.id, segment: s.index, amountMinor: amount, recognizedMinor: recognized });
      } else if (policy === "recover") {
        line.amountMinor = diff;
        line.policy = policy;
        post(book, line as LedgerLine);
        lines.push({ kind: l.kind, id: l.id, segment: s.index, amountMinor: amount });
      } else {
        line.amountMinor = 0;
        line.policy = policy;
        const owed: Owed = { period, componentId: l.id, segment: s.index, amountMinor: -diff, fresh: line };
        book.owed.push(owed);
        toDate.owedMinor += -diff;
        lines.push({ kind: l.kind, id: l.id, segment: s.index, amountMinor: amount });
      }
    }
  }
  // Lines of the old evaluation that the new one lacks cannot occur: one plan gives the same lines.
  periods[at] = { period: prior.period, metrics, lines };
}

/**
 * The prior line of segment `segment` and plan line `id`: the last such line
 * (ids are unique within a plan's segment; should a hand-edited carry repeat
 * one, the last counts), and only once (`used` lists those already matched).
 */
function priorLine(prior: readonly PriorLine[], segment: number, id: string, used: PriorLine[]): PriorLine | undefined {
  for (let j = prior.length - 1; j >= 0; j--) {
    const p = prior[j]!;
    // A segment compares as the key `${segment}:${id}` did, should a hand-edited carry spell it as text.
    if (p.id !== id || (p.segment !== segment && String(p.segment) !== String(segment))) continue;
    if (used.includes(p)) return undefined;
    used.push(p);
    return p;
  }
  return undefined;
}

/** Whether a carried period has exactly the keys the ledger writes, so it can be kept as it is. */
function isPriorPeriod(p: PriorPeriod): boolean {
  const k = Object.keys(p);
  return k.length === 3 && k[0] === "period" && k[1] === "metrics" && k[2] === "lines";
}

/**
 * Whether the re-evaluation of the agent at `position` gives every prior line
 * again, in the same order, segment and amount. The true-up then keeps the prior
 * lines as they are, which is what matching them line by line would give (a line
 * id is unique within a plan). Reads the evaluation without making its lines.
 */
function sameLines(evaluated: Evaluated, position: number, prior: readonly PriorLine[]): boolean {
  const only = evaluated.segments[0];
  if (only !== undefined && keptLines(only, position)) {
    // Component lines kept from the carry: the team-award lines, in order, are all that can differ.
    const awards = only.agents[position]!.lines;
    let a = 0;
    for (const p of prior) {
      if (p.segment !== 0) return false;
      if (!isAward(p.kind)) continue;
      const line = awards[a];
      if (line === undefined || p.id !== line.id || p.amountMinor !== segmentAmount(only, line.amountMinor, false)) {
        return false;
      }
      a++;
    }
    return a === awards.length;
  }
  let k = 0;
  for (const s of evaluated.segments) {
    for (const line of s.agents[position]!.lines) {
      const p = prior[k];
      if (p === undefined || p.id !== line.id || p.segment !== s.index) return false;
      if (p.amountMinor !== segmentAmount(s, line.amountMinor, evaluated.split)) return false;
      k++;
    }
  }
  return k === prior.length;
}

/** Whether the agent at `position` kept its component lines from its carry (see `PeriodMetrics.carried`). */
function keptLines(s: SegmentRun, position: number): boolean {
  return s.carried !== null && !Number.isNaN(s.carried[position]!);
}

/**
 * The plan lines of the agent at `position` in segment `s`: the evaluation's,
 * or, when it kept its component lines, those of its carry (as they were paid:
 * the period has one segment) followed by the evaluation's team-award lines.
 */
function planLines(s: SegmentRun, position: number, prior: readonly PriorLine[]): readonly PlanLine[] {
  const evaluated = s.agents[position]!.lines;
  if (!keptLines(s, position)) return evaluated;
  const lines: PlanLine[] = [];
  for (const p of prior) if (!isAward(p.kind)) lines.push({ id: p.id, kind: p.kind, amountMinor: p.amountMinor });
  lines.push(...evaluated);
  return lines;
}

function segmentLabel(record: SettledPeriod, index: number): SegmentLabel {
  const s = record.segments[index]!;
  const total = record.segments.reduce((t, x) => t + x.days, 0);
  return { index, planVersion: s.planVersion, from: s.from ?? "", to: s.to ?? "", days: s.days, periodDays: total };
}
