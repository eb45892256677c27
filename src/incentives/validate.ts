/**
 * `validatePlan`: every problem of a plan, each with a JSON pointer, a stable
 * code and a message. Reads own keys only, so a JSON-parsed `"__proto__"` key
 * is seen (and rejected) rather than followed.
 *
 * @module
 */
import type { PlanIssue } from "../errors.js";
import { describe } from "../internal/messages.js";
import {
  compare,
  fractionString,
  fromNumber,
  HUNDRED,
  isDecimalString,
  add as plus,
  type Rational,
  readExact,
  ZERO,
} from "./rational.js";
import { ROUNDING_MODES } from "./rounding.js";
import type { Plan } from "./schema.js";

/**
 * The result of `validatePlan`: the plan, typed, or every issue found.
 *
 * @category Incentives
 */
export type PlanValidationResult =
  | {
      /** The plan is valid. */
      readonly ok: true;
      /** The same object, typed. */
      readonly plan: Plan;
    }
  | {
      /** The plan is invalid. */
      readonly ok: false;
      /** Every problem found, in document order. */
      readonly issues: readonly PlanIssue[];
    };

/**
 * Checks an incentive plan against the `cs-incentive-plan/1` schema and its
 * rules, and reports **every** problem, not only the first.
 *
 * Each issue has a JSON pointer (RFC 6901) to the offending value
 * (`/components/0/bands/1/fromPct`), a stable code and a message. Rejected, as
 * INCENTIVES.md §9 requires: unknown metric names (`unknown_metric`), KPI weights
 * not summing to 100 (`weights_not_100`), non-monotone curves
 * (`non_monotone_curve`), band gaps and overlaps (`band_gap`, `band_overlap`,
 * `band_empty`, `band_not_open_ended`, `band_not_closed`), `top < 1`
 * (`out_of_range`), negative amounts and rates (`negative_amount`), unknown
 * component and award types (`unknown_component_type`, `unknown_award_type`),
 * rates that are not integers or decimal strings (`invalid_rate`; other exact
 * numbers `invalid_number`), prototype keys `__proto__`, `constructor`,
 * `prototype` anywhere (`prototype_key`). Also: unknown keys (`unknown_key`),
 * missing keys (`missing_key`), wrong types (`invalid_type`), non-integer minor
 * amounts (`not_integer`), values outside their range (`out_of_range`) or set
 * (`invalid_value`), duplicate ids (`duplicate_id`), a bad currency
 * (`invalid_currency`), rounding mode (`invalid_rounding_mode`) or date
 * (`invalid_date`), empty `all`/`any` (`empty_condition`), conditions nested
 * deeper than 32 (`too_deep`), agent metrics in a team condition
 * (`team_condition_reads_agent_metric`), proration asked for without
 * `proration` (`proration_not_configured`), a percentage cap on a component
 * without a target incentive (`invalid_cap`), objects with a non-standard
 * prototype (`not_plain_object`). The plan is never changed.
 *
 * @param plan - Anything: parsed JSON, typically.
 * @returns `{ ok: true, plan }` (the same object, typed) or `{ ok: false, issues }`.
 *
 * @example
 * ```ts
 * import { validatePlan } from "support-metrics";
 * const plan = {
 *   schema: "cs-incentive-plan/1", id: "p", version: 1,
 *   effective: { from: "2025-06-01", to: "2025-06-30" }, period: { days: 30 },
 *   currency: { code: "USD", exponent: 2 },
 *   metrics: { tickets: { type: "count" } },
 *   components: [{ id: "c", type: "perUnit", basis: "tickets", ratePerUnitMinor: "12.5" }],
 * };
 * validatePlan(plan).ok; // => true
 * const bad = validatePlan({ ...plan, components: [{ id: "c", type: "perUnit", basis: "tix", ratePerUnitMinor: 12.5 }] });
 * bad.ok; // => false
 * bad.ok ? [] : bad.issues.map((i) => `${i.path} ${i.code}`); // => ["/components/0/basis unknown_metric", "/components/0/ratePerUnitMinor invalid_rate"]
 * ```
 * @see {@link evaluatePlan}
 * @see {@link compilePlan}
 * @category Incentives
 */
