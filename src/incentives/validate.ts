/**
 * `validatePlan`: every problem of a plan, each with a JSON pointer, a stable
 * code and a message. Reads own keys only, so a JSON-parsed `"__proto__"` key
 * is seen (and rejected) rather than followed.
 *
 * @module
 */
import type { PlanIssue } from "../errors.js";
import { describe } from "../internal/messages.js";
import { compare, fromNumber, HUNDRED, isDecimalString, type Rational, readExact, ZERO } from "./rational.js";
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
  const cx: Cx = { issues: [] };
  walkPrototypeKeys(cx, plan, "", new Set());
  checkPlan(cx, plan);
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
  const cx: Cx = { issues: [] };
  walkPrototypeKeys(cx, node, path, new Set());
  condition(cx, node, path, scope, 0);
  return cx.issues;
}

interface Cx {
  issues: PlanIssue[];
}

const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype"];
const MAX_DEPTH = 32;
const METRIC_TYPES = [
  "count",
  "days",
  "minutes",
  "hours",
  "seconds",
  "percent",
  "ratio",
  "score",
  "number",
  "amountMinor",
];
const OPS = ["eq", "ne", "lt", "lte", "gt", "gte", "between", "in"];
const TEXT = ["label", "description"];

function add(cx: Cx, path: string, code: string, message: string): void {
  cx.issues.push({ path, code, message });
}

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
function ptr(path: string, key: string | number): string {
  return `${path}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
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
      add(cx, path, "not_plain_object", "expected a plain object (JSON), but its prototype is not Object.prototype");
    }
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.includes(key)) {
        add(cx, ptr(path, key), "prototype_key", `the key "${key}" is not allowed anywhere in a plan`);
        continue;
      }
      walkPrototypeKeys(cx, (value as Record<string, unknown>)[key], ptr(path, key), ancestors);
    }
  }
  ancestors.delete(value);
}

function own(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** An object with allowed and required keys; reports the rest. `null` when not an object. */
function object(
  cx: Cx,
  value: unknown,
  path: string,
  allowed: readonly string[],
  required: readonly string[],
  what = "an object",
): Record<string, unknown> | null {
  if (!isPlainObject(value)) {
    add(cx, path, "invalid_type", `expected ${what} but received ${describe(value)}`);
    return null;
  }
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_KEYS.includes(key) || allowed.includes(key)) continue;
    add(cx, ptr(path, key), "unknown_key", `unknown key "${key}" (allowed: ${allowed.join(", ")})`);
  }
  for (const key of required) {
    if (!Object.hasOwn(value, key)) add(cx, ptr(path, key), "missing_key", `"${key}" is required`);
  }
  return value;
}

function string(cx: Cx, o: Record<string, unknown>, key: string, path: string): string | undefined {
  const v = own(o, key);
  if (v === undefined) return undefined;
  if (typeof v !== "string" || v.length === 0) {
    add(cx, ptr(path, key), "invalid_type", `expected a non-empty string but received ${describe(v)}`);
    return undefined;
  }
  return v;
}

function boolean(cx: Cx, o: Record<string, unknown>, key: string, path: string): boolean | undefined {
  const v = own(o, key);
  if (v === undefined) return undefined;
  if (typeof v !== "boolean") {
    add(cx, ptr(path, key), "invalid_type", `expected true or false but received ${describe(v)}`);
    return undefined;
  }
  return v;
}

function oneOf(
  cx: Cx,
  o: Record<string, unknown>,
  key: string,
  path: string,
  allowed: readonly string[],
  code = "invalid_value",
): string | undefined {
  const v = own(o, key);
  if (v === undefined) return undefined;
  if (typeof v !== "string" || !allowed.includes(v)) {
    add(cx, ptr(path, key), code, `expected one of ${allowed.join(", ")} but received ${describe(v)}`);
    return undefined;
  }
  return v;
}

function texts(cx: Cx, o: Record<string, unknown>, path: string): void {
  for (const key of TEXT) string(cx, o, key, path);
}

/** A minor-unit amount: a safe integer ≥ 0. */
function amount(cx: Cx, o: Record<string, unknown>, key: string, path: string): number | undefined {
  const v = own(o, key);
  if (v === undefined) return undefined;
  const at = ptr(path, key);
  if (typeof v !== "number" || !Number.isFinite(v)) {
    add(cx, at, "invalid_type", `expected an amount in minor units (an integer) but received ${describe(v)}`);
  } else if (!Number.isSafeInteger(v)) {
    add(cx, at, "not_integer", `expected whole minor units (an integer) but received ${describe(v)}`);
  } else if (v < 0) {
    add(cx, at, "negative_amount", `expected an amount ≥ 0 but received ${describe(v)}`);
  } else return v;
  return undefined;
}

interface ExactRule {
  /** Issue code when the value is not an integer or decimal string. */
  readonly code?: string;
  /** The least allowed value. */
  readonly min?: Rational;
  /** `min` itself is not allowed. */
  readonly exclusive?: boolean;
  /** Issue code when below `min`. */
  readonly rangeCode?: string;
}

/** An exact plan number: a safe integer or a decimal string. */
function exactValue(cx: Cx, v: unknown, at: string, rule: ExactRule = {}): Rational | undefined {
  if (v === undefined) return undefined;
  const r = readExact(v);
  if (r === null) {
    add(
      cx,
      at,
      rule.code ?? "invalid_number",
      `expected an integer or a decimal string such as "112.5" but received ${describe(v)}`,
    );
    return undefined;
  }
  if (rule.min !== undefined) {
    const c = compare(r, rule.min);
    if (c < 0 || (rule.exclusive && c === 0)) {
      add(
        cx,
        at,
        rule.rangeCode ?? "out_of_range",
        `expected a number ${rule.exclusive ? ">" : "≥"} ${rule.min.n} but received ${describe(v)}`,
      );
      return undefined;
    }
  }
  return r;
}

function exact(cx: Cx, o: Record<string, unknown>, key: string, path: string, rule?: ExactRule): Rational | undefined {
  return exactValue(cx, own(o, key), ptr(path, key), rule);
}

const NON_NEGATIVE: ExactRule = { min: ZERO };
const RATE: ExactRule = { code: "invalid_rate", min: ZERO, rangeCode: "negative_amount" };

function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return days !== undefined && d >= 1 && d <= days;
}

const PLAN_KEYS = [
  "schema",
  "id",
  "version",
  "effective",
  "period",
  "currency",
  "rounding",
  "metrics",
  "teamMetrics",
  "onMissingMetric",
  "proration",
  "components",
  "planCap",
  "teamAwards",
  ...TEXT,
];

function checkPlan(cx: Cx, value: unknown): void {
  const plan = object(
    cx,
    value,
    "",
    PLAN_KEYS,
    ["schema", "id", "version", "effective", "period", "currency", "metrics", "components"],
    "a plan object",
  );
  if (plan === null) return;
  const schema = own(plan, "schema");
  if (schema !== undefined && schema !== "cs-incentive-plan/1") {
    add(cx, "/schema", "invalid_value", `expected "cs-incentive-plan/1" but received ${describe(schema)}`);
  }
  string(cx, plan, "id", "");
  const version = own(plan, "version");
  if (version !== undefined && !(typeof version === "number" && Number.isSafeInteger(version) && version >= 1)) {
    add(cx, "/version", "invalid_type", `expected an integer ≥ 1 but received ${describe(version)}`);
  }
  texts(cx, plan, "");
  const effective = own(plan, "effective");
  if (effective !== undefined) {
    const e = object(cx, effective, "/effective", ["from", "to"], ["from", "to"]);
    if (e) {
      const dates: string[] = [];
      for (const key of ["from", "to"]) {
        const v = own(e, key);
        if (v === undefined) continue;
        if (typeof v !== "string" || !isDate(v)) {
          add(cx, `/effective/${key}`, "invalid_date", `expected a date YYYY-MM-DD but received ${describe(v)}`);
        } else dates.push(v);
      }
      if (dates.length === 2 && dates[0]! > dates[1]!) {
        add(cx, "/effective/to", "invalid_date", `expected a date on or after ${dates[0]} but received ${dates[1]}`);
      }
    }
  }
  const period = own(plan, "period");
  if (period !== undefined) {
    const p = object(cx, period, "/period", ["days"], ["days"]);
    const days = p ? own(p, "days") : undefined;
    if (days !== undefined && !(typeof days === "number" && Number.isSafeInteger(days) && days >= 1)) {
      add(cx, "/period/days", "invalid_type", `expected an integer ≥ 1 but received ${describe(days)}`);
    }
  }
  const currency = own(plan, "currency");
  if (currency !== undefined) {
    const c = object(cx, currency, "/currency", ["code", "exponent"], ["code", "exponent"]);
    if (c) {
      const code = own(c, "code");
      if (code !== undefined && !(typeof code === "string" && /^[A-Z]{3}$/.test(code))) {
        add(
          cx,
          "/currency/code",
          "invalid_currency",
          `expected an ISO 4217 code (three capital letters) but received ${describe(code)}`,
        );
      }
      const exponent = own(c, "exponent");
      if (
        exponent !== undefined &&
        !(typeof exponent === "number" && Number.isInteger(exponent) && exponent >= 0 && exponent <= 4)
      ) {
        add(
          cx,
          "/currency/exponent",
          "invalid_currency",
          `expected minor-unit digits 0–4 (USD 2, JPY 0) but received ${describe(exponent)}`,
        );
      }
    }
  }
  const rounding = own(plan, "rounding");
  if (rounding !== undefined) {
    const r = object(cx, rounding, "/rounding", ["mode"], ["mode"]);
    if (r) oneOf(cx, r, "mode", "/rounding", ROUNDING_MODES, "invalid_rounding_mode");
  }
  const agent = metricDefinitions(cx, own(plan, "metrics"), "/metrics");
  const team = metricDefinitions(cx, own(plan, "teamMetrics"), "/teamMetrics");
  const scope: Scope = { agent: agent.names, team: team.names, teamOnly: false };
  oneOf(cx, plan, "onMissingMetric", "", ["error", "zero"]);

  const prorationValue = own(plan, "proration");
  if (prorationValue !== undefined) {
    const pr = object(cx, prorationValue, "/proration", ["activeDaysMetric"], ["activeDaysMetric"]);
    if (pr) {
      const m = string(cx, pr, "activeDaysMetric", "/proration");
      if (m !== undefined) {
        if (!agent.names.has(m)) unknownMetric(cx, "/proration/activeDaysMetric", m, "metrics");
        else if (agent.types.get(m) !== "days" && agent.types.get(m) !== "count") {
          add(
            cx,
            "/proration/activeDaysMetric",
            "invalid_value",
            `expected a metric of type "days" but "${m}" is "${agent.types.get(m)}"`,
          );
        }
      }
    }
  }
  const ids = new Set<string>(["planCap"]);
  const components = own(plan, "components");
  if (components !== undefined) {
    if (!Array.isArray(components)) {
      add(cx, "/components", "invalid_type", `expected an array of components but received ${describe(components)}`);
    } else {
      for (let i = 0; i < components.length; i++) {
        // A plan with a (possibly faulty) proration block is not also flagged on every prorated component.
        component(cx, components[i], `/components/${i}`, scope, agent.better, prorationValue !== undefined, ids);
      }
    }
  }
  const planCap = own(plan, "planCap");
  if (planCap !== undefined) {
    const c = object(cx, planCap, "/planCap", ["amountMinor"], ["amountMinor"]);
    if (c) amount(cx, c, "amountMinor", "/planCap");
  }
  const awards = own(plan, "teamAwards");
  if (awards !== undefined) {
    if (!Array.isArray(awards)) {
      add(cx, "/teamAwards", "invalid_type", `expected an array of team awards but received ${describe(awards)}`);
    } else {
      for (let i = 0; i < awards.length; i++) award(cx, awards[i], `/teamAwards/${i}`, scope, ids);
    }
  }
}

interface Definitions {
  names: Set<string>;
  types: Map<string, string>;
  better: Map<string, string>;
}

function metricDefinitions(cx: Cx, value: unknown, path: string): Definitions {
  const out: Definitions = { names: new Set(), types: new Map(), better: new Map() };
  if (value === undefined) return out;
  if (!isPlainObject(value)) {
    add(cx, path, "invalid_type", `expected an object of metric definitions but received ${describe(value)}`);
    return out;
  }
  for (const name of Object.keys(value)) {
    if (PROTOTYPE_KEYS.includes(name)) continue;
    out.names.add(name);
    const at = ptr(path, name);
    const d = object(cx, value[name], at, ["type", "better", ...TEXT], ["type"], "a metric definition object");
    if (!d) continue;
    const type = oneOf(cx, d, "type", at, METRIC_TYPES);
    if (type !== undefined) out.types.set(name, type);
    const better = oneOf(cx, d, "better", at, ["higher", "lower"]);
    if (better !== undefined) out.better.set(name, better);
    texts(cx, d, at);
  }
  return out;
}

function unknownMetric(cx: Cx, at: string, name: string, where: string): void {
  add(cx, at, "unknown_metric", `"${name}" is not declared in ${where}`);
}

/** A reference to a declared agent metric. */
function metricRef(cx: Cx, o: Record<string, unknown>, key: string, path: string, scope: Scope): string | undefined {
  const m = string(cx, o, key, path);
  if (m !== undefined && scope.agent !== null && !scope.agent.has(m)) unknownMetric(cx, ptr(path, key), m, "metrics");
  return m;
}

function id(cx: Cx, o: Record<string, unknown>, path: string, ids: Set<string>): void {
  const v = string(cx, o, "id", path);
  if (v === undefined) return;
  if (ids.has(v)) {
    add(
      cx,
      `${path}/id`,
      "duplicate_id",
      v === "planCap"
        ? `"planCap" is reserved for the plan cap line`
        : `"${v}" is already the id of another component or award`,
    );
  }
  ids.add(v);
}

function whenAt(cx: Cx, o: Record<string, unknown>, key: string, path: string, scope: Scope): void {
  const v = own(o, key);
  if (v !== undefined) condition(cx, v, ptr(path, key), scope, 0);
}

function component(
  cx: Cx,
  value: unknown,
  path: string,
  scope: Scope,
  better: Map<string, string>,
  prorates: boolean,
  ids: Set<string>,
): void {
  if (!isPlainObject(value)) {
    add(cx, path, "invalid_type", `expected a component object but received ${describe(value)}`);
    return;
  }
  const type = own(value, "type");
  const base = ["id", "type", "when", ...TEXT];
  let c: Record<string, unknown> | null;
  const prorate = (o: Record<string, unknown>, key: string, at: string): void => {
    if (boolean(cx, o, key, at) === true && !prorates) {
      add(cx, ptr(at, key), "proration_not_configured", `proration needs the plan's "proration.activeDaysMetric"`);
    }
  };
  switch (type) {
    case "tiered": {
      c = object(
        cx,
        value,
        path,
        [...base, "mode", "basis", "target", "bands", "cap"],
        ["id", "mode", "basis", "target", "bands"],
      );
      if (!c) return;
      oneOf(cx, c, "mode", path, ["graduated", "retroactive"]);
      metricRef(cx, c, "basis", path, scope);
      const target = own(c, "target");
      if (target !== undefined) {
        const t = object(cx, target, `${path}/target`, ["value", "prorate"], ["value"]);
        if (t) {
          exact(cx, t, "value", `${path}/target`, { min: ZERO, exclusive: true });
          prorate(t, "prorate", `${path}/target`);
        }
      }
      bands(cx, own(c, "bands"), `${path}/bands`);
      cap(cx, own(c, "cap"), `${path}/cap`, false);
      break;
    }
    case "scorecard": {
      c = object(
        cx,
        value,
        path,
        [...base, "targetIncentiveMinor", "prorate", "kpis", "gate", "payoutCurve", "cap"],
        ["id", "targetIncentiveMinor", "kpis"],
      );
      if (!c) return;
      amount(cx, c, "targetIncentiveMinor", path);
      prorate(c, "prorate", path);
      kpis(cx, own(c, "kpis"), `${path}/kpis`, scope, better);
      const gate = own(c, "gate");
      if (gate !== undefined) {
        const g = object(cx, gate, `${path}/gate`, ["minWeightedPct"], ["minWeightedPct"]);
        if (g) exact(cx, g, "minWeightedPct", `${path}/gate`, NON_NEGATIVE);
      }
      const payout = own(c, "payoutCurve");
      if (payout !== undefined) curve(cx, payout, `${path}/payoutCurve`, "higher");
      cap(cx, own(c, "cap"), `${path}/cap`, true);
      break;
    }
    case "flat":
      c = object(cx, value, path, [...base, "amountMinor", "prorate"], ["id", "amountMinor"]);
      if (!c) return;
      amount(cx, c, "amountMinor", path);
      prorate(c, "prorate", path);
      break;
    case "perUnit":
      c = object(cx, value, path, [...base, "basis", "ratePerUnitMinor", "cap"], ["id", "basis", "ratePerUnitMinor"]);
      if (!c) return;
      metricRef(cx, c, "basis", path, scope);
      exact(cx, c, "ratePerUnitMinor", path, RATE);
      cap(cx, own(c, "cap"), `${path}/cap`, false);
      break;
    default:
      add(
        cx,
        `${path}/type`,
        type === undefined ? "missing_key" : "unknown_component_type",
        `expected a component type tiered, scorecard, flat or perUnit but received ${describe(type)}`,
      );
      return;
  }
  id(cx, c, path, ids);
  whenAt(cx, c, "when", path, scope);
  texts(cx, c, path);
}

