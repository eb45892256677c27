/**
 * Conditions compiled once into closures (no `eval`, no `new Function`: plans
 * are untrusted input). Each node becomes a `test` closure for the hot path and
 * an `explain` closure that evaluates every node and records what it compared.
 *
 * @module
 */
import { PlanValidationError } from "../errors.js";
import { inputError } from "../internal/messages.js";
import { compare, decimalString, fromNumber, parseDecimal, type Rational } from "./rational.js";
import type { ComparisonOp, Condition, ConditionValue } from "./schema.js";
import type { ConditionTrace } from "./trace.js";
import { checkCondition, type Scope } from "./validate.js";

/** Metric values by name, as read from the input (own properties only). */
export type MetricValues = Readonly<Record<string, number>>;

/** A compiled condition node (internal). Both closures trust their input: values are checked before. */
export interface CompiledNode {
  /** Does the node hold? Short-circuits. */
  readonly test: (metrics: MetricValues, team: MetricValues) => boolean;
  /** The node's outcome with every child evaluated and each comparison spelled out. */
  readonly explain: (metrics: MetricValues, team: MetricValues) => ConditionTrace;
}

/**
 * A comparison constant, parsed once. `x` is the nearest double; `exact` says
 * that the constant is the shortest decimal spelling of `x`, in which case a
 * metric value `v` (itself read as the shortest decimal spelling of a double)
 * compares with the constant exactly as `v` compares with `x`:
 *
 * The shortest round-trip spelling s(v) of a double v lies inside v's rounding
 * interval (the reals that round to v), and the rounding intervals of distinct
 * doubles are disjoint and ordered like the doubles. So for doubles v < w we
 * get s(v) < s(w), and s(v) = s(w) only when v = w (with 0 and −0 both "0",
 * and `0 === -0` in JS). Hence, when c = s(x): s(v) < c ⇔ v < x, s(v) = c ⇔ v === x,
 * and so for every operator: the plain double comparison is the exact decimal
 * comparison, with no BigInt on the hot path. A constant that is not the
 * shortest spelling of its double (`"0.1000000000000000000001"`) falls back to
 * exact rational comparison.
 */
export interface Constant {
  /** The exact value. */
  readonly r: Rational;
  /** The nearest double. */
  readonly x: number;
  /** `r` is the shortest decimal spelling of `x`: double comparison is exact. */
  readonly exact: boolean;
}

/** Parses a condition constant (a finite number or a decimal string; the validator has checked it). */
export function constant(value: number | string): Constant {
  if (typeof value === "number") return { r: fromNumber(value), x: value, exact: true };
  const r = parseDecimal(value)!;
  const x = Number(value);
  return { r, x, exact: compare(fromNumber(x), r) === 0 };
}

/** −1, 0 or 1: the exact comparison of the decimal a double spells with a constant. */
export function compareValue(v: number, c: Constant): -1 | 0 | 1 {
  if (c.exact) return v < c.x ? -1 : v > c.x ? 1 : 0;
  return compare(fromNumber(v), c.r);
}

/** The decimal a double spells, for traces (`96.5`, not `9.65e1`). */
export function valueText(v: number): string {
  return decimalString(fromNumber(v));
}

const SYMBOL: Record<string, string> = { eq: "=", ne: "!=", lt: "<", lte: "<=", gt: ">", gte: ">=" };
const NEGATED: Record<string, string> = { eq: "!=", ne: "=", lt: ">=", lte: ">", gt: "<=", gte: "<" };

/** Compiles a validated condition node. */
export function compileNode(node: Condition): CompiledNode {
  if ("all" in node) return combine(node.all.map(compileNode), "all");
  if ("any" in node) return combine(node.any.map(compileNode), "any");
  if ("not" in node) {
    const inner = compileNode(node.not);
    return {
      test: (m, t) => !inner.test(m, t),
      explain: (m, t) => {
        const child = inner.explain(m, t);
        return { node: "not", passed: !child.passed, text: "not", nodes: [child] };
      },
    };
  }
  return "metric" in node
    ? comparison(node.metric, false, node.op, node.value)
    : comparison(node.teamMetric, true, node.op, node.value);
}

