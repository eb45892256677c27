/**
 * The condition nodes of a plan (`when`, `eligible`, `fundedWhen`, KPI gates),
 * as `validatePlan` and `compileCondition` check them.
 *
 * @module
 */
import type { PlanIssue } from "../errors.js";
import { compare, fractionString } from "./rational.js";
import type { MetricCondition, TeamMetricCondition } from "./schema.js";
import { context, metric, teamMetric } from "./validate-rules.js";
import { conditionNumber, OPERATORS, operator } from "./validate-values.js";
import {
  type Cx,
  checkKeys,
  checkList,
  checkObject,
  child,
  expected,
  expectedText,
  isPlainObject,
  own,
  type Place,
  report,
  type ShapeOf,
  walkPrototypeKeys,
} from "./validate-walker.js";

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
  const cx = context({ ...scope, prorates: false, definitions: new Map() });
  const at: Place = { cx, path, parent: {} };
  walkPrototypeKeys(at, node);
  conditionNode(node, at, 0);
  return cx.issues;
}

const MAX_DEPTH = 32;

/** A comparison's constant, as its operator wants it: one number, `[lo, hi]` or a non-empty list. */
function comparedValue(v: unknown, at: Place): undefined {
  const op = own(at.parent, "op");
  if (!OPERATORS.includes(op as never)) return;
  if (op !== "between" && op !== "in") {
    conditionNumber(v, at);
    return;
  }
  const between = op === "between";
  if (!Array.isArray(v) || (between ? v.length !== 2 : v.length === 0)) {
    return report(at, "invalid_type", expected(between ? "[lo, hi]" : "a non-empty array of numbers", v));
  }
  const [lo, hi] = v.map((x, i) => conditionNumber(x, child(at, i)));
  if (between && lo && hi && compare(lo, hi) > 0) {
    report(child(at, 1), "out_of_range", expectedText(`hi ≥ ${fractionString(lo)}`, fractionString(hi)));
  }
}

const COMPARE = {
  fields: { metric, op: operator, value: comparedValue },
  required: ["metric", "op", "value"],
} satisfies ShapeOf<MetricCondition>;

const TEAM_COMPARE = {
  fields: { teamMetric, op: operator, value: comparedValue },
  required: ["teamMetric", "op", "value"],
} satisfies ShapeOf<TeamMetricCondition>;

/** A condition read by agent: `when`, `eligible`, a KPI gate's `when`. */
export function when(v: unknown, at: Place): void {
  conditionNode(v, at, 0);
}

/** A pool's funding condition: decided once for the team, so it may read team metrics only. */
export function fundedWhen(v: unknown, at: Place): void {
  const cx: Cx = { ...at.cx, teamOnly: true };
  conditionNode(v, { ...at, cx }, 0);
}

function conditionNode(node: unknown, at: Place, depth: number): undefined {
  if (depth > MAX_DEPTH) return report(at, "too_deep", `conditions may nest at most ${MAX_DEPTH} levels`);
  if (!isPlainObject(node)) return report(at, "invalid_type", expected("a condition object", node));
  const key = ["all", "any", "not", "teamMetric", "metric"].find((k) => Object.hasOwn(node, k));
  if (key === "all" || key === "any") {
    checkKeys(node, at, { allowed: [key], required: [key] });
    const children = node[key];
    const list = child(at, key);
    if (!checkList(children, list, { of: "conditions", nonEmpty: false })) return;
    if (children.length === 0) report(list, "empty_condition", `"${key}" needs at least one condition`);
    for (let i = 0; i < children.length; i++) conditionNode(children[i], child(list, i), depth + 1);
  } else if (key === "not") {
    checkKeys(node, at, { allowed: [key], required: [key] });
    conditionNode(node[key], child(at, "not"), depth + 1);
  } else if (key === undefined) {
    checkKeys(node, at, { allowed: ["metric", "teamMetric", "op", "value"], required: [] });
    report(at, "invalid_value", "expected a condition (metric, teamMetric, all, any or not)");
  } else checkObject(node, at, key === "metric" ? COMPARE : TEAM_COMPARE);
}
