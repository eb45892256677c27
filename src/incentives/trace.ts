/**
 * The trace of an evaluation (`trace: true`): every input read, every band and
 * KPI with its exact value as a fraction string (`"30800/3"`), every condition
 * node with the values it compared (`"csat_responses 14 < 20"`), the caps
 * considered and whether they bound, the rounding mode and the rounded amount.
 * `formatTrace` renders it as the statement an agent reads.
 *
 * @module
 */
import { inputError } from "../internal/messages.js";
import { plain } from "./rational.js";
import type { AgentResult, RoundingMode } from "./schema.js";

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
}

/**
 * Renders an agent's traced result as the statement the agent reads: each line
 * with how it was reached, caps and rounding, the plan cap, team awards and the total.
 *
 * Amounts are shown in major units with the currency's digits (`$450.00` for
 * 45 000 minor units of USD, as `USD 450.00`); exact intermediate values that
 * do not terminate are shown as fractions with a rounded decimal
 * (`30800/3 ≈ 10266.67`), so every figure can be checked with a calculator.
 *
 * @param agent - An `AgentResult` from an evaluation run with `trace: true`.
 * @returns Text: the statement, one line per row, joined with `\n`.
 * @throws {MetricInputError} `missing_value` when the result carries no trace.
 *
 * @example
 * ```ts
 * import { evaluatePlan, formatTrace } from "support-metrics";
 * const plan = {
 *   schema: "cs-incentive-plan/1", id: "kicker", version: 1,
 *   effective: { from: "2025-06-01", to: "2025-06-30" }, period: { days: 30 },
 *   currency: { code: "USD", exponent: 2 },
 *   metrics: { qa_score: { type: "percent" } },
 *   components: [{ id: "qa_bonus", type: "flat", amountMinor: 5000,
 *     when: { metric: "qa_score", op: "gte", value: 90 } }],
 * };
 * const result = evaluatePlan(plan, { agents: [{ id: "ava", metrics: { qa_score: 84 } }] }, { trace: true });
 * formatTrace(result.agents[0]).includes("qa_score 84 < 90"); // => true
 * formatTrace(evaluatePlan(plan, { agents: [{ id: "ava", metrics: { qa_score: 84 } }] }).agents[0]); // throws missing_value
 * ```
 * @see {@link evaluatePlan}
 * @category Incentives
 */
