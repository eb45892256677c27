/**
 * The warnings of `validatePlan`: plans that are valid but probably wrong
 * (written in major units instead of minor, percentages as fractions, caps
 * that always bind, awards nobody can win). Read from a valid plan only;
 * warnings never block evaluation.
 *
 * @module
 */
import type { PlanIssue } from "../errors.js";
import { compare, fromNumber, HUNDRED, ONE, type Rational, readExact, ZERO } from "./rational.js";
import type { Condition, ConditionValue, Kpi, MetricType, Plan, ScorecardComponent } from "./schema.js";

/**
 * The stable codes of plan warnings:
 * - `rate_below_minor_unit`: a rate per unit between 0 and 1 minor unit (`"0.40"` meant 40 cents);
 * - `percent_as_fraction`: a `percent` metric's curve points or condition values all within 0–1 (`0.7` meant 70 %);
 * - `cap_below_target`: a scorecard cap below its target incentive (the cap binds before the target is reached);
 * - `never_eligible`, `never_funded`, `never_holds`: an award's `eligible`, a pool's `fundedWhen` or a component's
 *   `when` that no metric values can satisfy;
 * - `zero_target`: a scorecard whose target incentive is 0 (it can never pay).
 *
 * @category Incentives
 */
export type PlanWarningCode =
  | "rate_below_minor_unit"
  | "percent_as_fraction"
  | "cap_below_target"
  | "never_eligible"
  | "never_funded"
  | "never_holds"
  | "zero_target";

/** Every warning of a valid plan, in document order. */
export function planWarnings(plan: Plan): PlanIssue[] {
  const out: PlanIssue[] = [];
  const warn = (path: string, code: PlanWarningCode, message: string): void => {
    out.push({ path, code, message });
  };
  const types = metricTypes(plan);
  const unit = `1 minor unit of ${plan.currency.code} (10^-${plan.currency.exponent})`;
  plan.components.forEach((c, i) => {
    const at = `/components/${i}`;
    const name = `component "${c.id}"`;
    if (c.when) conditionWarnings(c.when, { path: `${at}/when`, name, types, warn, code: "never_holds" });
    if (c.type === "perUnit") rateWarning(c.ratePerUnitMinor, { path: `${at}/ratePerUnitMinor`, name, unit, warn });
    if (c.type === "tiered") {
      c.bands.forEach((b, j) => {
        rateWarning(b.ratePerUnitMinor, {
          path: `${at}/bands/${j}/ratePerUnitMinor`,
          name: `${name} band ${j}`,
          unit,
          warn,
        });
      });
    }
    if (c.type === "scorecard") scorecardWarnings(c, { path: at, name, types, warn });
  });
  (plan.teamAwards ?? []).forEach((a, i) => {
    const at = `/teamAwards/${i}`;
    const name = `award "${a.id}"`;
    if (a.type === "pool" && a.fundedWhen) {
      conditionWarnings(a.fundedWhen, { path: `${at}/fundedWhen`, name, types, warn, code: "never_funded" });
    }
    if (a.eligible)
      conditionWarnings(a.eligible, { path: `${at}/eligible`, name, types, warn, code: "never_eligible" });
  });
  return out;
}

type Warn = (path: string, code: PlanWarningCode, message: string) => void;

/** Metric types by name: agent metrics under `agent:`, team metrics under `team:`. */
type Types = ReadonlyMap<string, MetricType>;

function metricTypes(plan: Plan): Types {
  const types = new Map<string, MetricType>();
  for (const [name, d] of Object.entries(plan.metrics)) types.set(`agent:${name}`, d.type);
  for (const [name, d] of Object.entries(plan.teamMetrics ?? {})) types.set(`team:${name}`, d.type);
  return types;
}

/** Where a warning goes and what it names. */
interface Site {
  readonly path: string;
  readonly name: string;
  readonly warn: Warn;
}