function combine(children: CompiledNode[], kind: "all" | "any"): CompiledNode {
  const tests = children.map((c) => c.test);
  const explain = (m: MetricValues, t: MetricValues): ConditionTrace => {
    const nodes = children.map((c) => c.explain(m, t));
    const passed = kind === "all" ? nodes.every((n) => n.passed) : nodes.some((n) => n.passed);
    return { node: kind, passed, text: kind, nodes };
  };
  const [a, b, c] = tests;
  // Small fan-outs are unrolled: the common plan shapes avoid a loop and an array read per child.
  if (tests.length === 1) return { test: a!, explain };
  if (tests.length === 2) {
    return kind === "all"
      ? { test: (m, t) => a!(m, t) && b!(m, t), explain }
      : { test: (m, t) => a!(m, t) || b!(m, t), explain };
  }
  if (tests.length === 3) {
    return kind === "all"
      ? { test: (m, t) => a!(m, t) && b!(m, t) && c!(m, t), explain }
      : { test: (m, t) => a!(m, t) || b!(m, t) || c!(m, t), explain };
  }
  const n = tests.length;
  return kind === "all"
    ? {
        test: (m, t) => {
          for (let i = 0; i < n; i++) if (!tests[i]!(m, t)) return false;
          return true;
        },
        explain,
      }
    : {
        test: (m, t) => {
          for (let i = 0; i < n; i++) if (tests[i]!(m, t)) return true;
          return false;
        },
        explain,
      };
}

function comparison(name: string, team: boolean, op: ComparisonOp, value: ConditionValue): CompiledNode {
  const test = compareTest(name, team, op, value);
  const list = Array.isArray(value) ? (value as readonly (number | string)[]).map(constant) : [];
  const one = Array.isArray(value) ? null : constant(value as number | string);
  const listText = list.map((c) => decimalString(c.r)).join(", ");
  const explain = (m: MetricValues, t: MetricValues): ConditionTrace => {
    const v = (team ? t : m)[name]!;
    const passed = test(m, t);
    const read = `${name} ${valueText(v)}`;
    let text: string;
    if (op === "between") text = `${read} ${passed ? "in" : "not in"} [${listText}]`;
    else if (op === "in") text = `${read} ${passed ? "in" : "not in"} {${listText}}`;
    else text = `${read} ${passed ? SYMBOL[op] : NEGATED[op]} ${decimalString(one!.r)}`;
    return { node: "compare", passed, text };
  };
  return { test, explain };
}

/** The hot-path closure of one comparison: plain double comparisons when the constant allows (see {@link Constant}). */
function compareTest(
  name: string,
  team: boolean,
  op: ComparisonOp,
  value: ConditionValue,
): (m: MetricValues, t: MetricValues) => boolean {
  if (op === "between" || op === "in") {
    const cs = (value as readonly (number | string)[]).map(constant);
    if (op === "between") {
      const lo = cs[0]!;
      const hi = cs[1]!;
      if (lo.exact && hi.exact) {
        const l = lo.x;
        const h = hi.x;
        return team
          ? (_m, t) => {
              const v = t[name]!;
              return v >= l && v <= h;
            }
          : (m) => {
              const v = m[name]!;
              return v >= l && v <= h;
            };
      }
      return (m, t) => {
        const v = (team ? t : m)[name]!;
        return compareValue(v, lo) >= 0 && compareValue(v, hi) <= 0;
      };
    }
    return (m, t) => {
      const v = (team ? t : m)[name]!;
      for (const c of cs) if (compareValue(v, c) === 0) return true;
      return false;
    };
  }
  const c = constant(value as number | string);
  if (!c.exact) {
    return (m, t) => {
      const s = compareValue((team ? t : m)[name]!, c);
      return holds(op, s);
    };
  }
  const x = c.x;
  if (team) {
    switch (op) {
      case "eq":
        return (_m, t) => t[name] === x;
      case "ne":
        return (_m, t) => t[name] !== x;
      case "lt":
        return (_m, t) => t[name]! < x;
      case "lte":
        return (_m, t) => t[name]! <= x;
      case "gt":
        return (_m, t) => t[name]! > x;
      case "gte":
        return (_m, t) => t[name]! >= x;
    }
  }
  switch (op) {
    case "eq":
      return (m) => m[name] === x;
    case "ne":
      return (m) => m[name] !== x;
    case "lt":
      return (m) => m[name]! < x;
    case "lte":
      return (m) => m[name]! <= x;
    case "gt":
      return (m) => m[name]! > x;
    case "gte":
      return (m) => m[name]! >= x;
  }
}