export function formatTrace(agent: AgentResult): string {
  const trace = agent?.trace;
  if (trace === undefined) {
    throw inputError(
      "missing_value",
      "formatTrace",
      "agent.trace",
      "an agent result evaluated with { trace: true }",
      trace,
    );
  }
  const money = (minor: number | string): string => formatMoney(minor, trace.currency);
  const out: string[] = [`Statement for ${agent.id}`];
  if (trace.proration) {
    const p = trace.proration;
    out.push(`Proration: ${p.activeDaysMetric} ${p.activeDays} of ${p.periodDays} days → p = ${exact(p.factor)}`);
  }
  if (trace.missing.length > 0) out.push(`Missing metrics read as 0: ${trace.missing.join(", ")}`);
  for (const line of trace.lines) {
    out.push("", `${line.label ?? line.id} (${line.kind}): ${money(line.amountMinor)}`);
    const inputs = Object.keys(line.inputs).map((k) => `${k} ${line.inputs[k]}`);
    if (inputs.length > 0) out.push(`  read: ${inputs.join(", ")}`);
    if (line.when) conditionLines(line.when, "    ", out, "  condition ");
    if (line.when && !line.when.passed) {
      out.push(`  pays 0 → ${line.amountMinor}`);
      continue;
    }
    switch (line.kind) {
      case "tiered":
        out.push(`  ${line.mode} on ${line.basis} ${line.units}, target ${prorated(line.proratedTarget, line.target)}`);
        for (const b of line.bands) {
          const range = `${b.fromUnits}–${b.toUnits ?? "∞"}`;
          out.push(
            `    band ${b.index + 1}${b.label ? ` (${b.label})` : ""} [${b.fromPct}%, ${b.toPct === null ? "∞" : `${b.toPct}%`}) = [${range}): ${b.units} × ${b.ratePerUnitMinor} = ${exact(b.amount)}`,
          );
        }
        break;
      case "scorecard":
        out.push(`  target incentive ${prorated(line.proratedTargetIncentive, line.targetIncentive, money)}`);
        for (const k of line.kpis) {
          const head = `    ${k.id}: ${k.metric} ${k.value} → `;
          const tail = `; × ${k.weight}% = ${exact(k.contribution)}`;
          if (k.gate && !k.gate.passed) {
            out.push(`${head}0 (gate ${k.gate.reason} fails: ${failedText(k.gate.condition)})${tail}`);
          } else {
            const gate = k.gate ? ` [gate ${k.gate.reason}: ${k.gate.condition.text}]` : "";
            out.push(`${head}${exact(k.score)} (${k.segment})${gate}${tail}`);
          }
        }
        out.push(
          `  weighted score W = ${exact(line.weightedScore)}${
            line.gate
              ? ` (gate ${line.gate.minWeightedPct}: ${line.gate.passed ? "passed" : "not reached, pays 0"})`
              : ""
          }`,
          `  payout factor ${exact(line.payoutFactor)}% → ${line.proratedTargetIncentive} × ${line.payoutFactor} / 100 = ${exact(line.exact)}`,
        );
        break;
      case "flat":
        out.push(`  amount ${line.amount}${line.prorated ? " × p" : ""} = ${exact(line.exact)}`);
        break;
      case "perUnit":
        out.push(`  ${line.basis} ${line.units} × ${line.ratePerUnitMinor} = ${exact(line.exact)}`);
        break;
      default:
        return unreachableLine(line);
    }
    for (const c of line.caps) {
      out.push(`  cap (${c.cap}) ${money(c.limit)}: ${c.bound ? `bound, ${line.exact} → ${c.limit}` : "not reached"}`);
    }
    out.push(`  rounded ${line.rounding}: ${exact(line.capped)} → ${line.amountMinor}`);
  }
  if (trace.planCap) {
    const c = trace.planCap;
    const outcome = c.bound ? ` → adjustment ${money(c.adjustmentMinor)}` : ", not reached";
    out.push("", `Plan cap ${money(c.limitMinor)}: components ${money(c.componentsMinor)}${outcome}`);
  }
  for (const a of trace.awards) {
    const name = a.label ?? a.id;
    out.push("");
    if (a.kind === "rank") {
      out.push(`${name} (rank): ${a.won ? "won" : "not won"}; ${a.reason}`);
      if (a.eligibility) conditionLines(a.eligibility, "    ", out, "  eligibility ");
      if (a.values.length > 0) out.push(`  ranked on ${a.values.join(", ")}`);
    } else {
      out.push(`${name} (pool): ${money(a.amountMinor)}`);
      if (a.funding) conditionLines(a.funding, "    ", out, "  funding ");
      if (a.eligibility) conditionLines(a.eligibility, "    ", out, "  eligibility ");
      if (a.funded && a.eligible) {
        out.push(
          `  share = ${a.poolMinor} × ${a.weight} / ${a.totalWeight} = ${exact(a.exactShare)} → ${a.amountMinor}${
            a.remainderUnit ? " (a leftover unit by largest remainder)" : ""
          }`,
        );
      }
    }
  }
  out.push("", `Cash: ${money(agent.cashMinor)}`);
  for (const r of agent.rewards)
    out.push(`Reward: ${r.quantity} ${r.unit}${r.quantity === 1 ? "" : "s"} ${r.kind} (${r.awardId})`);
  return out.join("\n");
}

function conditionLines(node: ConditionTrace, indent: string, out: string[], head?: string): void {
  if (head !== undefined) out.push(`${head}${node.passed ? "holds" : "fails"}:`);
  const mark = node.passed ? "✓" : "✗";
  out.push(`${indent}${mark} ${node.text}`);
  if (node.nodes) for (const child of node.nodes) conditionLines(child, `${indent}  `, out);
}

function failedText(node: ConditionTrace): string {
  if (node.node === "compare") return node.text;
  const failed = node.nodes?.filter((n) => !n.passed) ?? [];
  return failed.length > 0 ? failed.map(failedText).join("; ") : node.text;
}

/** A prorated value, with the value it came from when proration changed it: `"160 (prorated from 400)"`. */
function prorated(value: string, from: string, show: (v: string) => string = String): string {
  return value === from ? show(value) : `${show(value)} (prorated from ${show(from)})`;
}

/** An exact value with its rounded decimal when it is a fraction: `"30800/3 ≈ 10266.67"`, `"49750"`. */
function exact(value: string): string {
  return `${value}${approx(value)}`;
}

/** `" ≈ 10266.67"` for a fraction string, `""` for an integer or terminating decimal. */
function approx(exact: string): string {
  const slash = exact.indexOf("/");
  if (slash < 0) return "";
  const value = Number(exact.slice(0, slash)) / Number(exact.slice(slash + 1));
  return ` ≈ ${value.toFixed(2)}`;
}

/** Minor units as `USD 450.00`; a fraction string is shown exactly with its decimal. */
function formatMoney(minor: number | string, currency: { code: string; exponent: number }): string {
  const text = String(minor);
  if (!/^-?\d+$/.test(text)) return `${currency.code} ${text} minor units${approx(text)}`;
  return `${currency.code} ${plain(BigInt(text), currency.exponent, true)}`;
}

function unreachableLine(line: never): never {
  throw new Error(`unreachable line kind: ${String(line)}`);
}