export function validatePlan(plan: unknown): PlanValidationResult {
  const cx = context({ agent: new Set(), team: new Set(), teamOnly: false });
  walkPrototypeKeys(cx, plan, "", new Set());
  object(cx, plan, "", PLAN);
  return cx.issues.length === 0 ? { ok: true, plan: plan as Plan } : { ok: false, issues: cx.issues };
}

/** Which metric names a condition may read (`null`: any name) and whether only team metrics are allowed. */
export interface Scope {
  /** Declared agent metrics, or `null` for any name. */
  readonly agent: ReadonlySet<string> | null;
  /** Declared team metrics, or `null` for any name. */
  readonly team: ReadonlySet<string> | null;
  /** Only team metrics may be read (a pool's `fundedWhen`). */
  readonly teamOnly: boolean;
}

/** The issues of one condition (with prototype keys), paths prefixed by `path`. */
export function checkCondition(node: unknown, path: string, scope: Scope): PlanIssue[] {
  const cx = context(scope);
  walkPrototypeKeys(cx, node, path, new Set());
  condition(cx, node, path, 0);
  return cx.issues;
}

/**
 * The schema as data: each object's allowed keys, in the order their values are
 * checked, each with its kind, and the keys it requires. One walker
 * (`object`) reads them all.
 */
interface Shape {
  readonly fields: Readonly<Record<string, Kind>>;
  readonly required: readonly string[];
}

/** A field's kind: a check, the strings it may be (else `invalid_value`), or a nested object. */
type Kind = Check | readonly string[] | Shape;

/** Checks a present value; returns it parsed (a rational for exact numbers) or `undefined` after adding an issue. */
type Check = (cx: Cx, value: unknown, at: string, siblings: Parsed) => unknown;

/** The checked fields of one object, by key: present keys only, `undefined` for an invalid value. */
interface Parsed {
  [key: string]: unknown;
  readonly from?: string;
  readonly to?: string;
  readonly type?: string;
  readonly better?: string;
  readonly metric?: string;
  readonly op?: string;
  readonly fromPct?: Rational;
  readonly toPct?: Rational;
  readonly weight?: Rational;
}

/** The state of one validation: the issues so far and what the plan declared before the current point. */
interface Cx {
  readonly issues: PlanIssue[];
  agent: ReadonlySet<string> | null;
  team: ReadonlySet<string> | null;
  readonly teamOnly: boolean;
  /** Whether the plan has a `proration` block (prorated components need one). */
  prorates: boolean;
  /** The ids of components and awards so far (`planCap` is reserved). */
  readonly ids: Set<string>;
  /** The ids of the current scorecard's KPIs. */
  kpiIds: Set<string>;
  /** Each declared agent metric's checked definition. */
  readonly definitions: Map<string, Parsed>;
}

const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype"];
const MAX_DEPTH = 32;
const BETTER = ["higher", "lower"];
const ORDER = ["asc", "desc"];

