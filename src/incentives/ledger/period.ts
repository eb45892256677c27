/**
 * What the settlement and the true-ups share: one period evaluated segment by
 * segment (each agent's plan lines, and how a segment pays them), and one
 * agent's ledger while it is settled.
 *
 * @module
 */
import { MetricInputError } from "../../errors.js";
import { compileLedgerPlan, type LedgerPlan } from "../evaluate.js";
import { type Rational, ratio, readExact } from "../rational.js";
import type { PlanLine } from "../result.js";
import { roundRational } from "../rounding.js";
import type { Holdback, Plan, RoundingMode } from "../schema.js";
import type { Segment } from "./check.js";
import { Issues, pointer } from "./issues.js";
import type { HeldAmount, LedgerLine, OwedAmount, PriorPeriod, ToDate } from "./types.js";

/** A component's holdback, its percentage read once per evaluation rather than once per agent. */
export interface PreparedHoldback {
  readonly rule: Holdback;
  /** `rule.pct` as an exact rational; `undefined` for a fixed `amountMinor`. */
  readonly pct: Rational | undefined;
  /** `rule.pct` as the ledger line spells it (`String(pct)`). */
  readonly pctText: string | undefined;
}

/** One segment of an evaluated period: how its lines are paid, and each agent's plan lines. */
export interface SegmentRun {
  readonly index: number;
  readonly days: number;
  /** The days of the whole period (all segments). */
  readonly periodDays: number;
  readonly mode: RoundingMode;
  /** By component id; a component without a holdback maps to `undefined`. */
  readonly holdbacks: ReadonlyMap<string, PreparedHoldback | undefined>;
  /** `evaluatePlan`'s agents, in the order they were evaluated. */
  readonly agents: readonly { readonly lines: readonly PlanLine[] }[];
  /**
   * `null`, or for a partial re-evaluation (see {@link PeriodMetrics.carried}): per agent, `NaN` when its
   * lines are whole, else the cash of the component and plan-cap lines it kept from its carry (its
   * `lines` are then its team-award lines only).
   */
  readonly carried: Float64Array | null;
}

/**
 * One evaluated period: its segments. The evaluation's own lines are kept and
 * read where an agent is settled, so no per-agent copy of them is made.
 */
export interface Evaluated {
  readonly segments: readonly SegmentRun[];
  /** Whether the period is split among plan versions (then each line pays its segment's share). */
  readonly split: boolean;
}

/** One period's metrics to evaluate, and where its metric errors point. */
export interface PeriodMetrics {
  readonly agents: readonly { id: string; metrics: Readonly<Record<string, number>> }[];
  readonly teamMetrics: Readonly<Record<string, number>>;
  /** The JSON pointer of agent `agent`'s (or, for -1, the team's) value at `rest` under the call's input. */
  readonly where: (agent: number, rest: string) => string;
  /**
   * For a period of one segment: per agent, `NaN` to evaluate it whole, or the cash of the
   * component and plan-cap lines it was paid, when those cannot have changed (its metrics and the
   * team's are those it was paid on): then only its team awards are decided again.
   */
  readonly carried?: Float64Array;
}

/**
 * Evaluates a period's segments for the given agents, each plan compiled once
 * per settlement (`compiled`). A metric error becomes an issue whose pointer
 * `where(agentIndex, rest)` places under the call's input.
 */
export function evaluate(
  compiled: Map<Plan, LedgerPlan>,
  segments: readonly Segment[],
  period: PeriodMetrics,
): Evaluated {
  const { agents, teamMetrics, where } = period;
  const total = segments.reduce((s, x) => s + x.days, 0);
  const carried = segments.length === 1 ? (period.carried ?? null) : null;
  const runs = segments.map((segment, index): SegmentRun => {
    let run = compiled.get(segment.plan);
    if (run === undefined) {
      run = compileLedgerPlan(segment.plan);
      compiled.set(segment.plan, run);
    }
    let result: ReturnType<LedgerPlan["run"]>;
    try {
      result = carried === null ? run.run({ agents, teamMetrics }) : run.partial({ agents, teamMetrics }, carried);
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
      holdbacks: new Map(segment.plan.components.map((x) => [x.id, prepareHoldback(x.holdback)])),
      agents: result.agents,
      carried,
    };
  });
  return { segments: runs, split: runs.length > 1 };
}

function prepareHoldback(rule: Holdback | undefined): PreparedHoldback | undefined {
  if (rule === undefined) return undefined;
  if (rule.pct === undefined) return { rule, pct: undefined, pctText: undefined };
  return { rule, pct: readExact(rule.pct)!, pctText: String(rule.pct) };
}

/**
 * What a plan line of `full` minor units pays in segment `s`: all of it when the
 * period is not split, else full × segment days / period days, rounded once with
 * the segment plan's mode.
 */
export function segmentAmount(s: SegmentRun, full: number, split: boolean): number {
  const amount = split
    ? Number(roundRational(ratio(BigInt(full) * BigInt(s.days), BigInt(s.periodDays)), s.mode))
    : full;
  return amount === 0 ? 0 : amount;
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

/**
 * A copy of a metrics record: its own enumerable string keys, in their order,
 * read once each (an own `__proto__` key, as `JSON.parse` makes, is not copied:
 * assigning it sets no property). A spread gives the same object when the record
 * has neither an own `__proto__` nor symbol keys (it would copy both), and keeps
 * the values inside the object (one allocation, not two): one copy per agent and period.
 */
export function copyMetrics(m: Readonly<Record<string, number>>): Record<string, number> {
  if (!Object.hasOwn(m, "__proto__") && Object.getOwnPropertySymbols(m).length === 0) return { ...m };
  const out: Record<string, number> = {};
  for (const key of Object.keys(m)) out[key] = m[key]!;
  return out;
}

/** The index of the first of an agent's settled periods that is `period`, or -1 (a loop: no closure per agent). */
export function findPeriod(periods: readonly PriorPeriod[], period: string): number {
  for (let i = 0; i < periods.length; i++) if (periods[i]!.period === period) return i;
  return -1;
}

/** A carry's running totals while the agent is settled. */
export type RunningToDate = { -readonly [K in keyof ToDate]: ToDate[K] };

/** A ledger line under construction: its keys are added in the order the line spells them. */
export type Draft = { -readonly [K in keyof LedgerLine]?: LedgerLine[K] };

/** A carried clawback; `fresh` is the line of a cut queued in this settlement, completed when it is recovered. */
export type Owed = OwedAmount & { fresh?: Draft };

/**
 * One agent's ledger while it is settled: the lines so far and their sum, and
 * the carry being built (new arrays; the previous carry is never changed).
 */
export interface AgentBook {
  readonly lines: LedgerLine[];
  /** The sum of `lines`' amounts. */
  running: number;
  readonly toDate: RunningToDate;
  readonly held: HeldAmount[];
  readonly owed: Owed[];
  readonly periods: PriorPeriod[];
}

/** Adds a line to the agent's ledger. */
export function post(book: AgentBook, line: LedgerLine): void {
  book.lines.push(line);
  book.running += line.amountMinor;
}
