/**
 * The boundary of `settlePayouts`: the plan or plan schedule, the input, the
 * options and the previous settlement are checked as a whole, every problem
 * with a JSON pointer rooted at the call (`/plan`, `/input`, `/options`).
 * Internal: `settlePayouts` throws what this finds.
 */
import { nearestKey } from "../../internal/assert.js";
import type { Plan } from "../schema.js";
import { validatePlan } from "../validate.js";
import { planSpelling } from "./canonical.js";
import { checkPrevious } from "./check-previous.js";
import { get, Issues, isObject, pointer } from "./issues.js";
import type { SettledPeriod, Settlement, SettlementInput } from "./types.js";

/** A plan in force over part (or all) of a period. */
export interface Segment {
  readonly plan: Plan;
  readonly from?: string;
  readonly to?: string;
  readonly days: number;
}

/** What the checks hand to the settlement: typed and indexed. */
export interface CheckedSettlement {
  readonly segments: readonly Segment[];
  readonly input: SettlementInput;
  readonly previous: Settlement | undefined;
  readonly periods: ReadonlyMap<string, SettledPeriod>;
  /** Each restated period's agents: id → its (last) index in the period's `agentIds`. */
  readonly paid: ReadonlyMap<SettledPeriod, ReadonlyMap<string, number>>;
  /**
   * Per restated period label, per previous agent (by index): the index of that period in the
   * agent's `carry.periods`, or -1 (found while checking the previous settlement).
   */
  readonly found: ReadonlyMap<string, Int32Array>;
  readonly asOf: string | undefined;
}

/** Each id of a period's agents at its index (the last, should an id repeat). */
export function indexIds(ids: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let k = 0; k < ids.length; k++) index.set(ids[k]!, k);
  return index;
}

const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype"];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const AS_OF = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function keys(issues: Issues, o: Record<string, unknown>, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(o)) {
    if (allowed.includes(key)) continue;
    const code = PROTOTYPE_KEYS.includes(key) ? "prototype_key" : "unknown_key";
    const near = code === "unknown_key" ? nearestKey(key, allowed) : undefined;
    const hint = near === undefined ? "" : `; did you mean "${near}"?`;
    issues.add(pointer(path, key), code, `unknown key "${key}" (allowed: ${allowed.join(", ")}${hint})`);
  }
}

function text(issues: Issues, o: Record<string, unknown>, path: string, key: string): string | undefined {
  const v = Object.hasOwn(o, key) ? o[key] : undefined;
  if (typeof v === "string" && v.length > 0) return v;
  issues.expected(pointer(path, key), v === undefined ? "missing_key" : "invalid_type", "a non-empty string", v);
  return undefined;
}

/** Days since 1970-01-01 of a valid `YYYY-MM-DD`, else `null`. */
export function dayNumber(value: unknown): number | null {
  const m = typeof value === "string" ? DATE.exec(value) : null;
  if (!m) return null;
  const y = Number(m[1]);
  const month = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, month - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== d) return null;
  return ms / 86_400_000;
}

/** Checks everything; throws {@link SettlementValidationError} with every issue. */
export function checkSettlement(plan: unknown, input: unknown, options: unknown): CheckedSettlement {
  const issues = new Issues();
  const found = new Map<string, Int32Array>();
  let previous: Settlement | undefined;
  // A previous settlement was given but is malformed (its issues are listed): its periods are unknown.
  let unreadable = false;
  let asOf: string | undefined;
  if (options !== undefined) {
    if (!isObject(options)) issues.expected("/options", "invalid_option", "an options object", options);
    else {
      keys(issues, options, "/options", ["previous", "asOf"]);
      if (get(options, "previous") !== undefined) {
        previous = checkPrevious(issues, get(options, "previous"), restatedPeriods(input), found);
        unreadable = previous === undefined;
      }
      const a = get(options, "asOf");
      if (a !== undefined) {
        if (typeof a === "string" && AS_OF.test(a) && dayNumber(a.slice(0, 10)) !== null) asOf = a;
        else issues.expected("/options/asOf", "invalid_option", "a date YYYY-MM-DD or an ISO 8601 instant", a);
      }
    }
  }
  const segments = checkPlans(issues, plan, previous);
  const periods = new Map<string, SettledPeriod>();
  for (const p of previous?.periods ?? []) periods.set(p.period, p);
  const paid = new Map<SettledPeriod, Map<string, number>>();
  checkInput(issues, input, { periods: unreadable ? undefined : periods, paid });
  const first = segments[0]?.plan;
  if (previous !== undefined && first !== undefined) {
    if (previous.planId !== first.id) {
      issues.add(
        "/options/previous/planId",
        "plan_mismatch",
        `expected a settlement of plan "${first.id}" but received one of plan "${previous.planId}"`,
      );
    } else if (
      previous.currency.code !== first.currency.code ||
      previous.currency.exponent !== first.currency.exponent
    ) {
      issues.add("/options/previous/currency", "plan_mismatch", "the previous settlement is in another currency");
    }
  }
  issues.throwIfAny();
  return { segments, input: input as SettlementInput, previous, periods, paid, found, asOf };
}