function bands(cx: Cx, value: unknown, path: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.length === 0) {
    add(cx, path, "invalid_type", `expected a non-empty array of bands but received ${describe(value)}`);
    return;
  }
  let previousTo: Rational | undefined | null = ZERO; // null: unknown (an earlier band was invalid)
  for (let i = 0; i < value.length; i++) {
    const at = `${path}/${i}`;
    const last = i === value.length - 1;
    const b = object(
      cx,
      value[i],
      at,
      ["fromPct", "toPct", "ratePerUnitMinor", ...TEXT],
      ["fromPct", "ratePerUnitMinor"],
    );
    if (!b) {
      previousTo = null;
      continue;
    }
    const from = exact(cx, b, "fromPct", at, NON_NEGATIVE);
    const to = exact(cx, b, "toPct", at, NON_NEGATIVE);
    exact(cx, b, "ratePerUnitMinor", at, RATE);
    texts(cx, b, at);
    if (from !== undefined && previousTo !== null && previousTo !== undefined) {
      const c = compare(from, previousTo);
      if (c > 0) {
        add(
          cx,
          `${at}/fromPct`,
          "band_gap",
          i === 0
            ? "the first band must start at 0"
            : `a gap: band ${i} starts at ${fmt(from)} but band ${i - 1} ends at ${fmt(previousTo)}`,
        );
      } else if (c < 0) {
        add(
          cx,
          `${at}/fromPct`,
          "band_overlap",
          `an overlap: band ${i} starts at ${fmt(from)} but band ${i - 1} ends at ${fmt(previousTo)}`,
        );
      }
    }
    if (to !== undefined && from !== undefined && compare(to, from) <= 0) {
      add(cx, `${at}/toPct`, "band_empty", `expected toPct > fromPct (${fmt(from)}) but received ${fmt(to)}`);
    }
    const hasTo = Object.hasOwn(b, "toPct");
    if (last && hasTo) {
      add(cx, `${at}/toPct`, "band_not_open_ended", "the last band must be open-ended (no toPct)");
    } else if (!last && !hasTo) {
      add(cx, `${at}/toPct`, "band_not_closed", "only the last band may omit toPct");
    }
    previousTo = hasTo ? (to ?? null) : null;
  }
}

