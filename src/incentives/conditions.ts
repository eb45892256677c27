/**
 * Conditions compiled once into closures (no `eval`, no `new Function`: plans
 * are untrusted input). Each node becomes a `test` closure for the hot path and
 * an `explain` closure that evaluates every node and records what it compared.
 *
 * @module
 */
import { PlanValidationError } from "../errors.js";
import { finiteNumber } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { compare, decimalString, fromNumber, parseDecimal, type Rational } from "./rational.js";
import type { ConditionTrace } from "./result.js";
import type { ComparisonOp, Condition, ConditionValue } from "./schema.js";
import { checkCondition, type Scope } from "./validate-conditions.js";

/**
 * Metric values by name, as a caller passes them.
 *
 * @category Incentives
 */
export type MetricValues = Readonly<Record<string, number>>;

/**
 * Compiled closures read values by slot, not by name: one agent's values sit at
 * `values[base + slot]`, the team's at `team[slot]`. Indexed reads of a
 * Float64Array stay monomorphic and cheap where keyed reads by a variable name
 * would go megamorphic.
 */
export type Test = (values: Float64Array, base: number, team: Float64Array) => boolean;

/** A compiled condition node (internal). Both closures trust their input: values are checked before. */
export interface CompiledNode {
  /** Does the node hold? Short-circuits. */
  readonly test: Test;
  /** The node's outcome with every child evaluated and each comparison spelled out. */
  readonly explain: (values: Float64Array, base: number, team: Float64Array) => ConditionTrace;
}

