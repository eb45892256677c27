/**
 * The input of `evaluatePlan`: each agent's id and metric values checked
 * against the plan's metric types and read into one row per agent.
 *
 * @module
 */
import { finiteNumber, record } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import type { MetricType, PlanInput } from "./schema.js";

const FN = "evaluatePlan";

/** What checking an input needs to know of the plan. */
export interface InputRules {
  /** The agent metrics, in slot order. */
  readonly metricNames: readonly string[];
  /** Their types, in the same order. */
  readonly metricTypes: readonly MetricType[];
  /** Metrics that must be ≥ 0 whatever their type (bases, pool weights). */
  readonly nonNegative: ReadonlySet<string>;
  /** The team metrics, in slot order. */
  readonly teamNames: readonly string[];
  /** Their types. */
  readonly teamTypes: readonly MetricType[];
  /** Read a missing metric as 0 (`onMissingMetric: "zero"`) instead of throwing. */
  readonly zeroMissing: boolean;
  /** The active-days metric, which may not exceed `periodDays`. */
  readonly activeDays: string | null;
  /** `period.days`. */
  readonly periodDays: number;
}

/** Checked input: ids, every agent's values in one row each (`values[i × stride + slot]`), team values. */
export interface Checked {
  readonly ids: string[];
  readonly values: Float64Array;
  readonly stride: number;
  readonly missing: (string[] | null)[];
  readonly team: Float64Array;
  readonly teamMissing: string[];
}

/** What a value of a metric type must be, for messages. */
function expectedValue(type: MetricType): string {
  if (type === "count") return "a count (an integer ≥ 0)";
  if (type === "amountMinor") return "an amount in minor units (an integer)";
  return NEVER_NEGATIVE.includes(type) ? `a number of ${type} ≥ 0` : "a finite number";
}

const NEVER_NEGATIVE: readonly MetricType[] = ["count", "days", "minutes", "hours", "seconds"];

/** Throws for a value its metric type does not allow (`nonNegative`: read as a basis or weight). */
function checkValue(
  v: unknown,
  path: string,
  rule: { readonly type: MetricType; readonly nonNegative: boolean },
): void {
  const { type, nonNegative } = rule;
  const what = expectedValue(type);
  const x = finiteNumber(FN, path, v, { expected: what });
  if ((type === "count" || type === "amountMinor") && !Number.isSafeInteger(x)) {
    throw inputError("not_integer", FN, path, what, v);
  }
  // Counts and durations are never negative; other types only where a basis or weight reads them.
  if (x < 0 && (nonNegative || NEVER_NEGATIVE.includes(type))) throw inputError("out_of_range", FN, path, what, v);
}

/** A missing value: throws unless the plan reads missing metrics as 0. */
function missingValue(pp: InputRules, type: MetricType, path: string): void {
  if (!pp.zeroMissing) throw inputError("missing_value", FN, path, expectedValue(type), undefined);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function checkInput(pp: InputRules, input: PlanInput): Checked {
  record(FN, "input", input, { expected: "an input object { agents, teamMetrics? }" });
  const agents = input.agents;
  if (!Array.isArray(agents)) throw inputError("invalid_type", FN, "input.agents", "an array of agents", agents);
  const n = agents.length;
  const names = pp.metricNames;
  const stride = names.length;
  const ids: string[] = new Array(n);
  const values = new Float64Array(n * stride);
  const missing: (string[] | null)[] = new Array(n).fill(null);
  const seen = new Set<string>();
  const types = pp.metricTypes;
  const nonNegative = pp.nonNegative;
  const integral = types.map((t) => t === "count" || t === "amountMinor");
  const limit = names.map((name) => (name === pp.activeDays ? pp.periodDays : Number.POSITIVE_INFINITY));
  for (let i = 0; i < n; i++) {
    const agent = agents[i] as unknown;
    if (!isRecord(agent)) {
      throw inputError("invalid_type", FN, `input.agents[${i}]`, "an agent { id, metrics }", agent);
    }
    const id = (agent as { id?: unknown }).id;
    if (typeof id !== "string") throw inputError("invalid_type", FN, `input.agents[${i}].id`, "a string id", id);
    if (id.length === 0 || seen.has(id)) {
      throw inputError("invalid_value", FN, `input.agents[${i}].id`, "a unique, non-empty id", id);
    }
    seen.add(id);
    ids[i] = id;
    const metrics = (agent as { metrics?: unknown }).metrics;
    if (!isRecord(metrics)) {
      throw inputError("invalid_type", FN, `input.agents[${i}].metrics`, "an object of metric values", metrics);
    }
    const b = i * stride;
    for (let k = 0; k < stride; k++) {
      const name = names[k]!;
      const v = metrics[name];
      // Fast path: an own finite number ≥ 0 of the right kind (the common case).
      if (
        typeof v === "number" &&
        v >= 0 &&
        v <= limit[k]! &&
        (integral[k] ? Number.isSafeInteger(v) : v - v === 0) &&
        Object.hasOwn(metrics, name)
      ) {
        values[b + k] = v;
        continue;
      }
      const path = `input.agents[${i}].metrics.${name}`;
      if (!Object.hasOwn(metrics, name)) {
        missingValue(pp, types[k]!, path);
        values[b + k] = 0;
        (missing[i] ??= []).push(name);
        continue;
      }
      checkValue(v, path, { type: types[k]!, nonNegative: nonNegative.has(name) });
      if ((v as number) > limit[k]!) {
        throw inputError("out_of_range", FN, path, `active days 0–${pp.periodDays} (the period's days)`, v);
      }
      values[b + k] = v === 0 ? 0 : (v as number);
    }
  }
  const teamValues = input.teamMetrics;
  if (teamValues !== undefined) record(FN, "input.teamMetrics", teamValues, { expected: "an object of metric values" });
  const team = new Float64Array(pp.teamNames.length);
  const teamMissing: string[] = [];
  for (let k = 0; k < pp.teamNames.length; k++) {
    const name = pp.teamNames[k]!;
    const path = `input.teamMetrics.${name}`;
    if (teamValues === undefined || !Object.hasOwn(teamValues, name)) {
      missingValue(pp, pp.teamTypes[k]!, path);
      teamMissing.push(name);
      continue;
    }
    const v = teamValues[name];
    checkValue(v, path, { type: pp.teamTypes[k]!, nonNegative: false });
    team[k] = v as number;
  }
  return { ids, values, stride, missing, team, teamMissing };
}