const DEFINITION: Shape = {
  fields: {
    type: ["count", "days", "minutes", "hours", "seconds", "percent", "ratio", "score", "number", "amountMinor"],
    better: BETTER,
    label: text,
    description: text,
  },
  required: ["type"],
};
const CAP: Shape = { fields: { amountMinor: amount, pctOfTarget: none }, required: [] };
const PERCENT_CAP: Shape = { fields: { amountMinor: amount, pctOfTarget: nonNegative }, required: [] };
const BAND: Shape = {
  fields: { fromPct: nonNegative, toPct: nonNegative, ratePerUnitMinor: rate, label: text, description: text },
  required: ["fromPct", "ratePerUnitMinor"],
};
const KPI: Shape = {
  fields: {
    id: kpiId,
    metric,
    weight: nonNegative,
    better: BETTER,
    curve,
    gate: { fields: { when, reason: text }, required: ["when", "reason"] },
    label: text,
    description: text,
  },
  required: ["id", "metric", "weight", "curve"],
};
// Component and award fields are checked type-specific first, then id, when and texts.
const COMPONENTS: Readonly<Record<string, Shape>> = {
  tiered: {
    fields: {
      type: none,
      mode: ["graduated", "retroactive"],
      basis: metric,
      target: { fields: { value: positive, prorate }, required: ["value"] },
      bands,
      cap,
      id,
      when,
      label: text,
      description: text,
      holdback,
    },
    required: ["id", "mode", "basis", "target", "bands"],
  },
  scorecard: {
    fields: {
      type: none,
      targetIncentiveMinor: amount,
      prorate,
      kpis,
      gate: { fields: { minWeightedPct: nonNegative }, required: ["minWeightedPct"] },
      payoutCurve: curve,
      cap,
      id,
      when,
      label: text,
      description: text,
      holdback,
    },
    required: ["id", "targetIncentiveMinor", "kpis"],
  },
  flat: {
    fields: { type: none, amountMinor: amount, prorate, id, when, label: text, description: text, holdback },
    required: ["id", "amountMinor"],
  },
  perUnit: {
    fields: {
      type: none,
      basis: metric,
      ratePerUnitMinor: rate,
      cap,
      id,
      when,
      label: text,
      description: text,
      holdback,
    },
    required: ["id", "basis", "ratePerUnitMinor"],
  },
};
const AWARDS: Readonly<Record<string, Shape>> = {
  rank: {
    fields: {
      type: none,
      metric,
      order: ORDER,
      top,
      eligible: when,
      tieBreakers,
      tiePolicy: ["includeAllTiedAtCutoff", "excludeAllTiedAtCutoff"],
      reward,
      id,
      label: text,
      description: text,
    },
    required: ["id", "metric", "top", "reward"],
  },
  pool: {
    fields: {
      type: none,
      amountMinor: amount,
      fundedWhen,
      eligible: when,
      splitBy: { fields: { metric }, required: ["metric"] },
      id,
      label: text,
      description: text,
    },
    required: ["id", "amountMinor", "splitBy"],
  },
};
const TIE_BREAKER: Shape = { fields: { metric, order: ORDER }, required: ["metric"] };
const CASH: Shape = { fields: { kind: none, amountMinor: amount }, required: ["kind", "amountMinor"] };
const NON_CASH: Shape = {
  fields: { kind: rewardKind, quantity, unit: text, costModelMinor: amount },
  required: ["kind", "quantity", "unit"],
};
const COMPARE: Shape = { fields: { metric, op, value }, required: ["metric", "op", "value"] };
const TEAM_COMPARE: Shape = { fields: { teamMetric, op, value }, required: ["teamMetric", "op", "value"] };
const PLAN: Shape = {
  fields: {
    schema,
    id: text,
    version: positiveInteger,
    label: text,
    description: text,
    effective,
    period: { fields: { days: positiveInteger }, required: ["days"] },
    currency: { fields: { code: currencyCode, exponent }, required: ["code", "exponent"] },
    rounding: { fields: { mode: roundingMode }, required: ["mode"] },
    metrics: agentMetrics,
    teamMetrics,
    onMissingMetric: ["error", "zero"],
    proration,
    components,
    planCap: { fields: { amountMinor: amount }, required: ["amountMinor"] },
    teamAwards,
    clawback,
    draw,
  },
  required: ["schema", "id", "version", "effective", "period", "currency", "metrics", "components"],
};

function context(scope: Scope): Cx {
  return {
    ...scope,
    issues: [],
    prorates: false,
    ids: new Set(["planCap"]),
    kpiIds: new Set(),
    definitions: new Map(),
  };
}

function add(cx: Cx, path: string, code: string, message: string): undefined {
  cx.issues.push({ path, code, message });
  return undefined;
}

/** The one message shape of the validator: `expected X but received Y`. */
function expected(cx: Cx, path: string, code: string, what: string, value: unknown): undefined {
  return received(cx, path, code, what, describe(value));
}