function fmt(r: Rational): string {
  return r.d === 1n ? String(r.n) : `${r.n}/${r.d}`;
}

function cap(cx: Cx, value: unknown, path: string, percentAllowed: boolean): void {
  if (value === undefined) return;
  const c = object(cx, value, path, ["amountMinor", "pctOfTarget"], []);
  if (!c) return;
  amount(cx, c, "amountMinor", path);
  if (Object.hasOwn(c, "pctOfTarget")) {
    if (!percentAllowed) {
      add(cx, `${path}/pctOfTarget`, "invalid_cap", "pctOfTarget applies to scorecards only (a target incentive)");
    } else exact(cx, c, "pctOfTarget", path, NON_NEGATIVE);
  }
  if (!Object.hasOwn(c, "amountMinor") && !Object.hasOwn(c, "pctOfTarget")) {
    add(cx, path, "invalid_cap", "a cap needs amountMinor or pctOfTarget");
  }
}

function kpis(cx: Cx, value: unknown, path: string, scope: Scope, better: Map<string, string>): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.length === 0) {
    add(cx, path, "invalid_type", `expected a non-empty array of KPIs but received ${describe(value)}`);
    return;
  }
  let sum: Rational = ZERO;
  let complete = true;
  const ids = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    const at = `${path}/${i}`;
    const k = object(
      cx,
      value[i],
      at,
      ["id", "metric", "weight", "curve", "better", "gate", ...TEXT],
      ["id", "metric", "weight", "curve"],
    );
    if (!k) {
      complete = false;
      continue;
    }
    const kid = string(cx, k, "id", at);
    if (kid !== undefined) {
      if (ids.has(kid)) add(cx, `${at}/id`, "duplicate_id", `"${kid}" is already the id of another KPI`);
      ids.add(kid);
    }
    const metric = metricRef(cx, k, "metric", at, scope);
    const w = exact(cx, k, "weight", at, NON_NEGATIVE);
    if (w === undefined) complete = false;
    else sum = { n: sum.n * w.d + w.n * sum.d, d: sum.d * w.d };
    const direction =
      oneOf(cx, k, "better", at, ["higher", "lower"]) ??
      (metric !== undefined ? better.get(metric) : undefined) ??
      "higher";
    const c = own(k, "curve");
    if (c !== undefined) curve(cx, c, `${at}/curve`, direction);
    const gate = own(k, "gate");
    if (gate !== undefined) {
      const g = object(cx, gate, `${at}/gate`, ["when", "reason"], ["when", "reason"]);
      if (g) {
        whenAt(cx, g, "when", `${at}/gate`, scope);
        string(cx, g, "reason", `${at}/gate`);
      }
    }
    texts(cx, k, at);
  }
  if (complete && compare(sum, HUNDRED) !== 0) {
    add(cx, path, "weights_not_100", `KPI weights must sum to 100 but sum to ${fmt(reduce(sum))}`);
  }
}