function holds(op: ComparisonOp, s: -1 | 0 | 1): boolean {
  switch (op) {
    case "eq":
      return s === 0;
    case "ne":
      return s !== 0;
    case "lt":
      return s < 0;
    case "lte":
      return s <= 0;
    case "gt":
      return s > 0;
    default:
      return s >= 0;
  }
}

/** The metric names (agent, then team) a condition reads, each once, in first-use order. */
export function conditionMetrics(node: Condition, agent: string[], team: string[]): void {
  if ("all" in node) for (const c of node.all) conditionMetrics(c, agent, team);
  else if ("any" in node) for (const c of node.any) conditionMetrics(c, agent, team);
  else if ("not" in node) conditionMetrics(node.not, agent, team);
  else if ("metric" in node) {
    if (!agent.includes(node.metric)) agent.push(node.metric);
  } else if (!team.includes(node.teamMetric)) team.push(node.teamMetric);
}

/**
 * A condition compiled once into a closure: `true` when the condition holds for
 * these metric values.
 *
 * @category Incentives
 */
export type ConditionTest = (metrics: MetricValues, teamMetrics?: MetricValues) => boolean;

/**
 * Compiles a plan condition (`{ metric, op, value }`, `{ teamMetric, … }`,
 * `{ all }`, `{ any }`, `{ not }`) once into a closure that tests metric values.
 *
 * The condition is validated first (every problem, with JSON-pointer paths from
 * the condition's root). Comparisons are exact: metric values and numeric
 * constants are read through their shortest decimal spelling (`96.5` is 965/10),
 * `between` is inclusive on both ends, `in` tests membership. The closure is
 * built from closures (no `eval`, no `new Function`) and compares doubles
 * directly wherever that is provably exact, so it costs a few nanoseconds per
 * call. Metric names need no declaration here (a plan declares them).
 *
 * @param condition - The condition, as in a plan.
 * @returns A function of `(metrics, teamMetrics?)` returning whether the condition holds.
 * @throws {PlanValidationError} `invalid_plan` for an invalid condition, with every issue.
 * @throws {MetricInputError} (from the returned function) `missing_value` for a metric that is absent,
 *   `invalid_type` for a non-number, `not_finite` for `NaN` or `±Infinity`.
 *
 * @example
 * ```ts
 * import { compileCondition } from "support-metrics";
 * const kicker = compileCondition({ all: [
 *   { metric: "qa_score", op: "between", value: [85, 100] },
 *   { not: { metric: "escalations", op: "gt", value: 3 } },
 * ] });
 * kicker({ qa_score: 93, escalations: 1 }); // => true
 * kicker({ qa_score: 93, escalations: 4 }); // => false
 * kicker({ qa_score: 85, escalations: 0 }); // => true
 * kicker({ qa_score: 93 }); // throws missing_value
 * compileCondition({ metric: "qa_score", op: "approx", value: 1 }); // throws invalid_plan
 * ```
 * @see {@link evaluatePlan}
 * @category Incentives
 */
export function compileCondition(condition: Condition): ConditionTest {
  const issues = checkCondition(condition, "", ANY_SCOPE);
  if (issues.length > 0) throw new PlanValidationError(issues);
  const node = compileNode(condition);
  const agent: string[] = [];
  const team: string[] = [];
  conditionMetrics(condition, agent, team);
  const test = node.test;
  return (metrics, teamMetrics) => {
    checkValues("metrics", metrics, agent);
    if (team.length > 0) checkValues("teamMetrics", teamMetrics, team);
    return test(metrics, teamMetrics as MetricValues);
  };
}

const ANY_SCOPE: Scope = { agent: null, team: null, teamOnly: false };

function checkValues(where: string, values: unknown, names: readonly string[]): void {
  if (values === null || typeof values !== "object") {
    throw inputError("invalid_type", "compileCondition", where, "an object of metric values", values);
  }
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const v = (values as Record<string, unknown>)[name];
    if (typeof v === "number" && v - v === 0) continue;
    const path = `${where}.${name}`;
    if (!Object.hasOwn(values, name)) throw inputError("missing_value", "compileCondition", path, "a number", v);
    if (typeof v !== "number") throw inputError("invalid_type", "compileCondition", path, "a finite number", v);
    throw inputError("not_finite", "compileCondition", path, "a finite number", v);
  }
}