/** `expected X but received Y`, with Y already written out (an exact number, a name). */
function received(cx: Cx, path: string, code: string, what: string, got: string): undefined {
  return add(cx, path, code, `expected ${what} but received ${got}`);
}

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
function ptr(path: string, key: string | number): string {
  return `${path}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function own(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/**
 * Reports prototype keys and exotic prototypes anywhere, without following
 * either. `ancestors` holds the objects on the current path only: an object
 * shared by two places of a plan is checked at each place, a cycle is cut.
 */
function walkPrototypeKeys(cx: Cx, value: unknown, path: string, ancestors: Set<object>): void {
  if (value === null || typeof value !== "object" || ancestors.has(value)) return;
  ancestors.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walkPrototypeKeys(cx, value[i], ptr(path, i), ancestors);
  } else {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      add(cx, path, "not_plain_object", "expected a plain object (JSON), not one with another prototype");
    }
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.includes(key)) {
        add(cx, ptr(path, key), "prototype_key", `"${key}" is not allowed as a key`);
      } else walkPrototypeKeys(cx, (value as Record<string, unknown>)[key], ptr(path, key), ancestors);
    }
  }
  ancestors.delete(value);
}

/** Checks an object against its shape: unknown keys, missing keys, then each present field in order. */
function object(cx: Cx, value: unknown, path: string, shape: Shape): Parsed | null {
  if (!isPlainObject(value)) return expected(cx, path, "invalid_type", "an object", value) ?? null;
  const allowed = Object.keys(shape.fields);
  keys(cx, value, path, allowed, shape.required);
  const out: Parsed = {};
  for (const key of allowed) {
    const v = own(value, key);
    // A present but `undefined` value (from JS, never JSON) counts as present, unchecked.
    if (Object.hasOwn(value, key))
      out[key] = v === undefined ? v : field(cx, shape.fields[key]!, v, ptr(path, key), out);
  }
  return out;
}

/** Reports the keys of `o` that are not allowed (prototype keys are reported elsewhere) and the required keys it lacks. */
function keys(
  cx: Cx,
  o: Record<string, unknown>,
  path: string,
  allowed: readonly string[],
  required: readonly string[],
): void {
  for (const key of Object.keys(o)) {
    if (PROTOTYPE_KEYS.includes(key) || allowed.includes(key)) continue;
    add(cx, ptr(path, key), "unknown_key", `unknown key "${key}" (allowed: ${allowed.join(", ")})`);
  }
  for (const key of required)
    if (!Object.hasOwn(o, key)) add(cx, ptr(path, key), "missing_key", `"${key}" is required`);
}

/** Checks one value of a kind. */
function field(cx: Cx, kind: Kind, value: unknown, at: string, siblings: Parsed = {}): unknown {
  if (typeof kind === "function") return kind(cx, value, at, siblings);
  if (Array.isArray(kind)) return oneOf(cx, value, at, kind, "invalid_value");
  return object(cx, value, at, kind as Shape);
}

/** An array (non-empty when asked); reports anything else. */
function list(cx: Cx, value: unknown, at: string, what: string, nonEmpty: boolean): value is unknown[] {
  if (Array.isArray(value) && (!nonEmpty || value.length > 0)) return true;
  return expected(cx, at, "invalid_type", `${nonEmpty ? "a non-empty" : "an"} array of ${what}`, value) ?? false;
}

/** Checks each element of an array. */
function each(cx: Cx, value: unknown, at: string, what: string, kind: Kind): void {
  if (list(cx, value, at, what, false)) {
    for (let i = 0; i < value.length; i++) field(cx, kind, value[i], `${at}/${i}`);
  }
}

function oneOf(cx: Cx, v: unknown, at: string, allowed: readonly string[], code: string): unknown {
  return allowed.includes(v as string) ? v : expected(cx, at, code, `one of ${allowed.join(", ")}`, v);
}

// The checks of single values.

/** A key whose value another check reads (a `type`) or that is judged with its siblings: kept as given. */
function none(_cx: Cx, v: unknown): unknown {
  return v;
}

function text(cx: Cx, v: unknown, at: string): unknown {
  return typeof v === "string" && v.length > 0 ? v : expected(cx, at, "invalid_type", "a non-empty string", v);
}

function positiveInteger(cx: Cx, v: unknown, at: string): unknown {
  return Number.isSafeInteger(v) && (v as number) >= 1 ? v : expected(cx, at, "invalid_type", "an integer ≥ 1", v);
}

function top(cx: Cx, v: unknown, at: string): unknown {
  if (!Number.isSafeInteger(v)) return expected(cx, at, "invalid_type", "an integer ≥ 1", v);
  return (v as number) < 1 ? expected(cx, at, "out_of_range", "an integer ≥ 1", v) : v;
}

function quantity(cx: Cx, v: unknown, at: string): unknown {
  return typeof v === "number" && v > 0 && v < Number.POSITIVE_INFINITY
    ? v
    : expected(cx, at, "out_of_range", "a number > 0", v);
}

/** A minor-unit amount: a safe integer ≥ 0. */
function amount(cx: Cx, v: unknown, at: string): unknown {
  if (typeof v !== "number" || !Number.isFinite(v)) {
    return expected(cx, at, "invalid_type", "an amount in minor units (an integer)", v);
  }
  if (!Number.isSafeInteger(v)) return expected(cx, at, "not_integer", "whole minor units (an integer)", v);
  return v < 0 ? expected(cx, at, "negative_amount", "an amount ≥ 0", v) : v;
}

/** An exact plan number (a safe integer or a decimal string), compared with 0 when `least` is 0 (≥ 0) or 1 (> 0). */
function exact(
  cx: Cx,
  v: unknown,
  at: string,
  code: string,
  least: -1 | 0 | 1,
  rangeCode: string,
): Rational | undefined {
  const r = readExact(v);
  if (r === null) return expected(cx, at, code, 'an integer or a decimal string such as "112.5"', v);
  return compare(r, ZERO) < least ? expected(cx, at, rangeCode, `a number ${least ? ">" : "≥"} 0`, v) : r;
}

function nonNegative(cx: Cx, v: unknown, at: string): unknown {
  return exact(cx, v, at, "invalid_number", 0, "out_of_range");
}

function positive(cx: Cx, v: unknown, at: string): unknown {
  return exact(cx, v, at, "invalid_number", 1, "out_of_range");
}

function rate(cx: Cx, v: unknown, at: string): unknown {
  return exact(cx, v, at, "invalid_rate", 0, "negative_amount");
}

function schema(cx: Cx, v: unknown, at: string): unknown {
  return v === "cs-incentive-plan/1" ? v : expected(cx, at, "invalid_value", '"cs-incentive-plan/1"', v);
}

function currencyCode(cx: Cx, v: unknown, at: string): unknown {
  return typeof v === "string" && /^[A-Z]{3}$/.test(v)
    ? v
    : expected(cx, at, "invalid_currency", "an ISO 4217 code (three capital letters)", v);
}

function exponent(cx: Cx, v: unknown, at: string): unknown {
  return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 4
    ? v
    : expected(cx, at, "invalid_currency", "minor-unit digits 0–4 (USD 2, JPY 0)", v);
}

function roundingMode(cx: Cx, v: unknown, at: string): unknown {
  return oneOf(cx, v, at, ROUNDING_MODES, "invalid_rounding_mode");
}

function op(cx: Cx, v: unknown, at: string): unknown {
  return oneOf(cx, v, at, ["eq", "ne", "lt", "lte", "gt", "gte", "between", "in"], "invalid_operator");
}

function rewardKind(cx: Cx, v: unknown, at: string): unknown {
  return typeof v === "string" && /^[A-Za-z]\w*$/.test(v)
    ? v
    : expected(cx, at, "invalid_value", '"cash" or a reward kind such as "paidTimeOff"', v);
}

function date(cx: Cx, v: unknown, at: string): unknown {
  const m = typeof v === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  if (m) {
    const y = Number(m[1]);
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Number(m[2]) - 1];
    const d = Number(m[3]);
    if (days !== undefined && d >= 1 && d <= days) return v;
  }
  return expected(cx, at, "invalid_date", "a date YYYY-MM-DD", v);
}

function effective(cx: Cx, v: unknown, at: string): void {
  const e = object(cx, v, at, { fields: { from: date, to: date }, required: ["from", "to"] });
  const from = e?.from;
  const to = e?.to;
  if (from !== undefined && to !== undefined && from > to) {
    received(cx, `${at}/to`, "invalid_date", `a date on or after ${from}`, to);
  }
}

// Metrics: declarations and references.

function agentMetrics(cx: Cx, v: unknown, at: string): void {
  cx.agent = definitions(cx, v, at, cx.definitions);
}

function teamMetrics(cx: Cx, v: unknown, at: string): void {
  cx.team = definitions(cx, v, at, new Map());
}

/** Declared metric names (prototype keys left out); each definition checked into `out`. */
function definitions(cx: Cx, v: unknown, at: string, out: Map<string, Parsed>): Set<string> {
  const names = new Set<string>();
  if (!isPlainObject(v)) {
    expected(cx, at, "invalid_type", "an object of metric definitions", v);
    return names;
  }
  for (const name of Object.keys(v)) {
    if (PROTOTYPE_KEYS.includes(name)) continue;
    names.add(name);
    const d = object(cx, v[name], ptr(at, name), DEFINITION);
    if (d) out.set(name, d);
  }
  return names;
}

function unknownMetric(cx: Cx, at: string, name: string, where: string): undefined {
  return add(cx, at, "unknown_metric", `"${name}" is not declared in ${where}`);
}

/** A declared agent metric (never one in a condition decided once for the team). */
function metric(cx: Cx, v: unknown, at: string): unknown {
  const name = text(cx, v, at) as string | undefined;
  if (name === undefined) return undefined;
  if (cx.teamOnly) {
    add(cx, at, "team_condition_reads_agent_metric", `a team condition may read team metrics only, not "${name}"`);
  } else if (cx.agent !== null && !cx.agent.has(name)) unknownMetric(cx, at, name, "metrics");
  return name;
}

function teamMetric(cx: Cx, v: unknown, at: string): void {
  const name = text(cx, v, at) as string | undefined;
  if (name !== undefined && cx.team !== null && !cx.team.has(name)) unknownMetric(cx, at, name, "teamMetrics");
}

function proration(cx: Cx, v: unknown, at: string): void {
  // A plan with a (possibly faulty) proration block is not also flagged on every prorated component.
  cx.prorates = true;
  object(cx, v, at, { fields: { activeDaysMetric }, required: ["activeDaysMetric"] });
}

function activeDaysMetric(cx: Cx, v: unknown, at: string): undefined {
  const name = text(cx, v, at) as string | undefined;
  if (name === undefined) return;
  if (!cx.agent?.has(name)) return unknownMetric(cx, at, name, "metrics");
  const type = cx.definitions.get(name)?.type;
  if (type !== "days" && type !== "count") {
    received(cx, at, "invalid_value", 'a metric of type "days"', `"${name}" of type "${type}"`);
  }
}

function prorate(cx: Cx, v: unknown, at: string): void {
  if (typeof v !== "boolean") expected(cx, at, "invalid_type", "true or false", v);
  else if (v && !cx.prorates) {
    add(cx, at, "proration_not_configured", `proration needs the plan's "proration.activeDaysMetric"`);
  }
}

