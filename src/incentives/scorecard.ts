/**
 * Scorecards (internal): KPI scores read off piecewise-linear curves, KPI
 * gates, the weighted score, the component gate and the payout curve (spec §4).
 */
import { type CompiledNode, compileNode, type Slots } from "./conditions.js";
import {
  add,
  compare,
  decimalString,
  div,
  fractionString,
  fromNumber,
  HUNDRED,
  mul,
  type Rational,
  readExact,
  sub,
  ZERO,
} from "./rational.js";
import type { KpiTrace } from "./result.js";
import type { Better, ScorecardComponent } from "./schema.js";

/**
 * A piecewise-linear curve through `[x, y]` points, parsed once. With
 * `lower` the x axis runs downward: x values are negated, so every curve is
 * read as increasing. 0 below the first point, the last y beyond the last point.
 */
export interface Curve {
  /** x of each point (negated when `lower`). */
  readonly xs: readonly Rational[];
  /** y of each point. */
  readonly ys: readonly Rational[];
  /** (y[i+1] − y[i]) / (x[i+1] − x[i]) per segment. */
  readonly slopes: readonly Rational[];
  /** The x axis runs downward. */
  readonly lower: boolean;
  /** `[x, y]` spellings, for the trace. */
  readonly labels: readonly string[];
}

export function compileCurve(points: readonly (readonly [unknown, unknown])[], better: Better): Curve {
  const lower = better === "lower";
  const xs: Rational[] = [];
  const ys: Rational[] = [];
  const labels: string[] = [];
  for (const [px, py] of points) {
    const x = readExact(px)!;
    const y = readExact(py)!;
    xs.push(lower ? { n: -x.n, d: x.d } : x);
    ys.push(y);
    labels.push(`[${decimalString(x)}, ${decimalString(y)}]`);
  }
  const slopes: Rational[] = [];
  for (let i = 0; i + 1 < xs.length; i++) slopes.push(div(sub(ys[i + 1]!, ys[i]!), sub(xs[i + 1]!, xs[i]!)));
  return { xs, ys, slopes, lower, labels };
}

/** The curve's value at `x`; `segment` (when asked) says which part of the curve was read. */
export function curveAt(c: Curve, x: Rational, explain: boolean): { value: Rational; segment: string } {
  const t = c.lower ? { n: -x.n, d: x.d } : x;
  const xs = c.xs;
  const last = xs.length - 1;
  if (compare(t, xs[0]!) < 0) return { value: ZERO, segment: explain ? `below the first point ${c.labels[0]}` : "" };
  if (compare(t, xs[last]!) >= 0) {
    return { value: c.ys[last]!, segment: explain ? `at or beyond the last point ${c.labels[last]}` : "" };
  }
  let i = 0;
  while (compare(t, xs[i + 1]!) >= 0) i++;
  const value = add(c.ys[i]!, mul(sub(t, xs[i]!), c.slopes[i]!));
  return { value, segment: explain ? `between ${c.labels[i]} and ${c.labels[i + 1]}` : "" };
}

/** A KPI, parsed once. */
interface CompiledKpi {
  readonly id: string;
  readonly metric: string;
  readonly slot: number;
  readonly weight: Rational;
  /** weight / 100. */
  readonly share: Rational;
  readonly weightText: string;
  readonly better: Better;
  readonly curve: Curve;
  readonly gate: { readonly node: CompiledNode; readonly reason: string } | null;
}

/** A validated scorecard, parsed once. */
export interface CompiledScorecard {
  readonly targetIncentive: Rational;
  readonly prorate: boolean;
  readonly kpis: readonly CompiledKpi[];
  readonly minWeighted: Rational | null;
  readonly payout: Curve;
  readonly capPct: Rational | null;
}

/** The payout curve when a plan gives none: factor = W up to 100, then flat. */
const DEFAULT_PAYOUT: readonly (readonly [number, number])[] = [
  [0, 0],
  [100, 100],
];

export function compileScorecard(
  c: ScorecardComponent,
  metricBetter: (metric: string) => Better,
  slots: Slots,
): CompiledScorecard {
  return {
    targetIncentive: { n: BigInt(c.targetIncentiveMinor), d: 1n },
    prorate: c.prorate === true,
    kpis: c.kpis.map((k) => {
      const better = k.better ?? metricBetter(k.metric);
      const weight = readExact(k.weight)!;
      return {
        id: k.id,
        metric: k.metric,
        slot: slots.agent(k.metric),
        weight,
        share: div(weight, HUNDRED),
        weightText: decimalString(weight),
        better,
        curve: compileCurve(k.curve, better),
        gate: k.gate ? { node: compileNode(k.gate.when, slots), reason: k.gate.reason } : null,
      };
    }),
    minWeighted: c.gate ? readExact(c.gate.minWeightedPct)! : null,
    payout: compileCurve(c.payoutCurve ?? DEFAULT_PAYOUT, "higher"),
    capPct: c.cap?.pctOfTarget === undefined ? null : readExact(c.cap.pctOfTarget)!,
  };
}

/** What a scorecard computed for one agent. */
export interface ScorecardOutcome {
  /** target incentive × factor / 100, before caps. */
  readonly pay: Rational;
  /** The weighted score W. */
  readonly weighted: Rational;
  /** The component gate held (true without a gate). */
  readonly gatePassed: boolean;
  /** The payout factor in percent (0 below the gate). */
  readonly factor: Rational;
}

/** Where a scorecard reads one agent's values: `values[base + slot]`, and the team's by slot. */
export interface ScorecardRow {
  /** Every agent's values. */
  readonly values: Float64Array;
  /** The start of this agent's row. */
  readonly base: number;
  /** The team's values. */
  readonly team: Float64Array;
}

/** How one agent is scored: the (prorated) target incentive, and where KPI traces go (`null`: no trace). */
export interface ScorecardRun {
  /** The target incentive after proration. */
  readonly targetIncentive: Rational;
  /** Receives each KPI's trace when given. */
  readonly trace: KpiTrace[] | null;
}

/** Scores one agent; pushes each KPI onto `run.trace` when given. */
export function scorecardPay(sc: CompiledScorecard, row: ScorecardRow, run: ScorecardRun): ScorecardOutcome {
  const { values: v, base: b, team: t } = row;
  const { targetIncentive, trace } = run;
  let weighted = ZERO;
  for (const k of sc.kpis) {
    const x = fromNumber(v[b + k.slot]!);
    let gatePassed = true;
    let gate: KpiTrace["gate"];
    if (k.gate) {
      if (trace) {
        const condition = k.gate.node.explain(v, b, t);
        gatePassed = condition.passed;
        gate = { passed: gatePassed, reason: k.gate.reason, condition };
      } else gatePassed = k.gate.node.test(v, b, t);
    }
    const read = gatePassed ? curveAt(k.curve, x, trace !== null) : { value: ZERO, segment: "gate failed" };
    const contribution = mul(k.share, read.value);
    weighted = add(weighted, contribution);
    if (trace) {
      const kt: KpiTrace = {
        id: k.id,
        metric: k.metric,
        value: decimalString(x),
        weight: k.weightText,
        better: k.better,
        segment: read.segment,
        score: fractionString(read.value),
        contribution: fractionString(contribution),
      };
      trace.push(gate ? { ...kt, gate } : kt);
    }
  }
  const gatePassed = sc.minWeighted === null || compare(weighted, sc.minWeighted) >= 0;
  const factor = gatePassed ? curveAt(sc.payout, weighted, false).value : ZERO;
  return { pay: div(mul(targetIncentive, factor), HUNDRED), weighted, gatePassed, factor };
}
