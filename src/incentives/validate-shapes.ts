/**
 * The `cs-incentive-plan/1` schema as data for `validatePlan`: one table per
 * kind of object, each tied to its plan type with `satisfies ShapeOf<…>` (a
 * renamed, added or dropped field fails to compile). Adding an optional key is
 * one entry in its table. Fields are checked, and their issues listed, in the
 * order written; components and awards list their type-specific fields first,
 * then id, when and texts.
 *
 * @module
 */

import { CLAWBACK, DRAW, holdback } from "./ledger/plan-keys.js";
import type {
  Band,
  Cap,
  CashReward,
  Component,
  FlatComponent,
  Kpi,
  MetricDefinition,
  NonCashReward,
  PerUnitComponent,
  Plan,
  PoolAward,
  RankAward,
  ScorecardComponent,
  TeamAward,
  TieredComponent,
} from "./schema.js";
import { fundedWhen, when } from "./validate-conditions.js";
import {
  activeDaysMetric,
  bandSequence,
  capRule,
  componentId,
  datesRule,
  kpiCurve,
  kpiId,
  metric,
  payoutCurve,
  prorate,
  weightsRule,
} from "./validate-rules.js";
import {
  amount,
  BETTER,
  currencyCode,
  date,
  exponent,
  kept,
  METRIC_TYPES,
  nonNegativeExact,
  ORDER,
  positiveExact,
  positiveInteger,
  quantity,
  rate,
  rewardKind,
  roundingMode,
  schemaId,
  text,
  top,
} from "./validate-values.js";
import {
  type Check,
  checkList,
  checkObject,
  child,
  expected,
  isPlainObject,
  listOf,
  own,
  type Place,
  PROTOTYPE_KEYS,
  report,
  type Shape,
  type ShapeOf,
} from "./validate-walker.js";

const DEFINITION = {
  fields: { type: METRIC_TYPES, better: BETTER, label: text, description: text },
  required: ["type"],
} satisfies ShapeOf<MetricDefinition>;

const CAP = { fields: { amountMinor: amount, pctOfTarget: kept }, required: [] } satisfies ShapeOf<Cap>;

const PERCENT_CAP = {
  fields: { amountMinor: amount, pctOfTarget: nonNegativeExact },
  required: [],
} satisfies ShapeOf<Cap>;

const BAND = {
  fields: {
    fromPct: nonNegativeExact,
    toPct: nonNegativeExact,
    ratePerUnitMinor: rate,
    label: text,
    description: text,
  },
  required: ["fromPct", "ratePerUnitMinor"],
} satisfies ShapeOf<Band>;

const KPI_GATE = { fields: { when, reason: text }, required: ["when", "reason"] } satisfies ShapeOf<
  NonNullable<Kpi["gate"]>
>;

const KPI = {
  fields: {
    id: kpiId,
    metric,
    weight: nonNegativeExact,
    better: BETTER,
    curve: kpiCurve,
    gate: KPI_GATE,
    label: text,
    description: text,
  },
  required: ["id", "metric", "weight", "curve"],
} satisfies ShapeOf<Kpi>;

/** A component's cap: `pctOfTarget` is read on scorecards only. */
function cap(v: unknown, at: Place): void {
  const scorecard = own(at.parent, "type") === "scorecard";
  capRule(checkObject(v, at, scorecard ? PERCENT_CAP : CAP), at, scorecard);
}

/** Bands: each checked, then the band rules in turn. */
function bands(v: unknown, at: Place): void {
  if (!checkList(v, at, { of: "bands", nonEmpty: true })) return;
  const rule = bandSequence(at, v.length);
  for (let i = 0; i < v.length; i++) rule(checkObject(v[i], child(at, i), BAND), i);
}

/** KPIs: each checked (ids unique within the scorecard), then their weights. */
function kpis(v: unknown, at: Place): void {
  if (!checkList(v, at, { of: "KPIs", nonEmpty: true })) return;
  at.cx.kpiIds = new Set();
  weightsRule(
    v.map((k, i) => checkObject(k, child(at, i), KPI)),
    at,
  );
}

const TIERED_TARGET = {
  fields: { value: positiveExact, prorate },
  required: ["value"],
} satisfies ShapeOf<TieredComponent["target"]>;

const TIERED = {
  fields: {
    type: kept,
    mode: ["graduated", "retroactive"],
    basis: metric,
    target: TIERED_TARGET,
    bands,
    cap,
    id: componentId,
    when,
    label: text,
    description: text,
    holdback,
  },
  required: ["id", "mode", "basis", "target", "bands"],
} satisfies ShapeOf<TieredComponent>;

const SCORECARD_GATE = {
  fields: { minWeightedPct: nonNegativeExact },
  required: ["minWeightedPct"],
} satisfies ShapeOf<NonNullable<ScorecardComponent["gate"]>>;

const SCORECARD = {
  fields: {
    type: kept,
    targetIncentiveMinor: amount,
    prorate,
    kpis,
    gate: SCORECARD_GATE,
    payoutCurve,
    cap,
    id: componentId,
    when,
    label: text,
    description: text,
    holdback,
  },
  required: ["id", "targetIncentiveMinor", "kpis"],
} satisfies ShapeOf<ScorecardComponent>;

const FLAT = {
  fields: { type: kept, amountMinor: amount, prorate, id: componentId, when, label: text, description: text, holdback },
  required: ["id", "amountMinor"],
} satisfies ShapeOf<FlatComponent>;