// Components and awards.

function components(cx: Cx, v: unknown, at: string): void {
  each(cx, v, at, "components", component);
}

function teamAwards(cx: Cx, v: unknown, at: string): void {
  each(cx, v, at, "team awards", award);
}

function component(cx: Cx, v: unknown, at: string): void {
  typed(cx, v, at, COMPONENTS, "unknown_component_type");
}

function award(cx: Cx, v: unknown, at: string): void {
  typed(cx, v, at, AWARDS, "unknown_award_type");
}

/** An object whose `type` picks its shape. */
function typed(cx: Cx, v: unknown, at: string, shapes: Readonly<Record<string, Shape>>, code: string): undefined {
  if (!isPlainObject(v)) return expected(cx, at, "invalid_type", "an object", v);
  const type = own(v, "type");
  if (typeof type === "string" && Object.hasOwn(shapes, type)) object(cx, v, at, shapes[type]!);
  else
    expected(
      cx,
      `${at}/type`,
      type === undefined ? "missing_key" : code,
      `one of ${Object.keys(shapes).join(", ")}`,
      type,
    );
}

/** A component or award id, unique across both (`planCap` names the plan cap line). */
function id(cx: Cx, v: unknown, at: string): void {
  unique(cx, v, at, cx.ids, "component, award and planCap ids");
}