/** A plan or a plan schedule: each plan valid, segments contiguous, one plan id and currency. */
function checkPlans(issues: Issues, plan: unknown, previous: Settlement | undefined): Segment[] {
  const segments: Segment[] = [];
  const known = new Map<string, string>();
  for (const p of previous?.plans ?? []) known.set(`${p.id}@${p.version}`, planSpelling(p));
  const one = (value: unknown, at: string): Plan | undefined => {
    const checked = validatePlan(value);
    if (!checked.ok) {
      for (const i of checked.issues) issues.add(`${at}${i.path}`, i.code, i.message);
      return undefined;
    }
    const p = checked.plan;
    const key = `${p.id}@${p.version}`;
    const spelling = planSpelling(p);
    const before = known.get(key);
    if (before !== undefined && before !== spelling) {
      issues.add(
        `${at}/version`,
        "plan_mismatch",
        `plan ${key} differs from the plan of that id and version used before`,
      );
    }
    known.set(key, spelling);
    return p;
  };
  if (!(isObject(plan) && Object.hasOwn(plan, "plans") && !Object.hasOwn(plan, "schema"))) {
    const p = one(plan, "/plan");
    if (p) segments.push({ plan: p, days: p.period.days });
    return segments;
  }
  keys(issues, plan, "/plan", ["plans"]);
  const list = get(plan, "plans");
  if (!Array.isArray(list) || list.length === 0) {
    issues.expected("/plan/plans", "invalid_type", "a non-empty array of { plan, from, to }", list);
    return segments;
  }
  let previousTo: number | null = null;
  let first: Plan | undefined;
  list.forEach((s: unknown, i) => {
    const at = `/plan/plans/${i}`;
    if (!isObject(s)) {
      issues.expected(at, "invalid_type", "a segment { plan, from, to }", s);
      previousTo = null;
      return;
    }
    keys(issues, s, at, ["plan", "from", "to"]);
    const p = one(get(s, "plan"), `${at}/plan`);
    const from = dayNumber(get(s, "from"));
    const to = dayNumber(get(s, "to"));
    if (from === null) issues.expected(`${at}/from`, "invalid_date", "a date YYYY-MM-DD", get(s, "from"));
    if (to === null) issues.expected(`${at}/to`, "invalid_date", "a date YYYY-MM-DD", get(s, "to"));
    if (from !== null && to !== null && to < from) {
      issues.add(`${at}/to`, "invalid_date", `expected a date on or after ${String(get(s, "from"))}`);
    }
    if (from !== null && previousTo !== null && from !== previousTo + 1) {
      const code = from > previousTo + 1 ? "segment_gap" : "segment_overlap";
      issues.add(`${at}/from`, code, `expected the day after the previous segment's last day, ${code.slice(8)}`);
    }
    previousTo = to;
    if (p && first === undefined) first = p;
    else if (
      p &&
      first &&
      (p.id !== first.id || p.currency.code !== first.currency.code || p.currency.exponent !== first.currency.exponent)
    ) {
      issues.add(
        `${at}/plan/id`,
        "plan_mismatch",
        `every segment's plan must have id "${first.id}" and currency ${first.currency.code}`,
      );
    }
    if (p && from !== null && to !== null) {
      segments.push({ plan: p, from: get(s, "from") as string, to: get(s, "to") as string, days: to - from + 1 });
    }
  });
  return segments;
}

const DRAW_KEYS = ["amountMinor", "recoverable", "periods"];
const AGENT_KEYS = ["id", "metrics"];
const AGENT_KEYS_WITH_DRAW = ["id", "metrics", "draw"];

/** The period labels the input restates, as far as they can be read (the input's checks report the rest). */
function restatedPeriods(input: unknown): Set<string> {
  const periods = new Set<string>();
  const restatements = isObject(input) ? get(input, "restatements") : undefined;
  if (!Array.isArray(restatements)) return periods;
  for (const r of restatements) {
    const period = isObject(r) ? get(r, "period") : undefined;
    if (typeof period === "string") periods.add(period);
  }
  return periods;
}

/**
 * The previous settlement's periods by label, which restatements may name (`undefined`: unknown, not checked),
 * and (filled while checking) each restated period's agents.
 */
interface Known {
  readonly periods: ReadonlyMap<string, SettledPeriod> | undefined;
  readonly paid: Map<SettledPeriod, Map<string, number>>;
}