const PER_UNIT = {
  fields: {
    type: kept,
    basis: metric,
    ratePerUnitMinor: rate,
    cap,
    id: componentId,
    when,
    label: text,
    description: text,
    holdback,
  },
  required: ["id", "basis", "ratePerUnitMinor"],
} satisfies ShapeOf<PerUnitComponent>;

const TIE_BREAKER = {
  fields: { metric, order: ORDER },
  required: ["metric"],
} satisfies ShapeOf<NonNullable<RankAward["tieBreakers"]>[number]>;

const CASH = {
  fields: { kind: kept, amountMinor: amount },
  required: ["kind", "amountMinor"],
} satisfies ShapeOf<CashReward>;

const NON_CASH = {
  fields: { kind: rewardKind, quantity, unit: text, costModelMinor: amount },
  required: ["kind", "quantity", "unit"],
} satisfies ShapeOf<NonCashReward>;

/** A rank award's reward: cash or a non-cash kind. */
function reward(v: unknown, at: Place): void {
  checkObject(v, at, isPlainObject(v) && own(v, "kind") === "cash" ? CASH : NON_CASH);
}

const RANK = {
  fields: {
    type: kept,
    metric,
    order: ORDER,
    top,
    eligible: when,
    tieBreakers: /* @__PURE__ */ listOf("tie-breakers", TIE_BREAKER),
    tiePolicy: ["includeAllTiedAtCutoff", "excludeAllTiedAtCutoff"],
    reward,
    id: componentId,
    label: text,
    description: text,
  },
  required: ["id", "metric", "top", "reward"],
} satisfies ShapeOf<RankAward>;

const SPLIT_BY = { fields: { metric }, required: ["metric"] } satisfies ShapeOf<PoolAward["splitBy"]>;

const POOL = {
  fields: {
    type: kept,
    amountMinor: amount,
    fundedWhen,
    eligible: when,
    splitBy: SPLIT_BY,
    id: componentId,
    label: text,
    description: text,
  },
  required: ["id", "amountMinor", "splitBy"],
} satisfies ShapeOf<PoolAward>;

/** One shape per member of the union `U`, keyed by its `type` (a missing, extra or mismatched type fails to compile). */
type ShapesByType<U extends { readonly type: string }> = { readonly [T in U as T["type"]]: ShapeOf<T> };

/** Components by `type`. */
const COMPONENTS = {
  tiered: TIERED,
  scorecard: SCORECARD,
  flat: FLAT,
  perUnit: PER_UNIT,
} satisfies ShapesByType<Component>;

/** Team awards by `type`. */
const AWARDS = { rank: RANK, pool: POOL } satisfies ShapesByType<TeamAward>;

/** An object whose `type` picks its shape among `shapes` (else `code`). */
function typed(shapes: Readonly<Record<string, Shape>>, code: string): Check {
  return (v, at) => {
    if (!isPlainObject(v)) return report(at, "invalid_type", expected("an object", v));
    const type = own(v, "type");
    if (typeof type === "string" && Object.hasOwn(shapes, type)) return checkObject(v, at, shapes[type]!);
    const where = child(at, "type");
    return report(
      where,
      type === undefined ? "missing_key" : code,
      expected(`one of ${Object.keys(shapes).join(", ")}`, type),
    );
  };
}

/** Metric definitions by name (prototype keys are reported by the prototype walk). */
function metricDefinitions(v: unknown, at: Place): void {
  if (!isPlainObject(v)) {
    report(at, "invalid_type", expected("an object of metric definitions", v));
    return;
  }
  for (const name of Object.keys(v)) {
    if (!PROTOTYPE_KEYS.includes(name)) checkObject(v[name], child(at, name), DEFINITION);
  }
}

const EFFECTIVE = { fields: { from: date, to: date }, required: ["from", "to"] } satisfies ShapeOf<Plan["effective"]>;

function effective(v: unknown, at: Place): void {
  datesRule(checkObject(v, at, EFFECTIVE), at);
}

const PERIOD = { fields: { days: positiveInteger }, required: ["days"] } satisfies ShapeOf<Plan["period"]>;

const CURRENCY = {
  fields: { code: currencyCode, exponent },
  required: ["code", "exponent"],
} satisfies ShapeOf<Plan["currency"]>;

const ROUNDING = { fields: { mode: roundingMode }, required: ["mode"] } satisfies ShapeOf<
  NonNullable<Plan["rounding"]>
>;

const PRORATION = {
  fields: { activeDaysMetric },
  required: ["activeDaysMetric"],
} satisfies ShapeOf<NonNullable<Plan["proration"]>>;

const PLAN_CAP = { fields: { amountMinor: amount }, required: ["amountMinor"] } satisfies ShapeOf<
  NonNullable<Plan["planCap"]>
>;

/** The whole plan. */
export const PLAN: Shape = {
  fields: {
    schema: schemaId,
    id: text,
    version: positiveInteger,
    label: text,
    description: text,
    effective,
    period: PERIOD,
    currency: CURRENCY,
    rounding: ROUNDING,
    metrics: metricDefinitions,
    teamMetrics: metricDefinitions,
    onMissingMetric: ["error", "zero"],
    proration: PRORATION,
    components: /* @__PURE__ */ listOf("components", /* @__PURE__ */ typed(COMPONENTS, "unknown_component_type")),
    planCap: PLAN_CAP,
    teamAwards: /* @__PURE__ */ listOf("team awards", /* @__PURE__ */ typed(AWARDS, "unknown_award_type")),
    clawback: CLAWBACK,
    draw: DRAW,
  },
  required: ["schema", "id", "version", "effective", "period", "currency", "metrics", "components"],
} satisfies ShapeOf<Plan>;