function kpiId(cx: Cx, v: unknown, at: string): void {
  unique(cx, v, at, cx.kpiIds, "the scorecard's KPI ids");
}

/** A non-empty string not yet in `seen` (then added to it). */
function unique(cx: Cx, v: unknown, at: string, seen: Set<string>, among: string): void {
  const name = text(cx, v, at) as string | undefined;
  if (name === undefined) return;
  if (seen.has(name)) received(cx, at, "duplicate_id", `an id unique among ${among}`, `"${name}"`);
  seen.add(name);
}

/** A component's cap: `amountMinor` and/or `pctOfTarget`, the latter on scorecards only. */
function cap(cx: Cx, v: unknown, at: string, component: Parsed): void {
  const scorecard = component.type === "scorecard";
  const c = object(cx, v, at, scorecard ? PERCENT_CAP : CAP);
  if (c && !scorecard && "pctOfTarget" in c) {
    add(cx, `${at}/pctOfTarget`, "invalid_cap", "pctOfTarget applies to scorecards only");
  } else if (c && !("amountMinor" in c) && !("pctOfTarget" in c)) {
    add(cx, at, "invalid_cap", "a cap needs amountMinor or pctOfTarget");
  }
}

/** Bands: contiguous from 0, each non-empty, only the last open-ended. */
function bands(cx: Cx, v: unknown, at: string): void {
  if (!list(cx, v, at, "bands", true)) return;
  let previousTo: Rational | null = ZERO; // null: unknown (an earlier band was invalid or open-ended)
  for (let i = 0; i < v.length; i++) {
    const here = `${at}/${i}`;
    const b = object(cx, v[i], here, BAND);
    if (!b) {
      previousTo = null;
      continue;
    }
    const from = b.fromPct;
    const to = b.toPct;
    const c = from === undefined || previousTo === null ? 0 : compare(from, previousTo);
    if (c !== 0) {
      const start = `fromPct ${fractionString(previousTo!)} (where ${i === 0 ? "bands start" : `band ${i - 1} ends`})`;
      received(cx, `${here}/fromPct`, c > 0 ? "band_gap" : "band_overlap", start, fractionString(from!));
    }
    if (to !== undefined && from !== undefined && compare(to, from) <= 0) {
      received(cx, `${here}/toPct`, "band_empty", `toPct > ${fractionString(from)}`, fractionString(to));
    }
    const last = i === v.length - 1;
    const hasTo = "toPct" in b;
    if (last && hasTo) add(cx, `${here}/toPct`, "band_not_open_ended", "the last band must be open-ended (no toPct)");
    else if (!last && !hasTo) add(cx, `${here}/toPct`, "band_not_closed", "only the last band may omit toPct");
    previousTo = to ?? null;
  }
}