function rateWarning(rate: string | number, site: Site & { readonly unit: string }): void {
  const r = readExact(rate)!;
  if (compare(r, ZERO) > 0 && compare(r, ONE) < 0) {
    site.warn(
      site.path,
      "rate_below_minor_unit",
      `${site.name}: ratePerUnitMinor ${JSON.stringify(rate)} pays less than ${site.unit} per unit; rates are in minor units (cents for USD), so a rate meant in major units must be multiplied by 10^exponent`,
    );
  }
}

function scorecardWarnings(c: ScorecardComponent, site: Site & { readonly types: Types }): void {
  const { path, name, warn } = site;
  if (c.targetIncentiveMinor === 0) {
    warn(
      `${path}/targetIncentiveMinor`,
      "zero_target",
      `${name}: a target incentive of 0 never pays, whatever the scores`,
    );
  }
  c.kpis.forEach((k, i) => {
    kpiWarnings(k, { ...site, path: `${path}/kpis/${i}` });
  });
  const target = BigInt(c.targetIncentiveMinor);
  if (c.cap?.amountMinor !== undefined && BigInt(c.cap.amountMinor) < target) {
    warn(
      `${path}/cap/amountMinor`,
      "cap_below_target",
      `${name}: cap ${c.cap.amountMinor} is below the target incentive ${c.targetIncentiveMinor}, so it binds before the target is reached`,
    );
  }
  if (c.cap?.pctOfTarget !== undefined && target > 0n && compare(readExact(c.cap.pctOfTarget)!, HUNDRED) < 0) {
    warn(
      `${path}/cap/pctOfTarget`,
      "cap_below_target",
      `${name}: cap ${c.cap.pctOfTarget} % of target is below the target incentive, so it binds before the target is reached`,
    );
  }
}

function kpiWarnings(k: Kpi, site: Site & { readonly types: Types }): void {
  const { path, warn, types } = site;
  const name = `${site.name} KPI "${k.id}"`;
  if (types.get(`agent:${k.metric}`) === "percent" && looksLikeFractions(k.curve.map(([x]) => readExact(x)!))) {
    warn(
      `${path}/curve`,
      "percent_as_fraction",
      `${name}: every curve point of percent metric "${k.metric}" lies within 0–1; percentages are written 0–100 (70, not 0.7)`,
    );
  }
  if (k.gate) {
    conditionWarnings(k.gate.when, { path: `${path}/gate/when`, name, types, warn, code: "never_holds" });
  }
}

/** All values within 0–1 and at least one above 0. */
function looksLikeFractions(values: readonly Rational[]): boolean {
  return values.some((v) => compare(v, ZERO) > 0) && values.every((v) => compare(v, ZERO) >= 0 && compare(v, ONE) <= 0);
}

/** A condition's warnings: percent comparisons with fractions, and a condition that can never hold. */
function conditionWarnings(
  node: Condition,
  site: Site & { readonly types: Types; readonly code: "never_eligible" | "never_funded" | "never_holds" },
): void {
  fractionComparisons(node, site);
  const conflict = unsatisfiable(node, site.types);
  if (conflict !== null) {
    const what = {
      never_eligible: "no agent can be eligible",
      never_funded: "the pool can never be funded",
      never_holds: "the condition can never hold",
    }[site.code];
    site.warn(site.path, site.code, `${site.name}: ${what}: ${conflict}`);
  }
}

function fractionComparisons(node: Condition, site: Site & { readonly types: Types }, path = site.path): void {
  if ("all" in node || "any" in node) {
    const key = "all" in node ? "all" : "any";
    const children: readonly Condition[] = "all" in node ? node.all : node.any;
    for (let i = 0; i < children.length; i++) fractionComparisons(children[i]!, site, `${path}/${key}/${i}`);
  } else if ("not" in node) fractionComparisons(node.not, site, `${path}/not`);
  else {
    const [scope, metric] = "metric" in node ? ["agent", node.metric] : ["team", node.teamMetric];
    if (site.types.get(`${scope}:${metric}`) === "percent" && looksLikeFractions(constants(node.value))) {
      site.warn(
        `${path}/value`,
        "percent_as_fraction",
        `${site.name}: percent metric "${metric}" is compared with ${JSON.stringify(node.value)}, within 0–1; percentages are written 0–100 (70, not 0.7)`,
      );
    }
  }
}