function reduce(r: Rational): Rational {
  let a = r.n < 0n ? -r.n : r.n;
  let b = r.d;
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? ZERO : { n: r.n / a, d: r.d / a };
}

/** A curve: `[x, y]` points, x strictly improving in `direction`, y never falling and ≥ 0. */
function curve(cx: Cx, value: unknown, path: string, direction: string): void {
  if (!Array.isArray(value) || value.length === 0) {
    add(
      cx,
      path,
      "invalid_type",
      `expected a non-empty array of [value, score] points but received ${describe(value)}`,
    );
    return;
  }
  let px: Rational | undefined;
  let py: Rational | undefined;
  for (let i = 0; i < value.length; i++) {
    const at = `${path}/${i}`;
    const point = value[i];
    if (!Array.isArray(point) || point.length !== 2) {
      add(cx, at, "invalid_type", `expected a point [value, score] but received ${describe(point)}`);
      px = py = undefined;
      continue;
    }
    const x = exactValue(cx, point[0], `${at}/0`);
    const y = exactValue(cx, point[1], `${at}/1`, NON_NEGATIVE);
    if (x !== undefined && px !== undefined) {
      const c = compare(x, px);
      if (direction === "lower" ? c >= 0 : c <= 0) {
        add(
          cx,
          `${at}/0`,
          "non_monotone_curve",
          `curve values must strictly ${direction === "lower" ? "fall" : "rise"} (better: ${direction}) but ${fmt(x)} follows ${fmt(px)}`,
        );
      }
    }
    if (y !== undefined && py !== undefined && compare(y, py) < 0) {
      add(cx, `${at}/1`, "non_monotone_curve", `scores must never fall but ${fmt(y)} follows ${fmt(py)}`);
    }
    px = x;
    py = y;
  }
}