/** KPIs: each checked, ids unique within the scorecard, weights summing to exactly 100. */
function kpis(cx: Cx, v: unknown, at: string): void {
  if (!list(cx, v, at, "KPIs", true)) return;
  let sum: Rational = ZERO;
  let complete = true;
  cx.kpiIds = new Set();
  for (let i = 0; i < v.length; i++) {
    const weight = object(cx, v[i], `${at}/${i}`, KPI)?.weight;
    if (weight === undefined) complete = false;
    else sum = plus(sum, weight);
  }
  if (complete && compare(sum, HUNDRED) !== 0) {
    received(cx, at, "weights_not_100", "KPI weights summing to 100", `a sum of ${fractionString(sum)}`);
  }
}

/**
 * A curve: `[x, y]` points, x strictly improving in the KPI's direction (its
 * `better`, else its metric's, else higher; a payout curve rises), y never
 * falling and ≥ 0.
 */
function curve(cx: Cx, v: unknown, at: string, kpi: Parsed): void {
  const lower = (kpi.better ?? cx.definitions.get(kpi.metric!)?.better) === "lower";
  if (!list(cx, v, at, "[value, score] points", true)) return;
  let px: Rational | undefined;
  let py: Rational | undefined;
  for (let i = 0; i < v.length; i++) {
    const here = `${at}/${i}`;
    const point = v[i];
    if (!Array.isArray(point) || point.length !== 2) {
      expected(cx, here, "invalid_type", "a point [value, score]", point);
      px = py = undefined;
      continue;
    }
    const x = point[0] === undefined ? undefined : exact(cx, point[0], `${here}/0`, "invalid_number", -1, "");
    const y =
      point[1] === undefined ? undefined : exact(cx, point[1], `${here}/1`, "invalid_number", 0, "out_of_range");
    if (x !== undefined && px !== undefined && compare(x, px) * (lower ? -1 : 1) <= 0) {
      const what = `a value ${lower ? "<" : ">"} ${fractionString(px)} (better: ${lower ? "lower" : "higher"})`;
      received(cx, `${here}/0`, "non_monotone_curve", what, fractionString(x));
    }
    if (y !== undefined && py !== undefined && compare(y, py) < 0) {
      received(cx, `${here}/1`, "non_monotone_curve", `a score ≥ ${fractionString(py)}`, fractionString(y));
    }
    px = x;
    py = y;
  }
}

function tieBreakers(cx: Cx, v: unknown, at: string): void {
  each(cx, v, at, "tie-breakers", TIE_BREAKER);
}

function reward(cx: Cx, v: unknown, at: string): void {
  object(cx, v, at, isPlainObject(v) && own(v, "kind") === "cash" ? CASH : NON_CASH);
}

// Conditions.

function when(cx: Cx, v: unknown, at: string): void {
  condition(cx, v, at, 0);
}