/** Where each metric's value sits. */
export interface Slots {
  /** The slot of an agent metric. */
  readonly agent: (name: string) => number;
  /** The slot of a team metric. */
  readonly team: (name: string) => number;
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
export function compileNode(node: Condition, slots: Slots): CompiledNode {
  if ("all" in node)
    return combine(
      node.all.map((c) => compileNode(c, slots)),
      "all",
    );
  if ("any" in node)
    return combine(
      node.any.map((c) => compileNode(c, slots)),
      "any",
    );
  if ("not" in node) {
    const inner = compileNode(node.not, slots);
    const test = inner.test;
    return {
      test: (v, b, t) => !test(v, b, t),
      explain: (v, b, t) => {
        const child = inner.explain(v, b, t);
        return { node: "not", passed: !child.passed, text: "not", nodes: [child] };
      },
    };
  }
  return "metric" in node
    ? comparison({ name: node.metric, slot: slots.agent(node.metric), team: false }, node)
    : comparison({ name: node.teamMetric, slot: slots.team(node.teamMetric), team: true }, node);
}

function combine(children: CompiledNode[], kind: "all" | "any"): CompiledNode {
  const tests = children.map((c) => c.test);
  const explain = (v: Float64Array, b: number, t: Float64Array): ConditionTrace => {
    const nodes = children.map((c) => c.explain(v, b, t));
    const passed = kind === "all" ? nodes.every((n) => n.passed) : nodes.some((n) => n.passed);
    return { node: kind, passed, text: kind, nodes };
  };
  const [x, y, z] = tests;
  // Small fan-outs are unrolled: the common plan shapes avoid a loop and an array read per child.
  if (tests.length === 1) return { test: x!, explain };
  if (tests.length === 2) {
    return kind === "all"
      ? { test: (v, b, t) => x!(v, b, t) && y!(v, b, t), explain }
      : { test: (v, b, t) => x!(v, b, t) || y!(v, b, t), explain };
  }
  if (tests.length === 3) {
    return kind === "all"
      ? { test: (v, b, t) => x!(v, b, t) && y!(v, b, t) && z!(v, b, t), explain }
      : { test: (v, b, t) => x!(v, b, t) || y!(v, b, t) || z!(v, b, t), explain };
  }
  const n = tests.length;
  return kind === "all"
    ? {
        test: (v, b, t) => {
          for (let i = 0; i < n; i++) if (!tests[i]!(v, b, t)) return false;
          return true;
        },
        explain,
      }
    : {
        test: (v, b, t) => {
          for (let i = 0; i < n; i++) if (tests[i]!(v, b, t)) return true;
          return false;
        },
        explain,
      };
}

/** Where a comparison reads its value: the metric's name, its slot, and whether it is a team metric. */
interface Operand {
  readonly name: string;
  readonly slot: number;
  readonly team: boolean;
}

function comparison(
  operand: Operand,
  node: { readonly op: ComparisonOp; readonly value: ConditionValue },
): CompiledNode {
  const { name, slot, team } = operand;
  const { op, value } = node;
  // The constants: `[lo, hi]` for between, the set for in, else the one constant.
  const cs = (Array.isArray(value) ? (value as readonly (number | string)[]) : [value as number | string]).map(
    constant,
  );
  const test = compareTest(operand, op, cs);
  const constants = cs.map((c) => decimalString(c.r)).join(", ");
  const explain = (v: Float64Array, b: number, t: Float64Array): ConditionTrace => {
    const x = team ? t[slot]! : v[b + slot]!;
    const passed = test(v, b, t);
    const read = `${name} ${valueText(x)}`;
    let text: string;
    if (op === "between") text = `${read} ${passed ? "in" : "not in"} [${constants}]`;
    else if (op === "in") text = `${read} ${passed ? "in" : "not in"} {${constants}}`;
    else text = `${read} ${passed ? SYMBOL[op] : NEGATED[op]} ${constants}`;
    return { node: "compare", passed, text };
  };
  return { test, explain };
}

/**
 * The hot-path closure of one comparison: plain double comparisons when the
 * constant allows (see {@link Constant}). A team comparison is the same closure
 * run on the team row.
 */
function compareTest(operand: Omit<Operand, "name">, op: ComparisonOp, cs: readonly Constant[]): Test {
  const s = operand.slot;
  if (operand.team) {
    const onRow = compareTest({ slot: s, team: false }, op, cs);
    return (_v, _b, t) => onRow(t, 0, t);
  }
  if (op === "between" || op === "in") {
    if (op === "in") {
      return (v, b) => {
        const x = v[b + s]!;
        for (const c of cs) if (compareValue(x, c) === 0) return true;
        return false;
      };
    }
    const lo = cs[0]!;
    const hi = cs[1]!;
    if (lo.exact && hi.exact) {
      const l = lo.x;
      const h = hi.x;
      return (v, b) => {
        const x = v[b + s]!;
        return x >= l && x <= h;
      };
    }
    return (v, b) => {
      const x = v[b + s]!;
      return compareValue(x, lo) >= 0 && compareValue(x, hi) <= 0;
    };
  }
  const c = cs[0]!;
  if (!c.exact) return (v, b) => holds(op, compareValue(v[b + s]!, c));
  const k = c.x;
  switch (op) {
    case "eq":
      return (v, b) => v[b + s] === k;
    case "ne":
      return (v, b) => v[b + s] !== k;
    case "lt":
      return (v, b) => v[b + s]! < k;
    case "lte":
      return (v, b) => v[b + s]! <= k;
    case "gt":
      return (v, b) => v[b + s]! > k;
    case "gte":
      return (v, b) => v[b + s]! >= k;
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
  const agent: string[] = [];
  const team: string[] = [];
  conditionMetrics(condition, agent, team);
  const test = compileNode(condition, { agent: (n) => agent.indexOf(n), team: (n) => team.indexOf(n) }).test;
  // Each call reads every metric once into a scratch row, checking it, then runs the closures on the row.
  const scratch = new Float64Array(agent.length);
  const teamScratch = new Float64Array(team.length);
  const agentRow: ValueRow = { where: "metrics", names: agent, out: scratch };
  const teamRow: ValueRow = { where: "teamMetrics", names: team, out: teamScratch };
  let calls = 0;
  return (metrics, teamMetrics) => {
    const call = ++calls;
    readValues(metrics, agentRow);
    if (team.length > 0) readValues(teamMetrics, teamRow);
    if (calls === call) return test(scratch, 0, teamScratch);
    // A getter re-entered this function while we read and reused the scratch rows: read again into our own.
    const v = new Float64Array(agent.length);
    const t = new Float64Array(team.length);
    readValues(metrics, { where: "metrics", names: agent, out: v });
    if (team.length > 0) readValues(teamMetrics, { where: "teamMetrics", names: team, out: t });
    return test(v, 0, t);
  };
}

const ANY_SCOPE: Scope = { agent: null, team: null, teamOnly: false };

/** Where `readValues` puts what it reads: the argument's name for error paths, the metric names, the row to fill. */
interface ValueRow {
  readonly where: string;
  readonly names: readonly string[];
  readonly out: Float64Array;
}

function readValues(values: unknown, row: ValueRow): void {
  const { where, names, out } = row;
  if (values === null || typeof values !== "object") {
    throw inputError("invalid_type", "compileCondition", where, "an object of metric values", values);
  }
  if (readRow(values as Record<string, unknown>, names, out)) return;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const v = (values as Record<string, unknown>)[name];
    const path = `${where}.${name}`;
    if (v === undefined) throw inputError("missing_value", "compileCondition", path, "a number", v);
    finiteNumber("compileCondition", path, v);
  }
}

/**
 * Reads `names` from `values` into `out` (same positions) by plain property
 * access, as hand-written code would: `true` when every one is a finite number,
 * `false` at the first that is not (the caller then finds and reports it). The first eight reads are written out one by
 * one: each is its own property-load site, which stays monomorphic on its name
 * across a run, where one site in a loop over names goes megamorphic (about
 * 10 ns a read instead of 1 ns).
 */
export function readRow(
  values: Readonly<Record<string, unknown>>,
  names: readonly string[],
  out: Float64Array,
): boolean {
  const n = names.length;
  let v: unknown;
  if (n > 0) {
    v = values[names[0]!];
    if (typeof v !== "number" || v - v !== 0) return false;
    out[0] = v;
  }
  if (n > 1) {
    v = values[names[1]!];
    if (typeof v !== "number" || v - v !== 0) return false;
    out[1] = v;
  }
  if (n > 2) {
    v = values[names[2]!];
    if (typeof v !== "number" || v - v !== 0) return false;
    out[2] = v;
  }
  if (n > 3) {
    v = values[names[3]!];
    if (typeof v !== "number" || v - v !== 0) return false;
    out[3] = v;
  }
  if (n > 4) {
    v = values[names[4]!];
    if (typeof v !== "number" || v - v !== 0) return false;
    out[4] = v;
  }
  if (n > 5) {
    v = values[names[5]!];
    if (typeof v !== "number" || v - v !== 0) return false;
    out[5] = v;
  }
  if (n > 6) {
    v = values[names[6]!];
    if (typeof v !== "number" || v - v !== 0) return false;
    out[6] = v;
  }
  if (n > 7) {
    v = values[names[7]!];
    if (typeof v !== "number" || v - v !== 0) return false;
    out[7] = v;
  }
  for (let i = 8; i < n; i++) {
    v = values[names[i]!];
    if (typeof v !== "number" || v - v !== 0) return false;
    out[i] = v;
  }
  return true;
}