function award(cx: Cx, value: unknown, path: string, scope: Scope, ids: Set<string>): void {
  if (!isPlainObject(value)) {
    add(cx, path, "invalid_type", `expected a team award object but received ${describe(value)}`);
    return;
  }
  const type = own(value, "type");
  let a: Record<string, unknown> | null;
  switch (type) {
    case "rank": {
      a = object(
        cx,
        value,
        path,
        ["id", "type", "metric", "order", "top", "eligible", "tieBreakers", "tiePolicy", "reward", ...TEXT],
        ["id", "metric", "top", "reward"],
      );
      if (!a) return;
      metricRef(cx, a, "metric", path, scope);
      oneOf(cx, a, "order", path, ["asc", "desc"]);
      const top = own(a, "top");
      if (top !== undefined) {
        if (typeof top !== "number" || !Number.isSafeInteger(top)) {
          add(cx, `${path}/top`, "invalid_type", `expected an integer ≥ 1 but received ${describe(top)}`);
        } else if (top < 1) {
          add(cx, `${path}/top`, "out_of_range", `expected an integer ≥ 1 but received ${describe(top)}`);
        }
      }
      whenAt(cx, a, "eligible", path, scope);
      const tieBreakers = own(a, "tieBreakers");
      if (tieBreakers !== undefined) {
        if (!Array.isArray(tieBreakers)) {
          add(cx, `${path}/tieBreakers`, "invalid_type", `expected an array but received ${describe(tieBreakers)}`);
        } else {
          for (let i = 0; i < tieBreakers.length; i++) {
            const at = `${path}/tieBreakers/${i}`;
            const t = object(cx, tieBreakers[i], at, ["metric", "order"], ["metric"]);
            if (!t) continue;
            metricRef(cx, t, "metric", at, scope);
            oneOf(cx, t, "order", at, ["asc", "desc"]);
          }
        }
      }
      oneOf(cx, a, "tiePolicy", path, ["includeAllTiedAtCutoff", "excludeAllTiedAtCutoff"]);
      reward(cx, own(a, "reward"), `${path}/reward`);
      break;
    }
    case "pool": {
      a = object(
        cx,
        value,
        path,
        ["id", "type", "amountMinor", "fundedWhen", "eligible", "splitBy", ...TEXT],
        ["id", "amountMinor", "splitBy"],
      );
      if (!a) return;
      amount(cx, a, "amountMinor", path);
      whenAt(cx, a, "fundedWhen", path, { ...scope, teamOnly: true });
      whenAt(cx, a, "eligible", path, scope);
      const split = own(a, "splitBy");
      if (split !== undefined) {
        const s = object(cx, split, `${path}/splitBy`, ["metric"], ["metric"]);
        if (s) metricRef(cx, s, "metric", `${path}/splitBy`, scope);
      }
      break;
    }
    default:
      add(
        cx,
        `${path}/type`,
        type === undefined ? "missing_key" : "unknown_award_type",
        `expected an award type rank or pool but received ${describe(type)}`,
      );
      return;
  }
  id(cx, a, path, ids);
  texts(cx, a, path);
}