function checkInput(issues: Issues, input: unknown, known: Known): void {
  const { periods } = known;
  if (!isObject(input)) {
    issues.expected("/input", "invalid_type", "an input { period, agents, teamMetrics?, restatements? }", input);
    return;
  }
  keys(issues, input, "/input", ["period", "agents", "teamMetrics", "restatements"]);
  const period = text(issues, input, "/input", "period");
  if (period !== undefined && periods?.has(period)) {
    issues.add("/input/period", "duplicate_period", `period "${period}" is already settled`);
  }
  const agents = get(input, "agents");
  const ids = checkAgents(issues, agents, { at: "/input/agents", draws: true });
  teamMetrics(issues, input, "/input");
  const restatements = get(input, "restatements");
  if (restatements === undefined) return;
  if (!Array.isArray(restatements)) {
    issues.expected("/input/restatements", "invalid_type", "an array of restatements", restatements);
    return;
  }
  const seen = new Set<string>();
  for (let i = 0; i < restatements.length; i++) {
    const r: unknown = restatements[i];
    const at = `/input/restatements/${i}`;
    if (!isObject(r)) {
      issues.expected(at, "invalid_type", "a restatement { period, agents }", r);
      continue;
    }
    keys(issues, r, at, ["period", "agents", "teamMetrics"]);
    const p = text(issues, r, at, "period");
    let record: SettledPeriod | undefined;
    if (p !== undefined && periods !== undefined) {
      record = periods.get(p);
      if (record === undefined) {
        issues.add(`${at}/period`, "unknown_period", `period "${p}" is not in the previous settlement`);
      } else if (seen.has(p)) issues.add(`${at}/period`, "duplicate_period", `period "${p}" is restated twice`);
      seen.add(p);
    }
    let paid: Map<string, number> | undefined;
    if (record !== undefined) {
      paid = known.paid.get(record);
      // The period paid the input's agents, in the same order (the usual case): their index serves.
      if (paid === undefined) {
        paid = sameIds(agents, record.agentIds) ? ids : indexIds(record.agentIds);
        known.paid.set(record, paid);
      }
    }
    checkAgents(issues, get(r, "agents"), { at: `${at}/agents`, ...(paid ? { paid } : {}), draws: false });
    teamMetrics(issues, r, at);
  }
}

function teamMetrics(issues: Issues, o: Record<string, unknown>, at: string): void {
  const t = get(o, "teamMetrics");
  if (t !== undefined && !isObject(t))
    issues.expected(`${at}/teamMetrics`, "invalid_type", "an object of metric values", t);
}

/** Where a list of agents sits and what it may hold. */
interface AgentList {
  /** The list's JSON pointer, e.g. `/input/agents`. */
  readonly at: string;
  /** The agents paid in the restated period (a restatement may only name these); absent: any agent. */
  readonly paid?: ReadonlyMap<string, unknown>;
  /** Whether an agent may carry a `draw` (the current period's agents, not a restatement's). */
  readonly draws: boolean;
}

/** Whether `agents` is a list of agents whose ids are `ids`, in that order. */
function sameIds(agents: unknown, ids: readonly string[]): boolean {
  if (!Array.isArray(agents) || agents.length !== ids.length) return false;
  for (let k = 0; k < ids.length; k++) {
    const a: unknown = agents[k];
    if (!isObject(a) || get(a, "id") !== ids[k]) return false;
  }
  return true;
}

/**
 * Checks a list of agents; returns each id at the index where it first appears
 * (an id that repeats is a `duplicate_id` issue).
 */
function checkAgents(issues: Issues, agents: unknown, list: AgentList): Map<string, number> {
  const { at, paid, draws } = list;
  if (!Array.isArray(agents)) {
    issues.expected(at, "invalid_type", "an array of agents { id, metrics }", agents);
    return new Map();
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < agents.length; i++) {
    const a: unknown = agents[i];
    const here = `${at}/${i}`;
    if (!isObject(a)) {
      issues.expected(here, "invalid_type", "an agent { id, metrics }", a);
      continue;
    }
    keys(issues, a, here, draws ? AGENT_KEYS_WITH_DRAW : AGENT_KEYS);
    const id = text(issues, a, here, "id");
    if (id !== undefined) {
      if (seen.has(id)) issues.add(`${here}/id`, "duplicate_id", `agent "${id}" appears twice`);
      else if (paid !== undefined && !paid.has(id)) {
        issues.add(`${here}/id`, "unknown_agent", `agent "${id}" was not paid in the restated period`);
      }
      if (!seen.has(id)) seen.set(id, i);
    }
    if (!isObject(get(a, "metrics"))) {
      issues.expected(
        `${here}/metrics`,
        get(a, "metrics") === undefined ? "missing_key" : "invalid_type",
        "an object of metric values",
        get(a, "metrics"),
      );
    }
    const draw = get(a, "draw");
    if (draw === undefined) continue;
    if (!isObject(draw)) {
      issues.expected(`${here}/draw`, "invalid_type", "a draw { amountMinor, recoverable, periods }", draw);
      continue;
    }
    keys(issues, draw, `${here}/draw`, DRAW_KEYS);
    for (const key of DRAW_KEYS) {
      const v = draw[key];
      const path = `${here}/draw/${key}`;
      if (v === undefined) issues.add(path, "missing_key", `"${key}" is required`);
      else if (key === "recoverable" ? typeof v !== "boolean" : !Number.isSafeInteger(v)) {
        issues.expected(path, "invalid_type", key === "recoverable" ? "true or false" : "an integer", v);
      } else if (key !== "recoverable" && (v as number) < (key === "periods" ? 1 : 0)) {
        issues.expected(path, "out_of_range", key === "periods" ? "an integer ≥ 1" : "an amount ≥ 0", v);
      }
    }
  }
  return seen;
}