function fundedWhen(cx: Cx, v: unknown, at: string): void {
  condition({ ...cx, teamOnly: true }, v, at, 0);
}

function condition(cx: Cx, node: unknown, path: string, depth: number): undefined {
  if (depth > MAX_DEPTH) return add(cx, path, "too_deep", `conditions may nest at most ${MAX_DEPTH} levels`);
  if (!isPlainObject(node)) return expected(cx, path, "invalid_type", "a condition object", node);
  const key = ["all", "any", "not", "teamMetric", "metric"].find((k) => Object.hasOwn(node, k));
  if (key === "all" || key === "any") {
    keys(cx, node, path, [key], [key]);
    const children = node[key];
    const at = ptr(path, key);
    if (!list(cx, children, at, "conditions", false)) return;
    if (children.length === 0) add(cx, at, "empty_condition", `"${key}" needs at least one condition`);
    for (let i = 0; i < children.length; i++) condition(cx, children[i], `${at}/${i}`, depth + 1);
  } else if (key === "not") {
    keys(cx, node, path, [key], [key]);
    condition(cx, node[key], `${path}/not`, depth + 1);
  } else if (key === undefined) {
    keys(cx, node, path, ["metric", "teamMetric", "op", "value"], []);
    add(cx, path, "invalid_value", "expected a condition (metric, teamMetric, all, any or not)");
  } else object(cx, node, path, key === "metric" ? COMPARE : TEAM_COMPARE);
}

/** A comparison's constant, as its operator wants it. */
function value(cx: Cx, v: unknown, at: string, comparison: Parsed): undefined {
  const operator = comparison.op;
  if (operator !== "between" && operator !== "in") {
    if (operator !== undefined) conditionNumber(cx, v, at);
    return;
  }
  const between = operator === "between";
  if (!Array.isArray(v) || (between ? v.length !== 2 : v.length === 0)) {
    return expected(cx, at, "invalid_type", between ? "[lo, hi]" : "a non-empty array of numbers", v);
  }
  const [lo, hi] = v.map((x, i) => conditionNumber(cx, x, `${at}/${i}`));
  if (between && lo && hi && compare(lo, hi) > 0) {
    received(cx, `${at}/1`, "out_of_range", `hi ≥ ${fractionString(lo)}`, fractionString(hi));
  }
}

/** A condition constant: any finite JS number (read as its shortest decimal) or a decimal string. */
function conditionNumber(cx: Cx, v: unknown, at: string): Rational | undefined {
  if (typeof v === "number") {
    return Number.isFinite(v) ? fromNumber(v) : expected(cx, at, "not_finite", "a finite number", v);
  }
  if (typeof v === "string" && isDecimalString(v)) return readExact(v) ?? undefined;
  return expected(cx, at, "invalid_type", "a number or a decimal string", v);
}

// Settlement keys (read by settlePayouts only): a component's holdback, the plan's clawback and draw.

const CLAWBACK: Shape = {
  fields: { policy: ["recover", "carryForward", "forgive"], windowPeriods: top },
  required: ["policy"],
};
const DRAW: Shape = {
  fields: { amountMinor: amount, recoverable: boolean, periods: top },
  required: ["amountMinor", "recoverable", "periods"],
};
const HOLDBACK: Shape = {
  fields: { pct: holdbackPct, amountMinor: amount, releaseAfterPeriods: top },
  required: ["releaseAfterPeriods"],
};

function clawback(cx: Cx, v: unknown, at: string): void {
  object(cx, v, at, CLAWBACK);
}

function draw(cx: Cx, v: unknown, at: string): void {
  object(cx, v, at, DRAW);
}

function boolean(cx: Cx, v: unknown, at: string): unknown {
  return typeof v === "boolean" ? v : expected(cx, at, "invalid_type", "true or false", v);
}

function holdbackPct(cx: Cx, v: unknown, at: string): unknown {
  const r = nonNegative(cx, v, at) as Rational | undefined;
  return r && compare(r, HUNDRED) > 0 ? expected(cx, at, "out_of_range", "a percentage 0–100", v) : r;
}

/** A holdback: `pct` or `amountMinor`, exactly one. */
function holdback(cx: Cx, v: unknown, at: string): void {
  const h = object(cx, v, at, HOLDBACK);
  if (h && "pct" in h === "amountMinor" in h)
    add(cx, at, "invalid_value", "a holdback needs pct or amountMinor, not both");
}