function reward(cx: Cx, value: unknown, path: string): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) {
    add(cx, path, "invalid_type", `expected a reward object but received ${describe(value)}`);
    return;
  }
  if (own(value, "kind") === "cash") {
    const r = object(cx, value, path, ["kind", "amountMinor"], ["kind", "amountMinor"]);
    if (r) amount(cx, r, "amountMinor", path);
    return;
  }
  const r = object(cx, value, path, ["kind", "quantity", "unit", "costModelMinor"], ["kind", "quantity", "unit"]);
  if (!r) return;
  const kind = own(r, "kind");
  if (kind !== undefined && !(typeof kind === "string" && /^[A-Za-z][A-Za-z0-9_]*$/.test(kind))) {
    add(
      cx,
      `${path}/kind`,
      "invalid_value",
      `expected "cash" or a reward kind such as "paidTimeOff" but received ${describe(kind)}`,
    );
  }
  const quantity = own(r, "quantity");
  if (quantity !== undefined && !(typeof quantity === "number" && Number.isFinite(quantity) && quantity > 0)) {
    add(cx, `${path}/quantity`, "out_of_range", `expected a number > 0 but received ${describe(quantity)}`);
  }
  string(cx, r, "unit", path);
  amount(cx, r, "costModelMinor", path);
}