function constants(value: ConditionValue): Rational[] {
  const list: readonly (number | string)[] = Array.isArray(value) ? value : [value as number | string];
  return list.map((v) => (typeof v === "number" ? fromNumber(v) : readExact(v)!));
}

/** A bound of an interval: its value and whether it is included. */
interface Bound {
  readonly at: Rational;
  readonly closed: boolean;
}

/** The values one metric may take: `undefined` bounds are open-ended. */
interface Interval {
  readonly lo?: Bound;
  readonly hi?: Bound;
}

const NEVER_NEGATIVE: readonly MetricType[] = ["count", "days", "minutes", "hours", "seconds", "amountMinor"];

/**
 * Why a condition can never hold, or `null` when it may (or this check cannot tell).
 * Sound but not complete: comparisons against a metric's domain (counts and
 * durations are ≥ 0), contradictory comparisons of one metric directly under
 * an `all`, an `all` with an impossible child, an `any` whose children are all
 * impossible. `not` is assumed satisfiable.
 */
function unsatisfiable(node: Condition, types: Types): string | null {
  if ("any" in node) {
    const reasons = node.any.map((c) => unsatisfiable(c, types));
    return reasons.every((r) => r !== null) ? reasons.join("; ") : null;
  }
  if ("not" in node) return null;
  const children: readonly Condition[] = "all" in node ? node.all : [node];
  const ranges = new Map<string, Interval>();
  for (const c of children) {
    if ("all" in c || "any" in c) {
      const reason = unsatisfiable(c, types);
      if (reason !== null) return reason;
      continue;
    }
    if ("not" in c) continue;
    const [scope, metric] = "metric" in c ? ["agent", c.metric] : ["team", c.teamMetric];
    const key = `${scope}:${metric}`;
    const domain: Interval = NEVER_NEGATIVE.includes(types.get(key) as MetricType)
      ? { lo: { at: ZERO, closed: true } }
      : {};
    const here = comparisonRange(c.op, constants(c.value));
    if (here === null) continue;
    const before = ranges.get(key) ?? domain;
    const range = intersect(before, here);
    if (isEmpty(range)) {
      const text = `${metric} ${c.op} ${JSON.stringify(c.value)}`;
      return ranges.has(key)
        ? `${text} contradicts an earlier comparison of ${metric}`
        : `${text} is impossible for a ${types.get(key)} metric`;
    }
    ranges.set(key, range);
  }
  return null;
}

/** The values a comparison admits, as one interval (`null`: not one interval, such as `ne` or `in`). */
function comparisonRange(op: string, cs: readonly Rational[]): Interval | null {
  const c = cs[0]!;
  switch (op) {
    case "eq":
      return { lo: { at: c, closed: true }, hi: { at: c, closed: true } };
    case "lt":
      return { hi: { at: c, closed: false } };
    case "lte":
      return { hi: { at: c, closed: true } };
    case "gt":
      return { lo: { at: c, closed: false } };
    case "gte":
      return { lo: { at: c, closed: true } };
    case "between":
      return { lo: { at: c, closed: true }, hi: { at: cs[1]!, closed: true } };
    default:
      return null;
  }
}

function intersect(a: Interval, b: Interval): Interval {
  const lo = tighter(a.lo, b.lo, 1);
  const hi = tighter(a.hi, b.hi, -1);
  return { ...(lo ? { lo } : {}), ...(hi ? { hi } : {}) };
}

/** The tighter of two bounds: the larger lower bound (`sign` 1) or the smaller upper bound (`sign` −1). */
function tighter(a: Bound | undefined, b: Bound | undefined, sign: 1 | -1): Bound | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const c = compare(a.at, b.at) * sign;
  if (c !== 0) return c > 0 ? a : b;
  return a.closed ? b : a;
}

function isEmpty(r: Interval): boolean {
  if (r.lo === undefined || r.hi === undefined) return false;
  const c = compare(r.lo.at, r.hi.at);
  return c > 0 || (c === 0 && !(r.lo.closed && r.hi.closed));
}
