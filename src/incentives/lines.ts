/**
 * The component lines of `evaluatePlan`: each component compiled once into a
 * pay function, and one agent's line computed from it (condition, exact
 * amount, caps, one rounding), with its trace built by its kind's typed builder.
 *
 * @module
 */
import { inputError } from "../internal/messages.js";
import type { CompiledNode, Slots } from "./conditions.js";
import {
  compare,
  decimalString,
  div,
  fractionString,
  fromNumber,
  HUNDRED,
  integer,
  mul,
  type Rational,
  readExact,
  ZERO,
} from "./rational.js";
import type {
  BandTrace,
  CapTrace,
  ConditionTrace,
  FlatLineTrace,
  KpiTrace,
  LineKind,
  LineTrace,
  LineTraceBase,
  PerUnitLineTrace,
  ScorecardLineTrace,
  TieredLineTrace,
} from "./result.js";
import { roundRational, unreachable } from "./rounding.js";
import type {
  Component,
  FlatComponent,
  PerUnitComponent,
  Plan,
  RoundingMode,
  ScorecardComponent,
  TieredComponent,
} from "./schema.js";
import { compileScorecard, scorecardPay } from "./scorecard.js";
import { compileTiered, tieredPay } from "./tiers.js";

const FN = "evaluatePlan";

/** One agent's values as a line reads them: the agent's row, the team's values, the proration factor. */
export interface AgentRow {
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
export type LineHead = Pick<LineTraceBase, "id" | "label" | "inputs" | "when">;

/** The fields of a line trace known once the line is capped and rounded. */
export type LineTail = Omit<LineTraceBase, keyof LineHead>;

/** What a line's pay reports besides its exact amount (one object reused across the lines of a run). */
export interface LineOut {
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
export type Pay = (row: AgentRow, holds: boolean, out: LineOut) => Rational;

/** One component, parsed once. */
export interface PreparedComponent {
  readonly id: string;
  readonly kind: LineKind;
  readonly label: string | undefined;
  readonly when: CompiledNode | null;
  readonly pay: Pay;
  /** The metrics the line reads, with their slots (for the trace's `inputs`). */
  readonly reads: readonly (readonly [string, number])[];
}

/** What compiling a component's pay needs besides the component. */
export interface PayContext {
  readonly plan: Plan;
  readonly slots: Slots;
  /** Gives a metric's slot and lists the metric among the line's inputs. */
  readonly read: (metric: string) => number;
  /** Collects the metrics that must be ≥ 0 (bases). */
  readonly nonNegative: Set<string>;
}

/** Compiles a component's {@link Pay}. */
export function compilePay(c: Component, cx: PayContext): Pay {
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
    const exact = holds ? tieredPay(t, { units, target, trace: bands }) : ZERO;
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

/** How a run computes its lines: the rounding mode, where traces go (`null`: no trace), the reused {@link LineOut}. */
export interface LineSettings {
  readonly mode: RoundingMode;
  readonly traces: LineTrace[] | null;
  readonly out: LineOut;
}

/** One component's line for one agent: condition, exact amount, caps, one rounding. */
export function componentLine(pc: PreparedComponent, row: AgentRow, settings: LineSettings): number {
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