const COMPARE_KEYS = ["metric", "teamMetric", "op", "value"];

function condition(cx: Cx, node: unknown, path: string, scope: Scope, depth: number): void {
  if (depth > MAX_DEPTH) {
    add(cx, path, "too_deep", `conditions may nest at most ${MAX_DEPTH} levels`);
    return;
  }
  if (!isPlainObject(node)) {
    add(cx, path, "invalid_type", `expected a condition object but received ${describe(node)}`);
    return;
  }
  for (const key of ["all", "any"] as const) {
    if (!Object.hasOwn(node, key)) continue;
    object(cx, node, path, [key], [key]);
    const children = node[key];
    if (!Array.isArray(children)) {
      add(cx, ptr(path, key), "invalid_type", `expected an array of conditions but received ${describe(children)}`);
    } else if (children.length === 0) {
      add(cx, ptr(path, key), "empty_condition", `"${key}" needs at least one condition`);
    } else {
      for (let i = 0; i < children.length; i++) condition(cx, children[i], `${path}/${key}/${i}`, scope, depth + 1);
    }
    return;
  }
  if (Object.hasOwn(node, "not")) {
    object(cx, node, path, ["not"], ["not"]);
    condition(cx, own(node, "not"), `${path}/not`, scope, depth + 1);
    return;
  }
  const team = Object.hasOwn(node, "teamMetric");
  const isMetric = Object.hasOwn(node, "metric");
  if (!team && !isMetric) {
    object(cx, node, path, COMPARE_KEYS, []);
    add(cx, path, "invalid_value", "expected a condition: { metric, op, value }, { teamMetric, … }, all, any or not");
    return;
  }
  const key = team ? "teamMetric" : "metric";
  const c = object(cx, node, path, [key, "op", "value"], [key, "op", "value"]);
  if (!c) return;
  const name = string(cx, c, key, path);
  if (name !== undefined) {
    if (team) {
      if (scope.team !== null && !scope.team.has(name)) unknownMetric(cx, `${path}/teamMetric`, name, "teamMetrics");
    } else if (scope.teamOnly) {
      add(
        cx,
        `${path}/metric`,
        "team_condition_reads_agent_metric",
        `this condition is decided once for the team and may read team metrics only, not "${name}"`,
      );
    } else if (scope.agent !== null && !scope.agent.has(name)) unknownMetric(cx, `${path}/metric`, name, "metrics");
  }
  const op = oneOf(cx, c, "op", path, OPS, "invalid_operator");
  const value = own(c, "value");
  if (value === undefined || op === undefined) return;
  const at = `${path}/value`;
  if (op === "between" || op === "in") {
    if (!Array.isArray(value) || (op === "between" ? value.length !== 2 : value.length === 0)) {
      add(
        cx,
        at,
        "invalid_type",
        `expected ${op === "between" ? "[lo, hi]" : "a non-empty array of numbers"} but received ${describe(value)}`,
      );
      return;
    }
    const parsed = value.map((v, i) => conditionNumber(cx, v, `${at}/${i}`));
    if (op === "between" && parsed[0] && parsed[1] && compare(parsed[0], parsed[1]) > 0) {
      add(cx, `${at}/1`, "out_of_range", `expected hi ≥ lo (${fmt(parsed[0])}) but received ${fmt(parsed[1])}`);
    }
    return;
  }
  conditionNumber(cx, value, at);
}

/** A condition constant: any finite JS number (read as its shortest decimal) or a decimal string. */
function conditionNumber(cx: Cx, v: unknown, at: string): Rational | undefined {
  if (typeof v === "number") {
    if (Number.isFinite(v)) return fromNumber(v);
    add(cx, at, "not_finite", `expected a finite number but received ${describe(v)}`);
    return undefined;
  }
  if (typeof v === "string" && isDecimalString(v)) return readExact(v) ?? undefined;
  add(cx, at, "invalid_type", `expected a number or a decimal string but received ${describe(v)}`);
  return undefined;
}
